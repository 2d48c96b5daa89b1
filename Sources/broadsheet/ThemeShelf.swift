import ReaderCore
import ReaderUI

/// The themes `T` cycles through and the one to start with.
struct ThemeShelf {
    var themes: [Theme]
    var index: Int
    /// A message for the status line (a bad theme file, an unknown name).
    var warning: String?

    /// Loads the shipped, repository and user themes, starting with `requested`
    /// (a name, or a path unless in kiosk mode). Never fails: bad files are left
    /// out with a warning, and newsprint is always there.
    static func load(requested: String?, allowPaths: Bool, environment: [String: String]) -> ThemeShelf {
        let library = ThemeLibrary(environment: environment)
        let selection = library.selection(requested: requested, allowPaths: allowPaths)
        guard !selection.themes.isEmpty else { return ThemeShelf(themes: [.plain], index: 0) }
        return ThemeShelf(
            themes: selection.themes, index: selection.index,
            warning: selection.warnings.isEmpty ? nil : selection.warnings.joined(separator: "; "))
    }

    /// The theme `load` starts with, loaded alone so that the first frame waits for
    /// no other theme file, with the warning about it (not those about other files).
    static func first(
        requested: String?, allowPaths: Bool, environment: [String: String]
    ) -> (theme: Theme, warning: String?) {
        let library = ThemeLibrary(environment: environment)
        // As `ThemeLibrary.selection`: newsprint from a file if it loads, else built in.
        func newsprint() -> Theme { (try? library.load(ThemeLibrary.defaultName)) ?? ThemeLibrary.defaultTheme }
        guard let requested, !requested.isEmpty, requested != ThemeLibrary.defaultName else {
            return (newsprint(), nil)
        }
        do {
            return (try library.load(requested, allowPaths: allowPaths), nil)
        } catch {
            return (newsprint(), "\(error); using \(ThemeLibrary.defaultName)")
        }
    }
}
