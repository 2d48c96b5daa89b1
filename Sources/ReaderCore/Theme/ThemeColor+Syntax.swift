/// Theme files name colours as "default", "red", "brightblue", "grey",
/// a palette index 0–255, or "#rrggbb".
extension ThemeColor {
    /// The 16 ANSI colour names in index order.
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightblack", "brightred", "brightgreen", "brightyellow",
        "brightblue", "brightmagenta", "brightcyan", "brightwhite",
    ]

    /// Parses a colour name or "#rrggbb" (case-insensitive; "bright-red" and
    /// "bright red" also work; "gray"/"grey" are bright black).
    public init?(name: String) {
        var key = name.lowercased()
        key.removeAll { $0 == "-" || $0 == " " || $0 == "_" }
        if key == "default" || key == "none" { self = .terminalDefault; return }
        if key == "gray" || key == "grey" { self = .ansi(8); return }
        if let index = ThemeColor.ansiNames.firstIndex(of: key) { self = .ansi(index); return }
        let hex = Array(key.utf8)
        guard hex.count == 7, hex[0] == 35 else { return nil } // '#'
        var channels: [Int] = []
        for i in stride(from: 1, to: 7, by: 2) {
            guard let hi = ThemeColor.hexDigit(hex[i]), let lo = ThemeColor.hexDigit(hex[i + 1]) else { return nil }
            channels.append(hi * 16 + lo)
        }
        self = .rgb(red: channels[0], green: channels[1], blue: channels[2])
    }

    /// The colour as a theme file writes it.
    public var themeName: String {
        switch self {
        case .terminalDefault: return "default"
        case .ansi(let n): return ThemeColor.ansiNames[max(0, min(15, n))]
        case .palette(let n): return String(n)
        case .rgb(let r, let g, let b):
            let digits = Array("0123456789abcdef")
            return "#" + [r, g, b].map { String([digits[($0 >> 4) & 15], digits[$0 & 15]]) }.joined()
        }
    }

    /// The value of a lowercase hex digit.
    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case 48...57: return Int(byte - 48)
        case 97...102: return Int(byte - 87)
        default: return nil
        }
    }
}
