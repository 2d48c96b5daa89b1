import ArgumentParser
import ReaderCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `--dump`: prints screen pages of the layout as text (plain, or ANSI with `--color`).
///
/// `--front` (default) dumps the front pages of every 版 as one run of screens,
/// `--article K` the screens of article K (1-based), `--all-articles` every
/// article in order. `--page P` picks the P-th screen (1-based) of that run,
/// `--page all` all of them; the default is 1, and all for `--all-articles`.
struct DumpMode {
    let command: ReadOptions
    /// Parses the edition (carries the config's `paperName`).
    var parser = EditionParser()

    /// Loads the edition, lays out what is asked and prints it.
    func run() throws {
        let width = command.width ?? 100
        let height = command.height ?? 30
        guard width >= 1, height >= 1 else {
            throw ValidationError("--width and --height must be at least 1 (got \(width)×\(height))")
        }
        let views = [command.front, command.article != nil, command.allArticles].filter { $0 }.count
        guard views <= 1 else {
            throw ValidationError("--front, --article and --all-articles exclude one another")
        }
        if let columns = command.columns, columns < 1 {
            throw ValidationError("--columns must be at least 1 (got \(columns))")
        }
        var edition: Edition
        do {
            edition = try EditionInput.edition(
                command.edition, environment: ProcessInfo.processInfo.environment,
                parser: parser)
        } catch {
            // One line on stderr and exit 1 (65 for input of another kind), as --outline does.
            StandardOutput.write(Array("broadsheet: \(error)\n".utf8), to: 2)
            throw ExitCode(EditionInput.exitStatus(error))
        }
        let ambiguous = command.ambiguous ?? .narrow
        var options = LayoutOptions(columns: command.columns, ambiguous: ambiguous, vertical: command.vertical)
        if let script = command.script, script != .original {
            (edition, options.words) = try converted(edition, to: script)
        }
        let layout = EditionLayout(edition: edition, width: width, height: height, options: options)
        // Pages are formatted and written one by one, so a whole-edition dump never
        // holds its text in memory; output is flushed in chunks of about 64 KiB.
        var output = StandardOutput()
        let plain = PlainTextFormatter(ambiguous: ambiguous)
        let ansi = ANSIFormatter(ambiguous: ambiguous)
        var first = true
        try select(from: layout, edition: edition) { page in
            if !first { output.bytes.append(contentsOf: PlainTextFormatter.pageSeparator) }
            first = false
            if command.color {
                output.bytes.append(contentsOf: ansi.format(page).utf8)
            } else {
                plain.write(page, to: &output.bytes)
            }
            output.flush(ifOver: 1 << 16)
        }
        output.bytes.append(UInt8(ascii: "\n"))
        try output.finish()
        // The process is done: freeing the edition and every cached article's screens
        // piece by piece would cost ~2 % of a whole-edition dump, and exit frees it all.
        withExtendedLifetime((edition, layout)) { exit(0) }
    }

    /// `edition` with what the dump shows in `script` (the articles of the first 版 for
    /// the default first front screen, one article for `--article`, else all of them).
    /// A script that cannot be shown is an error: a dump is a contract and does not
    /// silently fall back to the original (only the layout's own few words may).
    private func converted(_ edition: Edition, to script: DisplayScript) throws -> (Edition, LayoutWords) {
        let shelf = ScriptShelf()
        do {
            guard let config = try shelf.configuration(for: script, of: edition) else {
                return (edition, LayoutWords())
            }
            let indices: [Int]
            if let number = command.article {
                indices = edition.articles.indices.contains(number - 1) ? [number - 1] : []
            } else if !command.allArticles, (command.page ?? "1") == "1" {
                indices = edition.articles.map(\.page).min().map { edition.articleIndices(onPage: $0) } ?? []
            } else {
                indices = Array(edition.articles.indices)
            }
            let words = LayoutWords().converted { shelf.convertOrKeep($0, config: config) }
            return (try shelf.edition(edition, config: config, converting: indices), words)
        } catch {
            StandardOutput.write(Array("broadsheet: \(error)\n".utf8), to: 2)
            throw ExitCode(1)
        }
    }

    /// The screens asked for: the run of screens of `--front`, `--article` or
    /// `--all-articles`, of which `--page` picks one or all, handed to `emit` in order.
    /// Only what is printed is laid out.
    private func select(from layout: EditionLayout, edition: Edition, emit: (ScreenPage) -> Void) throws {
        let spec = command.page ?? (command.allArticles ? "all" : "1")
        var wanted: Int?
        if spec.lowercased() != "all" {
            guard let number = Int(spec), number >= 1 else {
                throw ValidationError("--page must be a screen number from 1 or 'all' (got '\(spec)')")
            }
            wanted = number
        }
        var taken = 0
        var seen = 0
        /// Takes a screen if it is the one wanted; true when done.
        func take(_ make: () -> ScreenPage) -> Bool {
            seen += 1
            if let wanted {
                if seen == wanted { emit(make()); taken += 1; return true }
                return false
            }
            emit(make()); taken += 1
            return false
        }
        var articles: [Int] = []
        if command.allArticles {
            articles = Array(edition.articles.indices)
        } else if let number = command.article {
            guard number >= 1, number <= edition.articles.count else {
                throw ValidationError(
                    "--article \(number): the edition has \(edition.articles.count) articles (1…\(edition.articles.count))"
                )
            }
            articles = [number - 1]
        }
        if command.allArticles || command.article != nil {
            walk: for article in articles {
                for screen in 0..<layout.articleScreenCount(article: article) {
                    if take({ layout.articlePage(article: article, screen: screen) }) { break walk }
                }
            }
        } else {
            walk: for page in layout.pageNumbers {
                var screen = 0
                while layout.hasFrontPage(page: page, screen: screen) {
                    let current = screen
                    if take({ layout.frontPage(page: page, screen: current) }) { break walk }
                    screen += 1
                }
            }
        }
        if let wanted, taken == 0 {
            throw ValidationError("--page \(wanted): there are \(seen) screen pages")
        }
    }
}
