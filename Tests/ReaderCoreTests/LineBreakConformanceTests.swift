import Testing
@testable import ReaderCore

/// One line of `LineBreakTest.txt`: scalars and the expected break before each and at the end.
struct LineBreakTestCase: CustomStringConvertible {
    let line: Int
    let scalars: [Unicode.Scalar]
    /// `expected[i]` is true when the test allows a break before `scalars[i]` (index `count`: end).
    let expected: [Bool]
    let comment: String

    var description: String { "line \(line): \(comment)" }

    /// Reads every test line of the Unicode file, or nothing if it is missing.
    static func load(_ path: String = "/usr/share/unicode/auxiliary/LineBreakTest.txt") -> [LineBreakTestCase] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var cases: [LineBreakTestCase] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let parts = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let body = parts.first.map(String.init) ?? ""
            if body.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            var scalars: [Unicode.Scalar] = []
            var expected: [Bool] = []
            for token in body.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if token == "÷" { expected.append(true) }
                else if token == "×" { expected.append(false) }
                else if let v = UInt32(token, radix: 16), let s = Unicode.Scalar(v) { scalars.append(s) }
            }
            // The first marker is before the first scalar (always ×, LB2).
            cases.append(LineBreakTestCase(line: index + 1, scalars: scalars, expected: expected,
                                           comment: parts.count > 1 ? String(parts[1]) : ""))
        }
        return cases
    }

    /// Positions where `opportunities` disagrees with the test.
    func mismatches(_ opportunities: [LineBreakOpportunity]) -> [Int] {
        (0..<expected.count).filter { (opportunities[$0] != .prohibited) != expected[$0] }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("UAX #14 conformance")
struct LineBreakConformanceTests {
    static let cases = LineBreakTestCase.load()

    @Test("the Unicode test file is on the machine and has thousands of cases")
    func fileIsThere() {
        #expect(Self.cases.count > 7000, "install Debian's unicode-data")
    }

    @Test("plain UAX #14 passes every line of LineBreakTest.txt")
    func plainPassesAll() {
        let breaker = LineBreaker(tailoring: .none)
        var failures: [String] = []
        for test in Self.cases {
            let got = breaker.opportunities(test.scalars)
            let bad = test.mismatches(got)
            if !bad.isEmpty { failures.append(Self.describe(test, got)) }
        }
        if !failures.isEmpty {
            let first = failures.prefix(15).joined(separator: "\n")
            Issue.record("\(failures.count) lines fail, the first:\n\(first)")
        }
    }

    /// Writes a case with the expected and the computed markers for reading.
    static func describe(_ test: LineBreakTestCase, _ got: [LineBreakOpportunity]) -> String {
        var want = "", have = ""
        for (i, s) in test.scalars.enumerated() {
            want += (test.expected[i] ? "÷ " : "× ") + String(s.value, radix: 16, uppercase: true) + " "
            have += (got[i] != .prohibited ? "÷ " : "× ") + String(s.value, radix: 16, uppercase: true) + " "
        }
        want += test.expected[test.scalars.count] ? "÷" : "×"
        have += got[test.scalars.count] != .prohibited ? "÷" : "×"
        return "line \(test.line)\n  want \(want)\n  got  \(have)\n  \(test.comment)"
    }
}
