import Foundation
import TestSupport
import Testing

/// The real binary against a full disk, hostile bookmarks, stray signals, crashes and a
/// terminal that cannot place the cursor.
@Suite("Output errors, stray signals, crashes and dumb terminals", .serialized)
struct HardeningE2ETests {
    static let sample = TestPaths.sampleEdition

    /// Runs `broadsheet arguments` with stdout on `/dev/full`; the status and stderr.
    static func runIntoFullDisk(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxPane.binary)
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// A state directory holding one bookmark of the sample.
    static func stateWithBookmark() throws -> String {
        let dir = NSTemporaryDirectory() + "bs-hardening-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let (status, _, err) = try OutlineModeTests.run([
            "bookmarks", "add", "--state-dir", dir, "--edition", sample,
            "--article", "1", "--note", "稍后",
        ])
        #expect(status == 0, "\(err)")
        return dir
    }

    @Test(
        "a write error on stdout is one message and exit 74 (EX_IOERR)",
        arguments: [
            ["--dump"], ["--dump", "--all-articles", "--page", "all"], ["--outline"], ["--outline", "--json"],
            ["bookmarks", "list"], ["bookmarks", "list", "--json"], ["bookmarks", "export", "-"],
            ["bookmarks", "export", "/dev/full"],
        ])
    func fullDisk(arguments: [String]) throws {
        var arguments = arguments
        if arguments[0] == "bookmarks" {
            let dir = try Self.stateWithBookmark()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            arguments += ["--state-dir", dir]
            let (status, err) = try Self.runIntoFullDisk(arguments)
            #expect(status == 74, "\(arguments): \(err)")
            #expect(err.contains("No space left on device"), "\(arguments): \(err)")
            // The state is untouched, and /dev/full is still a device, not a file put in its place.
            #expect(try OutlineModeTests.run(["bookmarks", "list", "--state-dir", dir]).1.contains("「稍后」"))
            var info = stat()
            #expect(stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
            return
        }
        let (status, err) = try Self.runIntoFullDisk(arguments + [Self.sample])
        #expect(status == 74, "\(arguments): \(err)")
        #expect(err.hasPrefix("broadsheet: cannot write to standard output: No space left on device"), "\(err)")
    }

    @Test("bookmarks list prints no ESC, OSC, CSI, C1 or bidi override from an imported file")
    func hostileImportListedSafely() throws {
        let dir = NSTemporaryDirectory() + "bs-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}"
        func escaped(_ text: String) -> String {
            text.unicodeScalars.map {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E
                    ? String(format: "\\u%04X", $0.value) : String($0)
            }.joined()
        }
        let file = """
            {"version": 1, "bookmarks": [{"id": "1\(escaped(hostile))", "headline": "标题\(escaped(hostile))",
              "note": "笔记\(escaped(hostile))", "created": "2023-03-29T08:00:00.000Z", "updated": "2023-03-29T08:00:00.000Z",
              "position": {"edition": {"title": "株洲\(escaped(hostile))日报", "date": "2023-03-29", "contentHash": "x"},
                           "article": "a", "offset": 0, "quote": "", "quoteOffset": 0}}]}
            """
        try file.write(toFile: dir + "/in.json", atomically: true, encoding: .utf8)
        let imported = try OutlineModeTests.run(["bookmarks", "import", dir + "/in.json", "--state-dir", dir])
        #expect(imported.0 == 0, "\(imported.2)")
        for arguments in [["bookmarks", "list"], ["bookmarks", "list", "--json"]] {
            let (status, out, _) = try OutlineModeTests.run(arguments + ["--state-dir", dir])
            #expect(status == 0)
            #expect(out.contains("标题") && out.contains("笔记"))
            let controls = out.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E
            }
            #expect(controls.isEmpty, "\(arguments): \(controls.map { String($0.value, radix: 16) })")
        }
    }

    @Test(
        "SIGPIPE, SIGUSR1, SIGUSR2 and SIGALRM end the reader with 128+n, the terminal restored and the place saved",
        arguments: [SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM])
    func straySignals(signal: Int32) throws {
        let session = try TmuxPane.reader(width: 100, height: 30)
        #expect(session.waitFor(text: "版 1/"))
        let pid = try #require(session.readerPID())
        try session.send("Space")
        usleep(300_000)
        kill(pid, signal)
        #expect(session.waitFor(text: "STTY-DONE"))
        let screen = session.rows().joined(separator: "\n")
        #expect(screen.contains("EXIT=\(128 + signal)"), "\(screen)")
        #expect(screen.contains("STTY: icanon echo"), "terminal modes not restored:\n\(screen)")
        let state =
            (try? String(contentsOfFile: session.stateHome + "/broadsheet/bookmarks.json", encoding: .utf8)) ?? ""
        #expect(state.contains("\"positions\""), "no reading position saved")
    }

    @Test(
        "a crash restores the terminal; in a kiosk no backtracer prompt reaches the visitor",
        arguments: [(true, SIGSEGV), (true, SIGILL), (true, SIGABRT), (false, SIGSEGV)])
    func crash(kiosk: Bool, signal: Int32) throws {
        let session = try TmuxPane.reader(
            width: 100, height: 30, arguments: kiosk ? ["--kiosk"] : [Self.sample],
            environment: kiosk ? ["BROADSHEET_LIBRARY": TestPaths.root + "/Editions"] : [:])
        #expect(session.waitFor(text: "版 1/"))
        let pid = try #require(session.readerPID())
        kill(pid, signal)
        if !kiosk {
            // Outside a kiosk the backtracer still runs, on a restored terminal: this is
            // what the kiosk must not show. Any key ends it.
            #expect(session.waitFor(text: "Press space", timeout: 20), "\(session.rows().joined(separator: "\n"))")
            try session.send("q")
        }
        #expect(session.waitFor(timeout: 20, { $0.contains { $0.contains("STTY-DONE") } }))
        let screen = session.rows().joined(separator: "\n")
        #expect(screen.contains("STTY: icanon echo"), "terminal modes not restored:\n\(screen)")
        #expect(screen.contains("EXIT=\(128 + signal)"), "\(screen)")
        if kiosk {
            for words in ["Press space", "to debug", "Crashed", "Backtrace", "💣"] {
                #expect(!screen.contains(words), "the backtracer reached the visitor:\n\(screen)")
            }
        }
    }

    @Test("TERM=dumb prints the front page as text, line by line, and says why")
    func dumbTerminal() throws {
        let session = try TmuxPane.reader(width: 100, height: 40, term: "dumb")
        #expect(session.waitFor(text: "EXIT="))
        // The dump fills the pane: the message before it is in the scrollback.
        let screen = (try session.capture(history: 200)).split(separator: "\n").map(String.init)
        #expect(screen.contains { $0.contains("EXIT=0") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("株　洲　日　报") })
        #expect(screen.contains { $0.contains("cannot place the cursor") })
        // Lines, not one run-together stream: the masthead rule is a row of its own.
        #expect(screen.contains { $0.hasPrefix("═══") })
    }
}
