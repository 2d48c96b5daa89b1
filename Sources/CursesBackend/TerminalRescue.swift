import CNcursesw

#if canImport(Glibc)
import Glibc
#endif

/// Gives the terminal back when the process dies of a fault (SIGSEGV, SIGBUS, SIGILL,
/// SIGFPE, SIGTRAP, SIGABRT, SIGSYS): a Swift trap, a stack overflow, a bad mapping.
/// Such a signal cannot wait for the loop's polling, so a handler runs: it puts back the
/// terminal modes saved before curses started, writes the terminfo strings that leave
/// the reader's screen (rmcup, cnorm, sgr0, rmkx, mouse off), then lets the signal go on
/// to whatever handled it before (the Swift runtime's backtracer) or, in a kiosk, to the
/// default action: the backtracer's "Press space to interact" must not reach a visitor.
public enum TerminalRescue {
    /// The faults handled.
    static let faults: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGSYS]

    /// What the handler needs, allocated once before it can run: a handler may not allocate.
    struct State {
        var modes = termios()
        var hasModes = false
        var bytes: UnsafeMutablePointer<UInt8>
        var byteCount = 0
        var message: UnsafeMutablePointer<UInt8>
        var messageCount = 0
        /// The actions found for each signal number when armed (called outside a kiosk).
        var previous: UnsafeMutablePointer<sigaction>
        var kiosk = false
    }

    /// Set by `prepare`, read by the handler: the one global a signal handler needs.
    nonisolated(unsafe) static var state: UnsafeMutablePointer<State>?

    /// Saves the terminal modes as they are now; call before curses changes them.
    public static func prepare() {
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        let message = "\r\nbroadsheet stopped on an internal error; the terminal is restored.\r\n"
        let messageBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: message.utf8.count)
        messageBytes.initialize(from: Array(message.utf8), count: message.utf8.count)
        state.initialize(
            to: State(
                bytes: UnsafeMutablePointer<UInt8>.allocate(capacity: 1), message: messageBytes,
                previous: UnsafeMutablePointer<sigaction>.allocate(capacity: 65)))
        state.pointee.messageCount = message.utf8.count
        state.pointee.previous.initialize(repeating: sigaction(), count: 65)
        state.pointee.hasModes = tcgetattr(STDIN_FILENO, &state.pointee.modes) == 0
        Self.state = state
    }

    /// Installs the handlers, once the terminal is set up (its terminfo entry gives the
    /// strings that undo the screen). In a kiosk, the faults end the process without
    /// reaching the Swift runtime's backtracer.
    public static func arm(kiosk: Bool) {
        guard let state else { return }
        var bytes: [UInt8] = []
        for name in ["sgr0", "rmkx", "cnorm", "rmcup"] {
            if let raw = bs_tigetstr(name) { bytes += Array(String(cString: raw).utf8).filter { $0 != 0 } }
        }
        // ncurses turns xterm mouse reporting on when the entry has kmous; this turns it off.
        if bs_tigetstr("kmous") != nil { bytes += Array("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8) }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        buffer.initialize(from: bytes, count: bytes.count)
        state.pointee.bytes.deallocate()
        state.pointee.bytes = buffer
        state.pointee.byteCount = bytes.count
        state.pointee.kiosk = kiosk
        // A stack overflow is a SIGSEGV with no stack left to run the handler on: give it
        // an alternate stack, unless the runtime already set one up.
        var current = stack_t()
        if sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 {
            var stack = stack_t()
            stack.ss_size = 1 << 16
            stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: stack.ss_size, alignment: 16)
            stack.ss_flags = 0
            sigaltstack(&stack, nil)
        }
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = rescueHandler
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigemptyset(&action.sa_mask)
        for fault in faults {
            sigaction(fault, &action, state.pointee.previous + Int(fault))
        }
    }

    /// Puts back the handlers found by `arm` (the terminal was restored the normal way).
    public static func disarm() {
        guard let state else { return }
        for fault in faults {
            sigaction(fault, state.pointee.previous + Int(fault), nil)
        }
    }
}

/// The fault handler: only async-signal-safe calls (tcsetattr, write, sigaction, raise),
/// and outside a kiosk the handler that was there before.
private func rescueHandler(
    _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?,
    _ context: UnsafeMutableRawPointer?
) {
    guard let state = TerminalRescue.state else { return }
    if state.pointee.hasModes { tcsetattr(STDIN_FILENO, TCSANOW, &state.pointee.modes) }
    _ = write(STDOUT_FILENO, state.pointee.bytes, state.pointee.byteCount)
    _ = write(STDERR_FILENO, state.pointee.message, state.pointee.messageCount)
    state.pointee.hasModes = false
    state.pointee.byteCount = 0
    state.pointee.messageCount = 0
    if !state.pointee.kiosk {
        // Chained by a direct call: the handler found before (the backtracer) reports,
        // then the default action ends the process even if the fault does not recur
        // (a signal sent with kill).
        let previous = state.pointee.previous[Int(signal)]
        if previous.sa_flags & SA_SIGINFO != 0 {
            previous.__sigaction_handler.sa_sigaction?(signal, info, context)
        } else if let handler = previous.__sigaction_handler.sa_handler,
            unsafeBitCast(handler, to: Int.self) > 1
        { // neither SIG_DFL (0) nor SIG_IGN (1)
            handler(signal)
        }
    }
    // No backtracer in a kiosk: the default action ends the process with this signal,
    // delivered when this handler returns.
    var action = sigaction()
    action.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&action.sa_mask)
    sigaction(signal, &action, nil)
    raise(signal)
}
