import ArgumentParser
import Foundation
import ReaderCore

/// `--dump`: prints screen pages of the layout as text (plain, or ANSI with `--color`).
///
/// `--front` (default) dumps the front pages of every 版 as one run of screens,
/// `--article K` the screens of article K (1-based), `--all-articles` every
/// article in order. `--page P` picks the P-th screen (1-based) of that run,
/// `--page all` all of them; the default is 1, and all for `--all-articles`.
struct DumpMode {
    let command: ReadCommand

    func run() throws {
        let width = command.width ?? 100
        let height = command.height ?? 30
        guard width >= 1, height >= 1 else {
            throw ValidationError("--width and --height must be at least 1 (got \(width)×\(height))")
        }
        if let columns = command.columns, columns < 1 {
            throw ValidationError("--columns must be at least 1 (got \(columns))")
        }
        let edition = try EditionLoader.load(command.edition)
        let ambiguous = command.ambiguous ?? .narrow
        let layout = EditionLayout(edition: edition, width: width, height: height,
                                   options: LayoutOptions(columns: command.columns, ambiguous: ambiguous))
        let pages = try select(screens(of: layout, edition: edition))
        let text = command.color
            ? ANSIFormatter(ambiguous: ambiguous).format(pages)
            : PlainTextFormatter(ambiguous: ambiguous).format(pages)
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// The run of screens asked for, before `--page` picks from it.
    private func screens(of layout: EditionLayout, edition: Edition) throws -> [ScreenPage] {
        if command.allArticles {
            return edition.articles.indices.flatMap { article in
                (0..<layout.articleScreenCount(article: article)).map { layout.articlePage(article: article, screen: $0) }
            }
        }
        if let number = command.article {
            guard number >= 1, number <= edition.articles.count else {
                throw ValidationError("--article \(number): the edition has \(edition.articles.count) articles (1…\(edition.articles.count))")
            }
            let article = number - 1
            return (0..<layout.articleScreenCount(article: article)).map { layout.articlePage(article: article, screen: $0) }
        }
        return layout.pageNumbers.flatMap { page in
            (0..<layout.frontPageScreenCount(page: page)).map { layout.frontPage(page: page, screen: $0) }
        }
    }

    /// The screens `--page` asks for.
    private func select(_ screens: [ScreenPage]) throws -> [ScreenPage] {
        let spec = command.page ?? (command.allArticles ? "all" : "1")
        if spec.lowercased() == "all" { return screens }
        guard let number = Int(spec), number >= 1 else {
            throw ValidationError("--page must be a screen number from 1 or 'all' (got '\(spec)')")
        }
        guard number <= screens.count else {
            throw ValidationError("--page \(number): there are \(screens.count) screen pages")
        }
        return [screens[number - 1]]
    }
}

/// Finds and reads the edition to dump.
/// PROVISIONAL: swap `ProvisionalEditionReader` for `EditionParser` and the
/// directory scan for `EditionLibrary` once the edition helper's work is in main.
enum EditionLoader {
    /// The edition at `path` (a file, or a directory whose newest `.md` is taken); nil: the bundled one.
    static func load(_ path: String?) throws -> Edition {
        let file = try resolve(path)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read edition file \(file)")
        }
        let text = String(decoding: data, as: UTF8.self)
        return ProvisionalEditionReader.read(text, name: file)
    }

    /// The file to read for `path`.
    private static func resolve(_ path: String?) throws -> String {
        let target = path ?? bundledDirectory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
            throw ValidationError("no such edition file or directory: \(target)")
        }
        guard isDirectory.boolValue else { return target }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        // Edition files are named by date (yyyy-mm-dd-…), so the newest sorts last.
        guard let newest = names.filter({ $0.hasSuffix(".md") }).sorted().last else {
            throw ValidationError("no edition (.md) in directory \(target)")
        }
        return target + "/" + newest
    }

    /// `Editions/` of the source tree this binary was built from.
    private static var bundledDirectory: String {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Editions").path
    }
}
