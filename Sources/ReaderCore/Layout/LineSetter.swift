/// Sets text into `LaidRow`s with the typesetter, giving each run its role and,
/// for body text, the article offsets it draws.
struct LineSetter: Sendable {
    enum Align { case left, center }

    var ambiguous: AmbiguousWidth

    /// `text` set at `width` cells (justified text may hang a closing mark in 2 more). `base` is the article offset of the text's first
    /// scalar when it is body text; the first `datelineLength` scalars get `.dateline`.
    func set(
        _ text: String, role: Role, width: Int, indent: Bool = false, justify: Bool = false,
        align: Align = .left, base: Int? = nil, datelineLength: Int = 0
    ) -> [LaidRow] {
        guard !text.isEmpty, width > 0 else { return [] }
        return set(
            scalars: ScalarText.decode(text), role: role, width: width, indent: indent, justify: justify, align: align,
            base: base, datelineLength: datelineLength)
    }

    /// `set(_:…)` for text already decoded into scalars.
    func set(
        scalars: [Unicode.Scalar], role: Role, width: Int, indent: Bool = false, justify: Bool = false,
        align: Align = .left, base: Int? = nil, datelineLength: Int = 0
    ) -> [LaidRow] {
        guard !scalars.isEmpty, width > 0 else { return [] }
        // Justified body text may hang a closing mark in the 2 cells its column keeps free
        // on the right (`ColumnGrid.hangingRoom`).
        let options = TypesetOptions(
            width: max(2, width), indentFirstLine: indent, justify: justify,
            ambiguous: ambiguous, hangPunctuation: justify)
        let paragraph = Typesetter(options: options).layout(scalars: scalars)
        let shared = paragraph.text
        // Runs point into the paragraph's scalars when each scalar draws on its own;
        // anything else (marks, emoji sequences, hidden scalars) goes the String way.
        guard shared.isSimple, !paragraph.lines.contains(where: { $0.segments.isEmpty }) else {
            return rows(
                paragraph.setLines(), role: role, width: width, align: align, base: base,
                datelineLength: datelineLength)
        }
        var rows: [LaidRow] = []
        rows.reserveCapacity(paragraph.lines.count)
        for line in paragraph.lines {
            var runs: [PlacedRun] = []
            runs.reserveCapacity(line.segments.count + 1)
            for segment in paragraph.segments[line.segments] {
                let range = segment.scalars
                let source = base.map { ($0 + range.lowerBound)..<($0 + range.upperBound) }
                guard datelineLength > 0, range.lowerBound < datelineLength else {
                    runs.append(
                        PlacedRun(
                            row: 0, column: segment.column, scalars: shared, range: range,
                            role: role, source: source))
                    continue
                }
                // Split where the dateline ends.
                let cut = range.lowerBound + min(range.count, datelineLength - range.lowerBound)
                runs.append(
                    PlacedRun(
                        row: 0, column: segment.column, scalars: shared, range: range.lowerBound..<cut,
                        role: .dateline, source: source.map { $0.lowerBound..<($0.lowerBound + cut - range.lowerBound) }
                    ))
                if cut < range.upperBound {
                    runs.append(
                        PlacedRun(
                            row: 0, column: segment.column + shared.width(range.lowerBound..<cut),
                            scalars: shared, range: cut..<range.upperBound, role: role,
                            source: source.map { ($0.lowerBound + cut - range.lowerBound)..<$0.upperBound }))
                }
            }
            rows.append(row(runs, lineWidth: line.width, source: line.source, width: width, align: align, base: base))
        }
        return rows
    }

    /// Rows from lines drawn as text: the general path, for paragraphs whose scalars
    /// do not all draw on their own.
    private func rows(
        _ lines: [SetLine], role: Role, width: Int, align: Align, base: Int?,
        datelineLength: Int
    ) -> [LaidRow] {
        var rows: [LaidRow] = []
        rows.reserveCapacity(lines.count)
        for line in lines {
            var runs: [PlacedRun] = []
            let segments =
                line.segments.isEmpty
                ? [SetLine.Segment(text: line.text, column: 0, source: line.source)]
                : line.segments
            for segment in segments where !segment.text.isEmpty {
                runs.append(contentsOf: styled(segment, role: role, base: base, datelineLength: datelineLength))
            }
            if runs.isEmpty { continue }
            rows.append(row(runs, lineWidth: line.width, source: line.source, width: width, align: align, base: base))
        }
        return rows
    }

    /// The row of one set line's runs (`lineWidth` cells, text `source` in the
    /// paragraph), centred when asked, its source shifted to article offsets by `base`.
    private func row(
        _ runs: [PlacedRun], lineWidth: Int, source: Range<Int>, width: Int, align: Align,
        base: Int?
    ) -> LaidRow {
        var runs = runs
        if align == .center, lineWidth < width {
            // An even shift keeps ideographs on even cells.
            let shift = ((width - lineWidth) / 2) & ~1
            for i in runs.indices { runs[i].column += shift }
        }
        return LaidRow(runs: runs, source: base.map { ($0 + source.lowerBound)..<($0 + source.upperBound) })
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
        var out = [
            PlacedRun(
                row: 0, column: segment.column, text: head, role: .dateline,
                source: source.map { $0.lowerBound..<($0.lowerBound + cut) })
        ]
        if !tail.isEmpty {
            out.append(
                PlacedRun(
                    row: 0, column: segment.column + headWidth, text: tail, role: role,
                    source: source.map { ($0.lowerBound + cut)..<$0.upperBound }))
        }
        return out
    }
}
