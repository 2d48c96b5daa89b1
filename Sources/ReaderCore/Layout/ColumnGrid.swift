/// A grid of equal text columns across a width, with gutters between them.
/// Column widths and the left margin are even so that CJK text sits on even cells.
struct ColumnGrid: Sendable, Equatable {
    /// Left edge (cell) of each column.
    var lefts: [Int]
    /// Width of every column, in cells (even).
    var columnWidth: Int
    var gutter: Int

    /// Columns for a width and options: the override (clamped to what fits) or 1/2/3/4 by width.
    static func columnCount(width: Int, options: LayoutOptions) -> Int {
        let wanted = options.columns ?? LayoutOptions.automaticColumns(forWidth: width)
        // Never narrower than 12 cells a column (six ideographs), whatever is asked.
        let fitting = max(1, (width + 2) / 14)
        return max(1, min(wanted, fitting))
    }

    /// Cells kept free right of a column for a closing mark hung past its edge (行尾悬挂).
    /// A gutter of 4 leaves 2 more before the next column, so a hung mark never touches it.
    static let hangingRoom = 2

    /// `count` columns over `width` cells, `gutter` cells apart, centred in the width;
    /// `reserve` cells are kept free right of the last column (hanging room).
    init(count: Int, width: Int, gutter: Int, reserve: Int = 0) {
        let count = max(1, count)
        let room = max(2, width - gutter * (count - 1) - reserve)
        var columnWidth = room / count
        if columnWidth % 2 == 1 { columnWidth -= 1 }
        columnWidth = max(2, columnWidth)
        let used = columnWidth * count + gutter * (count - 1)
        // An even margin keeps every column's left edge on an even cell (gutters are even too).
        let margin = max(0, (width - reserve - used) / 2) & ~1
        self.columnWidth = columnWidth
        self.gutter = gutter
        self.lefts = (0..<count).map { margin + $0 * (columnWidth + gutter) }
    }

    /// Left edge of the grid.
    var left: Int { lefts.first ?? 0 }

    /// Width from the first column's left edge to the last column's right edge.
    var span: Int { lefts.count * columnWidth + (lefts.count - 1) * gutter }

    /// Width of `n` adjacent columns with the gutters between them.
    func width(spanning n: Int) -> Int {
        n * columnWidth + (n - 1) * gutter
    }
}
