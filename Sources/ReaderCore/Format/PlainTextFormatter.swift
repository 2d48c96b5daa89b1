/// Prints screen pages as plain UTF-8 text: at most H lines each, no line
/// wider than W cells, trailing spaces trimmed, pages separated by a "\f" line.
public struct PlainTextFormatter: Sendable {
    public var ambiguous: AmbiguousWidth

    /// What goes between two pages: a form-feed line.
    public static let pageSeparator: [UInt8] = Array("\n\u{0C}\n".utf8)

    public init(ambiguous: AmbiguousWidth = .narrow) {
        self.ambiguous = ambiguous
    }

    /// One page as lines (no trailing newline; trailing blank lines dropped).
    public func format(_ page: ScreenPage) -> String {
        var bytes: [UInt8] = []
        write(page, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Pages separated by a form-feed line, ending in a newline.
    public func format(_ pages: [ScreenPage]) -> String {
        var bytes: [UInt8] = []
        for (k, page) in pages.enumerated() {
            if k > 0 { bytes.append(contentsOf: Self.pageSeparator) }
            write(page, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one page's UTF-8 lines to `out`, as `format(page)` returns them.
    public func write(_ page: ScreenPage, to out: inout [UInt8]) {
        let grid = ScreenGrid(page: page, ambiguous: ambiguous)
        let start = out.count
        // Where the text ends once trailing blank lines are dropped.
        var end = start
        for row in 0..<grid.height {
            let base = row * grid.width
            let last = grid.textEnd(row: row)
            if row > 0 { out.append(UInt8(ascii: "\n")) }
            grid.appendText(base..<last, to: &out)
            if last > base { end = out.count }
        }
        out.removeSubrange(end...)
    }
}
