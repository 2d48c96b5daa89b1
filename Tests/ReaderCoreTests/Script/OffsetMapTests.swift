import ReaderCore
import Testing

@Suite("OffsetMap: source ↔ converted offsets, exact at phrase boundaries")
struct OffsetMapTests {
    /// 插入U盘后 → 插入隨身碟後: two scalars become three at offset 2.
    static var usb: OffsetMap {
        var map = OffsetMap()
        map.appendIdentity(2)
        map.appendPhrase(sourceLength: 2, convertedLength: 3)
        map.appendIdentity(1)
        return map
    }

    @Test(
        "source offsets map to the converted text and back",
        arguments: [(0, 0), (1, 1), (2, 2), (3, 3), (4, 5), (5, 6)])
    func sourceToConverted(source: Int, converted: Int) {
        #expect(Self.usb.converted(source) == converted)
        #expect(Self.usb.source(converted) == source)
    }

    @Test("an offset inside a lengthened phrase maps into the source phrase, clamped to its last scalar")
    func insidePhrase() {
        #expect(Self.usb.source(4) == 3) // 碟 → 盘
        #expect(Self.usb.sourceLength == 5)
        #expect(Self.usb.convertedLength == 6)
    }

    @Test(
        "ranges widen to whole changed phrases",
        arguments: [(2..<4, 2..<5), (3..<4, 2..<5), (4..<5, 5..<6), (0..<2, 0..<2), (1..<3, 1..<5)])
    func ranges(source: Range<Int>, converted: Range<Int>) {
        #expect(Self.usb.converted(source) == converted)
    }

    @Test("appending a block's map moves its phrases by what comes before")
    func appended() {
        var article = Self.usb
        article.append(Self.usb)
        #expect(article.pieces.count == 2)
        #expect(article.converted(5 + 4) == 6 + 5)
        #expect(article.source(6 + 2) == 5 + 2)
        #expect(!article.isIdentity)
        #expect(OffsetMap(identity: 7).isIdentity)
    }
}
