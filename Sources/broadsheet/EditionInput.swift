import EPaper
import ReaderCore

/// The one place where broadsheet decides what a path names: a folder of saved 方正
/// e-paper pages (or one such page, which stands for its folder) is read by EPaper;
/// anything else goes to ReaderCore's library and loader, which refuse JSON, CSV,
/// HTML of no known layout and PDF with a message (`InputSniffer`).
enum EditionInput {
    /// The e-paper folder `path` names, or nil when it names something else. A folder
    /// that holds Markdown or text editions stays a library.
    static func ePaperFolder(_ path: String) -> String? {
        if !EditionFiles.isDirectory(path), FounderEPaper.isPage(path) { return FounderEPaper.folder(ofPage: path) }
        guard EditionFiles.isDirectory(path), (try? EditionLibrary(directory: path).editions())?.isEmpty ?? true
        else { return nil }
        return FounderEPaper.recognises(directory: path) ? path : nil
    }

    /// The path to open for a command-line argument: an e-paper folder as named, else
    /// what `EditionLibrary.resolve` picks (a file, or a library's newest edition).
    static func resolve(_ argument: String?, environment: [String: String]) throws(EditionLoadError) -> String {
        if let argument, let folder = ePaperFolder(argument) { return folder }
        return try EditionLibrary.resolve(argument, environment: environment)
    }

    /// Reads and parses the edition at a resolved `path`.
    static func load(_ path: String) throws(EditionLoadError) -> Edition {
        if let folder = ePaperFolder(path) { return try FounderEPaper.load(directory: folder) }
        return try EditionLoader().edition(atPath: path)
    }

    /// Opens the edition at a resolved `path`; a large Markdown edition shows its first 版
    /// before the rest is parsed (`EditionOpening`), an e-paper folder is read whole.
    static func open(_ path: String) throws(EditionLoadError) -> EditionOpening {
        if let folder = ePaperFolder(path) { return EditionOpening(edition: try FounderEPaper.load(directory: folder)) }
        return try EditionLoader().opening(atPath: path)
    }

    /// Resolves a command-line argument and reads that edition: what `--outline` and `--dump` need.
    static func edition(_ argument: String?, environment: [String: String]) throws(EditionLoadError) -> Edition {
        try load(resolve(argument, environment: environment))
    }

    /// The exit status for a failure to open an edition: 65 (EX_DATAERR) for input of a
    /// kind broadsheet does not read, 1 for anything else.
    static func exitStatus(_ error: any Error) -> Int32 {
        (error as? EditionLoadError)?.exitStatus ?? 1
    }
}
