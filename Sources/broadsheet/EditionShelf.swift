import Foundation
import ReaderCore

/// Which editions the reader can move between (`[` `]`) and which one opens first.
/// PROVISIONAL until `EditionLibrary` and `EditionParser` land in main (issue 3):
/// the library is the editions in a directory sorted by file name, and `load` uses
/// the layout helper's `ProvisionalEditionReader`.
struct EditionShelf {
    /// Edition files, oldest first.
    var paths: [String]
    /// The one to open.
    var index: Int

    /// Resolves the command's argument: nil → library, else bundled; FILE; DIR → newest.
    static func resolve(_ argument: String?) throws -> EditionShelf {
        let fm = FileManager.default
        if let argument {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw ShelfError(description: "no such file or directory: \(argument)")
            }
            if !isDirectory.boolValue { return EditionShelf(paths: [argument], index: 0) }
            let paths = editions(in: argument)
            guard !paths.isEmpty else { throw ShelfError(description: "no editions (*.md) in \(argument)") }
            return EditionShelf(paths: paths, index: paths.count - 1)
        }
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let library = env["BROADSHEET_LIBRARY"], !library.isEmpty { candidates.append(library) }
        let dataHome = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["HOME"].map { $0 + "/.local/share" } ?? "")
        if !dataHome.isEmpty { candidates.append(dataHome + "/broadsheet/editions") }
        candidates.append(bundled)
        for directory in candidates {
            let paths = editions(in: directory)
            if !paths.isEmpty { return EditionShelf(paths: paths, index: paths.count - 1) }
        }
        throw ShelfError(description: "no edition found: give a FILE or DIR, or set BROADSHEET_LIBRARY")
    }

    /// The package's `Editions/` folder, found from this source file.
    static var bundled: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Editions"
    }

    /// The edition files in `directory`, sorted by name (dated names sort by date).
    static func editions(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { directory + "/" + $0 }
    }

    /// Reads and parses one edition file.
    static func load(_ path: String) throws -> Edition {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShelfError(description: "cannot read \(path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        return ProvisionalEditionReader.read(text, name: path)
    }
}

/// A clear message about the edition argument or library.
struct ShelfError: Error, CustomStringConvertible {
    var description: String
}

