import Foundation
import TestSupport
import Testing

/// The kiosk's library through a real sshd, set up as an administrator naturally
/// would (`ForceCommand broadsheet --kiosk /srv/editions`, no config naming the
/// library), against a library holding an escaping link, unreadable and non-text
/// editions; and a client that claims a huge window.
@Suite(
    "Kiosk library and window limits through a real sshd", .serialized,
    .enabled(if: SystemRequirement.kioskSSH, Comment(rawValue: SystemRequirement.kioskSSHReason)))
struct KioskLibrarySSHTests {
    typealias Kiosk = KioskSSHTests.Kiosk

    /// A small edition dated 2023-03-`day` whose one headline is `headline`.
    static func edition(day: Int, headline: String) -> String {
        "# 株洲日报\n\n2023年3月\(day)日 星期三\n\n## \(headline)\n\n\(headline)的正文，共十几个字。\n"
    }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64)

    /// Fills the kiosk's library: newest first, a link out to a readable secret, a PNG
    /// named .md, an edition only root can read; then the sample (29 March); a PNG in
    /// the middle (15 March); and a good older edition (1 March).
    static func stock(_ kiosk: Kiosk) throws {
        let library = kiosk.directory + "/library"
        let outside = kiosk.directory + "/outside"
        let fm = FileManager.default
        try fm.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try edition(day: 30, headline: "外泄的秘密").write(toFile: outside + "/secret.md", atomically: true, encoding: .utf8)
        chmod(outside, 0o755)
        chmod(outside + "/secret.md", 0o644)
        try fm.createSymbolicLink(atPath: library + "/2099-12-31-evil.md", withDestinationPath: outside + "/secret.md")
        try fm.createSymbolicLink(atPath: library + "/2023-03-20-link.md", withDestinationPath: outside + "/secret.md")
        let files: [(name: String, bytes: Data, mode: Int)] = [
            ("2099-12-30-picture.md", Data(png), 0o644),
            ("2099-12-29-private.md", Data(edition(day: 31, headline: "不公开的稿件").utf8), 0o600),
            ("2023-03-15-broken.md", Data(png), 0o644),
            ("2023-03-01-older.md", Data(edition(day: 1, headline: "更早的一期").utf8), 0o644),
        ]
        for file in files {
            let made = fm.createFile(
                atPath: library + "/" + file.name, contents: file.bytes, attributes: [.posixPermissions: file.mode])
            guard made else { throw HarnessError("cannot write \(file.name) into the library") }
        }
    }

    /// An `ssh -tt` login in a tmux pane, after `prefix` (shell commands run first).
    static func login(_ kiosk: Kiosk, prefix: String = "", width: Int = 100, height: Int = 30) throws -> TmuxPane {
        let command = prefix + "exec " + kiosk.ssh(["-tt"]).map { "'\($0)'" }.joined(separator: " ")
        return try TmuxPane(command: [command], width: width, height: height, remainOnExit: true)
    }

    @Test(
        "the kiosk serves its library (named on the forced command line, or in the config): the newest edition that opens, never a link out, bad files skipped by [ too",
        arguments: [true, false])
    func libraryOnTheCommandLine(byArgument: Bool) throws {
        let kiosk = try Kiosk.start(byArgument ? ["--library-argument"] : [])
        defer { kiosk.stop() }
        try Self.stock(kiosk)
        let pane = try Self.login(kiosk)
        defer { pane.close() }

        try #require(
            pane.waitForMasthead(seconds: 30),
            "no masthead over ssh; pane:\n\(pane.screen)\nsshd log:\n\(kiosk.log)")
        var seen = pane.screen
        #expect(seen.contains("2023年3月29日"), "the sample (newest good edition) opened:\n\(seen)")
        #expect(pane.waitFor(text: "skipped", timeout: 5), "a notice names the skipped editions:\n\(pane.screen)")
        // `[` goes past the PNG of 15 March and the link of 20 March to 1 March.
        try pane.send("[")
        #expect(pane.waitFor(text: "更早的一期", timeout: 10), "[ reached the older good edition:\n\(pane.screen)")
        seen += pane.screen
        try pane.send("]")
        #expect(pane.waitFor(text: "2023年3月29日", timeout: 10), "] came back to the sample:\n\(pane.screen)")
        try pane.send("]")
        usleep(500_000)
        seen += pane.screen
        for secret in ["外泄的秘密", "不公开的稿件", "outside the library"] {
            #expect(!seen.contains(secret), "\(secret) reached the screen:\n\(seen)")
        }
        #expect(!seen.contains("cannot") || seen.contains("skipped"), "no bare error:\n\(seen)")

        try pane.send("q")
        #expect(KioskHarness.wait(15) { kiosk.readerPids().isEmpty }, "q ends the reader: \(kiosk.readerPids())")
    }

    /// The peak resident memory of process `pid`, in MiB (nil when it is gone).
    static func peakMiB(_ pid: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return nil }
        return kib / 1024
    }

    @Test(
        "a client claiming a 4000×4000 window gets a capped screen in bounded memory, and its hang-up ends the reader")
    func hugeWindow() throws {
        let kiosk = try Kiosk.start()
        defer { kiosk.stop() }
        let pane = try Self.login(kiosk, prefix: "stty rows 4000 cols 4000; ")
        defer { pane.close() }
        #expect(
            KioskHarness.wait(30) { !kiosk.readerPids().isEmpty }, "no reader started:\n\(pane.screen)\n\(kiosk.log)")
        usleep(3_000_000) // the first frame is out (a 1000×500 layout)
        let pids = kiosk.readerPids()
        try #require(pids.count == 1, "one reader runs: \(pids); pane:\n\(pane.screen)")
        let peak = try #require(Self.peakMiB(pids[0]))
        #expect(peak < 300, "peak RSS \(peak) MiB for a 4000×4000 claim")
        #expect(!pane.screen.contains("unknown terminal type"), "pane:\n\(pane.screen)")

        let client = try pane.format("#{pane_pid}")
        try #require(try KioskHarness.run(["kill", "-KILL", client]).status == 0)
        #expect(KioskHarness.wait(15) { kiosk.readerPids().isEmpty }, "the reader outlived its connection")
    }
}
