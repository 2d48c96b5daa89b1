import Foundation
import TestSupport
import Testing

/// Runs programs for the kiosk end-to-end tests (tmux panes are `TmuxPane`s).
enum KioskHarness {
    /// The package root.
    static var packageRoot: String { TestPaths.root }

    /// The `broadsheet` binary the reader tests run too (`TmuxPane.binary`).
    static var binary: String { TmuxPane.binary }

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
    static func run(
        _ argv: [String], timeout: Double = 60, environment: [String: String]? = nil
    )
        throws -> (status: Int32, out: String, err: String)
    {
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
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        _ = group.wait(timeout: .now() + 10)
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
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

extension TmuxPane {
    /// Waits until the pane shows the sample's masthead; true if it did within `seconds`.
    func waitForMasthead(seconds: Double = 20) -> Bool {
        KioskHarness.wait(seconds) { KioskHarness.showsMasthead((try? capture()) ?? "") }
    }
}

/// A failure in the test machinery, with a message saying what to fix.
struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
