import Foundation
import ReaderCore
import TestSupport

/// The real `broadsheet` binary in a tmux pane, as the reader tests start it.
extension TmuxPane {
    /// `$BROADSHEET_BINARY`, or the binary built next to the test bundle (`.build/debug/broadsheet`).
    static let binary: String = {
        if let given = ProcessInfo.processInfo.environment["BROADSHEET_BINARY"], !given.isEmpty { return given }
        var candidates: [String] = []
        if let executable = Bundle.main.executablePath {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent().path + "/broadsheet")
        }
        let launched = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(launched.path + "/broadsheet")
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().path + "/broadsheet")
        }
        candidates.append(TestPaths.root + "/.build/debug/broadsheet")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    /// Starts `broadsheet arguments` at `width`×`height` under `term`, with `environment`.
    /// After the reader exits, the pane prints EXIT=<status> and the terminal modes, then waits.
    static func reader(
        width: Int, height: Int, arguments: [String] = [TestPaths.sampleEdition],
        term: String = "xterm-256color", environment: [String: String] = [:]
    ) throws -> TmuxPane {
        let socket = freshSocket()
        // Each reader keeps its reading position in its own state home, so that no test
        // resumes where another left off (nor writes into the real home).
        let stateHome = socket + "-state"
        var environment = environment
        if environment["XDG_STATE_HOME"] == nil { environment["XDG_STATE_HOME"] = stateHome }
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let command = ([binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script =
            "TERM=\(term) \(exports) \(command.joined(separator: " ")); echo EXIT=$?; "
            + "echo STTY: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$'); echo STTY-DONE; sleep 600"
        return try TmuxPane(
            command: ["sh", "-c", script], width: width, height: height,
            socket: socket, removeOnClose: [stateHome])
    }

    /// The XDG_STATE_HOME `reader` gives the reader unless the test sets one.
    var stateHome: String { socket + "-state" }

    /// The process id of the reader (the pane shell's child).
    func readerPID() -> Int32? { childPID() }

    /// Display width of a captured row.
    static func width(_ line: String) -> Int { DisplayWidth().of(line) }
}
