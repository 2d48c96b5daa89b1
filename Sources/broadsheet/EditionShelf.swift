import FoundationEssentials
import ReaderCore

/// Which editions the reader can move between (`[` `]`) and which one opens first:
/// `EditionLibrary` resolves the argument (none → library or bundled, FILE, DIR →
/// newest), and the editions beside it, in date order, form the shelf.
struct EditionShelf {
    /// Edition files, oldest first.
    var paths: [String]
    /// The one to open.
    var index: Int

    /// Resolves the command's argument and lists the editions in the same directory.
    static func resolve(_ argument: String?) throws -> EditionShelf {
        let path = try EditionLibrary.resolve(argument, environment: ProcessInfo.processInfo.environment)
        let directory = path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? ""
        let paths = (try? EditionLibrary(directory: directory.isEmpty ? "." : directory).editions().map(\.path)) ?? []
        if let index = paths.firstIndex(of: path) { return EditionShelf(paths: paths, index: index) }
        return EditionShelf(paths: [path], index: 0)
    }

    /// Reads and parses one edition file.
    static func load(_ path: String) throws -> Edition {
        try EditionLoader().edition(atPath: path)
    }

    /// Reads one edition file and parses its first 版 alone when it is large
    /// (`EditionOpening`): the reader's first frame need not wait for the rest.
    static func open(_ path: String) throws -> EditionOpening {
        try EditionLoader().opening(atPath: path)
    }
}
