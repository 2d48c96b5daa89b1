/// A run of changed cells on one row: what the backend must redraw.
public struct DiffSpan: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var cells: [Cell]

    public init(row: Int, column: Int, cells: [Cell]) {
        self.row = row
        self.column = column
        self.cells = cells
    }
}

/// Compares two buffers and lists only what changed.
public enum BufferDiff {
    /// The spans of `next` that differ from `previous` (every row when the size changed
    /// or there is no previous buffer). A span never starts on a continuation cell.
    public static func between(_ previous: CellBuffer?, _ next: CellBuffer) -> [DiffSpan] {
        let sameSize = previous.map { $0.width == next.width && $0.height == next.height } ?? false
        let old = sameSize ? previous?.cells ?? [] : []
        let new = next.cells
        let width = next.width
        /// Whether cell (row, column) is unchanged; compared in place, without copying cells.
        func same(_ row: Int, _ column: Int) -> Bool {
            guard sameSize else { return false }
            let index = row * width + column
            return old.withUnsafeBufferPointer { o in new.withUnsafeBufferPointer { n in o[index] == n[index] } }
        }
        var spans: [DiffSpan] = []
        for row in 0..<next.height {
            var x = 0
            while x < width {
                if same(row, x) {
                    x += 1
                    continue
                }
                var start = x
                // Redraw from the lead cell so a wide grapheme is always drawn whole.
                if next[row, start].isContinuation, start > 0 { start -= 1 }
                var end = x + 1
                while end < width {
                    if same(row, end), !next[row, end].isContinuation { break }
                    end += 1
                }
                var cells: [Cell] = []
                cells.reserveCapacity(end - start)
                for c in start..<end { cells.append(next[row, c]) }
                if let last = spans.last, last.row == row, last.column + last.cells.count >= start {
                    let overlap = last.column + last.cells.count - start
                    spans[spans.count - 1].cells.append(contentsOf: cells.dropFirst(overlap))
                } else {
                    spans.append(DiffSpan(row: row, column: start, cells: cells))
                }
                x = end
            }
        }
        return spans
    }
}
