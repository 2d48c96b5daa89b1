import ReaderCore

/// The article view: the laid-out screen with search matches highlighted.
enum ArticleView {
    /// Paints the current screen of the article and marks matches on it.
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        guard let layout = state.articleLayout, layout.screens.indices.contains(state.screen) else { return }
        buffer.paint(layout.screens[state.screen])
        guard state.search.isActive else { return }
        let spans = layout.spans[state.screen]
        for (index, match) in state.search.matches.enumerated() where match.article == state.article {
            let flags: CellFlags = index == state.search.current ? [.match, .currentMatch] : .match
            for span in spans where span.source.overlaps(match.range) {
                mark(match.range, in: span, flags: flags, buffer: &buffer)
            }
        }
    }

    /// Marks the cells of `range` that fall inside `span`.
    private static func mark(_ range: Range<Int>, in span: TextSpan, flags: CellFlags, buffer: inout CellBuffer) {
        var column = span.column
        var offset = span.source.lowerBound
        for scalar in span.text.unicodeScalars {
            let w = buffer.measure.of(scalar)
            if range.contains(offset) {
                buffer.mark(row: span.row, column: column, count: max(1, w), flags: flags)
            }
            column += w
            offset += 1
            if offset >= range.upperBound { break }
        }
    }
}
