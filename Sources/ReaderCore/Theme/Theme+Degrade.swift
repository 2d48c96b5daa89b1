/// Fitting a theme to what the terminal can show.
extension Theme {
    /// This theme with every colour mapped to the nearest one the terminal has:
    /// 24-bit → xterm-256 → 16 ANSI → 8 ANSI. In mono every colour goes and
    /// attributes stay; a role that stood out by a background much lighter or
    /// darker than the body's is drawn in reverse instead.
    public func degraded(to depth: ColorCapability) -> Theme {
        let bodyBackground = style(for: .body).background
        var out: [Role: RoleStyle] = [:]
        for (role, style) in styles {
            var s = style
            if depth == .mono {
                // A faint tint (an overlay's paper) is not worth a reversed box; a marked one is.
                if s.background != .terminalDefault,
                    abs(s.background.luminance - bodyBackground.luminance) > 0.25
                {
                    s.reverse = true
                }
                s.foreground = .terminalDefault
                s.background = .terminalDefault
            } else {
                s.foreground = s.foreground.degraded(to: depth)
                s.background = s.background.degraded(to: depth)
                // Two colours that were distinct may land on one slot: keep text readable.
                if s.foreground == s.background, s.foreground != .terminalDefault {
                    s.foreground = s.background.luminance > 0.5 ? .ansi(0) : .ansi(7)
                }
            }
            out[role] = s
        }
        return Theme(name: name, styles: out)
    }

    /// `degraded(to:)` for a terminal with `colors` colours in `environment` (NO_COLOR honoured).
    public func degraded(toColors colors: Int, environment: [String: String]) -> Theme {
        degraded(to: ColorCapability.detect(colors: colors, environment: environment))
    }
}
