#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every signal whose default action ends the process and that can be caught without a
/// fault behind it (SIGHUP, SIGTERM, SIGINT, SIGPIPE, SIGUSR1, SIGALRM, … and the
/// real-time ones), blocked and polled by the main loop: no handler runs, so there is
/// no global flag and the loop does all the work (save, restore, exit 128+n). Faults
/// (SIGSEGV, SIGILL, …) cannot wait for the loop: `TerminalRescue` handles those.
struct SignalWatch {
    private var set = sigset_t()

    /// The signals watched: the terminating ones that a program receives rather than causes.
    static let watched: [Int32] = {
        var signals = [
            SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
            SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT,
        ]
        #if canImport(Glibc)
        signals += Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
        #endif
        return signals
    }()

    /// Blocks the watched signals for this process.
    init() {
        sigemptyset(&set)
        for signal in Self.watched { sigaddset(&set, signal) }
        sigprocmask(SIG_BLOCK, &set, nil)
    }

    /// The number of a watched signal that arrived, taken off the pending set; nil if none.
    func take() -> Int32? {
        var pending = sigset_t()
        sigpending(&pending)
        for signal in Self.watched where sigismember(&pending, signal) == 1 {
            var one = sigset_t()
            sigemptyset(&one)
            sigaddset(&one, signal)
            var received: Int32 = 0
            sigwait(&one, &received)
            return received
        }
        return nil
    }

    /// Unblocks the signals again (after the terminal is restored).
    func release() {
        var set = self.set
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }
}
