import TestSupport
import Testing

@testable import ReaderCore

@Suite(
    "繁简 conversion through OpenCC, with exact offset maps",
    .enabled(if: SystemRequirement.openCC, Comment(rawValue: SystemRequirement.openCCReason)))
struct ScriptConversionTests {
    /// A mapped conversion of `config` (with its length-keeping sibling, if it has one).
    static func conversion(_ config: String) throws -> MappedConversion {
        let sibling = ["s2twp": "s2tw", "tw2sp": "tw2s"][config]
        return MappedConversion(
            converter: try OpenCCConverter(config: config), sibling: try sibling.map { try OpenCCConverter(config: $0) }
        )
    }

    @Test(
        "OpenCC converts phrase by phrase in each configuration",
        arguments: [
            ("s2t", "株洲日报记者报道", "株洲日報記者報道"),
            ("s2t", "查阅资料，头发都白了", "查閱資料，頭髮都白了"),
            ("t2s", "查閱資料，頭髮都白了", "查阅资料，头发都白了"),
            ("s2tw", "软件里的着装规范", "軟件裡的著裝規範"),
            ("s2hk", "软件里的着装规范", "軟件裏的着裝規範"),
            ("s2twp", "插入U盘后打开软件", "插入隨身碟後開啟軟體"),
            ("tw2sp", "插入隨身碟後打開軟體", "插入U盘后打开软件"),
            ("t2tw", "爲人民服務", "為人民服務"),
        ])
    func converts(config: String, text: String, expected: String) throws {
        #expect(try OpenCCConverter(config: config).convert(text) == expected)
    }

    static let texts = [
        "株洲日报讯（全媒体记者/马文章）近日，“2022数字城市论坛”在北京召开。",
        "株洲日報訊（全媒體記者/馬文章）近日，「2022數字城市論壇」在北京召開。",
        "她查阅了大量资料，头发都白了；发展才是硬道理！",
        "",
    ]

    @Test(
        "configurations that keep lengths map every offset to itself, both ways",
        arguments: ["s2t", "t2s", "s2tw", "s2hk", "tw2s", "hk2s", "t2tw", "t2hk"], texts)
    func equalLength(config: String, text: String) throws {
        let mapped = try Self.conversion(config).convert(text)
        let count = text.unicodeScalars.count
        #expect(mapped.text.unicodeScalars.count == count)
        #expect(mapped.map.isIdentity)
        for offset in 0...count {
            #expect(mapped.map.source(mapped.map.converted(offset)) == offset)
        }
    }

    @Test(
        "a length-changing conversion is mapped exactly: each phrase boundary lands on the same text",
        arguments: [
            ("s2twp", "插入U盘后，打开软件。", "插入隨身碟後，開啟軟體。"),
            ("s2twp", "互联网用户在博客上发文，内存不足。", "網際網路使用者在部落格上發文，記憶體不足。"),
            ("s2twp", "乘的士去机场", "乘計程車去機場"),
            ("tw2sp", "網際網路使用者在部落格上發文，記憶體不足。", "互联网用户在博客上发文，内存不足。"),
            ("tw2sp", "插入隨身碟後，打開軟體。", "插入U盘后，打开软件。"),
        ])
    func lengthChanging(config: String, text: String, expected: String) throws {
        let conversion = try Self.conversion(config)
        let mapped = conversion.convert(text)
        #expect(mapped.text == expected)
        // The clause-by-clause text is what OpenCC gives the whole text.
        #expect(mapped.text == conversion.converter.convert(text))
        #expect(mapped.map.sourceLength == text.unicodeScalars.count)
        #expect(mapped.map.convertedLength == expected.unicodeScalars.count)
        #expect(!mapped.map.isIdentity)
        // Every scalar OpenCC left alone (ASCII, punctuation, 的, 和) is found at its own
        // place in the other text, both ways.
        let source = Array(text.unicodeScalars)
        let converted = Array(expected.unicodeScalars)
        for (offset, scalar) in source.enumerated()
        where converted.contains(scalar) && !"U".unicodeScalars.contains(scalar) {
            let there = mapped.map.converted(offset)
            if converted[there] == scalar {
                #expect(mapped.map.source(there) == offset, "\(scalar) at \(offset)")
            }
        }
        // Every phrase maps onto the converted phrase: ranges of whole pieces.
        for piece in mapped.map.pieces {
            let from = String(String.UnicodeScalarView(source[piece.source..<(piece.source + piece.sourceLength)]))
            let to = String(
                String.UnicodeScalarView(converted[piece.converted..<(piece.converted + piece.convertedLength)]))
            #expect(conversion.converter.convert(from) == to)
        }
        // Every segment boundary of the whole text, found by brute force (converting the
        // two sides apart gives the whole's conversion), maps where its head's conversion ends.
        for k in 1..<source.count {
            let head = conversion.converter.convert(String(String.UnicodeScalarView(source[0..<k])))
            let tail = conversion.converter.convert(String(String.UnicodeScalarView(source[k...])))
            guard head + tail == expected else { continue }
            #expect(mapped.map.converted(k) == head.unicodeScalars.count, "boundary \(k)")
            #expect(mapped.map.source(head.unicodeScalars.count) == k, "boundary \(k)")
        }
        // Offsets after the last change map by the difference of lengths.
        let delta = converted.count - source.count
        #expect(mapped.map.converted(source.count) == source.count + delta)
    }

    @Test("the offsets of U盘 in a sentence map onto 隨身碟")
    func usbOffsets() throws {
        let mapped = try Self.conversion("s2twp").convert("插入U盘后，打开软件。")
        #expect(mapped.map.converted(2..<4) == 2..<5) // U盘 → 隨身碟
        #expect(mapped.map.converted(4) == 5) // 后 → 後
        #expect(mapped.map.source(5) == 4)
        #expect(mapped.map.source(2..<5) == 2..<4)
        #expect(mapped.map.converted(7..<9) == 8..<10) // 软件 → 軟體
        #expect(mapped.text == "插入隨身碟後，開啟軟體。")
    }

    @Test(
        "an edition's script is told from a sample of its text",
        arguments: [(nil, SourceScript.simplified), ("s2t", .traditional), ("s2tw", .taiwan), ("s2hk", .hongKong)])
    func detection(config: String?, expected: SourceScript) throws {
        var edition = SampleEdition.edition
        if let config {
            let conversion = EditionConversion(conversion: try Self.conversion(config))
            edition = conversion.heads(of: edition)
            for index in edition.articles.indices {
                edition.articles[index] = conversion.body(of: edition.articles[index]).article
            }
        }
        let found = try ScriptDetector.detect(edition) { (config) throws(ScriptConversionError) in
            try OpenCCConverter(config: config)
        }
        #expect(found == expected)
        // The verdict is far from the 5 % line: a Simplified sample has next to no
        // Traditional-only forms, a Traditional one a large share.
        let sample = ScriptDetector.sample(of: edition)
        let share =
            100 * ScriptDetector.changed(sample, by: try OpenCCConverter(config: "t2s")) / sample.unicodeScalars.count
        #expect(config == nil ? share < 1 : share > 15, "\(share) %")
    }

    @Test("a converted edition keeps its article ids, datelines and every body offset")
    func convertedEdition() throws {
        let shelf = ScriptShelf()
        let edition = SampleEdition.edition
        let heads = try shelf.heads(of: edition, config: "s2t")
        #expect(heads.masthead.title == "株洲日報")
        #expect(heads.articles.map(\.id) == edition.articles.map(\.id))
        for index in edition.articles.indices {
            let converted = try shelf.article(index, of: edition, config: "s2t")
            #expect(converted.map.isIdentity)
            #expect(converted.article.characterCount == edition.articles[index].characterCount)
            #expect(
                converted.article.blocks.map(\.datelineLength) == edition.articles[index].blocks.map(\.datelineLength))
        }
    }

    @Test("a configuration OpenCC cannot open is an error that names it, never a crash")
    func missingConfiguration() {
        #expect(throws: ScriptConversionError.self) { try OpenCCConverter(config: "s2klingon") }
        do {
            _ = try OpenCCConverter(config: "s2klingon")
        } catch {
            #expect("\(error)".contains("s2klingon"))
        }
    }

    @Test("the script named for display picks OpenCC's configuration from the edition's own")
    func configurationChoice() {
        #expect(DisplayScript.traditional.configuration(from: .simplified) == "s2t")
        #expect(DisplayScript.simplified.configuration(from: .simplified) == nil)
        #expect(DisplayScript.simplified.configuration(from: .taiwan) == "tw2sp")
        #expect(DisplayScript.simplified.configuration(from: .hongKong) == "hk2s")
        #expect(DisplayScript.taiwan.configuration(from: .simplified) == "s2twp")
        #expect(DisplayScript.hongKong.configuration(from: .traditional) == "t2hk")
        #expect(DisplayScript.original.configuration(from: .traditional) == nil)
    }

    @Test(
        "z cycles original → 简 → 繁, leaving out the script the paper is printed in",
        arguments: [
            (SourceScript.simplified, DisplayScript.original, [DisplayScript.traditional, .original]),
            (.traditional, .original, [.simplified, .original]),
            (.simplified, .taiwan, [.taiwan, .original]),
            (.taiwan, .hongKong, [.simplified, .hongKong, .original]),
        ])
    func cycle(source: SourceScript, preferred: DisplayScript, expected: [DisplayScript]) {
        var script = DisplayScript.original
        var seen: [DisplayScript] = []
        for _ in expected {
            script = script.next(source: source, preferred: preferred)
            seen.append(script)
        }
        #expect(seen == expected)
    }
}
