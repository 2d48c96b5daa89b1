import Foundation
import TestSupport
import Testing

/// The kiosk through a real sshd: Debian's openssh-server on 127.0.0.1,
/// a generated host key, a fresh user whose only command is `broadsheet --kiosk`.
/// Needs root, sshd and tmux: without them the suite is skipped with the reason,
/// except under `.ci/run` (BROADSHEET_REQUIRE_ALL=1), where it runs and fails.
@Suite(
    "Kiosk through a real sshd", .serialized,
    .enabled(if: SystemRequirement.kioskSSH, Comment(rawValue: SystemRequirement.kioskSSHReason)))
struct KioskSSHTests {
    /// A running kiosk sshd; `stop()` tears it down (sshd, the user, the directory).
    struct Kiosk {
        let directory: String
        let port: String
        let user: String

        /// Starts sshd with the kiosk user (`options`: see kiosk-sshd.sh); throws the
        /// script's message on failure.
        static func start(_ options: [String] = []) throws -> Kiosk {
            let directory = KioskHarness.scratchPath("bs-kiosk")
            let result = try KioskHarness.run(
                [
                    KioskHarness.sshdScript, "start", directory,
                    KioskHarness.binary, KioskHarness.editions,
                ] + options, timeout: 60)
            let words = result.out.split(whereSeparator: \.isWhitespace).map(String.init)
            guard result.status == 0, words.count == 2 else {
                _ = try? KioskHarness.run([KioskHarness.sshdScript, "stop", directory])
                throw HarnessError("could not start the kiosk sshd: \(result.err)\(result.out)")
            }
            return Kiosk(directory: directory, port: words[0], user: words[1])
        }

        /// The ssh client command line (no host key checks: the key is new every run).
        func ssh(_ extra: [String] = []) -> [String] {
            [
                "ssh", "-F", "/dev/null", "-i", directory + "/keys/client", "-p", port,
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10",
            ]
                + extra + ["\(user)@127.0.0.1"]
        }

        /// The pids of the user's `broadsheet` processes.
        func readerPids() -> [String] {
            let result = try? KioskHarness.run(["pgrep", "-u", user, "broadsheet"], timeout: 10)
            return (result?.out ?? "").split(separator: "\n").map(String.init)
        }

        /// The user's state file (HOME is a real directory, so state is kept per user).
        var stateFile: String { directory + "/home/.local/state/broadsheet/bookmarks.json" }

        /// The tail of sshd's log, for failure messages.
        var log: String {
            ((try? String(contentsOfFile: directory + "/sshd.log", encoding: .utf8)) ?? "")
                .split(separator: "\n").suffix(15).joined(separator: "\n")
        }

        /// Kills sshd and the user's processes, deletes the user and the directory.
        func stop() {
            _ = try? KioskHarness.run([KioskHarness.sshdScript, "stop", directory], timeout: 30)
        }
    }

    @Test("an ssh login gets the reader: masthead, paging, search; a dropped connection ends it and saves the place")
    func interactiveSession() throws {
        let kiosk = try Kiosk.start()
        defer { kiosk.stop() }
        let command = "exec " + kiosk.ssh(["-tt"]).map { "'\($0)'" }.joined(separator: " ")
        let pane = try TmuxPane(command: [command], width: 100, height: 30, remainOnExit: true)
        defer { pane.close() }

        try #require(
            pane.waitForMasthead(seconds: 30),
            "no masthead over ssh; pane:\n\(pane.screen)\nsshd log:\n\(kiosk.log)")
        #expect(kiosk.readerPids().count == 1, "one reader runs as the kiosk user")

        // Page through: the screen changes.
        let front = try pane.capture()
        try pane.send("Space")
        #expect(KioskHarness.wait(10) { (try? pane.capture()) != front }, "Space turns the page")

        // Search opens the article holding the first match and says which match it is.
        try pane.send("/")
        try pane.type("株洲")
        try pane.send("Enter")
        // The first match at or after the reader's place: "株洲: 34/42 · n/N".
        #expect(
            pane.waitFor(text: "株洲: ", timeout: 10) && pane.screen.contains("n/N"),
            "search over ssh; pane:\n\(pane.screen)")
        try pane.send("Space")
        usleep(300_000)

        // The connection drops: kill the ssh client outright.
        let client = try pane.format("#{pane_pid}")
        let killed = try KioskHarness.run(["kill", "-KILL", client])
        try #require(killed.status == 0, "kill the ssh client \(client): \(killed.err)")
        #expect(
            KioskHarness.wait(15) { kiosk.readerPids().isEmpty },
            "the reader outlived its connection: \(kiosk.readerPids())")

        // Its place was saved in the user's own state directory.
        let saved = try #require(
            FileManager.default.contents(atPath: kiosk.stateFile),
            "no state file at \(kiosk.stateFile)")
        let document = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        let positions = document["positions"] as? [Any] ?? []
        #expect(!positions.isEmpty, "a reading position was saved: \(String(decoding: saved, as: UTF8.self))")
    }

    @Test(
        "asking sshd for another command, a shell line or a subsystem still gets only the reader",
        arguments: [["id"], ["/bin/sh", "-c", "touch MARKER; id"], ["-s", "sftp"]])
    func otherCommandsGetTheReader(request: [String]) throws {
        let kiosk = try Kiosk.start()
        defer { kiosk.stop() }
        let marker = KioskHarness.scratchPath("bs-pwned")
        var argv = kiosk.ssh()
        if request.first == "-s" {
            argv.insert("-s", at: argv.count - 1)
            argv += request.dropFirst()
        } else {
            argv += request.map { $0.replacingOccurrences(of: "MARKER", with: marker) }
        }
        let result = try KioskHarness.run(argv, timeout: 60)
        #expect(
            KioskHarness.showsMasthead(result.out),
            "the forced reader printed the paper: \(result.out.prefix(400)) \(result.err)\n\(kiosk.log)")
        #expect(!result.out.contains("uid="), "the requested command did not run")
        #expect(!FileManager.default.fileExists(atPath: marker), "the shell line did not run")
        #expect(KioskHarness.wait(10) { kiosk.readerPids().isEmpty }, "nothing is left running")
    }

    @Test("port forwarding through the kiosk is refused")
    func forwardingIsRefused() throws {
        let kiosk = try Kiosk.start()
        defer { kiosk.stop() }
        // -W asks for a direct-tcpip channel to sshd's own port.
        let result = try KioskHarness.run(kiosk.ssh(["-W", "127.0.0.1:\(kiosk.port)"]), timeout: 30)
        #expect(result.status != 0, "a forward through the kiosk was let through: \(result.out.prefix(200))")
        #expect(!result.out.contains("SSH-2.0"), "the forwarded connection reached sshd")
    }
}
