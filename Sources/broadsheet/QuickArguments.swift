import ReaderCore

/// Recognises the plain forms of the read command by hand — `broadsheet`,
/// `broadsheet FILE|DIR|DATE`, with long flags and `--option VALUE` or
/// `--option=VALUE` — so that an ordinary start skips swift-argument-parser,
/// which costs about 20 M instructions (a third of the first frame) in runtime
/// conformance lookups while it builds its argument sets.
///
/// Anything else (help, version, subcommands, short or unknown options, a
/// repeated option, a missing or odd value, a second argument, `--`) returns nil
/// and goes to ArgumentParser, so messages and errors stay its own. For the
/// forms it accepts the result equals ArgumentParser's (tested side by side).
enum QuickArguments {
    /// Whether ArgumentParser reads `argument` as a subcommand (or its help).
    /// A switch, not a Set: a Set's first use costs more than this whole parse.
    private static func isCommandName(_ argument: String) -> Bool {
        switch argument {
        case "read", "bookmarks", "help": return true
        default: return false
        }
    }

    /// The options for `arguments` (without the program name), or nil when the
    /// form is not one of the plain ones.
    static func parse(_ arguments: [String]) -> ReadOptions? {
        var options = ReadOptions()
        var seen: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            // Subcommand names are left to ArgumentParser wherever they stand.
            if argument.isEmpty || isCommandName(argument) { return nil }
            guard argument.hasPrefix("-") else {
                guard options.edition == nil else { return nil }
                options.edition = argument
                continue
            }
            guard argument.hasPrefix("--"), argument.count > 2 else { return nil }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard !seen.contains(name) else { return nil }
            seen.append(name)
            if setFlag(name, in: &options) {
                guard value == nil else { return nil }
                continue
            }
            if value == nil {
                guard index < arguments.count else { return nil }
                value = arguments[index]
                index += 1
            }
            guard let value, !value.isEmpty, !value.hasPrefix("-"), !isCommandName(value),
                set(name, value, in: &options)
            else { return nil }
        }
        return options
    }

    /// Sets long flag `name`; false when it is not one.
    private static func setFlag(_ name: String, in options: inout ReadOptions) -> Bool {
        switch name {
        case "dump": options.dump = true
        case "outline": options.outline = true
        case "json": options.json = true
        case "front": options.front = true
        case "all-articles": options.allArticles = true
        case "color": options.color = true
        case "kiosk": options.kiosk = true
        case "no-state": options.noState = true
        case "vertical": options.vertical = true
        default: return false
        }
        return true
    }

    /// Sets option `name` to `value` as ArgumentParser converts it (its
    /// `init?(argument:)` for Int, Double and AmbiguousWidth are these same
    /// initialisers); false for an unknown option or a value it would refuse.
    private static func set(_ name: String, _ value: String, in options: inout ReadOptions) -> Bool {
        switch name {
        case "theme": options.theme = value
        case "state-dir": options.stateDir = value
        case "config": options.config = value
        case "page": options.page = value
        case "width": guard let number = Int(value) else { return false }; options.width = number
        case "height": guard let number = Int(value) else { return false }; options.height = number
        case "columns": guard let number = Int(value) else { return false }; options.columns = number
        case "article": guard let number = Int(value) else { return false }; options.article = number
        case "idle-reset": guard let minutes = Double(value) else { return false }; options.idleReset = minutes
        case "script":
            guard let script = DisplayScript(rawValue: value) else { return false }; options.script = script
        case "ambiguous":
            guard let width = AmbiguousWidth(rawValue: value) else { return false }; options.ambiguous = width
        default: return false
        }
        return true
    }
}
