import ReaderCore

/// How many colours the terminal can show; themes degrade to it.
public enum ColorDepth: Sendable, Equatable {
    /// Attributes only (bold, reverse, underline): no colour, or NO_COLOR is set.
    case mono
    case ansi8
    case ansi16
    case palette256

    /// The depth for a terminal reporting `colors`, with NO_COLOR honoured.
    public static func detect(colors: Int, hasColors: Bool, noColor: Bool) -> ColorDepth {
        if noColor || !hasColors || colors < 8 { return .mono }
        if colors >= 256 { return .palette256 }
        return colors >= 16 ? .ansi16 : .ansi8
    }
}

/// Maps theme colours to terminal colour numbers and combines roles with overlay flags.
public enum ColorMapping {
    /// The terminal colour number for `color` at `depth`; -1 is the terminal default.
    public static func index(_ color: ThemeColor, depth: ColorDepth) -> Int {
        switch (color, depth) {
        case (_, .mono), (.terminalDefault, _):
            return -1
        case (.ansi(let n), .palette256), (.ansi(let n), .ansi16):
            return max(0, min(15, n))
        case (.ansi(let n), .ansi8):
            return max(0, min(15, n)) % 8
        case (.palette(let n), .palette256):
            return max(0, min(255, n))
        case (.palette(let n), _):
            if n < 16 { return depth == .ansi8 ? n % 8 : n }
            let rgb = paletteRGB(n)
            return nearestANSI(rgb, count: depth == .ansi8 ? 8 : 16)
        case (.rgb(let r, let g, let b), .palette256):
            return nearestPalette((r, g, b))
        case (.rgb(let r, let g, let b), _):
            return nearestANSI((r, g, b), count: depth == .ansi8 ? 8 : 16)
        }
    }

    /// The style of a cell: its role's style, with matches and selection laid over it.
    public static func style(role: Role, flags: CellFlags, theme: Theme) -> RoleStyle {
        var style = theme.style(for: role)
        if flags.contains(.selection) {
            style = theme.styles[.selection] ?? RoleStyle(foreground: style.foreground,
                                                          background: style.background, reverse: true)
        }
        if flags.contains(.match) {
            let match = theme.styles[.match] ?? RoleStyle(reverse: true)
            style = match
            if flags.contains(.currentMatch) {
                style.bold = true
                style.underline = true
            }
        }
        return style
    }

    /// The RGB of an xterm-256 palette entry.
    static func paletteRGB(_ n: Int) -> (Int, Int, Int) {
        if n < 16 { return basic[max(0, n)] }
        if n >= 232 { let v = 8 + (n - 232) * 10; return (v, v, v) }
        let i = n - 16
        return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
    }

    /// xterm's 16 basic colours.
    private static let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six levels of each channel in the xterm colour cube.
    private static let levels = [0, 95, 135, 175, 215, 255]

    /// The xterm-256 entry (16…255) closest to `rgb`.
    static func nearestPalette(_ rgb: (Int, Int, Int)) -> Int {
        (16...255).min { distance(paletteRGB($0), rgb) < distance(paletteRGB($1), rgb) } ?? 16
    }

    /// The ANSI colour (0…count-1) closest to `rgb`.
    static func nearestANSI(_ rgb: (Int, Int, Int), count: Int) -> Int {
        (0..<count).min { distance(paletteRGB($0), rgb) < distance(paletteRGB($1), rgb) } ?? 0
    }

    /// Squared distance between two colours.
    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}
