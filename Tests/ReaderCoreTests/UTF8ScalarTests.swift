import Testing

@testable import ReaderCore

@Suite("The one UTF-8 encoder and decoder")
struct UTF8ScalarTests {
    @Test(
        "a scalar's packed, appended and written bytes are Swift's own UTF-8, and decode back to it",
        arguments: [
            "a", "~", "é", "·", "—", "株", "洲", "、", "　", "ｱ", "\u{FFFD}", "😀", "𠀋",
            "\u{10FFFF}",
        ] as [Unicode.Scalar])
    func roundTrip(scalar: Unicode.Scalar) {
        let expected = Array(String(scalar).utf8)
        let packed = UTF8Scalar.packed(scalar.value)
        #expect(Int(packed >> 56) == expected.count)
        let low = (0..<expected.count).map { UInt8(truncatingIfNeeded: packed >> (8 * UInt64($0))) }
        #expect(low == expected)

        var appended: [UInt8] = [0x41]
        UTF8Scalar.append(scalar.value, to: &appended)
        #expect(appended == [0x41] + expected)

        var written = [UInt8](repeating: 0, count: 4)
        let count = written.withUnsafeMutableBufferPointer { UTF8Scalar.write(scalar.value, to: $0.baseAddress!) }
        #expect(Array(written[0..<count]) == expected)

        let decoded = (expected + [0, 0, 0]).withUnsafeBufferPointer { UTF8Scalar.decode($0.baseAddress!) }
        #expect(decoded.value == scalar.value)
        #expect(decoded.length == expected.count)
    }

    @Test("decoding walks mixed CJK and ASCII text scalar by scalar, as String does")
    func decodeText() {
        let text = "株洲日报 2023年3月29日 · café 😀"
        let bytes = Array(text.utf8)
        var scalars: [UInt32] = []
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let (value, length) = UTF8Scalar.decode(p.baseAddress! + i)
                scalars.append(value)
                i += length
            }
        }
        #expect(scalars == text.unicodeScalars.map(\.value))
    }
}
