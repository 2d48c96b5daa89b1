/// Finds and loads themes: `--theme NAME|PATH`, the user's directory
/// (`$XDG_CONFIG_HOME/broadsheet/themes`, default `~/.config/broadsheet/themes`),
/// the repository's `Themes/`, and the copies built into the binary.
public struct ThemeLibrary: Sendable {
    /// The theme used when none is chosen or the chosen one is bad.
    public static let defaultName = "newsprint"

    /// The user's theme directory, if there is a home to hold it.
    public var userDirectory: String?
    /// The shipped `Themes/` folder, when the source tree is at hand.
    public var shippedDirectory: String?
    private let fileSystem: any StateFileSystem

    /// A library for `environment`; `shippedDirectory` defaults to the repo's `Themes/`.
    public init(
        environment: [String: String], shippedDirectory: String? = ThemeLibrary.repositoryThemes,
        fileSystem: any StateFileSystem = POSIXStateFileSystem()
    ) {
        self.fileSystem = fileSystem
        self.shippedDirectory = shippedDirectory.flatMap { fileSystem.kind(of: $0) == .directory ? $0 : nil }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            userDirectory = StateLocation.trimmed(xdg) + "/broadsheet/themes"
        } else if let home = environment["HOME"], home.hasPrefix("/"), StateLocation.trimmed(home) != "" {
            userDirectory = StateLocation.trimmed(home) + "/.config/broadsheet/themes"
        } else {
            userDirectory = nil
        }
    }

    /// The shipped `Themes/` next to the executable (installed share directory or the
    /// SwiftPM tree it was built in; see `BundledFiles`), or nil.
    public static var repositoryThemes: String? {
        BundledFiles.directory("Themes")
    }

    /// The built-in default theme; never fails.
    public static var defaultTheme: Theme {
        // The embedded JSON is checked by the tests, so this cannot fail in a built binary.
        (try? ThemeParser.parse(
            Array(ShippedThemes.json(named: defaultName)!.utf8),
            file: "\(defaultName) (built in)")) ?? Theme(name: defaultName, styles: [:])
    }

    /// Every theme name `T` cycles through: the shipped ones in their order, then
    /// other files in `Themes/` and the user's directory, sorted, without repeats.
    public func names() -> [String] {
        var names = ShippedThemes.names
        for dir in [shippedDirectory, userDirectory].compactMap({ $0 }) {
            for name in jsonFileNames(in: dir) where !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Whether `argument` names a file rather than a theme by name.
    public static func isPath(_ argument: String) -> Bool {
        argument.contains("/") || argument.hasSuffix(".json")
    }

    /// Loads a theme by name (user directory, then `Themes/`, then built in) or by
    /// path. A kiosk passes `allowPaths: false`: only names, so that no other file
    /// can be opened (and quoted in an error) from inside the reader.
    public func load(_ argument: String, allowPaths: Bool = true) throws(ThemeError) -> Theme {
        if ThemeLibrary.isPath(argument) {
            guard allowPaths else {
                throw ThemeError(file: argument, field: "", message: "only theme names are allowed here, not paths")
            }
            return try loadFile(argument)
        }
        guard !argument.isEmpty, !argument.hasPrefix(".") else {
            throw ThemeError(file: argument, field: "", message: "not a theme name")
        }
        for dir in [userDirectory, shippedDirectory].compactMap({ $0 }) {
            let path = dir + "/" + argument + ".json"
            if fileSystem.kind(of: path) == .regular { return try loadFile(path) }
        }
        if let json = ShippedThemes.json(named: argument) {
            return try ThemeParser.parse(Array(json.utf8), file: "\(argument) (built in)")
        }
        throw ThemeError(
            file: argument, field: "",
            message: "no such theme (themes: \(names().joined(separator: ", ")))")
    }

    /// Loads `argument`, or the default theme with a message naming the file and
    /// field when it cannot be used. A nil argument is the default, silently.
    public func loadOrDefault(_ argument: String?, allowPaths: Bool = true) -> (theme: Theme, warning: String?) {
        guard let argument, !argument.isEmpty else { return (ThemeLibrary.defaultTheme, nil) }
        do {
            return (try load(argument, allowPaths: allowPaths), nil)
        } catch {
            return (ThemeLibrary.defaultTheme, "\(error); using \(ThemeLibrary.defaultName)")
        }
    }

    /// Reads and parses one file.
    public func loadFile(_ path: String) throws(ThemeError) -> Theme {
        switch fileSystem.kind(of: path) {
        case .regular: break
        case .missing: throw ThemeError(file: path, field: "", message: "no such file")
        default: throw ThemeError(file: path, field: "", message: "not a regular file")
        }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.read(path)
        } catch {
            throw ThemeError(file: path, field: "", message: "\(error)")
        }
        return try ThemeParser.parse(bytes, file: path)
    }

    /// Names of `*.json` files in `directory`, without the extension, sorted.
    private func jsonFileNames(in directory: String) -> [String] {
        fileSystem.fileNames(in: directory)
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(5)) }
            .sorted()
    }
}
