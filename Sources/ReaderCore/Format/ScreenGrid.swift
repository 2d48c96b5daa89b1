/// A screen page painted into cells, for the text formatters.
/// A wide character takes its lead cell; the cell after it is a continuation.
///
/// Cells are flat arrays of scalars, not a `String` per cell: `--dump` of a whole
/// edition paints millions of cells, and one allocation per cell dominated it.
struct ScreenGrid {
    /// First scalar of a continuation cell (it draws nothing of its own).
    static let continuation: UInt32 = 0
    /// First scalar of a blank cell.
    static let space: UInt32 = 0x20

    var width: Int
    var height: Int
    /// First scalar of each cell, row by row (`space` blank, `continuation` after a wide cell).
    var firsts: [UInt32]
    /// Role of each cell; nil for blank cells.
    var roles: [Role?]
    /// Further scalars of a cell (a multi-scalar cluster, or zero-width clusters joined
    /// to it), keyed by cell index. Rare, so kept aside.
    var extras: [Int: [Unicode.Scalar]] = [:]

    /// Paints `page`'s runs cell by cell; anything past the width or height is dropped.
    init(page: ScreenPage, ambiguous: AmbiguousWidth) {
        let width = max(0, page.width)
        let height = max(0, page.height)
        self.width = width
        self.height = height
        var firsts = [UInt32](filled: Self.space, count: width * height)
        var roles = [Role?](filled: nil, count: width * height)
        let painter = RunPainter(measure: DisplayWidth(ambiguous: ambiguous))
        var extras: [Int: [Unicode.Scalar]] = [:]
        firsts.withUnsafeMutableBufferPointer { firsts in
            roles.withUnsafeMutableBufferPointer { roles in
                var row = Row(firsts: firsts, roles: roles, base: 0, role: .body)
                for run in page.runs where run.row >= 0 && run.row < height {
                    row.base = run.row * width
                    row.role = run.role
                    painter.paint(run, column: run.column, edge: width, on: &row)
                }
                extras = row.extras
            }
        }
        self.firsts = firsts
        self.roles = roles
        self.extras = extras
    }

    /// One row of a page's flat arrays, painted by `RunPainter` with one run's role.
    private struct Row: RunCanvas {
        let firsts: UnsafeMutableBufferPointer<UInt32>
        let roles: UnsafeMutableBufferPointer<Role?>
        /// Flat index of the row's first cell.
        var base: Int
        var role: Role
        var extras: [Int: [Unicode.Scalar]] = [:]

        init(
            firsts: UnsafeMutableBufferPointer<UInt32>, roles: UnsafeMutableBufferPointer<Role?>, base: Int,
            role: Role
        ) {
            self.firsts = firsts
            self.roles = roles
            self.base = base
            self.role = role
        }

        /// Puts a lone scalar in its cell, a wide one followed by its continuation cell.
        @inline(__always)
        mutating func place(_ scalar: Unicode.Scalar, width w: Int, column: Int) {
            let index = base + column
            if !extras.isEmpty { extras[index] = nil }
            firsts[index] = scalar.value
            roles[index] = role
            if w == 2 {
                if !extras.isEmpty { extras[index + 1] = nil }
                firsts[index + 1] = ScreenGrid.continuation
                roles[index + 1] = role
            }
        }

        /// Puts a cluster's first scalar in its cell and up to `DisplayWidth.marksPerCell` more aside.
        mutating func place(_ cluster: Character, width w: Int, column: Int) {
            let index = base + column
            var scalars = cluster.unicodeScalars.makeIterator()
            place(scalars.next() ?? " ", width: w, column: column)
            var more: [Unicode.Scalar] = []
            while more.count < DisplayWidth.marksPerCell, let next = scalars.next() { more.append(next) }
            if !more.isEmpty { extras[index] = more }
        }

        /// Adds a zero-width scalar to the cell that leads `column`, up to `DisplayWidth.marksPerCell`.
        mutating func join(_ scalar: Unicode.Scalar, column: Int) {
            var index = base + column
            if column > 0, firsts[index] == ScreenGrid.continuation { index -= 1 }
            guard (extras[index]?.count ?? 0) < DisplayWidth.marksPerCell else { return }
            extras[index, default: []].append(scalar)
        }
    }

    /// Whether cell `index` draws exactly one space or nothing (no joined scalars).
    @inline(__always)
    func isBlankText(_ index: Int) -> Bool {
        let first = firsts[index]
        return (first == Self.space || first == Self.continuation) && (extras.isEmpty || extras[index] == nil)
    }

    /// The flat index after the last cell of `row` that draws more than a space.
    func textEnd(row: Int) -> Int {
        let base = row * width
        var last = base + width
        if extras.isEmpty {
            firsts.withUnsafeBufferPointer { firsts in
                while last > base, firsts[last - 1] == Self.space || firsts[last - 1] == Self.continuation { last -= 1 }
            }
        } else {
            while last > base, isBlankText(last - 1) { last -= 1 }
        }
        return last
    }

    /// Appends the UTF-8 of cells `range` (flat indices) to `out`.
    func appendText(_ range: Range<Int>, to out: inout [UInt8]) {
        guard extras.isEmpty else {
            for index in range {
                let first = firsts[index]
                if first < 0x80 {
                    if first != Self.continuation { out.append(UInt8(truncatingIfNeeded: first)) }
                } else {
                    UTF8Scalar.append(first, to: &out)
                }
                if let more = extras[index] {
                    for scalar in more { UTF8Scalar.append(scalar.value, to: &out) }
                }
            }
            return
        }
        // Encoded into a scratch buffer (at most 4 bytes a cell), then copied in one go:
        // appending byte by byte to `out` checks its capacity and uniqueness every time.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, range.count * 4)) { buffer in
            var n = 0
            firsts.withUnsafeBufferPointer { firsts in
                for index in range {
                    let v = firsts[index]
                    if v < 0x80 {
                        if v != Self.continuation { buffer[n] = UInt8(truncatingIfNeeded: v); n += 1 }
                    } else {
                        n += UTF8Scalar.write(v, to: buffer.baseAddress! + n)
                    }
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}
