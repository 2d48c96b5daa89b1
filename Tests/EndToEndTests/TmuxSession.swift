import Foundation
import ReaderCore
import TestSupport

/// The real `broadsheet` binary running in a private tmux server.
final class TmuxSession {
    let socket: String
    /// The XDG_STATE_HOME the reader gets unless the test sets one (removed at the end).
    let stateHome: String
    private(set) var width: Int
    private(set) var height: Int

    /// The binary built next to the test bundle (`.build/debug/broadsheet`).
    static let binary: String = {
        var candidates: [String] = []
        if let executable = Bundle.main.executablePath {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent().path + "/broadsheet")
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/broadsheet")
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().path + "/broadsheet")
        }
        candidates.append(root + "/.build/debug/broadsheet")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    /// The package root, found from this file.
    static let root = TestPaths.root

    /// The sample edition in the repo.
    static let sample = root + "/Editions/2023-03-29-zhuzhou-daily.md"

    /// Starts `broadsheet arguments` in a new tmux server at `width`×`height`.
    /// After the reader exits, the pane prints EXIT=<status> and the terminal modes.
    init(width: Int, height: Int, arguments: [String] = [sample], term: String = "xterm-256color",
         environment: [String: String] = [:]) throws {
        socket = "bs-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.width = width
        self.height = height
        let quoted = ([Self.binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        // Each session keeps its reading position in its own state home, so that no test
        // resumes where another left off (nor writes into the real home).
        stateHome = FileManager.default.temporaryDirectory.path + "/\(socket)-state"
        var environment = environment
        if environment["XDG_STATE_HOME"] == nil { environment["XDG_STATE_HOME"] = stateHome }
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let script = "TERM=\(term) \(exports) \(quoted.joined(separator: " ")); echo EXIT=$?; echo STTY: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$'); echo STTY-DONE; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                  "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", "sh", "-c", script])
        try tmux(["set-option", "-g", "status", "off"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        // tmux leaves the socket file behind when its server is killed.
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(directory)/tmux-\(getuid())/\(socket)")
        try? FileManager.default.removeItem(atPath: stateHome)
    }

    /// Runs tmux on this session's socket and returns its output. Spawned with
    /// posix_spawn and an empty signal mask: the tmux server daemon outlives the call
    /// and must stay killable (Foundation's Process left it with signals blocked).
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let path = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/tmux"
        let output = FileManager.default.temporaryDirectory.path + "/\(socket)-\(UUID().uuidString).out"
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        let argv = ([path, "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw TmuxError(description: "cannot run tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let data = FileManager.default.contents(atPath: output) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The screen as text, one string per row.
    func screen() -> [String] {
        let text = (try? tmux(["capture-pane", "-p"])) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The screen with SGR escapes (to see highlights).
    func styledScreen() -> String {
        (try? tmux(["capture-pane", "-p", "-e"])) ?? ""
    }

    /// The last non-empty row (the status bar while the reader runs).
    func statusLine() -> String {
        screen().last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
    }

    /// Types keys: tmux key names ("Enter", "Space", "Escape") or literal text.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys"] + (literal ? ["-l"] : []) + keys)
    }

    /// Sends a mouse event as xterm reports it in SGR mode (`kmous=\E[<` in the
    /// xterm-256color entry the sessions run under): `button` 0 is the left
    /// button, 64/65 the wheel; `release` ends a press.
    func mouse(button: Int, row: Int, column: Int, release: Bool = false) throws {
        let report = "\u{1B}[<\(button);\(column + 1);\(row + 1)" + (release ? "m" : "M")
        try tmux(["send-keys", "-H"] + report.utf8.map { String($0, radix: 16) })
    }

    /// A left click (press and release) at a 0-based cell.
    func click(row: Int, column: Int) throws {
        try mouse(button: 0, row: row, column: column)
        try mouse(button: 0, row: row, column: column, release: true)
    }

    /// Resizes the window (the reader gets SIGWINCH → KEY_RESIZE).
    func resize(_ width: Int, _ height: Int) throws {
        self.width = width
        self.height = height
        try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `condition` holds or `timeout` passes; returns whether it held.
    @discardableResult
    func waitFor(timeout: Double = 10, _ condition: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(screen()) { return true }
            usleep(50_000)
        }
        return condition(screen())
    }

    /// Polls until some row contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: Double = 10) -> Bool {
        waitFor(timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// The process id of the reader (the pane shell's child).
    func readerPID() -> Int32? {
        guard let shell = Int32((try? tmux(["display-message", "-p", "#{pane_pid}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }.first
    }

    /// Display width of a captured row.
    static func width(_ line: String) -> Int { DisplayWidth().of(line) }
}

/// tmux could not be run.
struct TmuxError: Error, CustomStringConvertible {
    var description: String
}
