/// ANSI SGR escape parameters for a style, for `--dump --color` and other
/// plain-text output (ncurses backends use `ThemeColor.paletteIndex` instead).
extension RoleStyle {
    /// The parameters after a reset, e.g. "0;1;38;5;124;48;5;230".
    public var sgrParameters: String {
        var parts = ["0"]
        if bold { parts.append("1") }
        if dim { parts.append("2") }
        if italic { parts.append("3") }
        if underline { parts.append("4") }
        if reverse { parts.append("7") }
        if let fg = RoleStyle.sgr(foreground, base: 30) { parts.append(fg) }
        if let bg = RoleStyle.sgr(background, base: 40) { parts.append(bg) }
        return parts.joined(separator: ";")
    }

    /// The escape sequence that switches to this style.
    public var sgrSequence: String { "\u{1B}[" + sgrParameters + "m" }

    /// The SGR colour parameter: 30–37/90–97, 38;5;n or 38;2;r;g;b (base 40 for backgrounds).
    private static func sgr(_ color: ThemeColor, base: Int) -> String? {
        switch color {
        case .terminalDefault: return nil
        case .ansi(let n) where n < 8: return String(base + n)
        case .ansi(let n): return String(base + 60 + min(n, 15) - 8)
        case .palette(let n): return "\(base + 8);5;\(n)"
        case .rgb(let r, let g, let b): return "\(base + 8);2;\(r);\(g);\(b)"
        }
    }
}
