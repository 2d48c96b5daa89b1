import TestSupport
import Testing

@testable import ReaderCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads a vendored UCD property file into (first, last, value) ranges; throws if it is missing.
private func ucdRanges(_ file: String) throws -> [(UInt32, UInt32, String)] {
    let text = try String(contentsOfFile: TestPaths.unicodeData + "/" + file, encoding: .utf8)
    var ranges: [(UInt32, UInt32, String)] = []
    for line in text.split(separator: "\n") {
        let body = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let fields = body.split(separator: ";").map { $0.filter { $0 != " " } }
        guard fields.count >= 2 else { continue }
        let bounds = fields[0].components(separatedBy: "..")
        guard let first = UInt32(bounds[0], radix: 16), let last = UInt32(bounds[bounds.count - 1], radix: 16) else {
            continue
        }
        ranges.append((first, last, String(fields[1])))
    }
    return ranges
}

@Suite("Line break table")
struct LineBreakTableTests {
    @Test("the generated table agrees with LineBreak.txt for every listed code point")
    func agreesWithLineBreakTxt() throws {
        let ranges = try ucdRanges("LineBreak.txt")
        #expect(ranges.count > 1000)
        var mismatches: [String] = []
        var checked = 0
        for (first, last, value) in ranges {
            // LB1: AI, SG, XX resolve to AL and CJ to NS; SA depends on the category.
            let expected: String
            switch value {
            case "AI", "SG", "XX": expected = "AL"
            case "CJ": expected = "NS"
            case "SA": continue
            default: expected = value
            }
            for v in first...last {
                guard let scalar = Unicode.Scalar(v) else { continue }
                checked += 1
                let got = "\(LineBreakProperties(scalar).lineBreakClass)"
                if got != expected, mismatches.count < 10 {
                    mismatches.append("U+\(String(v, radix: 16, uppercase: true)): \(got), want \(expected)")
                }
            }
        }
        #expect(checked > 200_000)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test(
        "the East Asian flag is set exactly for F, W and H code points",
        arguments: [
            ("株", true), ("。", true), ("，", true), ("ｱ", true), ("“", false), ("—", false), ("a", false), ("·", false),
        ])
    func eastAsianFlag(text: String, eastAsian: Bool) {
        #expect(LineBreakProperties(text.unicodeScalars.first!).isEastAsian == eastAsian)
    }

    @Test("the East Asian flag agrees with EastAsianWidth.txt")
    func agreesWithEastAsianWidth() throws {
        let ranges = try ucdRanges("EastAsianWidth.txt")
        #expect(ranges.count > 1000)
        var mismatches: [String] = []
        for (first, last, value) in ranges {
            let wide = value == "F" || value == "W" || value == "H"
            for v in first...last {
                guard let scalar = Unicode.Scalar(v) else { continue }
                if LineBreakProperties(scalar).isEastAsian != wide, mismatches.count < 10 {
                    mismatches.append("U+\(String(v, radix: 16, uppercase: true)) \(value)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}

@Suite("Line break table layout")
struct LineBreakTableLayoutTests {
    @Test("the two-stage table has a page number for every 256 code points, each naming a stored page")
    func tableShape() {
        #expect(LineBreakTable.pages.count * 256 == 0x110000)
        #expect(LineBreakTable.blocks.count % 256 == 0)
        #expect(LineBreakTable.pages.allSatisfy { (Int($0) + 1) * 256 <= LineBreakTable.blocks.count })
        // Every stored page is used, and stored once.
        #expect(Set(LineBreakTable.pages).count * 256 == LineBreakTable.blocks.count)
        let pages = stride(from: 0, to: LineBreakTable.blocks.count, by: 256).map {
            Array(LineBreakTable.blocks[$0..<$0 + 256])
        }
        #expect(Set(pages).count == pages.count)
        // 株 is ID and East Asian; a Latin letter is AL.
        #expect(LineBreakProperties("株").lineBreakClass == .ID && LineBreakProperties("株").isEastAsian)
        #expect(LineBreakProperties("a").lineBreakClass == .AL)
    }
}
