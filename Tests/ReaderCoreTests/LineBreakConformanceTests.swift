import TestSupport
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

    /// Reads every test line of the vendored Unicode file (none if it is missing: `fileIsThere` fails).
    static func load(_ path: String = TestPaths.unicodeData + "/auxiliary/LineBreakTest.txt") -> [LineBreakTestCase] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var cases: [LineBreakTestCase] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let parts = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let body = parts.first.map(String.init) ?? ""
            if body.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            var scalars: [Unicode.Scalar] = []
            var expected: [Bool] = []
            for token in body.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if token == "÷" {
                    expected.append(true)
                } else if token == "×" {
                    expected.append(false)
                } else if let v = UInt32(token, radix: 16), let s = Unicode.Scalar(v) {
                    scalars.append(s)
                }
            }
            // The first marker is before the first scalar (always ×, LB2).
            cases.append(
                LineBreakTestCase(
                    line: index + 1, scalars: scalars, expected: expected,
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

    @Test("the vendored Unicode 15.0 test file is there and has thousands of cases")
    func fileIsThere() {
        #expect(Self.cases.count > 7000, "Tests/UnicodeData/15.0.0/auxiliary/LineBreakTest.txt is missing or short")
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

extension LineBreakConformanceTests {
    @Test("the Chinese tailoring differs from LineBreakTest.txt only where a listed tailoring applies")
    func chineseDiffersOnlyByTailoring() {
        let breaker = LineBreaker(tailoring: .chinese)
        var unexplained: [String] = []
        var explained: [String: Int] = [:]
        for test in Self.cases {
            let got = breaker.opportunities(test.scalars)
            for position in test.mismatches(got) {
                if let reason = ChineseTailoring.explain(test.scalars, position, expectedBreak: test.expected[position])
                {
                    explained[reason, default: 0] += 1
                } else {
                    unexplained.append(Self.describe(test, got) + "\n  at position \(position)")
                }
            }
        }
        if !unexplained.isEmpty {
            let first = unexplained.prefix(15).joined(separator: "\n")
            Issue.record("\(unexplained.count) differences no tailoring explains, the first:\n\(first)")
        }
        print("tailored differences:", explained.sorted { $0.key < $1.key })
    }
}

/// The deliberate tailorings of `LineBreaker.Tailoring.chinese`, as predicates over a
/// `LineBreakTest.txt` case: each names why the tailored breaker may differ there.
enum ChineseTailoring {
    /// The reason a difference at `position` (before `scalars[position]`) is deliberate, if any.
    static func explain(_ s: [Unicode.Scalar], _ position: Int, expectedBreak: Bool) -> String? {
        guard position > 0, position < s.count else { return nil }
        let before = s[position - 1], here = s[position]
        let visible = s[..<position].last { $0 != " " } ?? before
        if let reason = quoteReason(before, here, visible) { return reason }
        if expectedBreak {
            if Kinsoku.forbidsLineStart(here) { return "clreq: no line starts with \(name(here))" }
            if Kinsoku.forbidsLineEnd(visible) { return "clreq: no line ends with \(name(visible))" }
            if here == "\"" || here == "'" { return "an ASCII quote not after a space closes" }
        }
        if !expectedBreak { return nil } // every tailoring only removes breaks, except quotes
        var digits = position - 1
        while digits > 0, Kinsoku.isNumeralMultiplier(s[digits]) { digits -= 1 }
        if isDigit(s[digits]), Kinsoku.isIdeograph(here) {
            return "a number keeps its unit (1000万套)"
        }
        if (isDigit(before) && Kinsoku.isRangeDash(here))
            || (position >= 2 && isDigit(s[position - 2]) && Kinsoku.isRangeDash(before) && isDigit(here))
        {
            return "a numeric range keeps its dash (2022—2023)"
        }
        if before == " ", isDigit(here) { return "a code keeps its capital prefix (CN 43-0005)" }
        return nil
    }

    /// Whether a scalar is an ASCII digit.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Differences Unicode 15.1's quotation rules explain.
    static func quoteReason(_ before: Unicode.Scalar, _ here: Unicode.Scalar, _ visible: Unicode.Scalar) -> String? {
        if isQuote(before) || isQuote(here) || isQuote(visible) {
            return "quotation marks follow Unicode 15.1 LB19/LB19a"
        }
        return nil
    }

    /// Whether a scalar has Line_Break class QU.
    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        LineBreakProperties(scalar).lineBreakClass == .QU
    }

    /// A scalar as U+XXXX for messages.
    static func name(_ scalar: Unicode.Scalar) -> String {
        "U+" + String(scalar.value, radix: 16, uppercase: true)
    }
}
