import ArgumentParser
import FoundationEssentials
import Glibc
import ReaderCore

/// Opens an edition: interactively on a terminal, as a dump otherwise.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open an edition (the default command)."
    )

    @Argument(help: "An edition file, or a directory of editions (the newest opens). Default: the library.")
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

    @Flag(help: "With --dump: add ANSI styles by role.")
    var color = false

    @Option(help: "Theme name (from Themes/ or your themes directory) or a path to a theme file.")
    var theme: String?

    @Flag(help: "Run as a kiosk: only the library is readable, nothing is executed.")
    var kiosk = false

    @Option(help: "Return to the newest front page after MINUTES idle (fractions allowed; default: the config's kiosk.idleResetMinutes in kiosk mode).")
    var idleReset: Double?

    @Flag(help: "Neither read nor write bookmarks and reading position.")
    var noState = false

    @Option(help: "Directory for bookmarks.json (default $XDG_STATE_HOME/broadsheet).")
    var stateDir: String?

    @Option(help: "Config file (default $XDG_CONFIG_HOME/broadsheet/config.json).")
    var config: String?

    mutating func run() throws {
        // The system config (where deployments turn the kiosk on) is read first: a
        // user's config cannot turn the kiosk off (Config.overlaid).
        let (settings, _) = Config.loadStandard(explicitPath: config, environment: ProcessInfo.processInfo.environment,
                                                systemPath: Self.systemConfigPath, kiosk: kiosk)
        if kiosk || settings.kiosk.enabled == true {
            kiosk = true
            _ = try KioskMode.apply(to: &self, library: settings.library,
                                    idleResetMinutes: settings.kiosk.idleResetMinutes.map(Double.init))
        }
        if outline {
            try OutlineMode(command: self).run()
        } else if dump {
            try DumpMode(command: self).run()
        } else {
            try InteractiveMode(command: self).run()
        }
    }
}

extension ReadCommand {
    /// The system config file: /etc/broadsheet/config.json, or `$BROADSHEET_SYSTEM_CONFIG` (tests).
    static var systemConfigPath: String {
        ProcessInfo.processInfo.environment[KioskPolicy.systemConfigVariable] ?? Config.systemPath
    }
}

extension AmbiguousWidth: ExpressibleByArgument {}
