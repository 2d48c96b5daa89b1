import Foundation
import TestSupport
import Testing

/// The kiosk reader in a real terminal (tmux) under attack from its content and its
/// terminal: escape sequences in the edition, a resize storm, a terminal that stops
/// reading.
@Suite("Kiosk reader in a hostile terminal")
struct KioskTerminalTests {
    /// An edition that tries to set the window title, clear the screen, write the
    /// clipboard (OSC 52) and reverse text with bidi overrides.
    static let hostileEdition = """
        # 株洲日报

        2099年1月1日 星期四

        ## 标题\u{1B}]0;pwned\u{07}\u{1B}]2;pwned\u{1B}\\

        正文\u{1B}[2J\u{1B}[H清屏\u{1B}]52;c;cHduZWQ=\u{07}剪贴板\u{9B}31m红\u{202E}反向\u{202C}。

        ## 第二篇

        第二篇正文\u{1B}c重置\u{07}响铃。

        """

    /// A library with the sample edition and, newest, `extra` (if any).
    static func library(extra: String?) throws -> String {
        let directory = KioskHarness.scratchPath("bs-library")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: KioskHarness.editions + "/2023-03-29-zhuzhou-daily.md",
            toPath: directory + "/2023-03-29-zhuzhou-daily.md")
        if let extra {
            try extra.write(toFile: directory + "/2099-01-01-hostile.md", atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// A tmux pane running the kiosk reader over `library`.
    static func reader(library: String, width: Int = 100, height: Int = 30) throws -> TmuxPane {
        let command = "exec '\(KioskHarness.binary)' --kiosk --no-state"
        return try TmuxPane(
            command: [command], width: width, height: height,
            environment: ["BROADSHEET_LIBRARY": library, "LANG": "C.UTF-8"], remainOnExit: true)
    }

    /// All rows but the status line.
    static func body(_ screen: String) -> [Substring] {
        Array(screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2))
    }

    @Test("an edition's escape sequences change neither the pane title, the screen nor the clipboard")
    func hostileEditionInTmux() throws {
        let library = try Self.library(extra: Self.hostileEdition)
        defer { try? FileManager.default.removeItem(atPath: library) }
        let pane = try Self.reader(library: library)
        defer { pane.close() }
        try pane.tmux(["set-option", "-s", "set-clipboard", "on"])
        try pane.tmux(["select-pane", "-t", pane.target, "-T", "bs-title-guard"])

        #expect(pane.waitFor(text: "标题", timeout: 20), "the hostile edition opened; pane:\n\(pane.screen)")
        // Open both articles and page through them: every string gets drawn.
        for key in ["Enter", "Space", "Tab", "Space", "Escape", "t", "Escape"] {
            try pane.send(key)
            usleep(150_000)
        }
        try pane.send("Enter")
        usleep(500_000)
        let screen = pane.screen
        #expect(try pane.format("#{pane_title}") == "bs-title-guard", "an OSC sequence renamed the pane")
        #expect(try pane.format("#{pane_dead}") == "0", "the reader died:\n\(screen)")
        #expect(screen.contains("␛"), "ESC is shown as ␛:\n\(screen)")
        #expect(!screen.contains("pwned") || screen.contains("␛]0;pwned"), "the title text stays in the text")
        let buffers = try pane.tmux(["list-buffers"])
        #expect(buffers.isEmpty, "OSC 52 wrote the clipboard: \(buffers)")
    }

    @Test("500 resizes in five seconds, down to 1×1: no crash, and the screen is right afterwards")
    func resizeStorm() throws {
        let library = try Self.library(extra: nil)
        defer { try? FileManager.default.removeItem(atPath: library) }
        let pane = try Self.reader(library: library)
        defer { pane.close() }
        try #require(pane.waitForMasthead(), "no masthead; pane:\n\(pane.screen)")
        usleep(300_000)
        let before = Self.body(pane.screen)

        var generator = SystemRandomNumberGenerator()
        let started = Date()
        for batch in 0..<50 {
            var arguments: [String] = []
            for step in 0..<10 {
                let tiny = (batch + step) % 7 == 0
                let width =
                    tiny ? 1 + Int.random(in: 0..<3, using: &generator) : Int.random(in: 1...220, using: &generator)
                let height =
                    tiny ? 1 + Int.random(in: 0..<3, using: &generator) : Int.random(in: 1...70, using: &generator)
                if !arguments.isEmpty { arguments.append(";") }
                arguments += ["resize-window", "-t", pane.session, "-x", String(width), "-y", String(height)]
            }
            try pane.tmux(arguments)
            usleep(80_000)
        }
        let elapsed = Date().timeIntervalSince(started)
        try pane.resize(width: 1, height: 1)
        usleep(300_000)
        #expect(try pane.format("#{pane_dead}") == "0", "the reader died at 1×1")
        try pane.resize(width: 100, height: 30)
        var after: [Substring] = []
        let settled = KioskHarness.wait(10) {
            after = Self.body(pane.screen)
            return after == before
        }
        #expect(try pane.format("#{pane_dead}") == "0", "the reader died in the storm:\n\(pane.screen)")
        #expect(
            settled,
            "after the storm the front page differs:\n\(after.joined(separator: "\n"))\n--- expected:\n\(before.joined(separator: "\n"))"
        )
        #expect(elapsed < 30, "the storm took \(elapsed) s")
    }

    @Test("a terminal that stops reading for a while: the reader waits, then the screen is right")
    func stalledTerminal() throws {
        let library = try Self.library(extra: nil)
        defer { try? FileManager.default.removeItem(atPath: library) }
        let pane = try Self.reader(library: library)
        defer { pane.close() }
        try #require(pane.waitForMasthead(), "no masthead; pane:\n\(pane.screen)")
        usleep(300_000)
        let before = Self.body(pane.screen)
        let server = try pane.format("#{pid}")
        // Queue a burst of page turns, then stop the tmux server: nobody reads the pty,
        // the reader's writes fill it and block, as under ssh flow control.
        try pane.tmux(["send-keys", "-t", pane.target] + Array(repeating: "Space", count: 40) + ["g"])
        try #require(try KioskHarness.run(["kill", "-STOP", server]).status == 0)
        sleep(3)
        try #require(try KioskHarness.run(["kill", "-CONT", server]).status == 0)
        var after: [Substring] = []
        let settled = KioskHarness.wait(15) {
            after = Self.body(pane.screen)
            return after == before
        }
        #expect(try pane.format("#{pane_dead}") == "0", "the reader died")
        #expect(settled, "after the stall the first screen differs:\n\(after.joined(separator: "\n"))")
    }
}
