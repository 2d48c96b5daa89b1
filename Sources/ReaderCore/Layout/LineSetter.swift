/// Sets text into `LaidRow`s with the typesetter, giving each run its role and,
/// for body text, the article offsets it draws.
struct LineSetter: Sendable {
    enum Align { case left, center }

    var ambiguous: AmbiguousWidth

    /// `text` set at `width` cells. `base` is the article offset of the text's first
    /// scalar when it is body text; the first `datelineLength` scalars get `.dateline`.
    func set(_ text: String, role: Role, width: Int, indent: Bool = false, justify: Bool = false,
             align: Align = .left, base: Int? = nil, datelineLength: Int = 0) -> [LaidRow] {
        guard !text.isEmpty, width > 0 else { return [] }
        let options = TypesetOptions(width: max(2, width), indentFirstLine: indent, justify: justify,
                                     ambiguous: ambiguous)
        let lines = Typesetter(options: options).set(text)
        var rows: [LaidRow] = []
        rows.reserveCapacity(lines.count)
        for line in lines {
            var runs: [PlacedRun] = []
            let segments = line.segments.isEmpty
                ? [SetLine.Segment(text: line.text, column: 0, source: line.source)]
                : line.segments
            for segment in segments where !segment.text.isEmpty {
                runs.append(contentsOf: styled(segment, role: role, base: base, datelineLength: datelineLength))
            }
            if runs.isEmpty { continue }
            if align == .center, line.width < width {
                // An even shift keeps ideographs on even cells.
                let shift = ((width - line.width) / 2) & ~1
                for i in runs.indices { runs[i].column += shift }
            }
            let source = base.map { ($0 + line.source.lowerBound)..<($0 + line.source.upperBound) }
            rows.append(LaidRow(runs: runs, source: source))
        }
        return rows
    }

    /// One segment as a run, split where the dateline ends.
    private func styled(_ segment: SetLine.Segment, role: Role, base: Int?, datelineLength: Int) -> [PlacedRun] {
        let source = base.map { ($0 + segment.source.lowerBound)..<($0 + segment.source.upperBound) }
        let run = PlacedRun(row: 0, column: segment.column, text: segment.text, role: role, source: source)
        guard datelineLength > 0, segment.source.lowerBound < datelineLength else { return [run] }
        let scalars = Array(segment.text.unicodeScalars)
        guard scalars.count == segment.source.count else {
            return [PlacedRun(row: 0, column: segment.column, text: segment.text, role: .dateline, source: source)]
        }
        let cut = min(scalars.count, datelineLength - segment.source.lowerBound)
        var head = ""
        head.unicodeScalars.append(contentsOf: scalars[..<cut])
        var tail = ""
        tail.unicodeScalars.append(contentsOf: scalars[cut...])
        let measure = DisplayWidth(ambiguous: ambiguous)
        let headWidth = scalars[..<cut].reduce(0) { $0 + measure.of($1) }
        var out = [PlacedRun(row: 0, column: segment.column, text: head, role: .dateline,
                             source: source.map { $0.lowerBound..<($0.lowerBound + cut) })]
        if !tail.isEmpty {
            out.append(PlacedRun(row: 0, column: segment.column + headWidth, text: tail, role: role,
                                 source: source.map { ($0.lowerBound + cut)..<$0.upperBound }))
        }
        return out
    }
}
