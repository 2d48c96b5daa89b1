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
}
