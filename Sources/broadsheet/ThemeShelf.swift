import ReaderCore
import ReaderUI

/// The themes `T` cycles through and the one to start with.
struct ThemeShelf {
    var themes: [Theme]
    var index: Int
    /// A message for the status line (a bad theme file, an unknown name).
    var warning: String?

    /// Loads the themes, starting with `requested` (a name or a path) when given.
    /// PROVISIONAL: only the built-in plain theme until theme files land (issue 5, state helper).
    static func load(requested: String?) -> ThemeShelf {
        let themes = [Theme.plain]
        if let requested, let found = themes.firstIndex(where: { $0.name == requested }) {
            return ThemeShelf(themes: themes, index: found)
        }
        return ThemeShelf(themes: themes, index: 0,
                          warning: requested.map { "unknown theme \($0); using \(themes[0].name)" })
    }
}
