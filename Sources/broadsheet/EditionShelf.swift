import ReaderCore

/// Which editions the reader can move between (`[` `]`) and which one opens first:
/// `EditionLibrary` resolves the argument (none → library or bundled, FILE, DIR →
/// newest), and the editions beside it, in date order, form the shelf.
///
/// The shelf is listed on first use, not at start: listing reads the masthead of
/// every edition in the directory, which the first frame does not need.
final class EditionShelf {
    /// The edition that opens.
    let path: String
    /// Edition files beside `path`, oldest first, and the index of `path` among them.
    private(set) lazy var listing: (paths: [String], index: Int) = Self.list(around: path)

    /// Edition files, oldest first.
    var paths: [String] { listing.paths }
    /// The one that opened.
    var index: Int { listing.index }

    /// Resolves the command's argument to the edition to open.
    init(opening argument: String?, environment: [String: String]) throws {
        path = try EditionInput.resolve(argument, environment: environment)
    }

    /// The editions in the same directory as `path` (just `path` when it is not among them).
    private static func list(around path: String) -> (paths: [String], index: Int) {
        let directory = path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? ""
        let paths = (try? EditionLibrary(directory: directory.isEmpty ? "." : directory).editions().map(\.path)) ?? []
        if let index = paths.firstIndex(of: path) { return (paths, index) }
        return ([path], 0)
    }

    /// Reads and parses one edition (a file or an e-paper folder).
    static func load(_ path: String) throws -> Edition {
        try EditionInput.load(path)
    }

    /// Reads one edition file and parses its first 版 alone when it is large
    /// (`EditionOpening`): the reader's first frame need not wait for the rest.
    static func open(_ path: String) throws -> EditionOpening {
        try EditionInput.open(path)
    }
}
