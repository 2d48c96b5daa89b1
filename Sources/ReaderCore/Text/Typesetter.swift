// STUB (skeleton): replaced by the text engine (issue 2): UAX #14, kinsoku, justification.

/// How a paragraph is set into lines.
public struct TypesetOptions: Sendable, Equatable {
    /// Column width in cells.
    public var width: Int
    /// Indent the first line by two ideographic spaces (U+3000 U+3000).
    public var indentFirstLine: Bool
    /// Justify every line but the last to exactly `width` cells.
    public var justify: Bool
    public var ambiguous: AmbiguousWidth

    public init(width: Int, indentFirstLine: Bool = true, justify: Bool = true,
                ambiguous: AmbiguousWidth = .narrow) {
        self.width = width
        self.indentFirstLine = indentFirstLine
        self.justify = justify
        self.ambiguous = ambiguous
    }
}

/// One set line of a paragraph.
///
/// Contract: `text` is what is drawn, including the indent (U+3000) and any
/// justification spaces (U+0020). Removing every U+0020 and U+3000 from `text`
/// gives exactly the paragraph's scalars in `source` with their U+0020 and
/// U+3000 removed. The `source` ranges of a paragraph's lines are contiguous
/// and cover the whole paragraph. `width` is `text`'s width in cells.
public struct SetLine: Sendable, Equatable {
    /// A maximal run of source text drawn contiguously from `column`. The indent
    /// and justification gaps fall between segments, so a source offset can be
    /// mapped to its column (dateline runs, search highlights, bookmarks).
    public struct Segment: Sendable, Equatable {
        public var text: String
        public var column: Int
        public var source: Range<Int>

        public init(text: String, column: Int, source: Range<Int>) {
            self.text = text
            self.column = column
            self.source = source
        }
    }

    public var text: String
    public var segments: [Segment]
    public var width: Int
    /// Scalar offsets into the paragraph.
    public var source: Range<Int>
    public var isLast: Bool

    public init(text: String, segments: [Segment], width: Int, source: Range<Int>, isLast: Bool) {
        self.text = text
        self.segments = segments
        self.width = width
        self.source = source
        self.isLast = isLast
    }
}

/// Sets paragraphs into lines.
public struct Typesetter: Sendable {
    public var options: TypesetOptions

    public init(options: TypesetOptions) {
        self.options = options
    }

    /// Sets one paragraph into lines no wider than `options.width`.
    public func set(_ paragraph: String) -> [SetLine] {
        let measure = DisplayWidth(ambiguous: options.ambiguous)
        let width = max(2, options.width)
        var lines: [SetLine] = []
        let indent = options.indentFirstLine ? "\u{3000}\u{3000}" : ""
        var text = ""
        var cells = options.indentFirstLine ? 4 : 0
        var lead = cells
        var start = 0
        var offset = 0
        func line(isLast: Bool) -> SetLine {
            let segment = SetLine.Segment(text: text, column: lead, source: start..<offset)
            return SetLine(text: (lines.isEmpty ? indent : "") + text, segments: [segment],
                           width: cells, source: start..<offset, isLast: isLast)
        }
        for character in paragraph {
            let w = measure.of(character)
            if cells + w > width, cells > lead {
                lines.append(line(isLast: false))
                text = ""
                cells = 0
                lead = 0
                start = offset
            }
            text.append(character)
            cells += w
            offset += character.unicodeScalars.count
        }
        lines.append(line(isLast: true))
        return lines
    }
}
