/// The one way the reader reaches edition files: the first edition, `[` `]`, a
/// bookmark's edition, the idle reset and every rescan of the library all list and
/// open through one resolver. Under a kiosk `LibraryConfinement` it lists only files
/// that resolve inside the library, and checks each path again when it is opened
/// (the library may have changed since it was listed), opening the resolved path
/// without following a link in its last component.
///
/// It also skips what cannot be read: `newest` passes over editions that cannot be
/// opened (unreadable, not text, too large) and says which it skipped.
public struct EditionResolver: Sendable {
    /// The directory whose editions are listed (the library, or the folder of a file).
    public let directory: String
    /// Kiosk: every path must resolve inside this library.
    public let confinement: LibraryConfinement?
    /// How files are read (size limit).
    public var loader = EditionLoader()
    /// Parses every edition alike (carries the config's `paperName`, so a bookmark's
    /// paper reads the same whichever edition was opened first).
    public let parser: EditionParser

    /// Lists `directory`; under `confinement`, only what lies inside the library.
    public init(directory: String, confinement: LibraryConfinement? = nil, parser: EditionParser = EditionParser()) {
        self.directory = directory
        self.confinement = confinement
        self.parser = parser
    }

    /// One edition that could not be opened, and why (one line).
    public struct Skipped: Sendable, Equatable {
        public var path: String
        public var reason: String

        /// "NAME (reason)", with the file's name alone in the reason.
        public var summary: String {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return ContentSanitizer().sanitize(name).text + " (" + reason + ")"
        }
    }

    /// The library's edition files, oldest first (see `EditionLibrary.editions`).
    public func editions() throws(EditionLoadError) -> [String] {
        var library = EditionLibrary(directory: directory)
        library.confinement = confinement
        return try library.editions().map(\.path)
    }

    /// The path to open for `path`: as given, or under confinement its resolved form
    /// inside the library; a path that leads outside is refused.
    public func admit(_ path: String) throws -> String {
        guard let confinement else { return path }
        return try confinement.resolve(path)
    }

    /// The loader for admitted paths: under confinement it refuses a link in the
    /// last component (one swapped in after `admit` resolved the path).
    private var admittedLoader: EditionLoader {
        var loader = self.loader
        loader.refusesLinks = confinement != nil
        return loader
    }

    /// Opens the edition at `path` progressively (see `EditionOpening`), confined.
    public func opening(_ path: String) throws -> EditionOpening {
        try admittedLoader.opening(atPath: admit(path), parser: parser)
    }

    /// Loads and parses the whole edition at `path`, confined.
    public func edition(_ path: String) throws -> Edition {
        try admittedLoader.edition(atPath: admit(path), parser: parser)
    }

    /// The newest of `paths` (oldest first) that `open` accepts, from `index` down
    /// (or up, with `step` 1), and the ones passed over; nil result when none opens.
    public func first<T>(
        of paths: [String], from index: Int, step: Int,
        open: (String) throws -> T
    ) -> (found: (value: T, index: Int)?, skipped: [Skipped]) {
        var skipped: [Skipped] = []
        var at = index
        while paths.indices.contains(at) {
            do {
                return ((try open(paths[at]), at), skipped)
            } catch {
                skipped.append(Skipped(path: paths[at], reason: Self.reason(error, path: paths[at])))
            }
            at += step
        }
        return (nil, skipped)
    }

    /// The newest edition in the library that passes `EditionLoader.probe` (a cheap
    /// check: it opens, and its first bytes are text), for a dump or outline.
    public func newest() throws -> (path: String, skipped: [Skipped]) {
        let paths = try editions()
        guard !paths.isEmpty else { throw EditionLoadError.noEditions(directory: confinement?.library ?? directory) }
        let checker = admittedLoader
        let result = first(of: paths, from: paths.count - 1, step: -1) { path -> String in
            let admitted = try admit(path)
            try checker.probe(atPath: admitted)
            return admitted
        }
        guard let found = result.found else {
            // One edition alone: its own error says it best.
            if paths.count == 1 { try checker.probe(atPath: try admit(paths[0])) }
            throw EditionLoadError.unreadable(
                path: confinement?.library ?? directory,
                reason: "no edition in it can be opened: "
                    + result.skipped.map(\.summary).joined(separator: "; "))
        }
        return (found.value, result.skipped)
    }

    /// Why `error` kept `path` from opening, without the path itself.
    static func reason(_ error: any Error, path: String) -> String {
        var text = "\(error)"
        let shown = ContentSanitizer().sanitize(path).text
        for prefix in [shown + ": ", path + ": "] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
            break
        }
        return text
    }
}
