/// A key as a config file names it: "q", "株", "space", "enter", "esc", "tab",
/// "backtab" (shift-tab), "backspace", "delete", "up", "down", "left", "right",
/// "pgup", "pgdn", "home", "end", "insert", "f1"…"f12", "ctrl-x" (also "^x").
public enum KeySpec: Hashable, Sendable, CustomStringConvertible {
    /// A key that types one character.
    case character(Character)
    /// A named key; the name is one of `KeySpec.names`.
    case named(String)
    /// Control plus a letter, stored lowercase ("ctrl-f" → "f").
    case control(Character)
    /// A function key, 1–12.
    case function(Int)

    /// Named keys and their canonical spelling.
    public static let names: [String: String] = [
        "space": "space", "enter": "enter", "return": "enter", "esc": "esc", "escape": "esc",
        "tab": "tab", "backtab": "backtab", "shift-tab": "backtab", "backspace": "backspace",
        "delete": "delete", "del": "delete", "up": "up", "down": "down", "left": "left", "right": "right",
        "pgup": "pgup", "pageup": "pgup", "pgdn": "pgdn", "pagedown": "pgdn", "home": "home",
        "end": "end", "insert": "insert",
    ]

    /// Parses a key name; nil if it names no key.
    public init?(_ text: String) {
        let lower = text.lowercased()
        if text.count == 1, let c = text.first, !c.isWhitespace,
            !(c.unicodeScalars.first.map { $0.value < 0x20 || $0.value == 0x7F } ?? true)
        {
            self = .character(c)
            return
        }
        if let name = KeySpec.names[lower] { self = .named(name); return }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter else { return nil }
            self = .control(c)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        return nil
    }

    /// The canonical spelling.
    public var description: String {
        switch self {
        case .character(let c): return String(c)
        case .named(let name): return name
        case .control(let c): return "ctrl-\(c)"
        case .function(let n): return "f\(n)"
        }
    }
}
