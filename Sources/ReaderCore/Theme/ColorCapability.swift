/// How many colours the terminal can show, from none to 24-bit.
public enum ColorCapability: Int, Sendable, Equatable, Comparable, CaseIterable {
    /// Attributes only (bold, dim, underline, reverse): NO_COLOR, or a terminal without colour.
    case mono = 0
    case ansi8 = 8
    case ansi16 = 16
    case palette256 = 256
    case trueColor = 16_777_216

    /// The depth of a terminal reporting `colors` colours (ncurses' COLORS).
    public init(colors: Int) {
        switch colors {
        case 16_777_216...: self = .trueColor
        case 256...: self = .palette256
        case 16...: self = .ansi16
        case 8...: self = .ansi8
        default: self = .mono
        }
    }

    /// The depth to draw with: `NO_COLOR` (set and not empty, see no-color.org)
    /// means mono; `COLORTERM=truecolor|24bit` lifts a 256-colour terminal to 24-bit.
    public static func detect(colors: Int, environment: [String: String]) -> ColorCapability {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .mono }
        let depth = ColorCapability(colors: colors)
        if depth == .palette256, let ct = environment["COLORTERM"]?.lowercased(), ct == "truecolor" || ct == "24bit" {
            return .trueColor
        }
        return depth
    }

    public static func < (a: ColorCapability, b: ColorCapability) -> Bool { a.rawValue < b.rawValue }
}
