/// Settings from `config.json`: `$XDG_CONFIG_HOME/broadsheet/config.json`
/// (default `~/.config/broadsheet/config.json`), laid over the system file
/// `/etc/broadsheet/config.json`. Command-line options override both.
///
/// ```json
/// { "theme": "night", "ambiguous": "wide", "columns": 3, "vertical": false, "script": "traditional",
///   "library": "/srv/editions", "stateDir": "/var/lib/broadsheet", "noState": false,
///   "keys": { "x": "quit", "ctrl-f": "nextPage", "h": "none" },
///   "kiosk": { "enabled": true, "idleResetMinutes": 10 } }
/// ```
public struct Config: Equatable, Sendable {
    /// Where the system-wide file lives (kiosk deployments set `kiosk.enabled` there).
    public static let systemPath = "/etc/broadsheet/config.json"
    /// An action name that removes a key's default binding.
    public static let unbound = "none"

    /// A theme name or path, as for `--theme`.
    public var theme: String?
    public var ambiguous: AmbiguousWidth?
    /// Text columns in the article view; nil means chosen from the width.
    public var columns: Int?
    /// The directory of editions.
    public var library: String?
    /// The paper's name for editions that do not name it (a day folder of article
    /// files whose `source_url` names no known paper).
    public var paperName: String?
    /// The script the reader starts in, as for `--script`.
    public var script: DisplayScript?
    /// Where `bookmarks.json` lives, as for `--state-dir`.
    public var stateDir: String?
    /// Keep no state on disk, as `--no-state`.
    public var noState: Bool?
    /// Start with articles set vertically (直排), as `--vertical`.
    public var vertical: Bool?
    /// Key → action name (the reader's own names; `Config.unbound` removes a key).
    public var keys: [KeySpec: String]
    public var kiosk: Kiosk
    /// The files this came from, for messages.
    public var sources: [String]

    /// Kiosk settings: whether the reader runs as a kiosk and its idle reset.
    public struct Kiosk: Equatable, Sendable {
        public var enabled: Bool?
        public var idleResetMinutes: Int?

        public init(enabled: Bool? = nil, idleResetMinutes: Int? = nil) {
            self.enabled = enabled
            self.idleResetMinutes = idleResetMinutes
        }
    }

    public init(
        theme: String? = nil, ambiguous: AmbiguousWidth? = nil, columns: Int? = nil,
        library: String? = nil, stateDir: String? = nil, noState: Bool? = nil,
        keys: [KeySpec: String] = [:], kiosk: Kiosk = Kiosk(), sources: [String] = []
    ) {
        self.theme = theme
        self.ambiguous = ambiguous
        self.columns = columns
        self.library = library
        self.stateDir = stateDir
        self.noState = noState
        self.keys = keys
        self.kiosk = kiosk
        self.sources = sources
    }

    /// The user's config file path, or nil without a home.
    public static func userPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return StateLocation.trimmed(xdg) + "/broadsheet/config.json"
        }
        if let home = environment["HOME"], home.hasPrefix("/"), StateLocation.trimmed(home) != "" {
            return StateLocation.trimmed(home) + "/.config/broadsheet/config.json"
        }
        return nil
    }

    /// This config with `user`'s settings on top. When this one (the system's)
    /// turns the kiosk on, or `kiosk` says the command line did, the user can
    /// change how things look and which keys do what, but not the kiosk, the
    /// library or where state goes.
    public func overlaid(by user: Config, kiosk forced: Bool = false) -> Config {
        var out = self
        out.theme = user.theme ?? theme
        out.ambiguous = user.ambiguous ?? ambiguous
        out.columns = user.columns ?? columns
        out.vertical = user.vertical ?? vertical
        out.paperName = user.paperName ?? paperName
        out.script = user.script ?? script
        out.keys.merge(user.keys) { _, new in new }
        out.sources += user.sources
        if kiosk.enabled != true && !forced {
            out.library = user.library ?? library
            out.stateDir = user.stateDir ?? stateDir
            out.noState = user.noState ?? noState
            out.kiosk.enabled = user.kiosk.enabled ?? kiosk.enabled
            out.kiosk.idleResetMinutes = user.kiosk.idleResetMinutes ?? kiosk.idleResetMinutes
        }
        return out
    }

    /// Reads one file; nil when it does not exist.
    public static func load(
        path: String, fileSystem: any StateFileSystem = POSIXStateFileSystem()
    ) throws(ConfigError) -> Config? {
        switch fileSystem.kind(of: path) {
        case .missing: return nil
        case .regular: break
        default: throw ConfigError(file: path, field: "", message: "not a regular file")
        }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.read(path)
        } catch {
            throw ConfigError(file: path, field: "", message: "\(error)")
        }
        return try parse(bytes, file: path)
    }

    /// The system file, then `explicitPath` (`--config`, which must exist) or the
    /// user's file. A bad file is skipped with a warning naming file and field.
    /// `kiosk`: the command line asked for the kiosk, so the user's file is held
    /// to what a kiosk user may change (see `overlaid`).
    public static func loadStandard(
        explicitPath: String?, environment: [String: String],
        systemPath: String = Config.systemPath, kiosk: Bool = false,
        fileSystem: any StateFileSystem = POSIXStateFileSystem()
    )
        -> (config: Config, warnings: [String])
    {
        var config = Config()
        var warnings: [String] = []
        do {
            if let system = try load(path: systemPath, fileSystem: fileSystem) { config = system }
        } catch {
            warnings.append("\(error); ignored")
        }
        let userFile = explicitPath ?? userPath(environment: environment)
        if let userFile {
            do {
                if let user = try load(path: userFile, fileSystem: fileSystem) {
                    config = config.overlaid(by: user, kiosk: kiosk)
                } else if explicitPath != nil {
                    warnings.append("\(userFile): no such file; ignored")
                }
            } catch {
                warnings.append("\(error); ignored")
            }
        }
        return (config, warnings)
    }

    /// Parses the JSON config format; `file` names the source in errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(ConfigError) -> Config {
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            throw ConfigError(
                file: file, field: "",
                message: "not valid JSON at line \(error.line), column \(error.column): \(error.message)")
        }
        guard case .object(let top) = root else {
            throw ConfigError(file: file, field: "", message: "expected an object, found \(root.kindName)")
        }
        var config = Config(sources: [file])
        let reader = FieldReader(file: file)
        for key in top.keys.sorted() {
            let value = top[key]!
            switch key {
            case "theme": config.theme = try reader.string(value, key)
            case "ambiguous":
                let text = try reader.string(value, key)
                guard let width = AmbiguousWidth(rawValue: text) else {
                    throw ConfigError(
                        file: file, field: key, message: "expected \"narrow\" or \"wide\", found \"\(text)\"")
                }
                config.ambiguous = width
            case "columns":
                if case .string("auto") = value { config.columns = nil; continue }
                config.columns = try reader.integer(value, key, in: 1...8, orElse: "or \"auto\"")
            case "library": config.library = try reader.string(value, key)
            case "paperName": config.paperName = try reader.string(value, key)
            case "script":
                let text = try reader.string(value, key)
                guard let script = DisplayScript(rawValue: text) else {
                    throw ConfigError(
                        file: file, field: key,
                        message:
                            "expected \"original\", \"simplified\", \"traditional\", \"tw\" or \"hk\", found \"\(text)\""
                    )
                }
                config.script = script
            case "stateDir": config.stateDir = try reader.string(value, key)
            case "noState": config.noState = try reader.bool(value, key)
            case "vertical": config.vertical = try reader.bool(value, key)
            case "keys": config.keys = try reader.keys(value)
            case "kiosk": config.kiosk = try reader.kiosk(value)
            default:
                throw ConfigError(
                    file: file, field: key,
                    message: "unknown setting (settings: theme, ambiguous, "
                        + "columns, vertical, library, paperName, script, stateDir, noState, keys, kiosk)")
            }
        }
        return config
    }

    /// Typed reads of JSON values with errors that name the field.
    private struct FieldReader {
        let file: String

        /// A non-empty string.
        func string(_ value: JSONValue, _ field: String) throws(ConfigError) -> String {
            guard case .string(let s) = value, !s.isEmpty else {
                throw ConfigError(
                    file: file, field: field, message: "expected a non-empty string, found \(value.kindName)")
            }
            return s
        }

        /// true or false.
        func bool(_ value: JSONValue, _ field: String) throws(ConfigError) -> Bool {
            guard case .bool(let b) = value else {
                throw ConfigError(file: file, field: field, message: "expected true or false, found \(value.kindName)")
            }
            return b
        }

        /// A whole number within `range`.
        func integer(
            _ value: JSONValue, _ field: String, in range: ClosedRange<Int>,
            orElse: String = ""
        ) throws(ConfigError) -> Int {
            let what =
                "expected a whole number from \(range.lowerBound) to \(range.upperBound)"
                + (orElse.isEmpty ? "" : " " + orElse)
            guard case .number(let n) = value else {
                throw ConfigError(file: file, field: field, message: "\(what), found \(value.kindName)")
            }
            guard n == n.rounded(), n >= Double(range.lowerBound), n <= Double(range.upperBound) else {
                let shown = n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
                throw ConfigError(file: file, field: field, message: "\(what), found \(shown)")
            }
            return Int(n)
        }

        /// The key → action map, each key name parsed and each action name checked.
        func keys(_ value: JSONValue) throws(ConfigError) -> [KeySpec: String] {
            guard case .object(let map) = value else {
                throw ConfigError(
                    file: file, field: "keys",
                    message: "expected an object of \"key\": \"action\", found \(value.kindName)")
            }
            var keys: [KeySpec: String] = [:]
            for name in map.keys.sorted() {
                let field = "keys.\(name)"
                guard let key = KeySpec(name) else {
                    throw ConfigError(
                        file: file, field: field,
                        message:
                            "unknown key (a character, ctrl-x, f1–f12, or one of: \(Set(KeySpec.names.values).sorted().joined(separator: ", ")))"
                    )
                }
                let action = try string(map[name]!, field)
                guard action.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                    action.first?.isLetter == true
                else {
                    throw ConfigError(file: file, field: field, message: "\"\(action)\" is not an action name")
                }
                if keys[key] != nil {
                    throw ConfigError(file: file, field: field, message: "\(key) is bound twice")
                }
                keys[key] = action
            }
            return keys
        }

        /// The kiosk object.
        func kiosk(_ value: JSONValue) throws(ConfigError) -> Kiosk {
            guard case .object(let map) = value else {
                throw ConfigError(file: file, field: "kiosk", message: "expected an object, found \(value.kindName)")
            }
            var kiosk = Kiosk()
            for key in map.keys.sorted() {
                let field = "kiosk.\(key)"
                switch key {
                case "enabled": kiosk.enabled = try bool(map[key]!, field)
                case "idleResetMinutes": kiosk.idleResetMinutes = try integer(map[key]!, field, in: 1...10_080)
                default:
                    throw ConfigError(
                        file: file, field: field, message: "unknown setting (kiosk settings: enabled, idleResetMinutes)"
                    )
                }
            }
            return kiosk
        }
    }

    /// Bindings whose action is not in `known` (and is not `Config.unbound`), as
    /// errors naming the file and the key, for the reader to show.
    public func unknownActions(_ known: Set<String>) -> [ConfigError] {
        keys.keys.sorted { $0.description < $1.description }.compactMap { key in
            let action = keys[key]!
            guard action != Config.unbound, !known.contains(action) else { return nil }
            return ConfigError(
                file: sources.last ?? "config", field: "keys.\(key)",
                message: "unknown action \"\(action)\" (actions: \(known.sorted().joined(separator: ", ")))")
        }
    }
}
