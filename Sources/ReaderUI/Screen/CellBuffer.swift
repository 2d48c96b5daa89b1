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
    /// Returns the column after the last drawn cell. A zero-width cluster joins the
    /// grapheme before it, as in `--dump` (`RunPainter`); controls are dropped so no
    /// byte can reach the terminal as a control.
    @discardableResult
    public mutating func put(
        _ text: String, row: Int, column: Int, role: Role,
        flags: CellFlags = [], limit: Int? = nil
    ) -> Int {
        guard row >= 0, row < height else { return column }
        let edge = min(width, limit ?? width)
        let painter = RunPainter(measure: measure)
        let width = width
        return cells.withUnsafeMutableBufferPointer { cells in
            var pen = Pen(cells: cells, base: row * width, width: width, role: role, flags: flags)
            return painter.paint(text, column: column, edge: edge, on: &pen)
        }
    }

    /// Fills `count` cells of `row` from `column` with blanks of `role`.
    public mutating func fill(row: Int, column: Int = 0, count: Int? = nil, role: Role, flags: CellFlags = []) {
        guard row >= 0, row < height else { return }
        let start = max(0, column)
        let end = min(width, column + (count ?? width))
        guard start < end else { return }
        let width = width
        cells.withUnsafeMutableBufferPointer { cells in
            var pen = Pen(cells: cells, base: row * width, width: width, role: role, flags: flags)
            for x in start..<end { pen.place(" " as Unicode.Scalar, width: 1, column: x) }
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
        let painter = RunPainter(measure: measure)
        let width = width
        let height = height
        let edge = min(width, left + page.width)
        cells.withUnsafeMutableBufferPointer { cells in
            for run in page.runs where run.row < page.height {
                let row = top + run.row
                guard row >= 0, row < height else { continue }
                var pen = Pen(cells: cells, base: row * width, width: width, role: run.role, flags: [])
                painter.paint(run, column: left + run.column, edge: edge, on: &pen)
            }
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

    /// One row of the buffer's cells, painted by `RunPainter` with one run's role and flags.
    private struct Pen: RunCanvas {
        let cells: UnsafeMutableBufferPointer<Cell>
        /// Index of the row's first cell.
        let base: Int
        let width: Int
        let role: Role
        let flags: CellFlags

        /// Puts a lone scalar, built without a `String`.
        @inline(__always)
        mutating func place(_ scalar: Unicode.Scalar, width w: Int, column: Int) {
            put(Cell(scalar: scalar, role: role, flags: flags, width: UInt8(w)), column: column)
        }

        /// Puts a cluster of several scalars (capped at `DisplayWidth.marksPerCell` marks by `Cell`).
        mutating func place(_ cluster: Character, width w: Int, column: Int) {
            put(Cell(text: String(cluster), role: role, flags: flags, width: UInt8(w)), column: column)
        }

        /// Joins a zero-width scalar to the grapheme that leads `column`.
        mutating func join(_ scalar: Unicode.Scalar, column: Int) {
            var index = base + column
            if column > 0, cells[index].isContinuation { index -= 1 }
            cells[index].join(scalar)
        }

        /// Puts one lead cell (and the continuation of a wide one), first clearing any wide
        /// grapheme it would cut in half.
        @inline(__always)
        private func put(_ cell: Cell, column x: Int) {
            let index = base + x
            if cells[index].width != 1 { clearHalves(column: x) }
            cells[index] = cell
            if cell.width == 2 {
                if cells[index + 1].width != 1 { clearHalves(column: x + 1) }
                cells[index + 1] = .continuation(cell.role, flags: cell.flags)
            }
        }

        /// Blanks the other half of a wide grapheme that covers `column`.
        private func clearHalves(column x: Int) {
            let cell = cells[base + x]
            if cell.isContinuation, x > 0 {
                cells[base + x - 1] = .blank(cells[base + x - 1].role)
            } else if cell.width == 2, x + 1 < width {
                cells[base + x + 1] = .blank(cell.role)
            }
        }
    }
}
