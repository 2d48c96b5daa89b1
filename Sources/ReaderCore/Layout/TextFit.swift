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
    static func truncate(_ text: String, to cells: Int, mark: String, measure: DisplayWidth) -> (text: String, cut: Bool) {
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
        let size = unit.count
        return String(unsafeUninitializedCapacity: size * count) { bytes in
            for k in 0..<(size * count) { bytes[k] = unit[k % size] }
            return size * count
        }
    }
}
