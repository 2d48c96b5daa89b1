import Testing

@testable import ReaderCore

@Suite("Generated width table")
struct WidthTableTests {
    static let generatedPath = "Sources/ReaderCore/Text/Generated/WidthTable.swift"

    /// The Unicode version named in the vendored UCD's ReadMe.txt.
    private func vendoredVersion() throws -> String {
        let readMe = try WidthFixtures.readUCD("ReadMe.txt")
        let marker = "for Version "
        let start = try #require(readMe.firstRange(of: marker), "ReadMe.txt names no version").upperBound
        let version = readMe[start...].prefix { $0.isNumber || $0 == "." }
        return String(version.hasSuffix(".") ? version.dropLast() : version)
    }

    @Test("the generated table's header names its sources, the Unicode version and the command")
    func headerNamesSourceAndVersion() throws {
        let source = try WidthFixtures.read(Self.generatedPath)
        let header = source.split(separator: "\n").prefix { $0.hasPrefix("//") }.joined(separator: "\n")
        #expect(header.contains("GENERATED FILE"))
        #expect(header.contains("Unicode \(WidthTable.unicodeVersion)"))
        #expect(WidthTable.unicodeVersion.hasPrefix("15.0"))
        for file in [
            "UnicodeData.txt", "EastAsianWidth.txt", "emoji/emoji-data.txt",
            "GraphemeBreakProperty.txt", "PropList.txt",
        ] {
            #expect(header.contains(file), "the header does not name \(file)")
        }
        #expect(header.contains("Regenerate: python3 Scripts/gen-unicode-tables.py"))
        let script = try WidthFixtures.read("Scripts/gen-unicode-tables.py")
        #expect(script.contains("WidthTable.swift"))
    }

    @Test("the generated table is the vendored Unicode data's version")
    func tableMatchesInstalledData() throws {
        #expect(try vendoredVersion() == WidthTable.unicodeVersion)
        #expect(
            WidthFixtures.ucd.hasSuffix("/" + WidthTable.unicodeVersion), "the vendored folder is named by its version")
        #expect(DisplayWidth.unicodeVersion == WidthTable.unicodeVersion)
    }

    @Test("the two-stage table has a block number for every block, each naming a block")
    func tableShape() {
        let size = 1 << Int(WidthTable.blockShift)
        #expect(WidthTable.blocks.count * size == 0x110000)
        #expect(WidthTable.bytes.count % size == 0)
        #expect(WidthTable.blocks.allSatisfy { (Int($0) + 1) * size <= WidthTable.bytes.count })
        // Every distinct block is used, and stored once.
        #expect(Set(WidthTable.blocks).count * size == WidthTable.bytes.count)
        let blocks = stride(from: 0, to: WidthTable.bytes.count, by: size).map { WidthTable.bytes[$0..<$0 + size] }
        #expect(Set(blocks.map(Array.init)).count == blocks.count)
    }

    @Test("every code point's joining and emoji bits are what the Unicode 15.0 data says")
    func flagsAgreeWithUnicodeData() throws {
        var expected = [UInt8](repeating: 0, count: 0x110000)
        let joining: Set<String> = ["Extend", "ZWJ", "SpacingMark", "Prepend", "Regional_Indicator", "L", "V", "T"]
        for (range, value) in try UCD.ranges("auxiliary/GraphemeBreakProperty.txt") where joining.contains(value) {
            for v in range { expected[Int(v)] |= DisplayWidth.Table.joins }
        }
        for (range, value) in try UCD.ranges("emoji/emoji-data.txt") {
            let bit: UInt8 =
                value == "Emoji"
                ? DisplayWidth.Table.emoji
                : value == "Extended_Pictographic" ? DisplayWidth.Table.pictographic : 0
            for v in range { expected[Int(v)] |= bit }
        }
        let table = DisplayWidth.Table.shared
        let flags = DisplayWidth.Table.joins | DisplayWidth.Table.emoji | DisplayWidth.Table.pictographic
        var wrong: [String] = []
        for v in 0..<0x110000 where table.byte(UInt32(v)) & flags != expected[v] {
            wrong.append("U+\(String(v, radix: 16, uppercase: true))")
        }
        #expect(wrong.isEmpty, "\(wrong.count) code points differ: \(wrong.prefix(20).joined(separator: " "))")
        // Spot checks: 王 stands alone, a combining acute and ZWJ join, 😀 is an emoji.
        #expect(table.byte(0x738B) & flags == 0)
        #expect(table.byte(0x0301) & DisplayWidth.Table.joins != 0)
        #expect(table.byte(0x200D) & DisplayWidth.Table.joins != 0)
        #expect(table.byte(0x1F600) & DisplayWidth.Table.emoji != 0)
    }

    /// The Unicode data one rule at a time: East_Asian_Width, General_Category,
    /// Emoji_Presentation and Prepended_Concatenation_Mark of every code point.
    private struct UCD {
        var eastAsianWidth: [String: ClosedRange<UInt32>] = [:]
        var widths = [UInt8](repeating: UInt8(ascii: "N"), count: 0x110000)
        var category = [Substring?](repeating: nil, count: 0x110000)
        var emojiPresentation = [Bool](repeating: false, count: 0x110000)
        var concatenationMarks = [Bool](repeating: false, count: 0x110000)

        init() throws {
            for (first, last) in [
                (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
                (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
            ] {
                for v in first...last { widths[v] = UInt8(ascii: "W") }
            }
            for (range, value) in try Self.ranges("EastAsianWidth.txt") {
                let code = value == "Na" ? UInt8(ascii: "n") : value.utf8.first!
                for v in range { widths[Int(v)] = code }
            }
            var rangeStart: UInt32?
            for line in try WidthFixtures.readUCD("UnicodeData.txt").split(separator: "\n") {
                let fields = line.split(separator: ";", maxSplits: 3, omittingEmptySubsequences: false)
                let v = UInt32(fields[0], radix: 16)!
                if fields[1].hasSuffix(", First>") { rangeStart = v; continue }
                let first = fields[1].hasSuffix(", Last>") ? rangeStart! : v
                for c in first...v { category[Int(c)] = fields[2] }
            }
            for (range, value) in try Self.ranges("emoji/emoji-data.txt") where value == "Emoji_Presentation" {
                for v in range { emojiPresentation[Int(v)] = true }
            }
            for (range, value) in try Self.ranges("PropList.txt") where value == "Prepended_Concatenation_Mark" {
                for v in range { concatenationMarks[Int(v)] = true }
            }
        }

        /// (code points, value) of each line of a UCD property file.
        static func ranges(_ file: String) throws -> [(ClosedRange<UInt32>, String)] {
            try WidthFixtures.readUCD(file).split(separator: "\n").compactMap { line in
                let data = line.prefix { $0 != "#" }
                let fields = data.split(separator: ";").map { $0.filter { $0 != " " } }
                guard fields.count >= 2 else { return nil }
                let bounds = fields[0].split(separator: ".", omittingEmptySubsequences: true)
                let first = UInt32(bounds[0], radix: 16)!
                let last = bounds.count > 1 ? UInt32(bounds[1], radix: 16)! : first
                return (first...last, String(fields[1]))
            }
        }

        /// Cells the documented rules give a code point: (narrow, wide).
        func expected(_ v: UInt32) -> (Int, Int) {
            let gc = category[Int(v)]
            let eaw = widths[Int(v)]
            if gc == "Cc" || gc == "Zl" || gc == "Zp" { return (0, 0) }
            if concatenationMarks[Int(v)] { return (1, 1) }
            if gc == "Mn" || gc == "Me" || gc == "Cf" { return (0, 0) }
            if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return (0, 0) }
            if eaw == UInt8(ascii: "W") || eaw == UInt8(ascii: "F") { return (2, 2) }
            if emojiPresentation[Int(v)] && !(0x1F1E6...0x1F1FF).contains(v) { return (2, 2) }
            if (0x3248...0x324F).contains(v) || (0x4DC0...0x4DFF).contains(v) { return (2, 2) }
            if eaw == UInt8(ascii: "A") { return (1, 2) }
            return (1, 1)
        }
    }

    @Test("every code point measures what the Unicode 15.0 data and the documented rules say")
    func agreesWithUnicodeData() throws {
        let ucd = try UCD()
        let narrow = DisplayWidth(), wide = DisplayWidth(ambiguous: .wide)
        var mismatches: [String] = []
        var count = 0
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let (n, w) = ucd.expected(v)
            let got = (narrow.of(scalar), wide.of(scalar))
            if got != (n, w) {
                count += 1
                if mismatches.count < 25 {
                    mismatches.append(
                        "U+\(String(v, radix: 16, uppercase: true)) "
                            + "\(ucd.category[Int(v)] ?? "unassigned"): expected \(n)/\(w), got \(got.0)/\(got.1)")
                }
            }
        }
        #expect(count == 0, "\(count) code points differ; the first ones:\n\(mismatches.joined(separator: "\n"))")
    }
}
