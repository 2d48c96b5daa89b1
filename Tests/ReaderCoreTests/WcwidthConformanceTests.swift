#if canImport(Glibc)
import Glibc
import Testing
@testable import ReaderCore

/// DisplayWidth agrees with glibc's wcwidth, which ncursesw (and tmux) use to
/// place characters on the screen, for every code point wcwidth knows.
@Suite("Display width agrees with glibc wcwidth")
struct WcwidthConformanceTests {
    /// A deliberate disagreement with glibc 2.36 (Debian 12, Unicode 14 based).
    struct Exception: Sendable, CustomTestStringConvertible {
        let range: ClosedRange<UInt32>
        let glibc: Int
        let ours: Int
        let reason: String
        var testDescription: String {
            "U+" + String(range.lowerBound, radix: 16, uppercase: true)
                + (range.count > 1 ? "…U+" + String(range.upperBound, radix: 16, uppercase: true) : "")
        }
    }

    static let exceptions: [Exception] = [
        Exception(
            range: 0x00AD...0x00AD, glibc: 1, ours: 0,
            reason: """
                SOFT HYPHEN is an invisible format character (Cf, Default_Ignorable_Code_Point) \
                that only shows as a hyphen at a line break, which the typesetter decides; format \
                characters take 0 cells and the sanitizer keeps them from the terminal. glibc keeps \
                1 cell, a legacy of ISO 8859-1 terminals that always print it.
                """)
    ]

    /// glibc's `wcwidth`, which Swift's Glibc module does not import (it needs _XOPEN_SOURCE).
    private static let wcwidthFunction: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// glibc's width of a code point in the current locale (-1 when unknown).
    private func wcwidth(_ v: UInt32) throws -> Int {
        let function = try #require(Self.wcwidthFunction, "glibc's wcwidth not found")
        return Int(function(Int32(bitPattern: v)))
    }

    /// Calls `body` with glibc's C.UTF-8 character types active on this thread only
    /// (uselocale rather than setlocale, so tests running in parallel are unaffected).
    private func inUTF8Locale(_ body: () throws -> Void) throws {
        let ctypeMask = Int32(1) << LC_CTYPE
        let utf8 = try #require(newlocale(ctypeMask, "C.UTF-8", nil), "glibc has no C.UTF-8 locale")
        let previous = uselocale(utf8)
        defer {
            uselocale(previous)
            freelocale(utf8)
        }
        try body()
    }

    /// The exception covering a code point, if any.
    private func exception(for v: UInt32) -> Exception? {
        Self.exceptions.first { $0.range.contains(v) }
    }

    /// A code point as "U+XXXX NAME".
    private func describe(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        let name = Unicode.Scalar(v)?.properties.name ?? "unnamed"
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " " + name
    }

    @Test("every code point that wcwidth knows measures what wcwidth says, except the listed exceptions")
    func allCodePointsAgree() throws {
        try inUTF8Locale { () throws in
            // The locale really is UTF-8: an ideograph is wide.
            try #require(try wcwidth(0x682A) == 2, "wcwidth does not see a UTF-8 locale")
            let width = DisplayWidth()
            var compared = 0
            var mismatches: [String] = []
            var mismatchCount = 0
            for v in UInt32(0)...0x10FFFF {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let expected = try wcwidth(v)
                guard expected >= 0 else { continue }
                compared += 1
                let cells = width.of(scalar)
                if let exception = exception(for: v), exception.glibc == expected, exception.ours == cells {
                    continue
                }
                if cells != expected {
                    mismatchCount += 1
                    if mismatches.count < 25 {
                        mismatches.append("\(describe(v)): wcwidth \(expected), DisplayWidth \(cells)")
                    }
                }
            }
            #expect(compared > 250_000, "wcwidth knew only \(compared) code points")
            #expect(
                mismatchCount == 0,
                """
                \(mismatchCount) code points disagree with glibc wcwidth; the first ones:
                \(mismatches.joined(separator: "\n"))
                """)
        }
    }

    @Test(
        "every listed exception still disagrees with glibc, as its reason says",
        arguments: exceptions)
    func exceptionsAreStillNeeded(exception: Exception) throws {
        #expect(!exception.reason.isEmpty)
        try inUTF8Locale { () throws in
            for v in exception.range {
                let scalar = try #require(Unicode.Scalar(v))
                #expect(try wcwidth(v) == exception.glibc, "\(describe(v)) in glibc")
                #expect(DisplayWidth().of(scalar) == exception.ours, "\(describe(v)) in DisplayWidth")
            }
        }
    }

    @Test(
        "ambiguous characters are narrow by default, as in glibc's UTF-8 locales",
        arguments: ["“", "”", "‘", "’", "—", "…", "·", "①"] as [Unicode.Scalar])
    func ambiguousIsNarrowLikeGlibc(scalar: Unicode.Scalar) throws {
        try inUTF8Locale { () throws in
            #expect(try wcwidth(scalar.value) == 1)
            #expect(DisplayWidth().of(scalar) == 1)
            #expect(DisplayWidth(ambiguous: .wide).of(scalar) == 2)
        }
    }
}
#endif
