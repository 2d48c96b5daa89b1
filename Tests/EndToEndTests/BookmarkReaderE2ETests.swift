import Foundation
import TestSupport
import Testing

/// Bookmarks and the reading position in the real binary: bookmark, quit, reopen at
/// another size, resume, list, jump (bookmarks end to end, through the real reader).
@Suite("Bookmarks in a real terminal (tmux)", .serialized)
struct BookmarkReaderE2ETests {
    /// A fresh state directory.
    static func stateDir() -> String {
        FileManager.default.temporaryDirectory.path + "/bs-e2e-state-\(UUID().uuidString)"
    }

    /// A 100×30 reader on `arguments`, moved to the second screen page of article 2
    /// (the place every test here bookmarks or leaves), once `ready` text is on screen.
    static func onSecondPageOfArticleTwo(_ arguments: [String], ready: String = "株洲日报") throws -> TmuxPane {
        let session = try TmuxPane.reader(width: 100, height: 30, arguments: arguments)
        #expect(session.waitFor(text: ready))
        try session.send("2")
        #expect(session.waitFor { _ in session.statusLine().contains("文 2/") })
        try session.send("Space")
        #expect(session.waitFor { _ in session.statusLine().contains("页 2/") }, "\(session.statusLine())")
        return session
    }

    /// The quote (text at the bookmarked offset) of the first bookmark in `dir`.
    static func savedQuote(in dir: String) -> String? {
        guard let data = FileManager.default.contents(atPath: dir + "/bookmarks.json"),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let bookmarks = root["bookmarks"] as? [[String: Any]],
            let position = bookmarks.first?["position"] as? [String: Any]
        else { return nil }
        return position["quote"] as? String
    }

    /// True when some screen row shows 5 scalars of `quote` in a row (justification
    /// spaces removed): the bookmarked text is on screen, wherever the lines break.
    static func shows(_ quote: String, _ screen: [String]) -> Bool {
        let scalars = Array(quote.unicodeScalars)
        let rows = screen.map {
            $0.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
        }
        guard scalars.count >= 5 else { return rows.contains { $0.contains(quote) } }
        return (0...(scalars.count - 5)).contains { start in
            let piece = String(String.UnicodeScalarView(scalars[start..<(start + 5)]))
            return rows.contains { $0.contains(piece) }
        }
    }

    @Test("a bookmark on an article's second page survives quitting and a smaller terminal: resume, list, jump")
    func bookmarkResumeJump() throws {
        let dir = Self.stateDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = ["--state-dir", dir, TestPaths.sampleEdition]

        let first = try Self.onSecondPageOfArticleTwo(arguments)
        try first.send("m")
        #expect(first.waitFor(text: "Enter saves"))
        try first.type("读完")
        try first.send("Enter")
        #expect(first.waitFor(text: "bookmarked"), "\(first.statusLine())")
        let quote = try #require(Self.savedQuote(in: dir), "no bookmark saved in \(dir)")
        #expect(Self.shows(quote, first.rows()), "the bookmarked text is at the top of the page")
        try first.send("q")
        #expect(first.waitFor(text: "EXIT=0"))

        // Reopened in a terminal resized from 100×30 to 80×24.
        let second = try TmuxPane.reader(width: 80, height: 24, arguments: arguments)
        #expect(second.waitFor(text: "Resumed where you left off"), "\(second.rows().joined(separator: "\n"))")
        #expect(second.statusLine().contains("F: front page") || second.waitFor(text: "F: front page"))
        #expect(
            Self.shows(quote, second.rows()),
            "resumed on the bookmarked text:\n\(second.rows().joined(separator: "\n"))")

        try second.send("F")
        #expect(second.waitFor { _ in second.statusLine().contains("版 1/") && !second.statusLine().contains("文 ") })
        try second.send("'")
        #expect(second.waitFor(text: "书签 Bookmarks · 1"))
        let list = second.rows().joined(separator: "\n")
        #expect(list.contains("读完"))
        #expect(list.contains("2023-03-29"))
        #expect(list.contains("追“高”逐“新”"))
        for line in second.rows() { #expect(TmuxPane.width(line) <= 80) }

        try second.send("Enter")
        #expect(second.waitFor { _ in second.statusLine().contains("文 2/") }, "\(second.statusLine())")
        #expect(
            Self.shows(quote, second.rows()), "jumped to the bookmarked text:\n\(second.rows().joined(separator: "\n"))"
        )
        try second.send("q")
        #expect(second.waitFor(text: "EXIT=0"))
    }

    @Test("--no-state neither reads nor writes: no file, no resume")
    func noState() throws {
        let dir = Self.stateDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = try TmuxPane.reader(
            width: 80, height: 24,
            arguments: ["--no-state", "--state-dir", dir, TestPaths.sampleEdition])
        #expect(session.waitFor(text: "株洲日报"))
        try session.send("2")
        #expect(session.waitFor { _ in session.statusLine().contains("文 2/") })
        try session.send("m")
        try session.send("Enter")
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    @Test(
        "SIGTERM and SIGHUP save the reading position before the 128+n exit, inside the 2 s throttle",
        arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func signalFlushes(signal: Int32, status: Int) throws {
        let dir = Self.stateDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = ["--state-dir", dir, TestPaths.sampleEdition]
        let first = try Self.onSecondPageOfArticleTwo(arguments)
        let pid = try #require(first.readerPID())
        kill(pid, signal)
        #expect(first.waitFor(text: "EXIT=\(status)"), "\(first.rows().joined(separator: "\n"))")

        let second = try TmuxPane.reader(width: 100, height: 30, arguments: arguments)
        #expect(second.waitFor(text: "Resumed where you left off"), "\(second.rows().joined(separator: "\n"))")
        #expect(second.statusLine().contains("文 2/"))
        #expect(second.statusLine().contains("页 2/"))
        try second.send("q")
        #expect(second.waitFor(text: "EXIT=0"))
    }

    @Test("a corrupt bookmarks.json is moved aside, told once in the status line, and reading goes on")
    func corruptFile() throws {
        let dir = Self.stateDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data("{\"version\": 1, \"bookmarks\": [tor".utf8).write(to: URL(fileURLWithPath: dir + "/bookmarks.json"))
        let session = try TmuxPane.reader(
            width: 100, height: 30,
            arguments: ["--state-dir", dir, TestPaths.sampleEdition])
        #expect(session.waitFor(text: "bookmarks.json was unreadable"), "\(session.statusLine())")
        try session.send("2")
        #expect(session.waitFor { _ in session.statusLine().contains("文 2/") })
        #expect(!session.statusLine().contains("unreadable"))
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(names.contains { $0.hasPrefix("bookmarks.json.corrupt-") })
    }

    @Test("the config file's stateDir is where the reader keeps its state")
    func configStateDir() throws {
        let dir = Self.stateDir()
        let config = dir + "-config.json"
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: config)
        }
        try Data("{\"stateDir\": \"\(dir)\"}".utf8).write(to: URL(fileURLWithPath: config))
        let session = try TmuxPane.reader(
            width: 80, height: 24,
            arguments: ["--config", config, TestPaths.sampleEdition])
        #expect(session.waitFor(text: "株洲日报"))
        try session.send("2")
        #expect(session.waitFor { _ in session.statusLine().contains("文 2/") })
        try session.send("m")
        try session.send("Enter")
        #expect(session.waitFor(text: "bookmarked"))
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
        #expect(Self.savedQuote(in: dir) != nil)
    }

    @Test("[ and ] save and resume each edition's position; a bookmark of another edition opens it from the library")
    func acrossEditions() throws {
        let dir = Self.stateDir()
        let library = dir + "-library"
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: library)
        }
        try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: TestPaths.sampleEdition, encoding: .utf8)
        try text.write(toFile: library + "/2023-03-29-zhuzhou-daily.md", atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "2023年3月29日", with: "2023年3月28日")
            .write(toFile: library + "/2023-03-28-zhuzhou-daily.md", atomically: true, encoding: .utf8)
        let session = try Self.onSecondPageOfArticleTwo(["--state-dir", dir, library], ready: "2023-03-29")
        try session.send("m")
        try session.send("Enter")
        #expect(session.waitFor(text: "bookmarked"))
        let quote = try #require(Self.savedQuote(in: dir))
        try session.send("[")
        #expect(session.waitFor { _ in session.statusLine().contains("2023-03-28") }, "\(session.statusLine())")
        #expect(!session.statusLine().contains("文 "), "an edition never read opens on its front page")
        try session.send("]")
        #expect(session.waitFor(text: "Resumed where you left off"), "\(session.statusLine())")
        #expect(Self.shows(quote, session.rows()))
        try session.send("[")
        #expect(session.waitFor { _ in session.statusLine().contains("2023-03-28") })
        try session.send("B")
        #expect(session.waitFor(text: "书签 Bookmarks · 1"))
        try session.send("Enter")
        #expect(
            session.waitFor { _ in session.statusLine().contains("2023-03-29") && session.statusLine().contains("文 2/")
            },
            "\(session.statusLine())")
        #expect(Self.shows(quote, session.rows()))
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
    }

    @Test("the config file's noState keeps bookmarks for the session only and writes nothing")
    func configNoState() throws {
        let dir = Self.stateDir()
        let config = dir + "-config.json"
        defer { try? FileManager.default.removeItem(atPath: config) }
        try Data("{\"noState\": true, \"stateDir\": \"\(dir)\"}".utf8).write(to: URL(fileURLWithPath: config))
        let session = try TmuxPane.reader(
            width: 100, height: 30,
            arguments: ["--config", config, TestPaths.sampleEdition])
        #expect(session.waitFor(text: "株洲日报"))
        try session.send("2")
        #expect(session.waitFor { _ in session.statusLine().contains("文 2/") })
        try session.send("m")
        try session.send("Enter")
        #expect(session.waitFor(text: "this session only"), "\(session.statusLine())")
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
        #expect(!FileManager.default.fileExists(atPath: dir))
    }
}
