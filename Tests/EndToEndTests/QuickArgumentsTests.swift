import ArgumentParser
import Testing

@testable import broadsheet

/// The hand parser for plain starts (`QuickArguments`) against swift-argument-parser:
/// the same options for every form it takes, and nil (ArgumentParser decides) for the rest.
@Suite("Quick arguments")
struct QuickArgumentsTests {
    /// What ArgumentParser makes of `arguments` through the root command, as `main` parses them.
    static func parsed(_ arguments: [String]) throws -> ReadOptions? {
        (try Broadsheet.parseAsRoot(arguments) as? ReadCommand)?.options
    }

    static let sample = "Editions/2023-03-29-zhuzhou-daily.md"

    static let handled: [[String]] = [
        [],
        [sample],
        ["2023-03-29"],
        ["株洲日报/2023-03-29.md"],
        ["/srv/editions"],
        ["--kiosk"],
        ["--kiosk", sample],
        [sample, "--kiosk"],
        ["--theme", "night", sample],
        ["--theme=night", sample],
        ["--theme", "夜读", "--no-state"],
        ["--theme", "Themes/night.json"],
        ["--dump", sample],
        ["--dump", "--width", "80", "--height", "24", "--columns", "3", sample],
        ["--dump", "--width=80", "--page", "all", "--all-articles", sample],
        ["--dump", "--article", "2", "--page", "3", "--color", sample],
        ["--dump", "--front", "--ambiguous", "wide", sample],
        ["--vertical", sample],
        ["--dump", "--vertical", "--article", "2", sample],
        ["--dump", "--width", "+80", sample],
        ["--outline", "--json", sample],
        ["--idle-reset", "0.5", "--kiosk"],
        ["--idle-reset=10", "--state-dir", "/tmp/状态", "--config", "/etc/b.json", sample],
        ["--dump", "--width", "0", sample],
        ["--script", "traditional", sample],
        ["--dump", "--script=tw", "--article", "2", sample],
        ["--script", "hk", "--kiosk"],
    ]

    @Test("a plain start gives the same options as ArgumentParser", arguments: handled)
    func sameOptions(_ arguments: [String]) throws {
        let quick = try #require(QuickArguments.parse(arguments))
        #expect(quick == (try Self.parsed(arguments)))
    }

    static let declined: [[String]] = [
        ["--help"], ["-h"], ["help"], ["--version"],
        ["read", sample], ["bookmarks", "list"], [sample, "bookmarks"],
        ["--theme"], ["--theme", "--kiosk"], ["--theme", "-"], ["--theme="], ["--theme", "read"],
        ["--width", "abc", sample], ["--width", "-5", sample], ["--width", "8.5"],
        ["--ambiguous", "half", sample], ["--idle-reset", "soon"], ["--script", "繁体", sample],
        ["--dump", "--dump", sample], ["--theme", "a", "--theme", "b"],
        [sample, "2023-03-29"], ["--", sample], ["-"], [""], ["--kiosk=yes"],
        ["--unknown"], ["--dmup", sample], ["-k"], ["--generate-completion-script", "bash"],
        ["--experimental-dump-help"],
    ]

    @Test("anything else is left to ArgumentParser", arguments: declined)
    func declines(_ arguments: [String]) {
        #expect(QuickArguments.parse(arguments) == nil)
    }
}
