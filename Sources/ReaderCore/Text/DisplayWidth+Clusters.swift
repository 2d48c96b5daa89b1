/// A shortcut around grapheme segmentation for the text a newspaper is made of.
extension DisplayWidth {
    /// The most scalars drawn in one cell after its first: further combining marks of a
    /// cluster are left out of the drawn cell (the text keeps them, so offsets hold).
    /// Terminals keep a few at most (xterm 2–10, VTE 32); 50,000 stacked marks would
    /// otherwise be sent in every frame.
    public static let marksPerCell = 16

    /// Whether a scalar is a grapheme cluster on its own whatever its neighbours, with a
    /// width of 1 or 2: printable ASCII, general punctuation, box drawing, CJK
    /// punctuation, kana, ideographs and fullwidth forms (none is Extend, SpacingMark,
    /// Prepend, ZWJ or a control). Drawing code (`RunPainter`, for --dump and the reader)
    /// skips the `Character` walk for text made only of these.
    @inlinable
    public static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v &- 0x20 < 0x5F { return true }
        if v < 0x2010 { return v == 0xB7 }
        if v <= 0x2027 { return true } // ‐ – — ‘ ’ “ ” … ·
        if v < 0x2500 { return false }
        if v <= 0x257F { return true } // box drawing (rules ─ ━)
        if v < 0x3000 { return false }
        if v <= 0x3029 { return true } // 、。〈〉《》「」『』【】…
        if v < 0x3030 { return false } // 302A–302F tone marks join
        if v <= 0x3096 { return true }
        if v < 0x30A0 { return false } // 3099/309A voicing marks join
        if v <= 0x30FF { return true }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        return v >= 0xFF01 && v <= 0xFF60
    }
}
