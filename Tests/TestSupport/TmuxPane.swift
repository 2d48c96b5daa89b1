import Foundation

/// A tmux server of its own (a private socket) running one command in one pane: the one
/// way the end-to-end tests start a program in a terminal, type into it, read its screen,
/// resize it and close it.
///
/// tmux is run with posix_spawn and an empty signal mask, because the server daemon that
/// `new-session` forks outlives the call and must stay killable (Foundation's `Process`
/// left it with every signal blocked). Its output goes to files, not pipes, which the daemon
/// would hold open; each call is killed after a timeout, so a wedged server fails the test.
public final class TmuxPane {
    /// The server's socket (a path under the temporary directory).
    public let socket: String
    /// The session's name; `-t session` addresses its window.
    public let session = "e2e"
    /// The pane, for `-t` in raw tmux commands.
    public var target: String { session + ":0.0" }
    /// Paths removed when the pane is closed (besides the socket and its config).
    private let removeOnClose: [String]
    private var closed = false

    /// Starts a detached session `width`×`height` in a new server on `socket`, running
    /// `command`: one element is a shell line (tmux runs it with its default shell), more
    /// are an argv. `environment` is set for the command (after LANG and LC_ALL = C.UTF-8);
    /// with `remainOnExit` the pane stays after the command ends and `#{pane_dead}` tells, so
    /// what a crashed program printed can still be read (with `capture(history:)`: tmux 3.3
    /// scrolls it up for its "Pane is dead" line; output that arrives with the end may be lost).
    public init(
        command: [String], width: Int, height: Int, environment: [String: String] = [:],
        remainOnExit: Bool = false, socket: String = TmuxPane.freshSocket(),
        removeOnClose: [String] = []
    ) throws {
        self.socket = socket
        self.removeOnClose = removeOnClose
        guard Self.executable != nil else {
            closed = true
            throw TmuxError("tmux is not installed (apt-get install tmux; .ci/run does)")
        }
        // Options go in a config file read before the session starts, so that even a
        // command that exits at once leaves its pane behind.
        var options = "set-option -g status off\n"
        if remainOnExit { options += "set-option -g remain-on-exit on\n" }
        try options.write(toFile: socket + ".conf", atomically: true, encoding: .utf8)
        var arguments = [
            "-f", socket + ".conf", "new-session", "-d", "-s", session,
            "-x", String(width), "-y", String(height), "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8",
        ]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        try tmux(arguments + command)
    }

    deinit { close() }

    /// A fresh socket path under the temporary directory that does not exist yet.
    public static func freshSocket() -> String {
        NSTemporaryDirectory() + "bs-tmux-\(getpid())-" + UUID().uuidString.prefix(8).lowercased()
    }

    /// The tmux executable, if installed.
    static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs a tmux command against this server (killed after `timeout` seconds) and returns
    /// its output; throws with tmux's message when it fails.
    @discardableResult
    public func tmux(_ arguments: [String], timeout: Double = 10) throws -> String {
        let result = try Self.spawn(["-S", socket] + arguments, timeout: timeout)
        guard result.status == 0 else {
            throw TmuxError("tmux \(arguments.joined(separator: " ")) failed (status \(result.status)): \(result.err)")
        }
        return result.out
    }

    /// The visible text of the pane, after the last `history` rows scrolled off it; with
    /// `styled`, with its SGR escapes (to see highlights).
    public func capture(styled: Bool = false, history: Int = 0) throws -> String {
        try tmux(
            ["capture-pane", "-p", "-t", target] + (styled ? ["-e"] : []) + (history > 0 ? ["-S", "-\(history)"] : []))
    }

    /// The visible text, or the error that kept it from being read (for messages).
    public var screen: String {
        do { return try capture() } catch { return "(no capture: \(error))" }
    }

    /// The visible text, one string per row (no rows' worth of text if it cannot be read).
    public func rows() -> [String] {
        ((try? capture()) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The last non-empty row (the status bar while the reader runs).
    public func statusLine() -> String {
        rows().last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
    }

    /// Sends tmux key names (`Space`, `Enter`, `Escape`, `C-c`…); other words are typed.
    public func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally (no key names).
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-l", "-t", target, text])
    }

    /// Sends a mouse event as xterm reports it in SGR mode (`kmous=\E[<` in xterm-256color):
    /// `button` 0 is the left button, 64/65 the wheel; `release` ends a press. Cells are 0-based.
    public func mouse(button: Int, row: Int, column: Int, release: Bool = false) throws {
        let report = "\u{1B}[<\(button);\(column + 1);\(row + 1)" + (release ? "m" : "M")
        try tmux(["send-keys", "-t", target, "-H"] + report.utf8.map { String($0, radix: 16) })
    }

    /// A left click (press and release) at a 0-based cell.
    public func click(row: Int, column: Int) throws {
        try mouse(button: 0, row: row, column: column)
        try mouse(button: 0, row: row, column: column, release: true)
    }

    /// Resizes the window (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// A `#{…}` format of the pane (`pane_pid`, `pane_title`, `pane_dead`, `pid`).
    public func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the rows every 50 ms until `condition` holds or `timeout` seconds pass; true if it held.
    @discardableResult
    public func waitFor(timeout: Double = 10, _ condition: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(rows()) { return true }
            usleep(50_000)
        }
        return condition(rows())
    }

    /// Polls until some row contains `text`; true if one did within `timeout` seconds.
    @discardableResult
    public func waitFor(text: String, timeout: Double = 10) -> Bool {
        waitFor(timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// The first child process of the pane's process (the program a pane shell started).
    public func childPID() -> Int32? {
        guard let parent = Int32((try? format("#{pane_pid}")) ?? "") else { return nil }
        return Self.children(of: parent).first
    }

    /// The child processes of `parent`, from /proc.
    static func children(of parent: Int32) -> [Int32] {
        let children = (try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }
    }

    /// Whether process `pid` still runs (a zombie, which nobody may reap here, has ended).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return false }
        return !stat[end...].hasPrefix(") Z") && !stat[end...].hasPrefix(") X")
    }

    /// Kills the server and everything in it, and removes its files. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        // The programs in the pane may still write (a reader saves its place on SIGHUP):
        // wait for them to end before their files are removed.
        let pane = Int32((try? format("#{pane_pid}")) ?? "")
        let programs = pane.map { [$0] + Self.children(of: $0) } ?? []
        _ = try? tmux(["kill-server"])
        let deadline = Date().addingTimeInterval(3)
        while programs.contains(where: Self.isRunning) && Date() < deadline { usleep(10_000) }
        // tmux leaves the socket file behind when its server is killed.
        for path in [socket, socket + ".conf"] + removeOnClose { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Runs tmux with `arguments`, stdin from /dev/null and output to files; kills it after
    /// `timeout` seconds.
    static func spawn(_ arguments: [String], timeout: Double) throws -> (status: Int32, out: String, err: String) {
        guard let path = executable else { throw TmuxError("tmux is not installed") }
        let base = NSTemporaryDirectory() + "bs-tmux-call-\(UUID().uuidString)"
        let outPath = base + ".out", errPath = base + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
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
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw TmuxError("cannot run tmux: error \(spawned)") }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done == -1 && errno != EINTR) { break }
            if Date() >= deadline {
                timedOut = true
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                break
            }
            usleep(5_000)
        }
        let out = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let err = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        if timedOut { throw TmuxError("tmux \(arguments.joined(separator: " ")) took more than \(timeout) s") }
        // An exit status is in bits 8–15 when the low 7 bits (the killing signal) are zero.
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + status & 0x7f, out, err)
    }
}

/// tmux could not be run, or a tmux command failed.
public struct TmuxError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
