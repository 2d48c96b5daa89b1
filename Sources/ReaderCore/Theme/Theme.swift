// The theme model: colours, styles and the role → style map. Parsing and validation
// live in ThemeParser, the search path in ThemeLibrary, the embedded copies in ShippedThemes.

/// A colour as a theme names it.
public enum ThemeColor: Sendable, Equatable, Hashable {
    /// The terminal's default foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours, 0–15 (0 black … 7 white, 8–15 bright).
    case ansi(Int)
    /// An xterm-256 palette index, 0–255.
    case palette(Int)
    /// A 24-bit colour; backends map it to the nearest palette entry.
    case rgb(red: Int, green: Int, blue: Int)
}

/// How one role is drawn.
public struct RoleStyle: Sendable, Equatable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        bold: Bool = false, dim: Bool = false, italic: Bool = false,
        underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }
}

/// A named mapping from every `Role` to a `RoleStyle`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [Role: RoleStyle]

    public init(name: String, styles: [Role: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The style for `role`, falling back to `.body`'s, then to the terminal default.
    public func style(for role: Role) -> RoleStyle {
        styles[role] ?? styles[.body] ?? RoleStyle()
    }
}
