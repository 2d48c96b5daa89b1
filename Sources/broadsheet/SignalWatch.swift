#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGHUP, SIGTERM and SIGINT, blocked and polled by the main loop: no handler runs,
/// so there is no global flag and the loop does all the work (save, restore, exit 128+n).
struct SignalWatch {
    private var set = sigset_t()

    /// Blocks the watched signals for this process.
    init() {
        sigemptyset(&set)
        for signal in [SIGHUP, SIGTERM, SIGINT] { sigaddset(&set, signal) }
        sigprocmask(SIG_BLOCK, &set, nil)
    }

    /// The number of a watched signal that arrived, taken off the pending set; nil if none.
    func take() -> Int32? {
        var pending = sigset_t()
        sigpending(&pending)
        for signal in [SIGHUP, SIGTERM, SIGINT] where sigismember(&pending, signal) == 1 {
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
