import ReaderCore

/// Combines a role's style with overlay flags (matches, selection). Colours are fitted
/// to the terminal by `Theme.degraded(to:)` before this.
public enum ColorMapping {
    /// The style of a cell: its role's style, with matches and selection laid over it.
    public static func style(role: Role, flags: CellFlags, theme: Theme) -> RoleStyle {
        var style = theme.style(for: role)
        if flags.contains(.selection) {
            style =
                theme.styles[.selection]
                ?? RoleStyle(
                    foreground: style.foreground,
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
}
