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
    /// 256-byte blocks, concatenated: one per uniform value, one per mixed page.
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
        if starts.first != 0 {
            starts.insert(0, at: 0)
            values.insert(LineBreakClass.AL.rawValue, at: 0)
        }
        // Pages one range covers share one block per value; mixed pages get their own.
        var pages = [UInt16](repeating: 0, count: 0x1100)
        var blocks: [UInt8] = []
        var uniform = [Int](repeating: -1, count: 256)
        var r = 0
        for page in 0..<0x1100 {
            let pageStart = page << 8, pageEnd = pageStart + 256
            while r + 1 < starts.count, starts[r + 1] <= pageStart { r += 1 }
            let rangeEnd = r + 1 < starts.count ? starts[r + 1] : 0x110000
            if rangeEnd >= pageEnd {
                let value = Int(values[r])
                if uniform[value] < 0 {
                    uniform[value] = blocks.count >> 8
                    blocks.append(contentsOf: repeatElement(values[r], count: 256))
                }
                pages[page] = UInt16(uniform[value])
                continue
            }
            pages[page] = UInt16(blocks.count >> 8)
            var k = r
            var c = pageStart
            while c < pageEnd {
                let end = min(pageEnd, k + 1 < starts.count ? starts[k + 1] : 0x110000)
                blocks.append(contentsOf: repeatElement(values[k], count: end - c))
                c = end
                k += 1
            }
        }
        self.pages = pages
        self.blocks = blocks
    }
}
