import Foundation
import ReaderCore

/// Which editions the reader can move between (`[` `]`) and which one opens first.
/// PROVISIONAL until `EditionLibrary` and `EditionParser` land in main (issue 3):
/// the library is the editions in a directory sorted by file name, and `load` uses
/// a minimal markdown reader.
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
        return ProvisionalMarkdown.read(text, name: path)
    }
}

/// A clear message about the edition argument or library.
struct ShelfError: Error, CustomStringConvertible {
    var description: String
}

/// PROVISIONAL minimal markdown reader (headings → articles, `###` → subheads,
/// a short line before a heading → its kicker). Replaced by `EditionParser`.
enum ProvisionalMarkdown {
    /// Reads markdown text into an edition.
    static func read(_ text: String, name: String) -> Edition {
        var title = ""
        var mastheadLines: [String] = []
        var articles: [Article] = []
        var pending: [String] = []
        var inMasthead = true
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if inMasthead, !title.isEmpty, !mastheadLines.isEmpty { inMasthead = false }
                continue
            }
            if title.isEmpty, line.hasPrefix("# ") { title = String(line.dropFirst(2)); continue }
            if inMasthead { mastheadLines.append(line); continue }
            if line.hasPrefix("### ") {
                flush(&pending, into: &articles)
                if !articles.isEmpty {
                    articles[articles.count - 1].blocks.append(Block(kind: .subhead, text: String(line.dropFirst(4))))
                }
            } else if line.hasPrefix("#") {
                var kicker: String?
                if let last = pending.last, last.count <= 30 { kicker = last; pending.removeLast() }
                flush(&pending, into: &articles)
                let headline = String(line.drop { $0 == "#" }.drop { $0 == " " })
                articles.append(Article(id: "a\(articles.count + 1)", page: 1, kicker: kicker, headline: headline))
            } else if line.hasPrefix("——"), let last = articles.indices.last, articles[last].blocks.isEmpty, pending.isEmpty {
                articles[last].deck = line
            } else {
                pending.append(line)
            }
        }
        flush(&pending, into: &articles)
        return Edition(masthead: Masthead(title: title.isEmpty ? name : title, date: date(in: mastheadLines), lines: mastheadLines),
                       pages: [EditionPage(number: 1)], articles: articles, repairs: [],
                       source: EditionSource(name: name, contentHash: ""))
    }

    /// The first yyyy年m月d日 in the masthead lines.
    private static func date(in lines: [String]) -> EditionDate? {
        for line in lines {
            let parts = line.split(whereSeparator: { "年月日".contains($0) })
            if parts.count >= 3, let y = Int(parts[0].suffix(4)), let m = Int(parts[1]), let d = Int(parts[2]) {
                return EditionDate(year: y, month: m, day: d)
            }
        }
        return nil
    }

    /// Moves pending paragraphs into the last article.
    private static func flush(_ pending: inout [String], into articles: inout [Article]) {
        guard let last = articles.indices.last else { pending = []; return }
        for text in pending { articles[last].blocks.append(Block(kind: .paragraph, text: text)) }
        pending = []
    }
}
