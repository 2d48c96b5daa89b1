import Testing

@testable import ReaderCore

@Suite("The config file")
struct ConfigTests {
    func parse(_ text: String) throws -> Config {
        try Config.parse(Array(text.utf8), file: "config.json")
    }

    @Test("every setting is read")
    func full() throws {
        let config = try parse(
            """
            { "theme": "night", "ambiguous": "wide", "columns": 3, "library": "/srv/报纸", "paperName": "北京晚报",
              "script": "tw", "stateDir": "/var/lib/broadsheet", "noState": false, "vertical": true,
              "keys": { "x": "quit", "ctrl-F": "nextPage", "Space": "nextPage", "株": "toc", "f2": "help", "h": "none" },
              "kiosk": { "enabled": true, "idleResetMinutes": 10 } }
            """)
        #expect(config.theme == "night")
        #expect(config.ambiguous == .wide)
        #expect(config.columns == 3)
        #expect(config.library == "/srv/报纸")
        #expect(config.paperName == "北京晚报")
        #expect(config.script == .taiwan)
        #expect(config.stateDir == "/var/lib/broadsheet")
        #expect(config.noState == false)
        #expect(config.vertical == true)
        #expect(
            config.keys == [
                .character("x"): "quit", .control("f"): "nextPage", .named("space"): "nextPage",
                .character("株"): "toc", .function(2): "help", .character("h"): "none",
            ])
        #expect(config.kiosk == Config.Kiosk(enabled: true, idleResetMinutes: 10))
    }

    @Test("an empty object is all defaults, and columns may be auto")
    func defaults() throws {
        #expect(try parse("{}") == Config(sources: ["config.json"]))
        #expect(try parse(#"{"columns": "auto"}"#).columns == nil)
    }

    static let bad: [(String, String, String)] = [
        (#"{"theme": 3}"#, "theme", "expected a non-empty string"),
        (#"{"ambiguous": "double"}"#, "ambiguous", "expected \"narrow\" or \"wide\""),
        (#"{"columns": 0}"#, "columns", "from 1 to 8"),
        (#"{"columns": 2.5}"#, "columns", "found 2.5"),
        (#"{"keys": {"ctrl-1": "quit"}}"#, "keys.ctrl-1", "unknown key"),
        (#"{"keys": {"pageup": "prev", "pgup": "prev"}}"#, "keys.pgup", "bound twice"),
        (#"{"keys": {"q": "rm -rf"}}"#, "keys.q", "not an action name"),
        (#"{"keys": ["q"]}"#, "keys", "expected an object"),
        (#"{"kiosk": {"idleResetMinutes": -5}}"#, "kiosk.idleResetMinutes", "from 1 to 10080"),
        (#"{"kiosk": {"shell": true}}"#, "kiosk.shell", "unknown setting"),
        (#"{"noState": "yes"}"#, "noState", "expected true or false"),
        (#"{"vertical": "直排"}"#, "vertical", "expected true or false"),
        (#"{"script": "繁体"}"#, "script", "expected \"original\", \"simplified\", \"traditional\""),
        (#"{"colour": "red"}"#, "colour", "unknown setting"),
        ("{\"theme\": \"night\",\n}", "", "not valid JSON at line 2, column 1"),
    ]

    @Test("a bad setting is refused with the file and the field", arguments: bad)
    func refuses(text: String, field: String, message: String) {
        #expect {
            try parse(text)
        } throws: { error in
            guard let e = error as? ConfigError else { return false }
            return e.file == "config.json" && e.field == field && e.message.contains(message)
        }
    }

    @Test("the user's file overrides the system's, but not a kiosk the system turned on")
    func overlay() throws {
        let system = try parse(
            #"{"theme": "mono", "library": "/srv/editions", "kiosk": {"enabled": true, "idleResetMinutes": 5}}"#)
        let user = try parse(
            #"{"theme": "night", "library": "/", "noState": true, "kiosk": {"enabled": false}, "keys": {"x": "quit"}}"#)
        let merged = system.overlaid(by: user)
        #expect(merged.theme == "night")
        #expect(merged.keys == [.character("x"): "quit"])
        #expect(merged.library == "/srv/editions")
        #expect(merged.noState == nil)
        #expect(merged.kiosk == Config.Kiosk(enabled: true, idleResetMinutes: 5))
        let open = try parse(#"{"library": "/srv/editions"}"#).overlaid(by: user)
        #expect(open.library == "/" && open.kiosk.enabled == false)
    }

    @Test(
        "with --kiosk on the command line the user's file cannot move the library or the state",
        arguments: [#"{"library": "/srv/editions"}"#, "{}"])
    func commandLineKioskHoldsTheUser(systemJSON: String) throws {
        let system = try parse(systemJSON)
        let user = try parse(#"{"theme": "night", "library": "/", "stateDir": "/tmp/elsewhere", "noState": true}"#)
        let merged = system.overlaid(by: user, kiosk: true)
        #expect(merged.theme == "night")
        #expect(merged.library == system.library)
        #expect(merged.stateDir == nil && merged.noState == nil)
        let open = system.overlaid(by: user)
        #expect(open.library == "/" && open.stateDir == "/tmp/elsewhere")
    }

    @Test("the standard files are found, and a bad one is skipped with a warning")
    func standardFiles() throws {
        let home = StateFixtures.scratchDirectory()
        let dir = home + "/.config/broadsheet"
        try POSIXStateFileSystem().createDirectory(dir)
        StateFixtures.write(#"{"theme": "night", "keys": {"x": "quit"}}"#, to: dir + "/config.json")
        let system = home + "/system.json"
        StateFixtures.write(#"{"kiosk": {"enabled": true}, "ambiguous": "wide"}"#, to: system)
        let (config, warnings) = Config.loadStandard(explicitPath: nil, environment: ["HOME": home], systemPath: system)
        #expect(warnings.isEmpty)
        #expect(config.theme == "night" && config.ambiguous == .wide && config.kiosk.enabled == true)

        StateFixtures.write(#"{"theme": "night", "columns": 12}"#, to: dir + "/config.json")
        let (fallback, problems) = Config.loadStandard(
            explicitPath: nil, environment: ["HOME": home], systemPath: system)
        #expect(fallback.theme == nil && fallback.ambiguous == .wide)
        #expect(
            problems == [
                "\(dir)/config.json: columns: expected a whole number from 1 to 8 or \"auto\", found 12; ignored"
            ])

        let (_, missing) = Config.loadStandard(explicitPath: home + "/nope.json", environment: [:], systemPath: system)
        #expect(missing.first?.contains("no such file") == true)
        #expect(Config.userPath(environment: ["XDG_CONFIG_HOME": "/x/", "HOME": "/h"]) == "/x/broadsheet/config.json")
        #expect(Config.userPath(environment: [:]) == nil)
    }

    @Test("bindings to actions the reader does not have are reported by key")
    func unknownActions() throws {
        let config = try parse(#"{"keys": {"x": "quit", "y": "explode", "h": "none"}}"#)
        let errors = config.unknownActions(["quit", "nextPage"])
        #expect(
            errors.map(\.description) == ["config.json: keys.y: unknown action \"explode\" (actions: nextPage, quit)"])
    }

    static let keyNames: [(String, KeySpec?)] = [
        ("q", .character("q")), ("Q", .character("Q")), ("?", .character("?")), ("株", .character("株")),
        ("space", .named("space")), ("PageDown", .named("pgdn")), ("shift-tab", .named("backtab")),
        ("ctrl-x", .control("x")), ("^L", .control("l")), ("F12", .function(12)), ("f13", nil),
        ("ctrl-", nil), ("two", nil), ("", nil), (" ", nil),
    ]

    @Test("key names parse to keys", arguments: keyNames)
    func keys(text: String, expected: KeySpec?) {
        #expect(KeySpec(text) == expected)
    }
}
