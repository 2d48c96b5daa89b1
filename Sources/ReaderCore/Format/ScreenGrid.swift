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
        var extras: [Int: [Unicode.Scalar]] = [:]
        let measure = DisplayWidth(ambiguous: ambiguous)
        firsts.withUnsafeMutableBufferPointer { firsts in
            roles.withUnsafeMutableBufferPointer { roles in
                let cells = Painter(firsts: firsts, roles: roles, width: width)
                for run in page.runs where run.row >= 0 && run.row < height {
                    let base = run.row * width
                    if case .scalars(let text, let range) = run.content, text.ambiguous == ambiguous {
                        // Set text: one cluster per scalar, widths measured by the typesetter.
                        cells.paint(text, range, base: base, column: run.column, role: run.role, &extras)
                    } else {
                        cells.paint(run.text, base: base, column: run.column, role: run.role, measure, &extras)
                    }
                }
            }
        }
        self.firsts = firsts
        self.roles = roles
        self.extras = extras
    }

    /// Writes cells of one page's flat arrays.
    private struct Painter {
        let firsts: UnsafeMutableBufferPointer<UInt32>
        let roles: UnsafeMutableBufferPointer<Role?>
        let width: Int

        /// Paints scalars `range` of a simple `ScalarText` from `column` of the row at `base`.
        func paint(_ text: ScalarText, _ range: Range<Int>, base: Int, column start: Int, role: Role,
                   _ extras: inout [Int: [Unicode.Scalar]]) {
            text.scalars.withUnsafeBufferPointer { s in
                text.cells.withUnsafeBufferPointer { c in
                    var column = start
                    for k in range {
                        let w = Int(c[k] & ScalarText.Cell.widthMask)
                        if w == 0 {
                            if column > 0, column - 1 < width { join([s[k]], to: base + column - 1, &extras) }
                            continue
                        }
                        if column < 0 { column += w; continue }
                        if column + w > width { break }
                        set(s[k].value, width: w, at: base + column, role: role, &extras)
                        column += w
                    }
                }
            }
        }

        /// Puts one lone scalar of width `w` (1 or 2) in the cell at `index`, a wide one
        /// followed by its continuation cell.
        @inline(__always)
        func set(_ value: UInt32, width w: Int, at index: Int, role: Role, _ extras: inout [Int: [Unicode.Scalar]]) {
            if !extras.isEmpty { extras[index] = nil }
            firsts[index] = value
            roles[index] = role
            if w == 2 {
                if !extras.isEmpty { extras[index + 1] = nil }
                firsts[index + 1] = ScreenGrid.continuation
                roles[index + 1] = role
            }
        }

        /// Paints a `String` from `column` of the row at `base`, measuring it with `measure`.
        func paint(_ text: String, base: Int, column start: Int, role: Role, _ measure: DisplayWidth,
                   _ extras: inout [Int: [Unicode.Scalar]]) {
            var column = start
            if text.unicodeScalars.allSatisfy(DisplayWidth.standsAlone) {
                // Every scalar is its own cluster: no Character walk needed.
                for scalar in text.unicodeScalars {
                    let w = measure.of(scalar)
                    if w == 0 {
                        if column > 0, column - 1 < width { join([scalar], to: base + column - 1, &extras) }
                        continue
                    }
                    if column < 0 { column += w; continue }
                    if column + w > width { break }
                    set(scalar.value, width: w, at: base + column, role: role, &extras)
                    column += w
                }
                return
            }
            for character in text {
                let w = measure.of(character)
                if w == 0 {
                    // A zero-width cluster joins the cell before it.
                    if column > 0, column - 1 < width {
                        join(character.unicodeScalars, to: base + column - 1, &extras)
                    }
                    continue
                }
                if column < 0 { column += w; continue }
                if column + w > width { break }
                set(base + column, character, role, &extras)
                if w == 2 { set(base + column + 1, nil, role, &extras) }
                column += w
            }
        }

        /// Replaces cell `index` with `character` (nil: a continuation cell).
        @inline(__always)
        private func set(_ index: Int, _ character: Character?, _ role: Role, _ extras: inout [Int: [Unicode.Scalar]]) {
            if !extras.isEmpty { extras[index] = nil }
            roles[index] = role
            guard let character else { firsts[index] = ScreenGrid.continuation; return }
            var scalars = character.unicodeScalars.makeIterator()
            firsts[index] = scalars.next()?.value ?? ScreenGrid.continuation
            if let second = scalars.next() {
                var more = [second]
                while more.count < DisplayWidth.marksPerCell, let next = scalars.next() { more.append(next) }
                extras[index] = more
            }
        }

        /// Adds zero-width `scalars` to the cell at `index`, up to `DisplayWidth.marksPerCell`.
        private func join(_ scalars: some Sequence<Unicode.Scalar>, to index: Int,
                          _ extras: inout [Int: [Unicode.Scalar]]) {
            var room = DisplayWidth.marksPerCell - (extras[index]?.count ?? 0)
            for scalar in scalars {
                guard room > 0 else { return }
                extras[index, default: []].append(scalar)
                room -= 1
            }
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
                    ScalarText.appendUTF8(first, to: &out)
                }
                if let more = extras[index] {
                    for scalar in more { ScalarText.appendUTF8(scalar.value, to: &out) }
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
                    } else if v < 0x800 {
                        buffer[n] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
                        buffer[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                        n += 2
                    } else if v < 0x10000 {
                        buffer[n] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
                        buffer[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
                        buffer[n + 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                        n += 3
                    } else {
                        buffer[n] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
                        buffer[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 12 & 0x3F)
                        buffer[n + 2] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
                        buffer[n + 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                        n += 4
                    }
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}
