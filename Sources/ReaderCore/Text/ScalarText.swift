/// A paragraph's scalars and their cell bytes, as the typesetter measured them,
/// shared by every run set from the paragraph.
///
/// Runs of body text point into one `ScalarText` by range instead of each holding
/// a `String`: a whole-edition `--dump` sets millions of runs, and making, validating,
/// measuring and walking a `String` per run was a third of the layout's cost.
@usableFromInline
final class ScalarText: Sendable {
    /// Per-scalar cell bytes (`Typesetter.Cell`): width in the low bits, flags above.
    @usableFromInline
    enum Cell {
        @usableFromInline static let widthMask: UInt8 = 0x07
        /// The scalar continues the grapheme cluster before it (no break, no gap).
        static let continuation: UInt8 = 0x08
        /// Never drawn: control characters and hard line breaks.
        static let hidden: UInt8 = 0x10
        /// U+0020: hangs at a line end, widened by justification.
        static let space: UInt8 = 0x20
        /// Drawn two cells wide.
        static let wide: UInt8 = 0x40
    }

    @usableFromInline let scalars: [Unicode.Scalar]
    @usableFromInline let cells: [UInt8]
    /// How East Asian Ambiguous scalars were measured into `cells`.
    @usableFromInline let ambiguous: AmbiguousWidth
    /// Every scalar is a grapheme cluster of its own and drawn (none hidden), so a
    /// range of it draws scalar by scalar with the widths in `cells`.
    let isSimple: Bool

    init(scalars: [Unicode.Scalar], cells: [UInt8], ambiguous: AmbiguousWidth, isSimple: Bool) {
        self.scalars = scalars
        self.cells = cells
        self.ambiguous = ambiguous
        self.isSimple = isSimple
    }

    /// The scalars of `text`, decoded from its UTF-8 in one pass (`for scalar in
    /// text.unicodeScalars` with appends costs about five times as much).
    static func decode(_ text: String) -> [Unicode.Scalar] {
        let decoded = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar] in
            // Counted first, then decoded straight into an array of exactly as many
            // scalars: the array is kept by every run set from it, and CJK text has a
            // third as many scalars as bytes.
            guard let p = bytes.baseAddress, bytes.count > 0 else { return [] }
            let end = bytes.count
            var count = 0
            var i = 0
            // Every byte but a continuation byte (10xxxxxx) starts a scalar; eight at a time.
            while i + 8 <= end {
                let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                // Continuation flags moved to bit 0 of each byte, summed into the top byte by
                // the multiply (the baseline x86-64 target has no popcnt instruction).
                let continuations = (w & ~(w << 1) & 0x8080_8080_8080_8080) >> 7
                count += 8 - Int(truncatingIfNeeded: (continuations &* 0x0101_0101_0101_0101) >> 56)
                i += 8
            }
            while i < end {
                if p[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            var scalars = [Unicode.Scalar](filled: Unicode.Scalar(0), count: count)
            scalars.withUnsafeMutableBufferPointer { buffer in
                var i = 0
                var n = 0
                while i < end {
                    let (v, length) = UTF8Scalar.decode(p + i)
                    i += length
                    // A String's UTF-8 is always valid, so every decoded value is a scalar.
                    buffer[n] = unsafeBitCast(v, to: Unicode.Scalar.self)
                    n += 1
                }
            }
            return scalars
        }
        if let decoded { return decoded }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar) }
        return scalars
    }

    /// The drawn scalars of `range` (hidden ones left out) as a `String`.
    func string(_ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 3)
        for k in range where cells[k] & Cell.hidden == 0 {
            UTF8Scalar.append(scalars[k].value, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Cells taken by the scalars of `range` (hidden ones take none).
    func width(_ range: Range<Int>) -> Int {
        var total = 0
        for k in range where cells[k] & Cell.hidden == 0 { total += Int(cells[k] & Cell.widthMask) }
        return total
    }
}
