import ArgumentParser
import CursesBackend
import FoundationEssentials
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
    let command: ReadOptions
    /// The standard config, already read by `ReadOptions.run`, and what was wrong with it.
    let config: Config
    let configWarnings: [String]
    /// The process environment, read once.
    let environment: [String: String]
    /// The kiosk's confinement (nil: not a kiosk).
    var kiosk: KioskPolicy? = nil

    func run() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            try DumpMode(command: command).run()
            return
        }
        if let term = environment["TERM"], !term.isEmpty, !TerminalProbe.addressesCursor(term: term) {
            // Curses cannot draw a screen here: the same page as text, line by line.
            StandardError.write(
                "broadsheet: TERM=\(term) cannot place the cursor; printing the front page as text "
                    + "(set TERM to your terminal type, e.g. TERM=xterm-256color, to read interactively)\n")
            var plain = command
            let size = TerminalProbe.windowSize()
            plain.width = plain.width ?? size?.width
            plain.height = plain.height ?? size.map { max(1, $0.height - 1) }
            try DumpMode(command: plain).run()
            return
        }
        let shelf: EditionShelf
        let opening: EditionOpening
        let skippedNotice: String?
        do {
            shelf = try EditionShelf(
                opening: command.edition, environment: environment,
                confinement: self.kiosk?.confinement,
                parser: EditionParser(paperName: config.paperName))
            (opening, skippedNotice) = try shelf.openFirst()
        } catch {
            throw fail("\(error)", status: EditionInput.exitStatus(error))
        }
        let kiosk = command.kiosk || config.kiosk.enabled == true || self.kiosk != nil
        let requestedTheme = command.theme ?? config.theme
        // Only the starting theme is read before the first frame; the others after it.
        let firstTheme = ThemeShelf.first(requested: requestedTheme, allowPaths: !kiosk, environment: environment)
        let ambiguous = command.ambiguous ?? config.ambiguous ?? .narrow
        let columns = command.columns ?? config.columns
        let localeWarning: String?
        do {
            localeWarning = try TerminalLocale.prepare()
        } catch {
            throw fail("\(error)")
        }
        let signals = SignalWatch()
        TerminalRescue.prepare()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(
                theme: firstTheme.theme, environment: environment,
                stallLimit: Self.stallLimit(environment))
        } catch {
            signals.release()
            throw fail("\(error)")
        }
        // A crash gives the terminal back; in a kiosk it never reaches the backtracer.
        TerminalRescue.arm(kiosk: kiosk)
        let size = terminal.size
        let desk = ReaderSession.desk(command: command, config: config, shelf: shelf, environment: environment)
        // A large edition shows its first 版 while the rest is parsed; resuming a saved
        // place may need the rest, so it waits for the whole edition.
        var edition = opening.first
        if !edition.isComplete, desk.mayResume(in: edition) { edition = opening.complete() }
        var state = AppState(
            edition: edition,
            layout: PrintLayout(options: LayoutOptions(columns: columns, ambiguous: ambiguous)),
            width: size.width, height: size.height, measure: DisplayWidth(ambiguous: ambiguous))
        state = reduce(state, .themesLoaded([firstTheme.theme], index: 0))
        state = reduce(state, .keysConfigured(KeyOverrides(config.keys)))
        // Vertical setting needs the vertical forms two cells wide; asked of the locale once.
        state = reduce(state, .verticalFormsChecked(TerminalLocale.drawsVerticalForms))
        if command.vertical || config.vertical == true { state = reduce(state, .toggleVertical) }
        // Only a chosen script loads OpenCC; the original needs nothing.
        if let script = command.script ?? config.script, script != .original {
            state = reduce(state, .scriptChosen(script))
        }
        let keyWarning = config.unknownActions(Set(KeyOverrides.actionNames.keys)).first.map {
            "\($0); binding ignored"
        }
        let earlierWarning = terminal.sizeNotice ?? skippedNotice ?? localeWarning ?? configWarnings.first ?? keyWarning
        if let notice = earlierWarning ?? firstTheme.warning {
            state = reduce(state, .notice(notice))
        }
        state = desk.resume(state)
        var loop = ReaderLoop(state: state, terminal: terminal, signals: signals, shelf: shelf, desk: desk)
        loop.afterFirstFrame = { loop in
            // What the first frame did not need: every theme for T, the editions for [ and ].
            let themes = ThemeShelf.load(requested: requestedTheme, allowPaths: !kiosk, environment: environment)
            loop.state = reduce(loop.state, .themesLoaded(themes.themes, index: themes.index))
            loop.state = reduce(loop.state, .libraryListed(index: shelf.index, count: shelf.paths.count))
            // Warnings about the other theme files take the place a theme warning had.
            guard earlierWarning == nil, let warning = themes.warning, warning != firstTheme.warning else {
                return false
            }
            let resumed = loop.state.notice?.hasSuffix(BookmarkDesk.resumedNotice) == true
            loop.state = reduce(
                loop.state,
                .notice(
                    [warning, resumed ? BookmarkDesk.resumedNotice : nil]
                        .compactMap { $0 }.joined(separator: " · ")))
            return true
        }
        if let minutes = command.idleReset, minutes > 0 { loop.idle = IdleTimer(minutes: minutes) }
        if !edition.isComplete { loop.completion = EditionCompletion(opening) }
        let status = loop.run()
        TerminalRescue.disarm()
        signals.release()
        if status != 0 { exit(status) }
    }

    /// Seconds a terminal may accept no output before the reader gives up on it: 60, or
    /// `$BROADSHEET_STALL_SECONDS` (0.1…600; the tests use a short one).
    static func stallLimit(_ environment: [String: String]) -> Double {
        guard let text = environment["BROADSHEET_STALL_SECONDS"], let seconds = Double(text),
            seconds.isFinite
        else { return 60 }
        return min(max(seconds, 0.1), 600)
    }

    /// Prints `message` to stderr and returns the exit code to throw.
    private func fail(_ message: String, status: Int32 = 1) -> ExitCode {
        StandardError.write("broadsheet: \(message)\n")
        return ExitCode(status)
    }
}
