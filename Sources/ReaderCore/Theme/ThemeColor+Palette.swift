/// Colour arithmetic: the xterm palette, nearest matches, and the numbers
/// terminals take.
extension ThemeColor {
    /// xterm's default RGB for the 16 ANSI colours.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    /// The six levels of each channel in the 6×6×6 cube (indices 16–231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The colour's RGB, or nil for the terminal default.
    public var rgb: (red: Int, green: Int, blue: Int)? {
        switch self {
        case .terminalDefault: return nil
        case .ansi(let n): let c = ThemeColor.ansiRGB[max(0, min(15, n))]; return (c.0, c.1, c.2)
        case .palette(let n): return ThemeColor.paletteRGB(max(0, min(255, n)))
        case .rgb(let r, let g, let b): return (r, g, b)
        }
    }

    /// Relative brightness 0…1 (default counts as mid-grey).
    public var luminance: Double {
        guard let c = rgb else { return 0.5 }
        return (0.2126 * Double(c.red) + 0.7152 * Double(c.green) + 0.0722 * Double(c.blue)) / 255
    }

    /// The index to hand ncurses (`init_pair`): -1 for the default, else 0–255.
    /// Call on a degraded theme's colours; a 24-bit colour is matched to the palette.
    public var paletteIndex: Int {
        switch self {
        case .terminalDefault: return -1
        case .ansi(let n): return max(0, min(15, n))
        case .palette(let n): return max(0, min(255, n))
        case .rgb(let r, let g, let b): return ThemeColor.nearestPalette(r, g, b)
        }
    }

    /// The nearest colour a terminal of `depth` has (mono: the default).
    public func degraded(to depth: ColorCapability) -> ThemeColor {
        guard let c = rgb else { return self }
        switch depth {
        case .trueColor: return self
        case .palette256:
            if case .rgb = self { return .palette(ThemeColor.nearestPalette(c.red, c.green, c.blue)) }
            return self
        case .ansi16:
            if case .ansi = self { return self }
            if case .palette(let n) = self, n < 16 { return .ansi(n) }
            return .ansi(ThemeColor.nearest(c, among: 0..<16))
        case .ansi8:
            if case .ansi(let n) = self, n < 8 { return self }
            if case .palette(let n) = self, n < 8 { return .ansi(n) }
            return .ansi(ThemeColor.nearest(c, among: 0..<8))
        case .mono: return .terminalDefault
        }
    }

    /// RGB of xterm-256 index `n`.
    static func paletteRGB(_ n: Int) -> (red: Int, green: Int, blue: Int) {
        if n < 16 { let c = ansiRGB[n]; return (c.0, c.1, c.2) }
        if n >= 232 { let v = 8 + 10 * (n - 232); return (v, v, v) }
        let i = n - 16
        return (cubeLevels[i / 36], cubeLevels[i / 6 % 6], cubeLevels[i % 6])
    }

    /// The nearest xterm-256 index from the cube or the grey ramp (16–255; the first
    /// 16 are left out because terminals redefine them).
    static func nearestPalette(_ r: Int, _ g: Int, _ b: Int) -> Int {
        func level(_ v: Int) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }! }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let grey = 232 + max(0, min(23, ((r + g + b) / 3 - 8 + 5) / 10))
        return distance((r, g, b), paletteRGB(cube)) <= distance((r, g, b), paletteRGB(grey)) ? cube : grey
    }

    /// The index in `range` of `ansiRGB` nearest to `c`.
    static func nearest(_ c: (red: Int, green: Int, blue: Int), among range: Range<Int>) -> Int {
        range.min { distance(c, paletteRGB($0)) < distance(c, paletteRGB($1)) }!
    }

    /// "Redmean" colour distance: cheap and closer to the eye than plain RGB.
    static func distance(_ a: (red: Int, green: Int, blue: Int), _ b: (red: Int, green: Int, blue: Int)) -> Int {
        let rMean = (a.red + b.red) / 2
        let dr = a.red - b.red, dg = a.green - b.green, db = a.blue - b.blue
        // (Swift's >> binds tighter than *, hence the parentheses.)
        return (((512 + rMean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rMean) * db * db) >> 8)
    }
}
