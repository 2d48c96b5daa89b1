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

    /// The library's editions, oldest first, without links that lead outside it.
    func editions() throws -> [String] {
        var library = EditionLibrary(directory: confinement.root)
        library.confinement = confinement
        return try library.editions().map(\.path)
    }

    /// The edition file to open: `argument` confined to the library, or the newest.
    func editionPath(_ argument: String?) throws -> String {
        if let argument {
            let resolved = try confinement.resolve(argument)
            if LibraryConfinement.isDirectory(resolved) {
                throw LibraryConfinement.Refusal.notFound(name: argument)
            }
            return resolved
        }
        guard let newest = try editions().last else {
            throw EditionLoadError.noEditions(directory: confinement.library)
        }
        return newest
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
