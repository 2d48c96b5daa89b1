/// The themes `T` cycles through, the one to start with, and what went wrong
/// loading them: everything a reader needs from `ThemeLibrary` at start-up.
public struct ThemeSelection: Sendable, Equatable {
    /// Every usable theme, shipped ones first (newsprint is always first).
    public var themes: [Theme]
    /// Index in `themes` of the theme to start with.
    public var index: Int
    /// Status-line messages: a bad or unknown requested theme, broken theme files.
    public var warnings: [String]

    public init(themes: [Theme], index: Int, warnings: [String]) {
        self.themes = themes
        self.index = index
        self.warnings = warnings
    }

    /// The theme to start with.
    public var current: Theme { themes[index] }
}

extension ThemeLibrary {
    /// Loads every theme in `names()` and picks `requested` (`--theme` or the
    /// config's, a name or — unless `allowPaths` is false — a path, which joins
    /// the cycle). Broken files are left out with a warning naming file and field;
    /// a bad request starts on newsprint with a warning.
    public func selection(requested: String?, allowPaths: Bool = true) -> ThemeSelection {
        var loaded: [(key: String, theme: Theme)] = []
        var failures: [String: String] = [:]
        for name in names() {
            do {
                loaded.append((name, try load(name)))
            } catch {
                failures[name] = "\(error)"
            }
        }
        if loaded.first?.key != ThemeLibrary.defaultName {
            // A broken user override of newsprint must not leave the reader without its default.
            loaded.removeAll { $0.key == ThemeLibrary.defaultName }
            loaded.insert((ThemeLibrary.defaultName, ThemeLibrary.defaultTheme), at: 0)
        }
        var warnings = failures.keys.sorted().filter { $0 != requested }.map { "\(failures[$0]!); theme left out" }
        func result(_ index: Int) -> ThemeSelection {
            ThemeSelection(themes: loaded.map(\.theme), index: index, warnings: warnings)
        }
        guard let requested, !requested.isEmpty else { return result(0) }
        if let index = loaded.firstIndex(where: { $0.key == requested }) { return result(index) }
        if let failure = failures[requested] {
            warnings.append("\(failure); using \(ThemeLibrary.defaultName)")
            return result(0)
        }
        do {
            loaded.append((requested, try load(requested, allowPaths: allowPaths)))
            return result(loaded.count - 1)
        } catch {
            warnings.append("\(error); using \(ThemeLibrary.defaultName)")
            return result(0)
        }
    }
}
