/// Prints screen pages with ANSI SGR styles by role (`--dump --color`).
/// The role→SGR mapping is fixed; themes are the interactive reader's business.
public struct ANSIFormatter: Sendable {
    public var ambiguous: AmbiguousWidth

    public init(ambiguous: AmbiguousWidth = .narrow) {
        self.ambiguous = ambiguous
    }

    /// The SGR parameters for a role ("" for plain text).
    public static func sgr(for role: Role) -> String {
        switch role {
        case .body: return ""
        case .masthead: return "1;31"
        case .mastheadInfo: return "2"
        case .kicker: return "34"
        case .headline: return "1"
        case .deck: return "3"
        case .byline: return "2"
        case .dateline: return "1;34"
        case .subhead: return "1;4"
        case .editorsNote: return "3;36"
        case .caption: return "2;3"
        case .rubric: return "7"
        case .pullQuote: return "1;3"
        case .rule: return "2"
        case .jumpLabel: return "1;7"
        case .truncation: return "2"
        case .status: return "7"
        case .statusKey: return "1;7"
        case .match: return "30;43"
        case .selection: return "7"
        case .overlay: return "0"
        case .notice: return "1;33"
        }
    }

    /// One page as lines with SGR codes, reset at each line's end.
    public func format(_ page: ScreenPage) -> String {
        let grid = ScreenGrid(page: page, ambiguous: ambiguous)
        var lines = (0..<grid.height).map { row -> String in
            let base = row * grid.width
            var last = base + grid.width
            while last > base, grid.roles[last - 1] == nil, grid.firsts[last - 1] == ScreenGrid.space,
                grid.extras.isEmpty || grid.extras[last - 1] == nil
            {
                last -= 1
            }
            var line: [UInt8] = []
            var current: Role?
            for index in base..<last {
                let role = grid.roles[index]
                if role != current {
                    if let current, !Self.sgr(for: current).isEmpty { line += Array("\u{1B}[0m".utf8) }
                    if let role, !Self.sgr(for: role).isEmpty { line += Array("\u{1B}[\(Self.sgr(for: role))m".utf8) }
                    current = role
                }
                grid.appendText(index..<index + 1, to: &line)
            }
            if let role = current, !Self.sgr(for: role).isEmpty { line += Array("\u{1B}[0m".utf8) }
            return String(decoding: line, as: UTF8.self)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Pages separated by a form-feed line, ending in a newline.
    public func format(_ pages: [ScreenPage]) -> String {
        pages.map(format).joined(separator: "\n\u{0C}\n") + "\n"
    }
}
