/// The line-breaking properties of one scalar, packed in a byte as the table stores them.
public struct LineBreakProperties: Sendable, Equatable {
    /// Bits 0-5 class, bit 6 East Asian (F/W/H), bit 7 unassigned Extended_Pictographic.
    public let raw: UInt8

    /// The scalar's resolved Line_Break class.
    @inline(__always)
    public var lineBreakClass: LineBreakClass { LineBreakClass(rawValue: raw & 0x3F) ?? .AL }

    /// Whether East_Asian_Width is Fullwidth, Wide or Halfwidth (UAX #14's $EastAsian).
    @inline(__always)
    public var isEastAsian: Bool { raw & 0x40 != 0 }

    /// Whether the scalar is an unassigned Extended_Pictographic code point (LB30b).
    @inline(__always)
    public var isReservedPictographic: Bool { raw & 0x80 != 0 }

    /// Looks up a scalar in the generated table.
    @inline(__always)
    public init(_ scalar: Unicode.Scalar) {
        raw = LineBreakLookup.shared.raw(scalar.value)
    }
}

/// `LineBreakTable`'s two-stage lookup: a page number for every 256 code points,
/// then each distinct page once. The arrays are the generated literals, which
/// Swift -O lays out at compile time: nothing is decoded at start-up.
struct LineBreakLookup: Sendable {
    let pages: [UInt16]
    let blocks: [UInt8]

    static let shared = LineBreakLookup(pages: LineBreakTable.pages, blocks: LineBreakTable.blocks)

    /// The table byte of a code point (0…0x10FFFF).
    @inline(__always)
    func raw(_ value: UInt32) -> UInt8 {
        let page = Int(pages[Int(truncatingIfNeeded: value >> 8)])
        return blocks[page &<< 8 | Int(truncatingIfNeeded: value & 0xFF)]
    }

    /// A lookup over `pages` (one per 256 code points up to 0x10FFFF) and the pages they number.
    init(pages: [UInt16], blocks: [UInt8]) {
        // Page numbers are checked by the tests; a bad one would trap on lookup.
        precondition(pages.count == 0x1100, "a page number per 256 code points")
        self.pages = pages
        self.blocks = blocks
    }
}
