import Foundation
import Testing

/// Runs programs and drives tmux for the kiosk end-to-end tests.
enum KioskHarness {
    /// The package root, found from this file (Tests/EndToEndTests/Support/).
    static var packageRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }

    /// The debug `broadsheet` binary the test target depends on (or `$BROADSHEET_BINARY`).
    static var binary: String {
        if let given = ProcessInfo.processInfo.environment["BROADSHEET_BINARY"], !given.isEmpty { return given }
        return packageRoot + "/.build/debug/broadsheet"
    }

    /// `Tests/EndToEndTests/Support/kiosk-sshd.sh`.
    static var sshdScript: String { packageRoot + "/Tests/EndToEndTests/Support/kiosk-sshd.sh" }

    /// The repo's `Editions/` folder.
    static var editions: String { packageRoot + "/Editions" }

    /// A fresh path under the temporary directory that does not exist yet.
    static func scratchPath(_ prefix: String) -> String {
        NSTemporaryDirectory() + prefix + "-" + UUID().uuidString.prefix(8).lowercased()
    }

    /// Runs `argv` to completion (killed after `timeout` seconds) and returns status and output.
    @discardableResult
    /// With `detached`, output goes to /dev/null: a daemon it starts (the tmux server)
    /// would otherwise hold the pipes open and the read would never end.
    static func run(_ argv: [String], timeout: Double = 60, environment: [String: String]? = nil,
                    detached: Bool = false) throws -> (status: Int32, out: String, err: String) {
        if detached {
            // system(3) waits for the client alone; the server it forks keeps no pipe of ours.
            let line = argv.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            let status = system(line + " </dev/null >/dev/null 2>&1")
            return (status == 0 ? 0 : 1, "", "")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read while it runs so a full pipe cannot block it.
        nonisolated(unsafe) var outData = Data(), errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        _ = group.wait(timeout: .now() + 10)
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self),
                String(decoding: errData, as: UTF8.self))
    }

    /// Whether `text` shows the sample's masthead title (which is set letter-spaced).
    static func showsMasthead(_ text: String) -> Bool {
        text.unicodeScalars.filter { $0 != "\u{3000}" && $0 != " " }.map(String.init).joined().contains("株洲日报")
    }

    /// Polls `condition` every 50 ms until it holds or `seconds` pass; true if it held.
    static func wait(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if try condition() { return true }
            usleep(50_000)
        } while Date() < deadline
        return try condition()
    }
}

/// A tmux server of its own (private socket) running one command in one pane.
final class TmuxPane {
    let socket: String
    let target = "kiosk:0.0"

    /// Starts a detached session `width`×`height` running `command` (a shell line).
    init(command: String, width: Int, height: Int, environment: [String: String] = [:]) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            throw HarnessError("tmux is not installed (apt-get install tmux; .ci/run does)")
        }
        socket = KioskHarness.scratchPath("bs-tmux")
        // Keep the pane after its command ends (set before it starts), so a crash can still be read.
        let config = socket + ".conf"
        try "set-option -g remain-on-exit on\n".write(toFile: config, atomically: true, encoding: .utf8)
        var argv = ["tmux", "-S", socket, "-f", config, "new-session", "-d", "-s", "kiosk",
                    "-x", String(width), "-y", String(height)]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { argv += ["-e", "\(key)=\(value)"] }
        argv.append(command)
        let result = try KioskHarness.run(argv, timeout: 10, detached: true)
        guard result.status == 0 else { throw HarnessError("tmux new-session failed (status \(result.status))") }
    }

    /// Runs a tmux command against this server; returns its stdout.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try KioskHarness.run(["tmux", "-S", socket] + arguments, timeout: 10)
        guard result.status == 0 else {
            throw HarnessError("tmux \(arguments.joined(separator: " ")) failed: \(result.err)")
        }
        return result.out
    }

    /// The visible text of the pane.
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", target])
    }

    /// The visible text, or the error that kept it from being read (for messages).
    var screen: String {
        do { return try capture() } catch { return "(no capture: \(error))" }
    }

    /// Sends tmux key names (`Space`, `Enter`, `C-c`…).
    func keys(_ names: String...) throws {
        try tmux(["send-keys", "-t", target] + names)
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-l", "-t", target, text])
    }

    /// A `#{…}` format of the pane (`pane_pid`, `pane_title`, `pane_dead`).
    func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the pane shows `text`; true if it did within `seconds`.
    func waitFor(_ text: String, seconds: Double = 20) -> Bool {
        KioskHarness.wait(seconds) { ((try? capture()) ?? "").contains(text) }
    }

    /// Waits until the pane shows the sample's masthead; true if it did within `seconds`.
    func waitForMasthead(seconds: Double = 20) -> Bool {
        KioskHarness.wait(seconds) { KioskHarness.showsMasthead((try? capture()) ?? "") }
    }

    /// Resizes the window.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "kiosk", "-x", String(width), "-y", String(height)])
    }

    /// Kills the server and everything in it.
    func close() {
        _ = try? KioskHarness.run(["tmux", "-S", socket, "kill-server"], timeout: 10)
        try? FileManager.default.removeItem(atPath: socket)
        try? FileManager.default.removeItem(atPath: socket + ".conf")
    }
}

/// A failure in the test machinery, with a message saying what to fix.
struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
