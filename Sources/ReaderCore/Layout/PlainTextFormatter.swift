/// Prints screen pages as plain UTF-8 text: at most H lines each, no line
/// wider than W cells, trailing spaces trimmed, pages separated by a "\f" line.
public struct PlainTextFormatter: Sendable {
    public var ambiguous: AmbiguousWidth

    public init(ambiguous: AmbiguousWidth = .narrow) {
        self.ambiguous = ambiguous
    }

    /// One page as lines (no trailing newline; trailing blank lines dropped).
    public func format(_ page: ScreenPage) -> String {
        let grid = ScreenGrid(page: page, ambiguous: ambiguous)
        var lines = grid.rows.map { row -> String in
            var line = row.map(\.text).joined()
            while line.last == " " { line.removeLast() }
            return line
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Pages separated by a form-feed line, ending in a newline.
    public func format(_ pages: [ScreenPage]) -> String {
        pages.map(format).joined(separator: "\n\u{0C}\n") + "\n"
    }
}
