/// A paragraph set into lines but not drawn: the shared scalars, and per line its
/// segments as scalar ranges with their columns. `setLines()` draws it as `SetLine`s;
/// the layout makes runs straight from the ranges.
struct TypesetParagraph {
    /// One set line; `segments` indexes `TypesetParagraph.segments`.
    struct Line {
        /// Scalar offsets into the paragraph (contiguous over the lines).
        var source: Range<Int>
        /// Width in cells, indent and justification gaps included.
        var width: Int
        var isLast: Bool
        /// Starts with the two-ideographic-space indent (4 cells).
        var indent: Bool
        var segments: Range<Int>
    }

    /// A maximal run of source scalars drawn contiguously from `column`
    /// (hidden scalars inside it are not drawn).
    struct Segment {
        var scalars: Range<Int>
        var column: Int
    }

    let text: ScalarText
    var lines: [Line]
    var segments: [Segment]

    /// The lines drawn as text: indent (U+3000 U+3000), segments, U+0020 in the gaps
    /// and as padding up to the line's width.
    func setLines() -> [SetLine] {
        lines.map { line in
            var bytes: [UInt8] = []
            bytes.reserveCapacity((line.source.count) * 3 + line.width + 8)
            var column = 0
            if line.indent {
                for _ in 0..<2 { bytes.append(0xE3); bytes.append(0x80); bytes.append(0x80) }
                column = 4
            }
            var pieces: [(bytes: Range<Int>, column: Int, source: Range<Int>)] = []
            for segment in segments[line.segments] {
                for _ in column..<max(column, segment.column) { bytes.append(0x20) }
                let start = bytes.count
                for k in segment.scalars where text.cells[k] & ScalarText.Cell.hidden == 0 {
                    UTF8Scalar.append(text.scalars[k].value, to: &bytes)
                }
                column = segment.column + text.width(segment.scalars)
                pieces.append((start..<bytes.count, segment.column, segment.scalars))
            }
            for _ in column..<max(column, line.width) { bytes.append(0x20) }
            let drawn = String(decoding: bytes, as: UTF8.self)
            // A segment that is the whole line shares its string.
            let segments = pieces.map { piece in
                SetLine.Segment(
                    text: piece.bytes == 0..<bytes.count ? drawn : String(decoding: bytes[piece.bytes], as: UTF8.self),
                    column: piece.column, source: piece.source)
            }
            return SetLine(text: drawn, segments: segments, width: line.width, source: line.source, isLast: line.isLast)
        }
    }
}
