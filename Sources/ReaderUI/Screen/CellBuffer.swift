import ReaderCore

/// A width×height grid of cells that views draw into (like ratatui's Buffer).
/// A wide grapheme takes a lead cell and a continuation cell; it is never cut in half.
public struct CellBuffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    public var measure: DisplayWidth

    public init(width: Int, height: Int, measure: DisplayWidth = DisplayWidth(), fill: Role = .body) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.measure = measure
        cells = Array(repeating: .blank(fill), count: self.width * self.height)
    }

    /// The cell at `row`, `column` (both 0-based, in range).
    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// True when `row`, `column` lies inside the buffer.
    public func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < height && column >= 0 && column < width
    }

    /// Writes `text` from `column`, clipped at `limit` (default: the right edge).
    /// Returns the column after the last drawn cell. Zero-width and control
    /// graphemes are dropped so no byte can reach the terminal as a control.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, role: Role,
                             flags: CellFlags = [], limit: Int? = nil) -> Int {
        guard row >= 0, row < height else { return column }
        let edge = min(width, limit ?? width)
        var x = column
        if text.unicodeScalars.allSatisfy(DisplayWidth.standsAlone) {
            // Every scalar is a cluster of its own, 1 or 2 cells wide: no Character walk.
            for scalar in text.unicodeScalars {
                let w = measure.of(scalar)
                if x + w > edge { break }
                if x >= 0 {
                    place(Cell(scalar: scalar, role: role, flags: flags, width: UInt8(w)), row: row, column: x)
                }
                x += w
            }
            return x
        }
        for grapheme in text {
            let w = measure.of(grapheme)
            if w <= 0 { continue }
            if x + w > edge { break }
            if x >= 0 {
                place(Cell(text: String(grapheme), role: role, flags: flags, width: UInt8(w)), row: row, column: x)
            }
            x += w
        }
        return x
    }

    /// Fills `count` cells of `row` from `column` with blanks of `role`.
    public mutating func fill(row: Int, column: Int = 0, count: Int? = nil, role: Role, flags: CellFlags = []) {
        guard row >= 0, row < height else { return }
        let start = max(0, column)
        let end = min(width, column + (count ?? width))
        guard start < end else { return }
        let blank = Cell(scalar: " ", role: role, flags: flags, width: 1)
        for x in start..<end {
            place(blank, row: row, column: x)
        }
    }

    /// Adds `flags` to `count` cells of `row` from `column`, whole graphemes at a time.
    public mutating func mark(row: Int, column: Int, count: Int, flags: CellFlags) {
        guard row >= 0, row < height else { return }
        let end = min(width, column + count)
        var x = max(0, column)
        while x < end {
            self[row, x].flags.formUnion(flags)
            x += 1
        }
    }

    /// Re-styles every cell of `row` from `column` with `role`, keeping the text.
    public mutating func restyle(row: Int, column: Int = 0, count: Int? = nil, role: Role) {
        guard row >= 0, row < height else { return }
        let end = min(width, column + (count ?? width))
        var x = max(0, column)
        while x < end {
            self[row, x].role = role
            x += 1
        }
    }

    /// Draws `page` with its top-left corner at `row`, `column`.
    public mutating func paint(_ page: ScreenPage, row top: Int = 0, column left: Int = 0) {
        for run in page.runs where run.row < page.height {
            put(run.text, row: top + run.row, column: left + run.column, role: run.role,
                limit: left + page.width)
        }
    }

    /// The rows as text (continuation cells skipped, trailing blanks trimmed).
    public func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for x in 0..<width {
                let cell = self[row, x]
                if !cell.isContinuation { line += cell.text }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The whole buffer as text, one line per row.
    public var text: String { lines().joined(separator: "\n") }

    /// Puts one lead cell (and the continuation of a wide one), first clearing any wide
    /// grapheme it would cut in half.
    @inline(__always)
    private mutating func place(_ cell: Cell, row: Int, column x: Int) {
        let index = row * width + x
        if cells[index].width != 1 { clearHalves(row: row, column: x) }
        cells[index] = cell
        if cell.width == 2 {
            if cells[index + 1].width != 1 { clearHalves(row: row, column: x + 1) }
            cells[index + 1] = .continuation(cell.role, flags: cell.flags)
        }
    }

    /// Blanks the other half of a wide grapheme that covers `column`.
    private mutating func clearHalves(row: Int, column x: Int) {
        let cell = self[row, x]
        if cell.isContinuation, x > 0 {
            self[row, x - 1] = .blank(self[row, x - 1].role)
        } else if cell.width == 2, x + 1 < width {
            self[row, x + 1] = .blank(cell.role)
        }
    }
}
