import EPaper
import ReaderCore

/// The one place where broadsheet decides what a path names: a folder of saved 方正
/// e-paper pages (or one such page, which stands for its folder) is read by EPaper
/// through the loader's `ExternalEditionReader` hook; a day folder of article files
/// and Markdown editions by ReaderCore, which refuses JSON, CSV, HTML of no known
/// layout and PDF with a message (`InputSniffer`).
enum EditionInput {
    /// The loader every edition is read with: ReaderCore's, with saved e-paper pages added.
    static var loader: EditionLoader {
        var loader = EditionLoader()
        loader.external = FounderEPaperReader()
        return loader
    }

    /// The e-paper folder `path` names, or nil when it names something else. A folder
    /// that holds Markdown or text editions stays a library.
    static func ePaperFolder(_ path: String) -> String? {
        if !EditionFiles.isDirectory(path), FounderEPaper.isPage(path) { return FounderEPaper.folder(ofPage: path) }
        guard EditionFiles.isDirectory(path), (try? EditionLibrary(directory: path).editions())?.isEmpty ?? true
        else { return nil }
        return FounderEPaper.recognises(directory: path) ? path : nil
    }

    /// The folder `path` names when the folder itself is one edition (a day folder of
    /// article files, or saved e-paper pages), else nil.
    static func editionFolder(_ path: String) -> String? {
        if EditionFormat.detect(atPath: path) == .articleFolder { return path }
        return ePaperFolder(path)
    }

    /// The folder `path` names when it is one edition, decided without listing a
    /// directory: a day folder, or a saved e-paper page (which stands for its folder). A
    /// directory of saved pages is recognised only once its listing holds no edition
    /// (`EditionShelf.openFirst`), so a start on a library lists it once.
    static func namedEditionFolder(_ path: String) -> String? {
        if EditionFormat.detect(atPath: path) == .articleFolder { return path }
        if !EditionFiles.isDirectory(path), FounderEPaper.isPage(path) { return FounderEPaper.folder(ofPage: path) }
        return nil
    }

    /// The path to open for a command-line argument: an e-paper folder as named, else
    /// what `EditionLibrary.resolve` picks (a file, a day folder, or a library's newest edition).
    static func resolve(_ argument: String?, environment: [String: String]) throws(EditionLoadError) -> String {
        if let argument, let folder = ePaperFolder(argument) { return folder }
        return try EditionLibrary.resolve(argument, environment: environment)
    }

    /// Resolves a command-line argument and reads that edition: what `--outline` and `--dump` need.
    static func edition(
        _ argument: String?, environment: [String: String],
        parser: EditionParser = EditionParser()
    ) throws(EditionLoadError) -> Edition {
        try loader.edition(atPath: resolve(argument, environment: environment), parser: parser)
    }

    /// The exit status for a failure to open an edition: 65 (EX_DATAERR) for input of a
    /// kind broadsheet does not read, 1 for anything else.
    static func exitStatus(_ error: any Error) -> Int32 {
        (error as? EditionLoadError)?.exitStatus ?? 1
    }
}

/// Saved e-paper pages as the loader's external format.
struct FounderEPaperReader: ExternalEditionReader {
    /// The e-paper folder `path` names (see `EditionInput.ePaperFolder`).
    func folder(named path: String) -> String? { EditionInput.ePaperFolder(path) }

    /// Reads the folder's pages into one edition.
    func edition(folder: String, parser: EditionParser) throws(EditionLoadError) -> Edition {
        try FounderEPaper.load(directory: folder, classifier: parser.classifier)
    }
}
