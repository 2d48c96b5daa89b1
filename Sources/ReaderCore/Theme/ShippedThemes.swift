// Hand-copied from Themes/*.json, nothing generates it: after editing a theme file, paste
// it here too (ThemeTests fails, naming the file, while the two differ).
// Embedded so that an installed binary, far from the source tree, still has
// its themes; the files in Themes/ are the ones to read and edit.

/// The themes that ship with broadsheet, in the order `T` cycles through them.
public enum ShippedThemes {
    /// (name, JSON text) of each shipped theme.
    public static let sources: [(name: String, json: String)] = [
        (
            "newsprint",
            #"""
            {
              "name": "newsprint",
              "description": "Dark ink on paper tones, like the printed page (the default).",
              "base": {"fg": "#2a2520", "bg": "#f4eedf"},
              "roles": {
                "body":         {},
                "masthead":     {"fg": "#9b1c1c", "bold": true},
                "mastheadInfo": {"fg": "#5a5148"},
                "kicker":       {"fg": "#9b1c1c"},
                "headline":     {"fg": "#111111", "bold": true},
                "deck":         {"fg": "#5c3d1e", "italic": true},
                "byline":       {"fg": "#6b6157"},
                "dateline":     {"fg": "#111111", "bold": true},
                "subhead":      {"fg": "#111111", "bold": true},
                "editorsNote":  {"fg": "#33406b"},
                "caption":      {"fg": "#6b6157", "italic": true},
                "rubric":       {"fg": "#9b1c1c", "reverse": true, "bold": true},
                "pullQuote":    {"fg": "#5c3d1e", "bold": true},
                "rule":         {"fg": "#8a8073", "dim": true},
                "jumpLabel":    {"fg": "#2a2520", "reverse": true, "bold": true},
                "truncation":   {"fg": "#8a8073"},
                "status":       {"reverse": true},
                "statusKey":    {"reverse": true, "bold": true},
                "match":        {"fg": "#e0b020", "bg": "#1f1b16", "reverse": true},
                "selection":    {"reverse": true, "bold": true},
                "overlay":      {"bg": "#e6dcc6"},
                "notice":       {"fg": "#9b1c1c", "bold": true}
              }
            }
            """#
        ),
        (
            "night",
            #"""
            {
              "name": "night",
              "description": "Light ink on a dark page, for reading late.",
              "base": {"fg": "#c8c3b8", "bg": "#161a1f"},
              "roles": {
                "body":         {},
                "masthead":     {"fg": "#e0a860", "bold": true},
                "mastheadInfo": {"fg": "#8a8f98"},
                "kicker":       {"fg": "#d08770"},
                "headline":     {"fg": "#f0ece4", "bold": true},
                "deck":         {"fg": "#a3b8cc", "italic": true},
                "byline":       {"fg": "#8a8f98"},
                "dateline":     {"fg": "#f0ece4", "bold": true},
                "subhead":      {"fg": "#e5c07b", "bold": true},
                "editorsNote":  {"fg": "#98b7a0"},
                "caption":      {"fg": "#8a8f98", "italic": true},
                "rubric":       {"fg": "#d08770", "reverse": true, "bold": true},
                "pullQuote":    {"fg": "#e5c07b", "bold": true},
                "rule":         {"fg": "#4a5059", "dim": true},
                "jumpLabel":    {"fg": "#e0a860", "reverse": true, "bold": true},
                "truncation":   {"fg": "#6b717a"},
                "status":       {"reverse": true},
                "statusKey":    {"reverse": true, "bold": true},
                "match":        {"fg": "#e5c07b", "reverse": true},
                "selection":    {"reverse": true, "bold": true},
                "overlay":      {"bg": "#222831"},
                "notice":       {"fg": "#e0a860", "bold": true}
              }
            }
            """#
        ),
        (
            "high-contrast",
            #"""
            {
              "name": "high-contrast",
              "description": "Bright ink on black in the 16 standard colours, with heavy attributes.",
              "base": {"fg": "brightwhite", "bg": "black"},
              "roles": {
                "body":         {},
                "masthead":     {"bold": true, "underline": true},
                "mastheadInfo": {"fg": "white"},
                "kicker":       {"fg": "brightyellow"},
                "headline":     {"bold": true},
                "deck":         {"fg": "brightcyan"},
                "byline":       {"fg": "white"},
                "dateline":     {"bold": true},
                "subhead":      {"fg": "brightyellow", "bold": true},
                "editorsNote":  {"fg": "brightgreen"},
                "caption":      {"fg": "white", "underline": true},
                "rubric":       {"fg": "brightyellow", "reverse": true, "bold": true},
                "pullQuote":    {"fg": "brightyellow", "bold": true},
                "rule":         {"fg": "white"},
                "jumpLabel":    {"reverse": true, "bold": true},
                "truncation":   {"fg": "brightcyan"},
                "status":       {"reverse": true, "bold": true},
                "statusKey":    {"reverse": true, "bold": true, "underline": true},
                "match":        {"fg": "brightyellow", "reverse": true, "bold": true},
                "selection":    {"fg": "brightcyan", "reverse": true, "bold": true},
                "overlay":      {},
                "notice":       {"fg": "brightyellow", "bold": true}
              }
            }
            """#
        ),
        (
            "mono",
            #"""
            {
              "name": "mono",
              "description": "No colour at all: bold, underline, dim and reverse only (also what NO_COLOR gets).",
              "roles": {
                "body":         {},
                "masthead":     {"bold": true, "underline": true},
                "mastheadInfo": {"dim": true},
                "kicker":       {"underline": true},
                "headline":     {"bold": true},
                "deck":         {"dim": true, "bold": true},
                "byline":       {"dim": true},
                "dateline":     {"bold": true},
                "subhead":      {"bold": true, "underline": true},
                "editorsNote":  {"italic": true},
                "caption":      {"dim": true},
                "rubric":       {"reverse": true},
                "pullQuote":    {"bold": true},
                "rule":         {"dim": true},
                "jumpLabel":    {"reverse": true, "bold": true},
                "truncation":   {"dim": true},
                "status":       {"reverse": true},
                "statusKey":    {"reverse": true, "bold": true},
                "match":        {"reverse": true, "underline": true},
                "selection":    {"reverse": true, "bold": true},
                "overlay":      {},
                "notice":       {"bold": true}
              }
            }
            """#
        ),
    ]

    /// The names, in cycling order.
    public static var names: [String] { sources.map(\.name) }

    /// The JSON text of the shipped theme `name`.
    public static func json(named name: String) -> String? {
        sources.first { $0.name == name }?.json
    }
}
