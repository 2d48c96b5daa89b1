/// One row of set text inside a column or block, before it is placed on a page.
/// Run columns are relative to the row's left edge; the runs' `row` is ignored.
struct LaidRow: Sendable, Equatable {
    var runs: [PlacedRun]
    /// Article text offsets drawn on this row (body text only).
    var source: Range<Int>?

    static let blank = LaidRow(runs: [], source: nil)

    /// True when the row draws nothing.
    var isBlank: Bool { runs.allSatisfy { $0.isEmpty } }

    /// The runs moved to `row` and shifted right by `left` cells.
    func placed(row: Int, left: Int) -> [PlacedRun] {
        runs.compactMap { run in
            guard !run.isEmpty else { return nil }
            var moved = run
            moved.row = row
            moved.column += left
            return moved
        }
    }

    /// Appends the runs to `runs`, moved to `row` and shifted right by `left` cells.
    func place(row: Int, left: Int, into runs: inout [PlacedRun]) {
        for run in self.runs where !run.isEmpty {
            var moved = run
            moved.row = row
            moved.column += left
            runs.append(moved)
        }
    }

    /// Cells from the left edge to the end of the last run.
    func extent(measure: DisplayWidth) -> Int {
        runs.map { $0.column + $0.width(measure: measure) }.max() ?? 0
    }

    /// Marks that end a sentence.
    static let fullStops: Set<Unicode.Scalar> = ["。", "．", ".", "！", "？", "!", "?", "\u{FF61}"]

    /// The row cut to `cells` with `mark` (…) after what is left, saying text was cut;
    /// a full stop just before the mark gives way to it.
    func truncated(to cells: Int, mark: String, role: Role, measure: DisplayWidth) -> LaidRow {
        let markWidth = measure.of(mark)
        let room = max(0, cells - markWidth)
        var kept: [PlacedRun] = []
        var end = 0
        for run in runs where run.column < room {
            var copy = run
            let clipped = TextFit.clip(run.text, to: room - run.column, measure: measure)
            if clipped.unicodeScalars.count != run.text.unicodeScalars.count, let source = run.source {
                copy.source = source.lowerBound..<(source.lowerBound + clipped.unicodeScalars.count)
            }
            copy.text = clipped
            kept.append(copy)
            end = max(end, run.column + measure.of(clipped))
        }
        // The mark says the text goes on, so it never follows a full stop (讲话。…): it takes the stop's place.
        if let last = kept.indices.max(by: { kept[$0].column < kept[$1].column }),
            let stop = kept[last].text.unicodeScalars.last, Self.fullStops.contains(stop)
        {
            var text = kept[last].text
            text.unicodeScalars.removeLast()
            end -= measure.of(stop)
            if let source = kept[last].source, source.count == kept[last].text.unicodeScalars.count {
                kept[last].source = source.lowerBound..<(source.upperBound - 1)
            }
            kept[last].text = text
        }
        let upper = kept.compactMap(\.source?.upperBound).max()
        kept.append(PlacedRun(row: 0, column: end, text: mark, role: role))
        let range = source.flatMap { s in upper.map { s.lowerBound..<max(s.lowerBound, $0) } }
        return LaidRow(runs: kept, source: range)
    }
}
