import ArgumentParser
import FoundationEssentials
import Glibc
import ReaderCore

/// Applies `--kiosk` to a read command before any mode runs, so the dump (what
/// `ssh host cmd` gets), the outline and the reader all open only library editions.
enum KioskMode {
    /// Confines `command.edition` to the library and hardens the process; refuses
    /// with a clear message and exit status 1 when the edition lies outside it.
    ///
    /// A directory on the command line is the library (`broadsheet --kiosk /srv/editions`,
    /// the natural `ForceCommand`): the command line is the administrator's, as a
    /// visitor cannot change a forced command. Otherwise the library is the config's,
    /// else the default one. The reader lists and opens through the policy's resolver
    /// itself (`command.edition` stays a file or nil); a dump or outline gets the file.
    static func apply(
        to command: inout ReadOptions, library: String?, environment: [String: String],
        idleResetMinutes: Double?
    ) throws -> KioskPolicy {
        let directory: String
        if let argument = command.edition, LibraryConfinement.isDirectory(argument) {
            directory = argument
            command.edition = nil
        } else {
            directory = library ?? EditionLibrary.defaultDirectory(environment: environment)
        }
        do {
            let policy = try KioskPolicy(library: directory, idleResetMinutes: command.idleReset ?? idleResetMinutes)
            let interactive =
                !command.dump && !command.outline
                && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
            if let argument = command.edition {
                command.edition = try policy.editionPath(argument).path
            } else if !interactive {
                // A dump or outline opens one file: the newest confined one that opens.
                let (path, skipped) = try policy.editionPath(nil)
                for one in skipped { StandardError.write("broadsheet: skipped \(one.summary)\n") }
                command.edition = path
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
