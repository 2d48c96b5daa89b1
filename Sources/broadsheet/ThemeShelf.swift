import FoundationEssentials
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
    static func load(requested: String?, allowPaths: Bool) -> ThemeShelf {
        let library = ThemeLibrary(environment: ProcessInfo.processInfo.environment)
        let selection = library.selection(requested: requested, allowPaths: allowPaths)
        guard !selection.themes.isEmpty else { return ThemeShelf(themes: [.plain], index: 0) }
        return ThemeShelf(themes: selection.themes, index: selection.index,
                          warning: selection.warnings.isEmpty ? nil : selection.warnings.joined(separator: "; "))
    }
}
