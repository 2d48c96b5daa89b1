import Foundation
import TestSupport
import Testing

/// The kiosk reader against a terminal that lies about its size or stops reading,
/// in tmux: memory stays bounded, and a stalled terminal never holds off a signal.
@Suite("Kiosk reader against an oversized or stalled terminal", .serialized)
struct KioskLimitsTests {
    /// A new library holding a 10 MB edition (the sample's 版 repeated).
    static func largeLibrary() -> String {
        let library = KioskHarness.scratchPath("bs-large")
        try? FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        let path = library + "/2023-03-29-large.md"
        let sample =
            (try? String(
                contentsOfFile: KioskHarness.editions + "/2023-03-29-zhuzhou-daily.md",
                encoding: .utf8)) ?? ""
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex { $0.hasPrefix("## ") } ?? 0
        let head = lines[..<start].joined(separator: "\n")
        let body = lines[start...].joined(separator: "\n")
        var text = head + "\n"
        var page = 1
        while text.utf8.count < 10 << 20 {
            text += "\n## 第\(page)版 要闻\n\n" + body.replacingOccurrences(of: "## ", with: "### ") + "\n"
            page += 1
        }
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return library
    }

    /// The state of process `pid` from /proc ("R", "S", "Z"…; nil when reaped).
    static func state(_ pid: String) -> String? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("State:") })
        else { return nil }
        return line.split(separator: "\t").dropFirst().first.map { String($0.prefix(1)) }
    }

    /// Whether `pid` has ended (a zombie counts: its parent, the stopped tmux, cannot reap it).
    static func ended(_ pid: String) -> Bool {
        let now = state(pid)
        return now == nil || now == "Z" || now == "X"
    }

    /// The kiosk reader on `library` in a tmux pane, with `environment`.
    static func reader(
        library: String, width: Int, height: Int, prefix: String = "",
        environment: [String: String] = [:]
    ) throws -> TmuxPane {
        let command = prefix + "exec '\(KioskHarness.binary)' --kiosk"
        return try TmuxPane(
            command: [command], width: width, height: height,
            environment: ["LANG": "C.UTF-8", "BROADSHEET_LIBRARY": library].merging(environment) { $1 },
            remainOnExit: true)
    }

    @Test(
        "COLUMNS=30000 LINES=30000 and a 30000×30000 tty: bounded memory; a screen larger than 1000×500 is capped with a notice"
    )
    func hugeClaims() throws {
        let library = KioskHarness.scratchPath("bs-lib")
        try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: library) }
        try FileManager.default.copyItem(
            atPath: KioskHarness.editions + "/2023-03-29-zhuzhou-daily.md",
            toPath: library + "/2023-03-29-zhuzhou-daily.md")
        let state = KioskHarness.scratchPath("bs-state")
        defer { try? FileManager.default.removeItem(atPath: state) }
        // Environment alone: the kernel's size (the pane's) wins, and the masthead shows.
        let pane = try Self.reader(
            library: library, width: 100, height: 30,
            environment: ["COLUMNS": "30000", "LINES": "30000", "XDG_STATE_HOME": state])
        defer { pane.close() }
        #expect(pane.waitForMasthead(seconds: 20), "pane:\n\(pane.screen)")
        // A tty that claims 30000×30000.
        let huge = try Self.reader(
            library: library, width: 100, height: 30, prefix: "stty rows 30000 cols 30000; ",
            environment: ["COLUMNS": "30000", "LINES": "30000", "XDG_STATE_HOME": state])
        defer { huge.close() }
        usleep(3_000_000)
        let pid = try huge.format("#{pane_pid}")
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let peak =
            status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") } ?? 0
        #expect(peak > 0 && peak / 1024 < 300, "peak RSS \(peak / 1024) MiB for a 30000×30000 claim")
        #expect(try huge.format("#{pane_dead}") == "0", "the reader died:\n\(huge.screen)")
        #expect(!huge.screen.contains("unknown terminal type"))
        // Back to a real size: the notice goes, the page is drawn in full.
        try huge.tmux(["resize-window", "-t", huge.session, "-x", "100", "-y", "30"])
        _ = try? KioskHarness.run(["kill", "-WINCH", pid])
        #expect(huge.waitForMasthead(seconds: 10), "after the resize:\n\(huge.screen)")
        try huge.send("q")
        #expect(KioskHarness.wait(10) { Self.ended(pid) }, "q ends it")

        // A real 1100×520 terminal: the page fills 1000×500, the status line on row 500
        // says the screen is capped, and the margin beyond stays blank.
        let wide = try Self.reader(library: library, width: 1100, height: 520, environment: ["XDG_STATE_HOME": state])
        defer { wide.close() }
        #expect(wide.waitFor(text: "screen capped at 1000×500", timeout: 20), "no notice:\n\(wide.screen.suffix(3000))")
        let rows = wide.screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count >= 500 && rows[499].contains("screen capped"), "the status line is row 500")
        #expect(
            rows.dropFirst(500).allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty },
            "rows below 500 are blank")
    }

    /// Starts the reader on the large edition in a wide pane, opens an article, queues
    /// many full redraws (theme changes) and stops the tmux server: the pty fills.
    static func stalledReader(
        stallSeconds: Double, state: String, library: String
    ) throws
        -> (TmuxPane, reader: String, server: String)
    {
        let pane = try TmuxPane(
            command: ["exec '\(KioskHarness.binary)' --kiosk"], width: 250, height: 80,
            environment: [
                "LANG": "C.UTF-8", "XDG_STATE_HOME": state, "BROADSHEET_LIBRARY": library,
                "BROADSHEET_STALL_SECONDS": String(stallSeconds),
            ], remainOnExit: true)
        try #require(pane.waitForMasthead(seconds: 30), "no masthead:\n\(pane.screen)")
        usleep(1_000_000)
        let reader = try pane.format("#{pane_pid}")
        let server = try pane.format("#{pid}")
        try pane.send("Enter")
        usleep(300_000)
        try pane.tmux(["send-keys", "-t", pane.target] + Array(repeating: ["Space", "T"], count: 30).flatMap { $0 })
        try #require(try KioskHarness.run(["kill", "-STOP", server]).status == 0)
        usleep(2_000_000)
        return (pane, reader, server)
    }

    @Test("a reader stuck writing to a stalled terminal ends within a second of SIGTERM and saves its place")
    func sigtermWhileStalled() throws {
        let state = KioskHarness.scratchPath("bs-state")
        let library = Self.largeLibrary()
        defer { for path in [state, library] { try? FileManager.default.removeItem(atPath: path) } }
        let (pane, reader, server) = try Self.stalledReader(stallSeconds: 60, state: state, library: library)
        defer {
            _ = try? KioskHarness.run(["kill", "-CONT", server])
            pane.close()
        }
        #expect(!Self.ended(reader), "the reader is still running while the terminal is stalled")
        let started = Date()
        try #require(try KioskHarness.run(["kill", "-TERM", reader]).status == 0)
        let ended = KioskHarness.wait(5) { Self.ended(reader) }
        let took = Date().timeIntervalSince(started)
        #expect(ended && took < 1.5, "SIGTERM took \(took) s (ended: \(ended))")
        let saved = FileManager.default.contents(atPath: state + "/broadsheet/bookmarks.json")
        #expect(
            saved.map { String(decoding: $0, as: UTF8.self).contains("\"offset\"") } == true,
            "the reading position was saved")
    }

    @Test("a terminal that accepts nothing for the stall limit is given up: the reader saves its place and ends")
    func stallLimit() throws {
        let state = KioskHarness.scratchPath("bs-state")
        let library = Self.largeLibrary()
        defer { for path in [state, library] { try? FileManager.default.removeItem(atPath: path) } }
        let (pane, reader, server) = try Self.stalledReader(stallSeconds: 3, state: state, library: library)
        defer {
            _ = try? KioskHarness.run(["kill", "-CONT", server])
            pane.close()
        }
        #expect(KioskHarness.wait(10) { Self.ended(reader) }, "the reader gave up on the stalled terminal")
        let saved = FileManager.default.contents(atPath: state + "/broadsheet/bookmarks.json")
        #expect(
            saved.map { String(decoding: $0, as: UTF8.self).contains("\"offset\"") } == true,
            "the reading position was saved")
    }
}
