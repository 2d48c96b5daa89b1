import ArgumentParser
import ReaderCore

/// Opens an edition: interactively on a terminal, as a dump otherwise.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open an edition (the default command)."
    )

    @Argument(help: "An edition file, a day folder of articles, or a library (newest opens). Default: the library.")
    var edition: String?

    @Flag(help: "Print screen pages as plain text instead of opening the reader.")
    var dump = false

    @Flag(help: "Print the edition's structure and the repairs made to it.")
    var outline = false

    @Flag(help: "With --outline: print JSON.")
    var json = false

    @Option(help: "Dump width in cells (default 100).")
    var width: Int?

    @Option(help: "Dump height in lines (default 30).")
    var height: Int?

    @Option(help: "Number of text columns (default: from the width).")
    var columns: Int?

    @Option(help: "Screen page to dump: a number or 'all'.")
    var page: String?

    @Flag(help: "Dump the front page (the default).")
    var front = false

    @Option(help: "Dump article K (1-based, in reading order).")
    var article: Int?

    @Flag(help: "Dump every article in order.")
    var allArticles = false

    @Option(help: "East Asian Ambiguous characters: narrow or wide.")
    var ambiguous: AmbiguousWidth?

    @Flag(help: "Set articles vertically (直排), columns read right to left; v toggles it.")
    var vertical = false

    @Flag(help: "With --dump: add ANSI styles by role.")
    var color = false

    @Option(help: "Theme name (from Themes/ or your themes directory) or a path to a theme file.")
    var theme: String?

    @Option(
        help:
            "Script to show: original, simplified, traditional, tw (Taiwan forms and phrases) or hk (Hong Kong forms); z cycles. Converted by OpenCC."
    )
    var script: DisplayScript?

    @Flag(help: "Run as a kiosk: only the library is readable, nothing is executed.")
    var kiosk = false

    @Option(
        help:
            "Return to the newest front page after MINUTES idle (fractions allowed; default: the config's kiosk.idleResetMinutes in kiosk mode)."
    )
    var idleReset: Double?

    @Flag(help: "Neither read nor write bookmarks and reading position.")
    var noState = false

    @Option(help: "Directory for bookmarks.json (default $XDG_STATE_HOME/broadsheet).")
    var stateDir: String?

    @Option(help: "Config file (default $XDG_CONFIG_HOME/broadsheet/config.json).")
    var config: String?

    /// The parsed values as plain options.
    var options: ReadOptions {
        ReadOptions(
            edition: edition, dump: dump, outline: outline, json: json, width: width, height: height,
            columns: columns, page: page, front: front, article: article, allArticles: allArticles,
            ambiguous: ambiguous, vertical: vertical, color: color, theme: theme, script: script, kiosk: kiosk,
            idleReset: idleReset,
            noState: noState, stateDir: stateDir, config: config)
    }

    mutating func run() throws {
        var options = self.options
        try options.run()
    }
}

extension AmbiguousWidth: ExpressibleByArgument {}

extension DisplayScript: ExpressibleByArgument {}
