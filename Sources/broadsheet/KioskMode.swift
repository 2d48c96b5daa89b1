import ArgumentParser
import FoundationEssentials
import Glibc
import ReaderCore

/// Applies `--kiosk` to a read command before any mode runs, so the dump (what
/// `ssh host cmd` gets), the outline and the reader all open only library editions.
enum KioskMode {
    /// Confines `command.edition` to the library (nil → the library directory,
    /// whose newest edition opens) and hardens the process; refuses with a clear
    /// message and exit status 1 when the edition lies outside the library.
    static func apply(to command: inout ReadOptions, library: String?, environment: [String: String],
                      idleResetMinutes: Double?) throws -> KioskPolicy {
        let directory = library ?? EditionLibrary.defaultDirectory(environment: environment)
        do {
            let policy = try KioskPolicy(library: directory, idleResetMinutes: command.idleReset ?? idleResetMinutes)
            if let argument = command.edition {
                command.edition = try policy.editionPath(argument)
            } else if !command.dump, !command.outline, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
                // The reader lists the library itself (confined, for [ and ]).
                command.edition = policy.confinement.root
            } else {
                // A dump or outline opens one file: the newest confined one.
                command.edition = try policy.editionPath(nil)
            }
            command.idleReset = policy.idleResetMinutes
            KioskPolicy.hardenProcess()
            return policy
        } catch {
            StandardError.write("broadsheet: \(error)\n")
            throw ExitCode(1)
        }
    }
}
