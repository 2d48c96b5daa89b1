import ReaderCore

/// Key bindings from `config.json`'s `"keys"` laid over `KeyMap`'s defaults:
/// a key bound to an action name does that action, a key bound to
/// `Config.unbound` ("none") does nothing. Prompts (search, note) are not
/// affected: there every printable key is text.
public struct KeyOverrides: Sendable, Equatable {
    /// The bound keys; a nil action unbinds the key.
    public private(set) var actions: [KeyEvent: Action?] = [:]
    /// The config's spelling of each bound key and its action name, for the help overlay.
    public private(set) var listed: [KeyBinding] = []

    /// The actions a config file can name, by name. Actions that need an argument
    /// (a digit, a click, an edition) are not nameable.
    public static let actionNames: [String: Action] = [
        "nextScreen": .nextScreen, "previousScreen": .previousScreen,
        "lineDown": .lineDown, "lineUp": .lineUp,
        "firstScreen": .firstScreen, "lastScreen": .lastScreen,
        "open": .openSelected, "back": .back,
        "nextArticle": .nextArticle, "previousArticle": .previousArticle,
        "nextPage": .nextPage, "previousPage": .previousPage,
        "nextEdition": .nextEdition, "previousEdition": .previousEdition,
        "contents": .toggleContents, "help": .toggleHelp,
        "search": .beginSearch, "nextMatch": .nextMatch, "previousMatch": .previousMatch,
        "nextTheme": .nextTheme, "nextScript": .nextScript, "frontPage": .frontPage, "vertical": .toggleVertical,
        "bookmark": .addBookmark, "bookmarks": .openBookmarks,
        "quit": .quit,
    ]

    /// No overrides: the default keys.
    public init() {}

    /// The overrides in `keys` (as `Config.keys` holds them). Bindings naming an
    /// unknown action are left out; `Config.unknownActions` reports them.
    public init(_ keys: [KeySpec: String]) {
        for (spec, name) in keys.sorted(by: { $0.key.description < $1.key.description }) {
            let action: Action?
            if name == Config.unbound {
                action = nil
            } else if let known = Self.actionNames[name] {
                action = known
            } else {
                continue
            }
            actions[Self.event(for: spec)] = .some(action)
            listed.append(
                KeyBinding(
                    keys: spec.description,
                    help: action == nil ? "does nothing (config.json)" : "\(name) (config.json)"))
        }
    }

    /// The override for `key`: `.some(action)`, `.some(nil)` when unbound, nil when not overridden.
    public func action(for key: KeyEvent) -> Action?? {
        actions[key]
    }

    /// The key event a config key name stands for.
    static func event(for spec: KeySpec) -> KeyEvent {
        switch spec {
        case .character(let c): return .character(c)
        case .control(let c): return .control(c)
        case .function(let n): return .function(n)
        case .named(let name):
            switch name {
            case "space": return .character(" ")
            case "enter": return .enter
            case "esc": return .escape
            case "tab": return .tab
            case "backtab": return .backTab
            case "backspace": return .backspace
            case "delete": return .delete
            case "insert": return .insert
            case "up": return .up
            case "down": return .down
            case "left": return .left
            case "right": return .right
            case "pgup": return .pageUp
            case "pgdn": return .pageDown
            case "home": return .home
            default: return .end
            }
        }
    }
}
