/// Sets text into vertical columns (直排) with the typesetter: a column of N rows is a
/// line of 2N cells in which every drawn cluster takes one row (`TypesetOptions.vertical`),
/// so line breaking, kinsoku, the paragraph indent and justification are the horizontal
/// engine's, read top to bottom.
///
/// Each column comes back as a `LaidRow` whose runs are one character each: a run's `row`
/// is its row inside the column and its `column` the cell inside the column's two.
/// Punctuation is drawn in its vertical form (`VerticalForms`); a tate-chu-yoko digit
/// pair is one run two cells wide; other narrow characters sit in the left cell.
struct VerticalColumnSetter: Sendable {
    enum Align { case top, center }

    var ambiguous: AmbiguousWidth

    /// `text` set into columns of `rows` rows; see `set(scalars:…)`.
    func set(
        _ text: String, role: Role, rows: Int, indent: Bool = false, justify: Bool = false,
        align: Align = .top, base: Int? = nil
    ) -> [LaidRow] {
        guard !text.isEmpty else { return [] }
        return set(
            scalars: ScalarText.decode(text), role: role, rows: rows, indent: indent, justify: justify,
            align: align, base: base)
    }

    /// A display line (headline, kicker, deck) in columns of at most `rows` rows, the
    /// columns as even as the text allows: a head that needs two columns is not left
    /// with a character or two alone in the second.
    func setBalanced(_ text: String, role: Role, rows: Int) -> [LaidRow] {
        let scalars = ScalarText.decode(text)
        let full = set(scalars: scalars, role: role, rows: rows)
        guard full.count > 1 else { return full }
        // The shortest column height that still needs no more columns.
        var low = max(1, (scalars.count + full.count - 1) / full.count)
        var high = rows
        while low < high {
            let mid = (low + high) / 2
            if set(scalars: scalars, role: role, rows: mid).count <= full.count {
                high = mid
            } else {
                low = mid + 1
            }
        }
        return low >= rows ? full : set(scalars: scalars, role: role, rows: low)
    }

    /// `scalars` set into columns of `rows` rows. `base` is the article offset of the first
    /// scalar when it is body text; the first `datelineLength` scalars get `.dateline`.
    func set(
        scalars: [Unicode.Scalar], role: Role, rows: Int, indent: Bool = false, justify: Bool = false,
        align: Align = .top, base: Int? = nil, datelineLength: Int = 0
    ) -> [LaidRow] {
        guard !scalars.isEmpty, rows > 0 else { return [] }
        // No hanging: a mark hung below a column's foot would leave the screen.
        let options = TypesetOptions(
            width: max(2, rows * 2), indentFirstLine: indent, justify: justify,
            ambiguous: ambiguous, hangPunctuation: false, vertical: true)
        let paragraph = Typesetter(options: options).layout(scalars: scalars)
        let text = paragraph.text
        let measure = DisplayWidth(ambiguous: ambiguous)
        let hidden = ScalarText.Cell.hidden
        let continuation = ScalarText.Cell.continuation
        var columns: [LaidRow] = []
        columns.reserveCapacity(paragraph.lines.count)
        for line in paragraph.lines {
            var runs: [PlacedRun] = []
            var lastRow = -1
            for segment in paragraph.segments[line.segments] {
                var cell = segment.column
                var k = segment.scalars.lowerBound
                let end = segment.scalars.upperBound
                while k < end {
                    let flags = text.cells[k]
                    if flags & (hidden | continuation) != 0 { k += 1; continue }
                    // A unit is one grapheme cluster, or the two digits of a tate-chu-yoko pair.
                    var u = k + 1
                    while u < end, text.cells[u] & continuation != 0 || text.cells[u] & hidden != 0 { u += 1 }
                    if u == k + 1, u < end, flags & ScalarText.Cell.widthMask == 1,
                        text.cells[u] & ScalarText.Cell.widthMask == 1, VerticalForms.isDigit(text.scalars[k]),
                        VerticalForms.isDigit(text.scalars[u])
                    {
                        u += 1
                    }
                    // Justification may leave a cell's gap: a unit starts on the row it reaches.
                    let row = max((cell + 1) / 2, lastRow + 1)
                    cell += text.width(k..<u)
                    defer { k = u }
                    if flags & ScalarText.Cell.space != 0 { continue }
                    lastRow = row
                    let unitRole: Role = k < datelineLength ? .dateline : role
                    let source = base.map { ($0 + k)..<($0 + u) }
                    if u == k + 1, let form = VerticalForms.form(of: text.scalars[k]) {
                        runs.append(
                            PlacedRun(row: row, column: 0, text: String(form), role: unitRole, source: source))
                    } else if text.isSimple, u == k + 1, flags & ScalarText.Cell.wide != 0,
                        measure.of(text.scalars[k]) == 2
                    {
                        // A wide character draws from the shared scalars; a narrow one was
                        // measured a row (two cells) wide, so it draws as its own text.
                        runs.append(
                            PlacedRun(
                                row: row, column: 0, scalars: text, range: k..<u, role: unitRole, source: source))
                    } else {
                        runs.append(
                            PlacedRun(row: row, column: 0, text: text.string(k..<u), role: unitRole, source: source))
                    }
                }
            }
            if align == .center, let last = runs.last?.row, last + 1 < rows {
                let shift = (rows - last - 1) / 2
                for i in runs.indices { runs[i].row += shift }
            }
            columns.append(
                LaidRow(runs: runs, source: base.map { ($0 + line.source.lowerBound)..<($0 + line.source.upperBound) }))
        }
        return columns
    }

    /// Places a column's runs with its top at `top` and its left cell at `left`.
    static func place(_ column: LaidRow, top: Int, left: Int, into runs: inout [PlacedRun]) {
        for run in column.runs where !run.isEmpty {
            var moved = run
            moved.row += top
            moved.column += left
            runs.append(moved)
        }
    }
}
