import ReaderCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `--kiosk` changes for a public terminal: editions only from inside the library, no
/// job control, an idle reset. Nothing here executes anything; the reader has no
/// command that could (see README, "Run it as an ssh kiosk").
struct KioskPolicy {
    /// The environment variable naming another system config file (tests only;
    /// sshd passes no variables to a kiosk session except those in `SetEnv`/`AcceptEnv`).
    static let systemConfigVariable = "BROADSHEET_SYSTEM_CONFIG"

    let confinement: LibraryConfinement
    /// Minutes without a key before the reader goes back to the newest front page.
    let idleResetMinutes: Double?

    /// Confines the reader to `library`; refuses a missing library.
    init(library: String, idleResetMinutes: Double?) throws(LibraryConfinement.Refusal) {
        confinement = try LibraryConfinement(library: library)
        self.idleResetMinutes = idleResetMinutes.flatMap { $0 > 0 ? $0 : nil }
    }

    /// The resolver every edition of the session is listed and opened through.
    var resolver: EditionResolver {
        EditionResolver(directory: confinement.root, confinement: confinement)
    }

    /// The edition file a dump or outline opens: `argument` confined to the library,
    /// or the newest that opens (with the editions passed over).
    func editionPath(_ argument: String?) throws -> (path: String, skipped: [EditionResolver.Skipped]) {
        if let argument {
            let resolved = try resolver.admit(argument)
            // A folder of saved e-paper pages inside the library (or one of its pages)
            // opens as that folder; its pages are read without following links.
            if let folder = EditionInput.ePaperFolder(resolved) {
                guard confinement.contains(folder) else { throw LibraryConfinement.Refusal.notFound(name: argument) }
                return (folder, [])
            }
            // Any other folder is refused unless it is one edition (a day folder of article files).
            if LibraryConfinement.isDirectory(resolved) && EditionFormat.detect(atPath: resolved) != .articleFolder {
                throw LibraryConfinement.Refusal.notFound(name: argument)
            }
            return (resolved, [])
        }
        return try resolver.newest()
    }

    /// Job-control and quit signals can neither stop nor kill the session: SIGTSTP
    /// (also keeps ncurses from installing its suspend handler), SIGTTIN, SIGTTOU
    /// and SIGQUIT are ignored. Call before the terminal is opened.
    static func hardenProcess() {
        for signal in [SIGTSTP, SIGTTIN, SIGTTOU, SIGQUIT] {
            Glibc.signal(signal, SIG_IGN)
        }
        // Whatever the reader writes (its state file) is the user's alone.
        umask(0o077)
    }
}
