/// Where a `RunPainter` puts one run's cells: a row of `ScreenGrid` (for `--dump`) or of
/// ReaderUI's `CellBuffer` (for the reader). Both paint through the same painter, so the
/// dump and the screen place, clip and join the same graphemes in the same cells.
public protocol RunCanvas {
    /// Puts a lone scalar, `width` cells wide (1 or 2), at `column`.
    mutating func place(_ scalar: Unicode.Scalar, width: Int, column: Int)
    /// Puts a grapheme cluster of two or more scalars, `width` cells wide, at `column`.
    mutating func place(_ cluster: Character, width: Int, column: Int)
    /// Adds a zero-width scalar to the grapheme that covers `column` (the lead cell when
    /// `column` is a continuation), up to `DisplayWidth.marksPerCell` scalars after its first.
    mutating func join(_ scalar: Unicode.Scalar, column: Int)
}

/// Paints placed runs cell by cell, the one rule for every grid: a grapheme is drawn
/// whole or not at all (clipped at the edge, skipped left of column 0), and a zero-width
/// cluster joins the grapheme before it on the row (controls in it are dropped, so no
/// byte can reach a terminal as a control).
public struct RunPainter: Sendable {
    public var measure: DisplayWidth

    public init(measure: DisplayWidth) {
        self.measure = measure
    }

    /// Paints `run` from `column`, clipped at `edge`; returns the column after its last cell.
    @inlinable
    @discardableResult
    public func paint<Canvas: RunCanvas>(_ run: PlacedRun, column: Int, edge: Int, on canvas: inout Canvas) -> Int {
        if case .scalars(let text, let range) = run.content, text.ambiguous == measure.ambiguous {
            return paint(text, range, column: column, edge: edge, on: &canvas)
        }
        return paint(run.text, column: column, edge: edge, on: &canvas)
    }

    /// Paints scalars `range` of a simple `ScalarText`: one cluster per scalar, widths as
    /// the typesetter measured them.
    @inlinable
    func paint<Canvas: RunCanvas>(
        _ text: ScalarText, _ range: Range<Int>, column start: Int, edge: Int,
        on canvas: inout Canvas
    ) -> Int {
        text.scalars.withUnsafeBufferPointer { s in
            text.cells.withUnsafeBufferPointer { c in
                var column = start
                for k in range {
                    let w = Int(c[k] & ScalarText.Cell.widthMask)
                    if w == 0 {
                        Self.join(s[k], before: column, edge: edge, on: &canvas)
                        continue
                    }
                    if column + w > edge { break }
                    if column >= 0 { canvas.place(s[k], width: w, column: column) }
                    column += w
                }
                return column
            }
        }
    }

    /// Paints `text` from `column`, measuring it grapheme by grapheme.
    @inlinable
    @discardableResult
    public func paint<Canvas: RunCanvas>(
        _ text: String, column start: Int, edge: Int,
        on canvas: inout Canvas
    ) -> Int {
        var column = start
        if text.unicodeScalars.allSatisfy(DisplayWidth.standsAlone) {
            // Every scalar is a cluster of its own, 1 or 2 cells wide: no Character walk.
            for scalar in text.unicodeScalars {
                let w = measure.of(scalar)
                if column + w > edge { break }
                if column >= 0 { canvas.place(scalar, width: w, column: column) }
                column += w
            }
            return column
        }
        for character in text {
            let w = measure.of(character)
            if w <= 0 {
                for scalar in character.unicodeScalars { Self.join(scalar, before: column, edge: edge, on: &canvas) }
                continue
            }
            if column + w > edge { break }
            if column >= 0 {
                var scalars = character.unicodeScalars.makeIterator()
                if let first = scalars.next(), scalars.next() == nil {
                    canvas.place(first, width: w, column: column)
                } else {
                    canvas.place(character, width: w, column: column)
                }
            }
            column += w
        }
        return column
    }

    /// Joins zero-width `scalar` to the cell before `column` when that cell is on the canvas.
    @inlinable
    static func join<Canvas: RunCanvas>(
        _ scalar: Unicode.Scalar, before column: Int, edge: Int,
        on canvas: inout Canvas
    ) {
        guard column > 0, column - 1 < edge, !isControl(scalar) else { return }
        canvas.join(scalar, column: column - 1)
    }

    /// C0 and C1 controls and DEL: never drawn.
    @inlinable
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0)
    }
}
