import ReaderCore

/// The article view: the laid-out screen with search matches highlighted.
enum ArticleView {
    /// Paints the current screen of the article and marks matches on it.
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        guard let layout = state.articleLayout, layout.screens.indices.contains(state.screen) else { return }
        buffer.paint(layout.screens[state.screen])
        guard state.search.isActive else { return }
        let runs = layout.screens[state.screen].runs.filter { $0.source != nil }
        for (index, match) in state.search.matches.enumerated() where match.article == state.article {
            let flags: CellFlags = index == state.search.current ? [.match, .currentMatch] : .match
            // Matches are in the article's own offsets; the runs in the laid-out text's.
            let range = layout.laidOut(match.range)
            for run in runs where run.source!.overlaps(range) {
                mark(range, in: run, flags: flags, buffer: &buffer)
            }
        }
    }

    /// Marks the cells of `range` that fall inside a body run (its scalars are its source's, one for one).
    private static func mark(_ range: Range<Int>, in run: PlacedRun, flags: CellFlags, buffer: inout CellBuffer) {
        guard let source = run.source else { return }
        var column = run.column
        var offset = source.lowerBound
        for scalar in run.text.unicodeScalars {
            let w = buffer.measure.of(scalar)
            if range.contains(offset) {
                buffer.mark(row: run.row, column: column, count: max(1, w), flags: flags)
            }
            column += w
            offset += 1
            if offset >= range.upperBound { break }
        }
    }
}
