/// A screen page painted into rows of cells, for the text formatters.
/// A wide character takes its lead cell; the cell after it is a continuation.
struct ScreenGrid {
    struct Cell: Equatable {
        var text: String      // "" for a continuation cell
        var role: Role?       // nil for blank cells
    }

    var width: Int
    var rows: [[Cell]]

    /// Paints `page`'s runs cell by cell; anything past the width or height is dropped.
    init(page: ScreenPage, ambiguous: AmbiguousWidth) {
        let width = max(0, page.width)
        let height = max(0, page.height)
        self.width = width
        let blank = Cell(text: " ", role: nil)
        var rows = Array(repeating: Array(repeating: blank, count: width), count: height)
        let measure = DisplayWidth(ambiguous: ambiguous)
        for run in page.runs where run.row >= 0 && run.row < height {
            var column = run.column
            for character in run.text {
                let w = measure.of(character)
                if w == 0 {
                    // A zero-width cluster joins the cell before it.
                    if column > 0, column - 1 < width { rows[run.row][column - 1].text.append(character) }
                    continue
                }
                if column < 0 { column += w; continue }
                if column + w > width { break }
                rows[run.row][column] = Cell(text: String(character), role: run.role)
                if w == 2 { rows[run.row][column + 1] = Cell(text: "", role: run.role) }
                column += w
            }
        }
        self.rows = rows
    }
}
