import ReaderCore

extension Theme {
    /// A theme of attributes only (bold, underline, reverse): readable on any terminal,
    /// and the fallback when no theme file can be loaded.
    public static let plain = Theme(
        name: "plain",
        styles: [
            .body: RoleStyle(),
            .masthead: RoleStyle(bold: true),
            .mastheadInfo: RoleStyle(dim: true),
            .kicker: RoleStyle(dim: true),
            .headline: RoleStyle(bold: true),
            .deck: RoleStyle(bold: true),
            .byline: RoleStyle(dim: true),
            .dateline: RoleStyle(bold: true),
            .subhead: RoleStyle(bold: true, underline: true),
            .editorsNote: RoleStyle(italic: true),
            .caption: RoleStyle(dim: true, italic: true),
            .rubric: RoleStyle(reverse: true),
            .pullQuote: RoleStyle(bold: true),
            .rule: RoleStyle(dim: true),
            .jumpLabel: RoleStyle(bold: true),
            .truncation: RoleStyle(dim: true),
            .status: RoleStyle(reverse: true),
            .statusKey: RoleStyle(bold: true, reverse: true),
            .match: RoleStyle(underline: true, reverse: true),
            .selection: RoleStyle(reverse: true),
            .overlay: RoleStyle(),
            .notice: RoleStyle(bold: true, reverse: true),
        ])
}
