/// Re-styles the body runs of a screen page that fall inside search matches.
struct Highlighter {
    var ambiguous: AmbiguousWidth

    /// `page` with every body run split at match edges and the matched parts given `.match`.
    func highlight(_ page: ScreenPage, matches: [Range<Int>]) -> ScreenPage {
        guard !matches.isEmpty else { return page }
        var out = page
        out.runs = page.runs.flatMap { split($0, matches: matches) }
        return out
    }

    /// One run cut into pieces at match boundaries.
    private func split(_ run: PlacedRun, matches: [Range<Int>]) -> [PlacedRun] {
        guard let source = run.source, matches.contains(where: { $0.overlaps(source) }) else { return [run] }
        let scalars = Array(run.text.unicodeScalars)
        // Only a run that draws its source scalar for scalar can be cut exactly.
        guard scalars.count == source.count else { return [run] }
        let measure = DisplayWidth(ambiguous: ambiguous)
        var pieces: [PlacedRun] = []
        var column = run.column
        var start = 0
        var inMatch = isMatched(source.lowerBound, matches)
        /// Emits the piece from `start` to `end` with the current style.
        func flush(to end: Int) {
            guard end > start else { return }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[start..<end])
            let piece = PlacedRun(row: run.row, column: column, text: text,
                                  role: inMatch ? .match : run.role,
                                  source: (source.lowerBound + start)..<(source.lowerBound + end))
            pieces.append(piece)
            column += scalars[start..<end].reduce(0) { $0 + measure.of($1) }
            start = end
        }
        for i in 1..<max(1, scalars.count) where isMatched(source.lowerBound + i, matches) != inMatch {
            flush(to: i)
            inMatch.toggle()
        }
        flush(to: scalars.count)
        return pieces
    }

    /// Whether article offset `offset` lies in a match.
    private func isMatched(_ offset: Int, _ matches: [Range<Int>]) -> Bool {
        matches.contains { $0.contains(offset) }
    }
}
