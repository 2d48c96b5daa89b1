import ReaderCore
import Testing

@testable import ReaderUI

@Suite("Key bindings from config.json")
struct KeyOverridesTests {
    /// A session whose config binds `keys` (config spelling → action name).
    private func session(_ keys: [String: String]) -> Session {
        var session = Session()
        var specs: [KeySpec: String] = [:]
        for (name, action) in keys { specs[KeySpec(name)!] = action }
        session.state.keys = KeyOverrides(specs)
        return session
    }

    @Test(
        "a key bound in the config does its action, named keys included",
        arguments: [
            ("x", "quit", KeyEvent.character("x"), Action.quit),
            ("读", "contents", .character("读"), .toggleContents),
            ("space", "nextArticle", .character(" "), .nextArticle),
            ("ctrl-n", "nextPage", .control("n"), .nextPage),
            ("f1", "help", .function(1), .toggleHelp),
            ("f12", "frontPage", .function(12), .frontPage),
            ("pgdn", "lineDown", .pageDown, .lineDown),
            ("delete", "back", .delete, .back),
            ("insert", "bookmark", .insert, .addBookmark),
            ("backtab", "previousEdition", .backTab, .previousEdition),
        ])
    func boundKeyActs(name: String, action: String, key: KeyEvent, expected: Action) {
        let session = session([name: action])
        #expect(KeyMap.action(for: key, in: session.state) == expected)
    }

    @Test(
        "\"none\" unbinds a default key and leaves the others alone",
        arguments: [("h", KeyEvent.character("h")), ("q", .character("q")), ("tab", .tab)])
    func noneUnbinds(name: String, key: KeyEvent) {
        let session = session([name: Config.unbound])
        #expect(KeyMap.action(for: key, in: session.state) == nil)
        #expect(KeyMap.action(for: .character("j"), in: session.state) == .lineDown)
    }

    @Test("in the search prompt a rebound key is still text")
    func promptIgnoresOverrides() {
        var session = session(["x": "quit", "q": "none"])
        session.press("/")
        #expect(KeyMap.action(for: .character("x"), in: session.state) == .searchInput("x"))
        #expect(KeyMap.action(for: .character("q"), in: session.state) == .searchInput("q"))
    }

    @Test("a binding to an unknown action is left out, and Config names it")
    func unknownActionIsLeftOut() {
        let config = Config(keys: [KeySpec("x")!: "explode", KeySpec("z")!: "quit"], sources: ["/tmp/config.json"])
        let overrides = KeyOverrides(config.keys)
        #expect(overrides.action(for: .character("x")) == nil)
        #expect(overrides.action(for: .character("z")) == .some(.quit))
        let errors = config.unknownActions(Set(KeyOverrides.actionNames.keys))
        #expect(errors.count == 1)
        #expect("\(errors[0])".contains("keys.x"))
        #expect("\(errors[0])".contains("explode"))
    }

    @Test("every action name a config can use maps to a distinct action")
    func actionNamesAreDistinct() {
        let actions = KeyOverrides.actionNames.values.map { "\($0)" }
        #expect(Set(actions).count == actions.count)
        #expect(KeyOverrides.actionNames["quit"] == .quit)
    }

    @Test("the help overlay lists the config's bindings after the defaults")
    func helpListsOverrides() {
        var session = session(["x": "quit", "h": "none"])
        session.state = AppState(
            edition: session.state.edition, width: 100, height: 40,
            themeNames: ["newsprint"])
        session.state.keys = KeyOverrides([KeySpec("x")!: "quit", KeySpec("h")!: "none"])
        session.press("?")
        let screen = session.screen
        #expect(screen.contains("quit (config.json)"))
        #expect(screen.contains("does nothing (config.json)"))
        #expect(KeyMap.bindings(for: session.state).count == KeyMap.bindings.count + 2)
    }
}
