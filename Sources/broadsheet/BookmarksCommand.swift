import ArgumentParser
import FoundationEssentials
import Glibc
import ReaderCore

/// `broadsheet bookmarks list|export|import|add|delete`: bookmarks from the shell.
struct BookmarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmarks",
        abstract: "List, export, import, add or delete bookmarks.",
        discussion: """
            Bookmarks and reading positions live in bookmarks.json in \
            $XDG_STATE_HOME/broadsheet (default ~/.local/state/broadsheet); \
            --state-dir DIR uses another directory.
            """,
        subcommands: [List.self, Export.self, Import.self, Add.self, Delete.self],
        defaultSubcommand: List.self
    )

    /// The state directory option every subcommand takes.
    struct StateOptions: ParsableArguments {
        @Option(help: "Directory for bookmarks.json (default $XDG_STATE_HOME/broadsheet).")
        var stateDir: String?

        /// The store at the chosen location (`--state-dir`, else config.json's
        /// `stateDir`, else the XDG default), loaded, with its notices printed to stderr.
        func openStore() -> BookmarkStore {
            let environment = ProcessInfo.processInfo.environment
            let config = Config.loadStandard(explicitPath: nil, environment: environment)
            for warning in config.warnings {
                StandardError.write("broadsheet: \(warning)\n")
            }
            let location = StateLocation.resolve(
                stateDir: stateDir ?? config.config.stateDir, noState: false,
                environment: environment)
            let store = BookmarkStore(location: location)
            store.lockTimeout = 10 // a batch tool can wait longer than the reader
            store.load()
            reportNotices(store)
            return store
        }
    }

    /// `bookmarks list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List bookmarks, newest first.")

        @OptionGroup var state: StateOptions

        @Flag(help: "Print the bookmarks as a JSON array.")
        var json = false

        /// Runs the subcommand. Every field is printed through `ContentSanitizer.line`:
        /// headlines and notes may come from imported files.
        func run() throws {
            let store = state.openStore()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let text = String(decoding: try encoder.encode(store.bookmarks), as: UTF8.self)
                try StandardOutput.print(ContentSanitizer().sanitize(text).text + "\n")
                return
            }
            if store.bookmarks.isEmpty {
                try StandardOutput.print("No bookmarks" + (store.filePath.map { " in \($0)" } ?? "") + ".\n")
                return
            }
            let now = Timestamp.now()
            let width = DisplayWidth()
            let clean = ContentSanitizer()
            let marks = store.bookmarks.map { mark in
                (
                    mark: mark, paper: clean.line(mark.paper), headline: clean.line(mark.headline),
                    note: mark.note.map(clean.line)
                )
            }
            let paperCells = marks.map { width.of($0.paper) }.max() ?? 0
            let headlineCells = min(40, marks.map { width.of($0.headline) }.max() ?? 0)
            /// `text` padded with spaces to `cells` terminal cells (CJK counts two).
            func padded(_ text: String, _ cells: Int) -> String {
                text + String(repeating: " ", count: max(0, cells - width.of(text)))
            }
            var output = StandardOutput()
            for (mark, paper, headline, note) in marks {
                var line = mark.id.prefix(8) + "  " + (mark.date.isEmpty ? "----------" : mark.date)
                line += "  " + padded(paper, paperCells) + "  " + padded(headline, headlineCells)
                line += "  " + padded(mark.created.age(at: now), 8)
                if let note { line += "  「\(note)」" }
                let trimmed = line.reversed().drop { $0 == " " }.reversed().map(String.init).joined()
                output.append(clean.line(trimmed) + "\n")
                output.flush(ifOver: 1 << 16)
            }
            try output.finish()
        }
    }

    /// `bookmarks export FILE`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write bookmarks and reading positions to FILE ('-' for stdout).")

        @OptionGroup var state: StateOptions

        @Argument(help: "The file to write.")
        var file: String

        /// Runs the subcommand.
        func run() throws {
            let store = state.openStore()
            var document = store.document
            document.deleted = [] // deletions are this machine's history, not bookmarks
            let bytes = try document.encoded()
            if file == "-" || POSIXStateFileSystem().kind(of: file) == .other {
                // stdout, or a device or pipe named as the file: written into, never
                // replaced (a rename over /dev/full would swap the device for a file).
                try write(bytes, into: file)
                return
            }
            do {
                try POSIXStateFileSystem().writeAtomically(bytes, to: file)
            } catch {
                throw ValidationError("\(error)")
            }
            try StandardOutput.print(
                "exported \(document.bookmarks.count) bookmarks and \(document.positions.count) reading positions to \(file)\n"
            )
        }

        /// Writes `bytes` to stdout ("-") or into the existing non-regular file `path`;
        /// a failure is one line on stderr and exit 74.
        private func write(_ bytes: [UInt8], into path: String) throws {
            let fd = path == "-" ? STDOUT_FILENO : open(path, O_WRONLY | O_CLOEXEC)
            let failure = fd < 0 ? errno : StandardOutput.write(bytes, to: fd)
            if fd > STDERR_FILENO { close(fd) }
            guard let failure else { return }
            let name = path == "-" ? "standard output" : path
            StandardError.write("broadsheet: cannot write to \(name): \(String(cString: strerror(failure)))\n")
            throw ExitCode(StandardOutput.ioErrorStatus)
        }
    }

    /// `bookmarks import FILE`: merges, never replaces.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge bookmarks and reading positions from FILE (made by export).")

        @OptionGroup var state: StateOptions

        @Argument(help: "The file to read.")
        var file: String

        /// Runs the subcommand.
        func run() throws {
            let bytes: [UInt8]
            do {
                bytes = try POSIXStateFileSystem().read(file)
            } catch {
                throw ValidationError("\(error)")
            }
            let incoming: StateDocument
            switch StateDocument.decode(bytes) {
            case .document(let document): incoming = document
            case .empty: incoming = StateDocument()
            case .newerVersion(let version, _):
                throw ValidationError("\(file) is from a newer broadsheet (schema \(version)); nothing imported")
            case .corrupt(let reason):
                throw ValidationError("\(file) is not a bookmarks file: \(reason); nothing imported")
            }
            let store = state.openStore()
            let added = store.merge(incoming)
            reportNotices(store)
            guard store.lastSave == .saved else { throw ExitCode(1) }
            try StandardOutput.print(
                "imported \(added) new bookmarks (\(incoming.bookmarks.count - added) already here)\n")
        }
    }

    /// `bookmarks add`: for scripts and tests; prints `saved ID` after each save returns.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a bookmark (for scripts): from an edition file, or by paper, date and article id.",
            discussion: """
                With --edition FILE, the paper, date, hash, quote and headline come from the \
                file, and --article is an article id or its number (1-based, as --outline lists).
                """)

        @OptionGroup var state: StateOptions

        @Option(help: "An edition file to take the paper, date, hash, quote and headline from.")
        var edition: String?

        @Option(help: "The paper's title, e.g. 株洲日报 (without --edition).")
        var paper: String?

        @Option(help: "The edition's date, yyyy-mm-dd (without --edition).")
        var date: String = ""

        @Option(help: "The edition file's content hash (without --edition).")
        var hash: String = ""

        @Option(help: "The article's id (or, with --edition, its 1-based number).")
        var article: String

        @Option(help: "Scalar offset in the article's body.")
        var offset: Int = 0

        @Option(help: "A few words of text at the offset, to find it again if the file changes (without --edition).")
        var quote: String = ""

        @Option(help: "The headline to show in lists (default: the article's, or its id).")
        var headline: String?

        @Option(help: "A note.")
        var note: String?

        @Option(help: "Add this many bookmarks, one save each.")
        var count: Int = 1

        /// Checks that the bookmark is described one way or the other.
        func validate() throws {
            if edition == nil && paper == nil { throw ValidationError("give --edition FILE or --paper NAME") }
            if offset < 0 { throw ValidationError("--offset must not be negative") }
        }

        /// The anchor and headline the options describe.
        func anchor() throws -> (TextAnchor, String) {
            guard let edition else {
                let id = EditionID(title: paper ?? "", date: date, contentHash: hash)
                return (TextAnchor(edition: id, article: article, offset: offset, quote: quote), headline ?? article)
            }
            let parsed: Edition
            do {
                parsed = try EditionLoader().edition(atPath: edition)
            } catch {
                throw ValidationError("\(error)")
            }
            let index =
                parsed.articles.firstIndex { $0.id == article }
                ?? Int(article).flatMap { parsed.articles.indices.contains($0 - 1) ? $0 - 1 : nil }
            guard let index else {
                throw ValidationError(
                    "\(edition) has no article \(article) (it has \(parsed.articles.count); see --outline)")
            }
            return (
                TextAnchor(in: parsed, articleIndex: index, offset: offset),
                headline ?? parsed.articles[index].headline
            )
        }

        /// Runs the subcommand.
        func run() throws {
            let (position, title) = try anchor()
            let store = state.openStore()
            for _ in 0..<max(1, count) {
                let mark = store.addBookmark(at: position, headline: title, note: note)
                reportNotices(store)
                guard store.lastSave == .saved else { throw ExitCode(1) }
                // Written at once: the kill test reads these lines as proof of a returned save.
                try StandardOutput.print("saved \(mark.id)\n")
            }
        }
    }

    /// `bookmarks delete ID`.
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a bookmark by id or id prefix.")

        @OptionGroup var state: StateOptions

        @Argument(help: "The bookmark's id, or a unique prefix of it (as `list` shows).")
        var id: String

        /// Runs the subcommand.
        func run() throws {
            let store = state.openStore()
            let matches = store.bookmarks.filter { $0.id.hasPrefix(id) }
            guard matches.count == 1 else {
                throw ValidationError(
                    matches.isEmpty ? "no bookmark \(id)" : "\(id) matches \(matches.count) bookmarks")
            }
            store.deleteBookmark(id: matches[0].id)
            reportNotices(store)
            guard store.lastSave == .saved else { throw ExitCode(1) }
            try StandardOutput.print("deleted \(matches[0].id)\n")
        }
    }
}

/// Prints the store's notices to stderr.
private func reportNotices(_ store: BookmarkStore) {
    for notice in store.takeNotices() {
        StandardError.write("broadsheet: \(notice)\n")
    }
}
