/// Measuring for a vertical column: a column of N rows is set as a line of 2N cells.
extension Typesetter {
    /// Re-measures `cells` for vertical setting: every drawn cluster narrower than two
    /// cells (Latin letters, digits, spaces, narrow punctuation) is widened to one row,
    /// except the digits of a tate-chu-yoko pair, which keep a cell each and so share a row.
    @inline(never)
    static func verticalCells(_ scalars: [Unicode.Scalar], _ measured: [UInt8]) -> [UInt8] {
        var cells = measured
        scalars.withUnsafeBufferPointer { s in
            cells.withUnsafeMutableBufferPointer { c in
                for k in 0..<s.count where c[k] & (Cell.hidden | Cell.continuation) == 0 {
                    let width = c[k] & Cell.widthMask
                    guard width < 2 else { continue }
                    if VerticalForms.isDigit(s[k]), VerticalForms.isPaired(s, at: k) { continue }
                    c[k] = (c[k] & ~Cell.widthMask) | 2 | (c[k] & Cell.space == 0 ? Cell.wide : 0)
                }
            }
        }
        return cells
    }
}
