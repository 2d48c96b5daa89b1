/// Where bookmarks and reading positions live for this run.
public enum StateLocation: Equatable, Sendable {
    /// `bookmarks.json` in this directory.
    case directory(String)
    /// Nothing read or written; `reason` is shown to the user once if they bookmark.
    case memoryOnly(reason: String)

    /// The file name inside the state directory.
    public static let fileName = "bookmarks.json"

    /// `--no-state` → memory; `--state-dir DIR` → DIR; else `$XDG_STATE_HOME/broadsheet`;
    /// else `$HOME/.local/state/broadsheet` when HOME is a real directory other
    /// than `/` (kiosk accounts without a home keep state in memory only).
    public static func resolve(
        stateDir: String?, noState: Bool, environment: [String: String],
        fileSystem: any StateFileSystem = POSIXStateFileSystem()
    ) -> StateLocation {
        if noState { return .memoryOnly(reason: "--no-state") }
        if let stateDir, !stateDir.isEmpty { return .directory(stateDir) }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return .directory(trimmed(xdg) + "/broadsheet")
        }
        if let home = environment["HOME"], home.hasPrefix("/"), trimmed(home) != "",
            fileSystem.kind(of: home) == .directory
        {
            return .directory(trimmed(home) + "/.local/state/broadsheet")
        }
        return .memoryOnly(reason: "no home directory")
    }

    /// The path of `bookmarks.json`, or nil in memory.
    public var filePath: String? {
        if case .directory(let dir) = self { return StateLocation.trimmed(dir) + "/" + StateLocation.fileName }
        return nil
    }

    /// `path` without trailing slashes ("/" becomes "").
    static func trimmed(_ path: String) -> String {
        var s = Substring(path)
        while s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }
}
