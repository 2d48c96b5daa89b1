/// A Line_Break class of UAX #14 after rule LB1 (AI, SG, XX → AL; SA → CM or AL; CJ → NS).
///
/// The order matches `CLASSES` in `Scripts/gen-linebreak-table.py`.
public enum LineBreakClass: UInt8, Sendable, CaseIterable {
    case BK, CR, LF, NL, SP, ZW, ZWJ, CM, WJ, GL, BA, BB, B2, HY, CB, CL, CP, EX, IN, NS,
        OP, QU, IS, NU, PO, PR, SY, AL, HL, ID, EB, EM, H2, H3, JL, JV, JT, RI

    // Compare raw bytes: the RawRepresentable `==` the compiler would pick otherwise
    // is a generic call that made the breaker's inner loop five times slower.
    @inline(__always)
    public static func == (a: LineBreakClass, b: LineBreakClass) -> Bool { a.rawValue == b.rawValue }

    @inline(__always)
    public static func != (a: LineBreakClass, b: LineBreakClass) -> Bool { a.rawValue != b.rawValue }
}
