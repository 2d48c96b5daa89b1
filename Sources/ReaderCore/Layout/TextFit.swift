/// Small helpers to make text fit a number of cells.
enum TextFit {
    /// The longest prefix of `text` no wider than `cells` (whole grapheme clusters).
    static func clip(_ text: String, to cells: Int, measure: DisplayWidth) -> String {
        var out = ""
        var used = 0
        for character in text {
            let w = measure.of(character)
            if used + w > cells { break }
            out.append(character)
            used += w
        }
        return out
    }

    /// `text` clipped to `cells`, ending in `mark` (…) when anything was cut.
    static func truncate(
        _ text: String, to cells: Int, mark: String, measure: DisplayWidth
    ) -> (text: String, cut: Bool) {
        if measure.of(text) <= cells { return (text, false) }
        let markWidth = measure.of(mark)
        return (clip(text, to: max(0, cells - markWidth), measure: measure), true)
    }

    /// `glyph` repeated to fill at most `cells` (glyph may be 1 or 2 cells wide).
    static func rule(_ glyph: Character, cells: Int, measure: DisplayWidth) -> String {
        let w = max(1, measure.of(glyph))
        let count = max(0, cells / w)
        // Byte by byte: String(repeating:count:) walks Characters and costs ~300 instructions a glyph.
        let unit = Array(String(glyph).utf8)
        let total = unit.count * count
        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        bytes.append(contentsOf: unit)
        while bytes.count < total { bytes.append(contentsOf: bytes[0..<min(bytes.count, total - bytes.count)]) }
        return String(decoding: bytes.prefix(total), as: UTF8.self)
    }

    /// A `.rule` run of `glyph` repeated to fill at most `cells`, as `rule` draws it; kept
    /// as shared scalars (painted without a `String`) when the glyph is one plain cluster.
    static func ruleRun(_ glyph: Unicode.Scalar, cells: Int, measure: DisplayWidth) -> PlacedRun {
        let w = measure.of(glyph)
        guard (1...2).contains(w), DisplayWidth.standsAlone(glyph) else {
            return PlacedRun(
                row: 0, column: 0, text: rule(Character(glyph), cells: cells, measure: measure), role: .rule)
        }
        let count = max(0, cells / w)
        let cell = UInt8(w) | (w == 2 ? ScalarText.Cell.wide : 0)
        let text = ScalarText(
            scalars: Array(repeating: glyph, count: count), cells: Array(repeating: cell, count: count),
            ambiguous: measure.ambiguous, isSimple: true)
        return PlacedRun(row: 0, column: 0, scalars: text, range: 0..<count, role: .rule)
    }
}
