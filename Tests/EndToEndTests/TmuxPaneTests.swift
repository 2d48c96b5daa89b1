import Foundation
import TestSupport
import Testing

/// The tmux harness every terminal test drives keeps its promises: signals reach the
/// programs, failures and hangs throw, ended panes stay readable on request, files go.
@Suite("The tmux harness (TmuxPane)")
struct TmuxPaneTests {
    /// The `SigBlk:` mask of process `pid`, from /proc.
    static func blockedSignals(_ pid: String) -> String? {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        return status.split(separator: "\n").first { $0.hasPrefix("SigBlk:") }
            .map { $0.dropFirst("SigBlk:".count).trimmingCharacters(in: .whitespaces) }
    }

    @Test("the tmux server and the pane's program start with no signal blocked, so SIGTERM ends the program")
    func signalsReachThePane() throws {
        let pane = try TmuxPane(command: ["sleep", "60"], width: 40, height: 5, remainOnExit: true)
        defer { pane.close() }
        let server = try pane.format("#{pid}")
        let program = try pane.format("#{pane_pid}")
        #expect(Self.blockedSignals(server) == "0000000000000000", "the tmux server blocks signals")
        #expect(Self.blockedSignals(program) == "0000000000000000", "the pane's program blocks signals")
        kill(try #require(Int32(program)), SIGTERM)
        #expect(KioskHarness.wait(5) { (try? pane.format("#{pane_dead}")) == "1" }, "SIGTERM did not end `sleep`")
    }

    @Test(
        "an ended command's pane stays, its text still readable, only with remainOnExit",
        arguments: [true, false])
    func remainOnExit(remain: Bool) throws {
        // tmux drops output that reaches it together with the end of the pane: pause first.
        let pane = try TmuxPane(
            command: ["sh", "-c", "echo 读完了; sleep 0.5; exit 3"], width: 40, height: 5,
            remainOnExit: remain)
        defer { pane.close() }
        if remain {
            #expect(pane.waitFor(text: "读完了"), "the ended pane's text:\n\(pane.screen)")
            // tmux 3.3 may scroll the text up to write "Pane is dead (status …)" under it, and
            // under load may learn the status late or never: only the pane and its text are promised.
            #expect(KioskHarness.wait(5) { (try? pane.format("#{pane_dead}")) == "1" }, "the pane is not dead")
            #expect(try pane.capture(history: 10).contains("读完了"), "the ended pane's text is gone")
        } else {
            #expect(
                KioskHarness.wait(5) { (try? pane.format("#{pane_dead}")) == nil },
                "the server outlived its only pane: \(pane.screen)")
        }
    }

    @Test("a failing tmux command throws tmux's message, and one that outlasts its timeout is killed")
    func failuresThrow() throws {
        let pane = try TmuxPane(command: ["sleep", "60"], width: 40, height: 5)
        defer { pane.close() }
        let failure = #expect(throws: TmuxError.self) { try pane.tmux(["no-such-command"]) }
        #expect(failure?.description.contains("unknown command") == true, "\(String(describing: failure))")
        let started = Date()
        // `wait-for` blocks until the channel is signalled, which nothing does.
        #expect(throws: TmuxError.self) { try pane.tmux(["wait-for", "never-signalled"], timeout: 0.5) }
        #expect(Date().timeIntervalSince(started) < 5, "the hung call was not killed at its timeout")
    }

    @Test("typed CJK text comes back in the rows, resize sets the window, and close removes the files")
    func typeResizeClose() throws {
        let extra = KioskHarness.scratchPath("bs-pane-extra")
        try FileManager.default.createDirectory(atPath: extra, withIntermediateDirectories: true)
        let pane = try TmuxPane(command: ["cat"], width: 40, height: 5, removeOnClose: [extra])
        try pane.type("株洲日报 版 1")
        try pane.send("Enter")
        #expect(pane.waitFor(text: "株洲日报 版 1"), "typed text:\n\(pane.screen)")
        try pane.resize(width: 30, height: 7)
        #expect(try pane.format("#{window_width}x#{window_height}") == "30x7")
        let socket = pane.socket
        pane.close()
        pane.close()
        for path in [socket, socket + ".conf", extra] {
            #expect(!FileManager.default.fileExists(atPath: path), "\(path) is left behind")
        }
    }
}
