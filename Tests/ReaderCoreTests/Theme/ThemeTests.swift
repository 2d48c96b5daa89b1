import Foundation
import TestSupport
import Testing

@testable import ReaderCore

@Suite("Themes")
struct ThemeTests {
    /// The repository's Themes/ folder.
    static let themesDirectory = TestPaths.root + "/Themes"

    static let shippedNames = ["newsprint", "night", "high-contrast", "mono"]

    func library(_ environment: [String: String] = [:]) -> ThemeLibrary {
        ThemeLibrary(environment: environment, shippedDirectory: Self.themesDirectory)
    }

    @Test("every shipped theme loads from Themes/ and styles every role", arguments: shippedNames)
    func shippedCoversEveryRole(name: String) throws {
        let theme = try library().loadFile(Self.themesDirectory + "/\(name).json")
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == Set(Role.allCases))
    }

    @Test("the copy built into the binary is the file in Themes/", arguments: shippedNames)
    func embeddedMatchesFile(name: String) throws {
        let file = try String(contentsOfFile: Self.themesDirectory + "/\(name).json", encoding: .utf8)
        // A multi-line literal drops the file's final newline.
        #expect(
            ShippedThemes.json(named: name).map { $0 + "\n" } == file,
            "Themes/\(name).json changed: copy it into Sources/ReaderCore/Theme/ShippedThemes.swift")
    }

    @Test("Themes/ holds exactly the shipped themes")
    func noStrayThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory).sorted()
        #expect(files == Self.shippedNames.map { "\($0).json" }.sorted())
    }

    @Test("shipped themes keep the roles apart that must look different", arguments: shippedNames)
    func distinctRoles(name: String) throws {
        let theme = try library().load(name)
        let body = theme.style(for: .body)
        #expect(theme.style(for: .headline).bold)
        #expect(theme.style(for: .kicker) != theme.style(for: .deck))
        #expect(theme.style(for: .kicker) != body && theme.style(for: .deck) != body)
        #expect(theme.style(for: .match).reverse)
        #expect(theme.style(for: .status).reverse)
        #expect(theme.style(for: .selection).reverse)
        #expect(theme.style(for: .rule).dim || theme.style(for: .rule).foreground != body.foreground)
        for role in Role.allCases {
            let s = theme.style(for: role)
            #expect(s.foreground != s.background || s.foreground == .terminalDefault, "\(role) is unreadable")
        }
    }

    @Test("mono uses attributes only")
    func monoHasNoColour() throws {
        let mono = try library().load("mono")
        for (_, s) in mono.styles {
            #expect(s.foreground == .terminalDefault && s.background == .terminalDefault)
        }
    }

    static let colours: [(String, ThemeColor?)] = [
        ("default", .terminalDefault), ("red", .ansi(1)), ("brightblue", .ansi(12)),
        ("Bright-Blue", .ansi(12)), ("grey", .ansi(8)), ("#f4eedf", .rgb(red: 244, green: 238, blue: 223)),
        ("#FFFFFF", .rgb(red: 255, green: 255, blue: 255)), ("blu", nil), ("#fff", nil), ("#gg0000", nil),
        ("红色", nil),
    ]

    @Test("colour names, hex and default parse; others do not", arguments: colours)
    func colourNames(text: String, expected: ThemeColor?) {
        #expect(ThemeColor(name: text) == expected)
    }

    static let badThemes: [(String, String, String)] = [
        (#"{"name": "x", "roles": {"headline": {"fg": "blu"}}}"#, "roles.headline.fg", "unknown colour \"blu\""),
        (#"{"name": "x", "roles": {"headline": {"fg": 300}}}"#, "roles.headline.fg", "out of range"),
        (#"{"name": "x", "roles": {"headline": {"bold": "yes"}}}"#, "roles.headline.bold", "expected true or false"),
        (#"{"name": "x", "roles": {"headlines": {}}}"#, "roles.headlines", "unknown role"),
        (#"{"name": "x", "roles": {"body": {"colour": "red"}}}"#, "roles.body.colour", "unknown field"),
        (#"{"name": "x", "base": [], "roles": {}}"#, "base", "expected an object"),
        (#"{"roles": {}}"#, "name", "missing"),
        (#"{"name": "x"}"#, "roles", "missing"),
        (#"{"name": "x", "roles": {}, "colours": 1}"#, "colours", "unknown field"),
        (#"{"name": "x", "roles": {"body": {"fg": "red"}}"#, "", "not valid JSON at line 1, column 47"),
        ("{\"name\": \"x\",\n  \"roles\": {\"body\": {\"fg\": red}}}", "", "not valid JSON at line 2, column 28"),
        (#"["name"]"#, "", "expected an object"),
    ]

    @Test("a bad theme file is refused with a message naming the file and the field", arguments: badThemes)
    func badTheme(json: String, field: String, message: String) {
        #expect {
            try ThemeParser.parse(Array(json.utf8), file: "~/.config/broadsheet/themes/夜读.json")
        } throws: { error in
            guard let error = error as? ThemeError else { return false }
            return error.file == "~/.config/broadsheet/themes/夜读.json" && error.field == field
                && error.message.contains(message)
                && "\(error)".hasPrefix("~/.config/broadsheet/themes/夜读.json: " + (field.isEmpty ? "" : field + ": "))
        }
    }

    @Test("a bad or missing theme falls back to newsprint with a warning")
    func fallback() throws {
        let dir = StateFixtures.scratchDirectory()
        StateFixtures.write(#"{"name": "broken", "roles": {"kicker": {"fg": "bluish"}}}"#, to: dir + "/broken.json")
        let (theme, warning) = library().loadOrDefault(dir + "/broken.json")
        #expect(theme == ThemeLibrary.defaultTheme)
        #expect(warning?.contains("broken.json: roles.kicker.fg: unknown colour") == true)
        #expect(warning?.hasSuffix("using newsprint") == true)
        let (_, missing) = library().loadOrDefault("sepia")
        #expect(missing?.contains("no such theme") == true)
        #expect(library().loadOrDefault(nil).warning == nil)
    }

    @Test("the start-up selection cycles every good theme, starts on the requested one and reports broken ones")
    func selection() throws {
        let config = StateFixtures.scratchDirectory()
        let dir = config + "/broadsheet/themes"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        StateFixtures.write(#"{"name": "sepia", "roles": {"body": {"fg": "brown"}}}"#, to: dir + "/sepia.json")
        StateFixtures.write(#"{"name": "ink", "roles": {"body": {"fg": "black"}}}"#, to: dir + "/ink.json")
        let lib = library(["XDG_CONFIG_HOME": config])

        let plain = lib.selection(requested: nil)
        #expect(plain.themes.map(\.name) == ["newsprint", "night", "high-contrast", "mono", "ink"])
        #expect(plain.index == 0 && plain.current.name == "newsprint")
        #expect(
            plain.warnings == [
                "\(dir)/sepia.json: roles.body.fg: unknown colour \"brown\" (expected a colour name such as \"blue\" or \"brightblue\", 0–255, \"#rrggbb\" or \"default\"); theme left out"
            ])

        #expect(lib.selection(requested: "night").current.name == "night")
        #expect(lib.selection(requested: "ink").index == 4)
        let broken = lib.selection(requested: "sepia")
        #expect(broken.index == 0 && broken.warnings.count == 1 && broken.warnings[0].hasSuffix("using newsprint"))
        let byPath = lib.selection(requested: dir + "/ink.json")
        #expect(byPath.current.name == "ink" && byPath.index == 5)
        let unknown = lib.selection(requested: "sepia-2")
        #expect(unknown.index == 0 && unknown.warnings.last?.contains("no such theme") == true)
        #expect(lib.selection(requested: dir + "/ink.json", allowPaths: false).index == 0)
    }

    @Test("a kiosk loads themes by name only")
    func kioskNamesOnly() throws {
        let (theme, warning) = library().loadOrDefault("/etc/passwd", allowPaths: false)
        #expect(theme == ThemeLibrary.defaultTheme)
        #expect(warning == "/etc/passwd: only theme names are allowed here, not paths; using newsprint")
        #expect(try library().load("night", allowPaths: false).name == "night")
    }

    @Test("a user's theme is found by name, overrides a shipped one, and joins the cycle")
    func userThemes() throws {
        let config = StateFixtures.scratchDirectory()
        let dir = config + "/broadsheet/themes"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        StateFixtures.write(
            ##"{"name": "sepia", "base": {"fg": "#3b2f2f", "bg": "#f0e0c0"}, "roles": {"headline": {"bold": true}}}"##,
            to: dir + "/sepia.json")
        StateFixtures.write(
            #"{"name": "my night", "roles": {"body": {"fg": "white", "bg": "black"}}}"#,
            to: dir + "/night.json")
        let lib = library(["XDG_CONFIG_HOME": config, "HOME": "/nonexistent"])
        #expect(lib.userDirectory == dir)
        #expect(lib.names() == ["newsprint", "night", "high-contrast", "mono", "sepia"])
        let sepia = try lib.load("sepia")
        #expect(
            sepia.style(for: .headline)
                == RoleStyle(
                    foreground: .rgb(red: 59, green: 47, blue: 47),
                    background: .rgb(red: 240, green: 224, blue: 192), bold: true))
        #expect(sepia.style(for: .kicker) == sepia.style(for: .body))
        #expect(try lib.load("night").name == "my night")
    }

    @Test("a theme name is found in ~/.config when XDG_CONFIG_HOME is unset, and built-in themes need no files")
    func searchPath() throws {
        let lib = ThemeLibrary(environment: ["HOME": "/home/读者"], shippedDirectory: "/nonexistent")
        #expect(lib.userDirectory == "/home/读者/.config/broadsheet/themes")
        #expect(lib.shippedDirectory == nil)
        #expect(try lib.load("night").name == "night")
        #expect(ThemeLibrary.isPath("./x.json") && ThemeLibrary.isPath("x.json") && !ThemeLibrary.isPath("night"))
        #expect(ThemeLibrary.repositoryThemes == Self.themesDirectory)
    }
}
