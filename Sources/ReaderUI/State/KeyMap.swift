/// The key bindings: one entry per key, used by the key map, `?` and the README.
public struct KeyBinding: Sendable, Equatable {
    public var keys: String
    public var help: String
}

/// Maps key events to actions. Pure; depends on the state only for modes.
public enum KeyMap {
    /// Every key, in the order the help overlay lists them.
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: "Space  PgDn  f  →", help: "next screen page"),
        KeyBinding(keys: "b  PgUp  ←", help: "previous screen page"),
        KeyBinding(keys: "j  k  ↓  ↑", help: "next/previous block, list row or screen"),
        KeyBinding(keys: "g  G  Home  End", help: "first / last screen page"),
        KeyBinding(keys: "Enter  1…9  a c d…", help: "open the selected / labelled block"),
        KeyBinding(keys: "Esc  Backspace  h", help: "back: close, clear search, 版, front page"),
        KeyBinding(keys: "n  p  Tab  S-Tab", help: "next / previous article"),
        KeyBinding(keys: "J  K", help: "next / previous 版"),
        KeyBinding(keys: "[  ]", help: "previous / next edition in the library"),
        KeyBinding(keys: "t", help: "table of contents"),
        KeyBinding(keys: "/", help: "search (Enter runs, Esc cancels)"),
        KeyBinding(keys: "n  N", help: "next / previous match while a search is active"),
        KeyBinding(keys: "F", help: "front page"),
        KeyBinding(keys: "m", help: "bookmark this page: note, Enter saves, Esc cancels"),
        KeyBinding(keys: "'  B", help: "bookmarks: Enter jumps, d deletes, e edits note"),
        KeyBinding(keys: "T", help: "next theme"),
        KeyBinding(keys: "v", help: "vertical setting 直排 on/off: ← next, → back"),
        KeyBinding(keys: "z", help: "繁简: original → 简 → 繁 (OpenCC)"),
        KeyBinding(keys: "?", help: "this help"),
        KeyBinding(keys: "q  Ctrl-C", help: "quit"),
        KeyBinding(keys: "Ctrl-L", help: "redraw the screen"),
        KeyBinding(keys: "wheel  click", help: "scroll; a click opens a block"),
    ]

    /// The default rows followed by the config file's own bindings, for the help overlay.
    public static func bindings(for state: AppState) -> [KeyBinding] {
        bindings + state.keys.listed
    }

    /// The action for `key`, or nil when the key does nothing here. Bindings from
    /// the config file (`state.keys`) come before the defaults, except in prompts.
    public static func action(for key: KeyEvent, in state: AppState) -> Action? {
        if case .resize(let width, let height) = key { return .resize(width: width, height: height) }
        if state.search.editing { return searchAction(for: key) }
        if state.bookmarks.prompt != nil { return noteAction(for: key) }
        if state.overlay == .bookmarks, let action = bookmarkListAction(for: key) { return action }
        if let override = state.keys.action(for: key) { return override }
        switch key {
        case .character(let c): return characterAction(c, state)
        case .control("c"): return .quit
        case .control("f"): return .nextScreen
        case .control("b"): return .previousScreen
        case .control: return nil
        case .enter: return .openSelected
        case .escape, .backspace, .delete: return .back
        case .tab: return .nextArticle
        case .backTab: return .previousArticle
        case .up: return .lineUp
        case .down: return .lineDown
        // Vertical setting reads leftwards: ← turns to the next screen, as a vertical book.
        case .left: return state.vertical && state.overlay == nil ? .nextScreen : .previousScreen
        case .right: return state.vertical && state.overlay == nil ? .previousScreen : .nextScreen
        case .pageUp: return .previousScreen
        case .pageDown: return .nextScreen
        case .home: return .firstScreen
        case .end: return .lastScreen
        case .wheelUp: return state.overlay == .contents ? .lineUp : .previousScreen
        case .wheelDown: return state.overlay == .contents ? .lineDown : .nextScreen
        case .click(let row, let column): return .click(row: row, column: column)
        case .resize, .insert, .function: return nil
        }
    }

    /// Keys while the search prompt is open: text goes into the query.
    private static func searchAction(for key: KeyEvent) -> Action? {
        switch key {
        case .character(let c): return .searchInput(String(c))
        case .enter: return .submitSearch
        case .escape, .control("c"), .control("g"): return .cancelSearch
        case .backspace, .delete: return .searchDelete
        default: return nil
        }
    }

    /// Keys while the note prompt is open (the same input handling as search).
    private static func noteAction(for key: KeyEvent) -> Action? {
        switch key {
        case .character(let c): return .noteInput(String(c))
        case .enter: return .submitNote
        case .escape, .control("c"), .control("g"): return .cancelNote
        case .backspace, .delete: return .noteDelete
        default: return nil
        }
    }

    /// Keys of the bookmark list that differ from the reader's; nil falls through to movement.
    private static func bookmarkListAction(for key: KeyEvent) -> Action? {
        switch key {
        case .enter: return .jumpToBookmark
        case .character("d"): return .deleteBookmark
        case .character("e"): return .editNote
        case .character("q"), .character("'"), .character("B"): return .openBookmarks
        case .escape, .backspace, .character("h"): return .back
        default: return nil
        }
    }

    /// A printable key outside the search prompt.
    private static func characterAction(_ c: Character, _ state: AppState) -> Action? {
        switch c {
        case " ", "f": return .nextScreen
        case "b": return .previousScreen
        case "j": return .lineDown
        case "k": return .lineUp
        case "h": return .back
        case "n": return state.search.isActive ? .nextMatch : .nextArticle
        case "N": return state.search.isActive ? .previousMatch : nil
        case "p": return .previousArticle
        case "J": return .nextPage
        case "K": return .previousPage
        case "[": return .previousEdition
        case "]": return .nextEdition
        case "g": return .firstScreen
        case "G": return .lastScreen
        case "t": return .toggleContents
        case "/": return .beginSearch
        case "T": return .nextTheme
        case "v": return .toggleVertical
        case "z": return .nextScript
        case "F": return .frontPage
        case "m": return .addBookmark
        case "'", "B": return .openBookmarks
        case "?": return .toggleHelp
        case "q": return .quit
        default:
            if let digit = c.wholeNumberValue, c.isASCII { return .digit(digit) }
            // Blocks past 9 are lettered with letters no other key uses.
            if state.view == .page, state.overlay == nil, c.isASCII, c.isLowercase,
                state.pageLayout?.targets.joined().contains(where: { $0.label == String(c) }) == true
            {
                return .label(String(c))
            }
            return nil
        }
    }
}
