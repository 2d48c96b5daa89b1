import ArgumentParser
import FoundationEssentials
import CursesBackend
import ReaderCore
import ReaderUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The interactive reader: resolves the edition, loads themes, runs the loop.
/// When stdout is not a terminal it prints the dump instead.
struct InteractiveMode {
    let command: ReadCommand

    func run() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            try DumpMode(command: command).run()
            return
        }
        let shelf: EditionShelf
        let edition: Edition
        do {
            shelf = try EditionShelf.resolve(command.edition)
            edition = try EditionShelf.load(shelf.paths[shelf.index])
        } catch {
            throw fail("\(error)")
        }
        let (config, configWarnings) = Config.loadStandard(explicitPath: command.config,
                                                           environment: ProcessInfo.processInfo.environment,
                                                           systemPath: ReadCommand.systemConfigPath,
                                                           kiosk: command.kiosk)
        let kiosk = command.kiosk || config.kiosk.enabled == true
        let themes = ThemeShelf.load(requested: command.theme ?? config.theme, allowPaths: !kiosk)
        let ambiguous = command.ambiguous ?? config.ambiguous ?? .narrow
        let columns = command.columns ?? config.columns
        let localeWarning: String?
        do {
            localeWarning = try TerminalLocale.prepare()
        } catch {
            throw fail("\(error)")
        }
        let signals = SignalWatch()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: themes.themes[themes.index],
                                         environment: ProcessInfo.processInfo.environment)
        } catch {
            signals.release()
            throw fail("\(error)")
        }
        let size = terminal.size
        var state = AppState(edition: edition,
                             layout: PrintLayout(options: LayoutOptions(columns: columns, ambiguous: ambiguous)),
                             width: size.width, height: size.height, themeNames: themes.themes.map(\.name))
        state.themeIndex = themes.index
        state.keys = KeyOverrides(config.keys)
        let keyWarning = config.unknownActions(Set(KeyOverrides.actionNames.keys)).first.map { "\($0); binding ignored" }
        state.editionIndex = shelf.index
        state.editionCount = shelf.paths.count
        if let notice = localeWarning ?? configWarnings.first ?? keyWarning ?? themes.warning {
            state = reduce(state, .notice(notice))
        }
        let paths = shelf.paths
        let desk = ReaderSession.desk(command: command, config: config, paths: paths)
        state = desk.resume(state)
        var loop = ReaderLoop(state: state, themes: themes.themes, terminal: terminal, signals: signals,
                              loadEdition: { try EditionShelf.load(paths[$0]) },
                              measure: DisplayWidth(ambiguous: ambiguous), desk: desk)
        if let minutes = command.idleReset, minutes > 0 { loop.idle = IdleTimer(minutes: minutes) }
        let status = loop.run()
        signals.release()
        if status != 0 { exit(status) }
    }

    /// Prints `message` to stderr and returns the exit code to throw.
    private func fail(_ message: String) -> ExitCode {
        StandardError.write("broadsheet: \(message)\n")
        return ExitCode(1)
    }
}
