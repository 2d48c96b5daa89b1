import ReaderCore

/// Which editions the reader can move between (`[` `]`) and which one opens first.
/// Every edition it lists or opens goes through one `EditionResolver`, confined to
/// the library in kiosk mode: the first edition, `[` `]`, a bookmark's edition, the
/// idle reset and `rescan`.
///
/// An edition named on the command line opens or fails; from a directory (or the
/// library) the newest edition that opens is shown, and editions that cannot be
/// opened are passed over with a notice, at the start and on `[` `]`.
///
/// Beside a named file the shelf is listed on first use, not at start: listing reads
/// the masthead of every edition in the directory, which the first frame does not need.
final class EditionShelf {
    let resolver: EditionResolver
    /// The edition that opens, when named on the command line; nil: the newest that opens.
    private let named: String?
    private var listed: (paths: [String], index: Int)?
    /// The edition on screen.
    private(set) var path: String

    /// Edition files, oldest first.
    var paths: [String] { listing.paths }
    /// Where `path` is among them.
    var index: Int { listing.index }

    /// Resolves the command's argument: a file to open, or a directory (none: the
    /// library) whose newest edition opens. In kiosk mode (`confinement`) the library
    /// is the confined one and a named file must lie in it.
    init(
        opening argument: String?, environment: [String: String], confinement: LibraryConfinement?,
        parser: EditionParser = EditionParser()
    ) throws {
        var resolver: EditionResolver
        if let confinement {
            resolver = EditionResolver(directory: confinement.root, confinement: confinement, parser: parser)
            let target = argument ?? confinement.root
            let isEdition = target != confinement.root && EditionInput.editionFolder(target) != nil
            named = LibraryConfinement.isDirectory(target) && !isEdition ? nil : try resolver.admit(target)
        } else {
            let target = argument ?? EditionLibrary.defaultDirectory(environment: environment)
            // A folder that is itself one edition opens as named, among the editions beside it.
            let folder = EditionInput.namedEditionFolder(target)
            let directory = folder == nil && LibraryConfinement.isDirectory(target)
            let opened = folder ?? target
            resolver = EditionResolver(directory: directory ? target : Self.folder(of: opened), parser: parser)
            named = directory ? nil : opened
        }
        resolver.loader = EditionInput.loader
        self.resolver = resolver
        path = named ?? resolver.directory
    }

    /// Opens the first edition: the named one, else the newest that opens; returns it
    /// with a notice naming the editions passed over (nil: none).
    func openFirst() throws -> (opening: EditionOpening, notice: String?) {
        if let named {
            let opening = try resolver.opening(named)
            path = named
            return (opening, nil)
        }
        let paths = try resolver.editions()
        guard !paths.isEmpty else {
            // A folder of saved e-paper pages lists no edition: it is one.
            if resolver.confinement == nil, let folder = EditionInput.ePaperFolder(resolver.directory) {
                let opening = try resolver.opening(folder)
                path = folder
                listed = ([folder], 0)
                return (opening, nil)
            }
            throw EditionLoadError.noEditions(directory: resolver.confinement?.library ?? resolver.directory)
        }
        listed = (paths, paths.count - 1)
        let result = resolver.first(of: paths, from: paths.count - 1, step: -1) { try resolver.opening($0) }
        guard let found = result.found else {
            throw EditionLoadError.unreadable(
                path: resolver.confinement?.library ?? resolver.directory,
                reason: "no edition in it can be opened: "
                    + result.skipped.map(\.summary).joined(separator: "; "))
        }
        path = paths[found.index]
        listed = (paths, found.index)
        return (found.value, Self.notice(result.skipped))
    }

    /// Loads edition `index`, or the nearest that opens stepping by `step` (±1): the
    /// edition and where it sits, with a notice naming the editions passed over; when
    /// none opens, no edition and the notice.
    func load(from index: Int, step: Int) -> (edition: Edition?, index: Int, notice: String?) {
        let paths = self.paths
        let result = resolver.first(of: paths, from: index, step: step) { try resolver.edition($0) }
        guard let found = result.found else {
            return (nil, self.index, "no edition that way opens; " + (Self.notice(result.skipped) ?? "none listed"))
        }
        path = paths[found.index]
        listed = (paths, found.index)
        return (found.value, found.index, Self.notice(result.skipped))
    }

    /// Lists the library again (new editions arrive while a kiosk runs); keeps `path`'s place.
    func rescan() {
        guard let paths = try? resolver.editions(), !paths.isEmpty else { return }
        listed = (paths, paths.firstIndex(of: path) ?? paths.count - 1)
    }

    /// "skipped NAME (reason) · NAME (reason)", or nil when nothing was skipped.
    static func notice(_ skipped: [EditionResolver.Skipped]) -> String? {
        guard !skipped.isEmpty else { return nil }
        return "skipped " + skipped.map(\.summary).joined(separator: " · ")
    }

    /// The shelf: listed now if it was not yet.
    private var listing: (paths: [String], index: Int) {
        if let listed { return listed }
        let paths = (try? resolver.editions()) ?? []
        let found = paths.firstIndex(of: path).map { (paths, $0) } ?? ([path], 0)
        listed = found
        return found
    }

    /// The folder holding `path` ("." for a bare name).
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
