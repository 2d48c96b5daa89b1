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

/// The generated range table decoded once into a two-stage lookup (256-entry blocks).
struct LineBreakLookup: Sendable {
    /// Block number for each 256-code-point page of the code space.
    let pages: [UInt16]
    /// Deduplicated 256-byte blocks, concatenated.
    let blocks: [UInt8]

    static let shared = LineBreakLookup(records: LineBreakTable.records)

    /// Raw property byte of a code point.
    @inline(__always)
    func raw(_ value: UInt32) -> UInt8 {
        let page = Int(pages[Int(truncatingIfNeeded: value >> 8)])
        return blocks[page &<< 8 | Int(truncatingIfNeeded: value & 0xFF)]
    }

    /// Decodes `records` (6 hex digits start + 2 hex digits value, newlines ignored).
    init(records: String) {
        var starts: [Int] = []
        var values: [UInt8] = []
        var digits = 0
        var number = 0
        for byte in records.utf8 {
            let nibble: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = Int(byte - UInt8(ascii: "A")) + 10
            default: continue
            }
            number = number << 4 | nibble
            digits += 1
            if digits == 6 {
                starts.append(number)
                number = 0
            } else if digits == 8 {
                values.append(UInt8(number))
                number = 0
                digits = 0
            }
        }
        var flat = [UInt8](repeating: UInt8(LineBreakClass.AL.rawValue), count: 0x110000)
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : 0x110000
            if start < end { for c in start..<end { flat[c] = values[index] } }
        }
        var pages: [UInt16] = []
        pages.reserveCapacity(0x1100)
        var blocks: [UInt8] = []
        var seen: [[UInt8]: UInt16] = [:]
        for page in 0..<0x1100 {
            let block = Array(flat[page << 8 ..< (page + 1) << 8])
            if let id = seen[block] {
                pages.append(id)
            } else {
                let id = UInt16(seen.count)
                seen[block] = id
                blocks.append(contentsOf: block)
                pages.append(id)
            }
        }
        self.pages = pages
        self.blocks = blocks
    }
}
