import Foundation
import TestSupport
import Testing

/// The real binary in tmux. Serialized: each test runs its own tmux server, and the
/// machine is small.
@Suite("The reader in a real terminal (tmux)", .serialized)
struct ReaderEndToEndTests {
    /// Starts the reader and waits for the masthead.
    func open(
        _ width: Int = 100, _ height: Int = 30, term: String = "xterm-256color",
        arguments: [String] = [TestPaths.sampleEdition]
    ) throws -> TmuxPane {
        let session = try TmuxPane.reader(width: width, height: height, arguments: arguments, term: term)
        #expect(session.waitFor(text: "株洲日报"), "no masthead:\n\(session.rows().joined(separator: "\n"))")
        return session
    }

    /// The "n/N" pair after `label` in the status line ("页 2/5" → (2, 5)).
    func counter(_ label: String, in status: String) -> (Int, Int)? {
        guard let range = status.range(of: label + " ") else { return nil }
        let rest = status[range.upperBound...].prefix { $0.isNumber || $0 == "/" }
        let parts = rest.split(separator: "/").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    @Test(
        "opening the sample shows the masthead, blocks and the status bar",
        arguments: [(80, 24, "xterm-256color"), (200, 60, "xterm-256color"), (40, 12, "vt100"), (80, 24, "linux")])
    func opening(width: Int, height: Int, term: String) throws {
        let session = try open(width, height, term: term)
        #expect(session.statusLine().contains("版 1/"))
        for line in session.rows() { #expect(TmuxPane.width(line) <= width) }
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
    }

    @Test("an article can be read to its last screen page")
    func readToEnd() throws {
        let session = try open(80, 24)
        try session.send("2")
        #expect(session.waitFor { $0.last { !$0.isEmpty }?.contains("文 2/") ?? false })
        guard let (_, total) = counter("页", in: session.statusLine()) else {
            Issue.record("no screen counter in \(session.statusLine())")
            return
        }
        #expect(total > 1)
        for page in 2...max(2, total) {
            try session.send("Space")
            #expect(session.waitFor { _ in counter("页", in: session.statusLine()).map { $0.0 } == page })
        }
        try session.send("Space")
        #expect(session.waitFor(text: "end of article"))
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
    }

    @Test("a click on a block opens its article; the wheel turns its screen pages")
    func mouse() throws {
        let session = try open(100, 30)
        #expect(session.waitFor { $0.contains { $0.hasPrefix("2 ") } }, "block 2 on the front page")
        let row = try #require(session.rows().firstIndex { $0.hasPrefix("2 ") })
        try session.click(row: row, column: 4)
        #expect(
            session.waitFor { _ in counter("文", in: session.statusLine())?.0 == 2 },
            "block 2 opened; status: \(session.statusLine())")
        try session.mouse(button: 65, row: 10, column: 10)
        #expect(
            session.waitFor { _ in counter("页", in: session.statusLine())?.0 == 2 },
            "wheel down: next screen; status: \(session.statusLine())")
        try session.mouse(button: 64, row: 10, column: 10)
        #expect(
            session.waitFor { _ in counter("页", in: session.statusLine())?.0 == 1 },
            "wheel up: previous screen; status: \(session.statusLine())")
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
    }

    @Test("n and p move to the next and previous article")
    func nextPrevious() throws {
        let session = try open()
        try session.send("Enter")
        #expect(session.waitFor { _ in counter("文", in: session.statusLine())?.0 == 1 })
        try session.send("n")
        #expect(session.waitFor { _ in counter("文", in: session.statusLine())?.0 == 2 })
        try session.send("Tab")
        #expect(session.waitFor { _ in counter("文", in: session.statusLine())?.0 == 3 })
        try session.send("p")
        #expect(session.waitFor { _ in counter("文", in: session.statusLine())?.0 == 2 })
        try session.send("Escape")
        #expect(session.waitFor { _ in !session.statusLine().contains("文 ") })
    }

    @Test("the table of contents lists the articles and opens one")
    func contents() throws {
        let session = try open(100, 30)
        try session.send("t")
        #expect(session.waitFor(text: "目录"))
        let screen = session.rows().joined(separator: "\n")
        for headline in ["以坚决态度全力抓好生态环境问题整改", "中车株洲所第三届科技节开幕", "种下香椿树 走上致富路"] {
            #expect(screen.contains(headline))
        }
        try session.send("j", "j", "Enter")
        #expect(session.waitFor { _ in counter("文", in: session.statusLine())?.0 == 3 })
    }

    @Test("a CJK search finds 株洲 and highlights it")
    func search() throws {
        let session = try open(100, 30)
        try session.send("/")
        try session.type("株洲")
        #expect(session.waitFor(text: "/株洲"))
        try session.send("Enter")
        #expect(session.waitFor { _ in session.statusLine().contains("株洲: 1/") })
        // The match is drawn reversed: an SGR with 7 right before 株洲.
        let styled = try session.capture(styled: true)
        let highlighted = styled.range(of: #"\x{1B}\[[0-9;]*7m株洲"#, options: .regularExpression) != nil
        #expect(highlighted, "no reversed 株洲 in:\n\(styled)")
        try session.send("n")
        #expect(session.waitFor { _ in session.statusLine().contains("株洲: 2/") })
    }

    @Test("T cycles themes and comes back to the first")
    func themes() throws {
        let session = try open()
        let before = try session.capture(styled: true)
        try session.send("T")
        #expect(session.waitFor(text: "theme: "))
        #expect(try session.capture(styled: true) != before, "the colours did not change")
        try session.send("T")
        #expect(session.waitFor(text: "theme: "))
        let first = session.statusLine()
        var seen: [String] = []
        for _ in 0..<12 {
            try session.send("T")
            usleep(100_000)
            #expect(session.waitFor(text: "theme: "))
            let status = session.statusLine()
            if status == first { break }
            seen.append(status)
        }
        #expect(session.statusLine() == first, "never cycled back: \(seen)")
    }

    @Test("NO_COLOR gives attributes only, no colour sequences")
    func noColor() throws {
        let session = try TmuxPane.reader(width: 80, height: 24, environment: ["NO_COLOR": "1"])
        #expect(session.waitFor(text: "版 1/"))
        let styled = try session.capture(styled: true)
        // Any foreground/background colour parameter (30–37, 40–47, 90–97, 100–107, 38;…, 48;…).
        let colour = #"\x{1B}\[([0-9]*;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]"#
        #expect(styled.range(of: colour, options: .regularExpression) == nil, "colours under NO_COLOR:\n\(styled)")
        #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m"), "the status bar is not reversed")
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
    }

    @Test("resizing 120×40 → 60×20 → 200×50 keeps the same text in view, no line overflowing")
    func resize() throws {
        let session = try open(120, 40)
        // A search puts the reader on a place deep in article 2 (蓄能成势 occurs once).
        try session.send("/")
        try session.type("蓄能成势")
        try session.send("Enter")
        #expect(session.waitFor { _ in session.statusLine().contains("蓄能成势: 1/1") })
        try session.send("Escape")
        #expect(session.waitFor { _ in session.statusLine().contains("文 2/") })
        // One line break can split at most one of the two halves.
        let probes = ["蓄能", "成势"]
        for (width, height) in [(60, 20), (200, 50), (60, 20)] {
            try session.resize(width: width, height: height)
            let kept = session.waitFor { screen in
                screen.count >= height && screen[height - 1].contains("文 2/")
                    && screen.allSatisfy { TmuxPane.width($0) <= width }
                    && probes.contains { probe in screen.contains { $0.contains(probe) } }
            }
            #expect(kept, "lost the text at \(width)×\(height):\n\(session.rows().joined(separator: "\n"))")
            for line in session.rows() {
                #expect(
                    TmuxPane.width(line) <= width,
                    "overflow: \(line.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        #expect((counter("页", in: session.statusLine())?.0 ?? 0) > 1, "60×20 should need several screens")
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
    }

    @Test("100 resizes in a row neither crash nor garble the screen")
    func resizeStorm() throws {
        let session = try open(100, 30)
        try session.send("2")
        #expect(session.waitFor { _ in counter("文", in: session.statusLine())?.0 == 2 })
        for i in 0..<100 {
            try session.resize(width: 20 + (i * 37) % 180, height: 6 + (i * 17) % 50)
        }
        try session.resize(width: 100, height: 30)
        // Settled: the status bar on the last row of 30 and every row within 100 cells
        // (a frame drawn for an earlier size can linger until the last KEY_RESIZE is read).
        #expect(
            session.waitFor { screen in
                screen.count >= 30 && screen[29].contains("文 2/") && screen.allSatisfy { TmuxPane.width($0) <= 100 }
            }, "after the storm:\n\(session.rows().joined(separator: "\n"))")
        for line in session.rows() {
            #expect(
                TmuxPane.width(line) <= 100,
                "overflow: \(line) \(line.unicodeScalars.filter { $0.value > 0x7F && $0.value < 0x3000 }.map { String($0.value, radix: 16) })"
            )
        }
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
    }

    @Test("a dropped terminal ends the reader instead of leaving it spinning")
    func droppedTerminal() throws {
        let session = try open()
        guard let pid = session.readerPID() else {
            Issue.record("no reader process")
            return
        }
        try session.tmux(["kill-server"])
        let deadline = Date().addingTimeInterval(5)
        while kill(pid, 0) == 0, Date() < deadline { usleep(50_000) }
        #expect(kill(pid, 0) != 0, "reader \(pid) still running after its terminal went away")
    }

    @Test("q quits with status 0 and restores the terminal")
    func quit() throws {
        let session = try open()
        try session.send("q")
        #expect(session.waitFor(text: "STTY-DONE"))
        let screen = session.rows().joined(separator: "\n")
        #expect(screen.contains("EXIT=0"))
        #expect(screen.contains("STTY: icanon echo"), "terminal modes not restored:\n\(screen)")
        #expect(!screen.contains("版 1/"), "the reader's screen was left behind")
        let alternate = try session.tmux(["display-message", "-p", "#{alternate_on}"])
        #expect(alternate.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test(
        "SIGTERM and SIGHUP end the reader with 128+n and restore the terminal",
        arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func signals(signal: Int32, status: Int) throws {
        let session = try open()
        guard let pid = session.readerPID() else {
            Issue.record("no reader process")
            return
        }
        kill(pid, signal)
        #expect(session.waitFor(text: "STTY-DONE"))
        let screen = session.rows().joined(separator: "\n")
        #expect(screen.contains("EXIT=\(status)"))
        #expect(screen.contains("STTY: icanon echo"), "terminal modes not restored:\n\(screen)")
    }

    @Test("an unknown TERM gives a clear error and status 1")
    func unknownTerm() throws {
        let session = try TmuxPane.reader(width: 80, height: 24, term: "no-such-terminal")
        #expect(session.waitFor(text: "EXIT=1"))
        #expect(session.rows().joined().contains("unknown terminal type"))
    }

    @Test("a C locale still shows Chinese, falling back to C.UTF-8 with a notice")
    func cLocale() throws {
        let session = try TmuxPane.reader(width: 100, height: 24, environment: ["LANG": "C", "LC_ALL": "C"])
        #expect(session.waitFor(text: "using C.UTF-8"))
        #expect(session.waitFor(text: "日　报"), "the masthead is not drawn")
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
    }

    @Test("a missing edition file gives one clear line and status 1")
    func missingFile() throws {
        let session = try TmuxPane.reader(width: 100, height: 24, arguments: ["/no/such/edition.md"])
        #expect(session.waitFor(text: "EXIT=1"))
        #expect(session.rows().contains { $0.hasPrefix("broadsheet: ") && $0.contains("/no/such/edition.md") })
    }

    @Test("with stdout not a terminal, the dump is printed instead")
    func notATerminal() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxPane.binary)
        process.arguments = [TestPaths.sampleEdition]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("株洲日报"))
        #expect(!text.contains("\u{1B}["))
    }
}
