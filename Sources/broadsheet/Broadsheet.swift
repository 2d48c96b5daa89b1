import ArgumentParser

/// The `broadsheet` command: reads a daily edition in the terminal.
@main
struct Broadsheet: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "broadsheet",
        abstract: "Read a Chinese daily edition in the terminal, laid out like print.",
        version: version,
        subcommands: [ReadCommand.self, BookmarksCommand.self],
        defaultSubcommand: ReadCommand.self
    )

    /// Runs the plain forms of the read command without ArgumentParser's parse (see
    /// `QuickArguments`); everything else goes through ArgumentParser as before.
    static func main() {
        guard var options = QuickArguments.parse(Array(CommandLine.arguments.dropFirst())) else {
            main(nil)
            return
        }
        do {
            try options.run()
        } catch {
            // The same exit codes and messages as ArgumentParser's own `main`.
            exit(withError: error)
        }
    }
}
