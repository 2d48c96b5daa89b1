import ArgumentParser
import FoundationEssentials
import ReaderCore

/// What a read command asks for, as plain values: what `ReadCommand` parses with
/// ArgumentParser and `QuickArguments` recognises by hand. The modes read these.
struct ReadOptions: Equatable {
    var edition: String?
    var dump = false
    var outline = false
    var json = false
    var width: Int?
    var height: Int?
    var columns: Int?
    var page: String?
    var front = false
    var article: Int?
    var allArticles = false
    var ambiguous: AmbiguousWidth?
    var vertical = false
    var color = false
    var theme: String?
    var script: DisplayScript?
    var kiosk = false
    var idleReset: Double?
    var noState = false
    var stateDir: String?
    var config: String?

    /// Applies the kiosk (from `--kiosk` or the config) and runs the mode asked for.
    mutating func run() throws {
        // The system config (where deployments turn the kiosk on) is read first: a
        // user's config cannot turn the kiosk off (Config.overlaid).
        // Read once: each read of ProcessInfo's environment builds a new dictionary.
        let environment = ProcessInfo.processInfo.environment
        let systemConfig = Self.systemConfigPath(environment)
        let asked = kiosk
        var policy: KioskPolicy?
        let (settings, warnings) = Config.loadStandard(
            explicitPath: config, environment: environment,
            systemPath: systemConfig, kiosk: kiosk)
        if kiosk || settings.kiosk.enabled == true {
            kiosk = true
            policy = try KioskMode.apply(
                to: &self, library: settings.library, environment: environment,
                idleResetMinutes: settings.kiosk.idleResetMinutes.map(Double.init))
        }
        if outline {
            try OutlineMode(command: self, parser: EditionParser(paperName: settings.paperName)).run()
        } else if dump {
            try DumpMode(command: self, parser: EditionParser(paperName: settings.paperName)).run()
        } else {
            // The reader reuses this config rather than reading the files again, unless
            // the config turned the kiosk on: then the user's file is held to the kiosk's limits.
            let (config, configWarnings) =
                asked == kiosk
                ? (settings, warnings)
                : Config.loadStandard(
                    explicitPath: config, environment: environment, systemPath: systemConfig, kiosk: true)
            try InteractiveMode(
                command: self, config: config, configWarnings: configWarnings, environment: environment,
                kiosk: policy
            ).run()
        }
    }

    /// The system config file: /etc/broadsheet/config.json, or `$BROADSHEET_SYSTEM_CONFIG` (tests).
    static func systemConfigPath(_ environment: [String: String]) -> String {
        environment[KioskPolicy.systemConfigVariable] ?? Config.systemPath
    }
}
