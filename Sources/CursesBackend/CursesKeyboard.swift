import CNcursesw
import ReaderUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The keyboard side of the curses terminal: reads a key, a click or a resize through
/// `wget_wch` and decodes it, and tells a closed terminal from a quiet one. (tmux's
/// tty-keys.c, to the set-up and drawing of `CursesTerminal`.)
struct CursesKeyboard {
    /// What one read gave.
    enum Read: Equatable {
        case key(KeyEvent)
        /// ncurses resized its windows (the terminal's size changed).
        case resized
        /// Nothing arrived before the timeout (or a key the reader does not use).
        case timeout
        /// The terminal is gone.
        case closed
    }

    /// Reads that failed at once, in a row: a closed terminal returns ERR over and over.
    private var fastErrors = 0

    /// Whether a key is already waiting to be read.
    var inputPending: Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    /// Waits up to `milliseconds` for a key or a click; `.resized` when ncurses has
    /// resized its windows (the terminal then forgets its screen and reports the size).
    mutating func read(timeout milliseconds: Int32) -> Read {
        wtimeout(bs_stdscr(), milliseconds)
        var ch: wint_t = 0
        let started = CursesTerminal.now()
        errno = 0
        let result = wget_wch(bs_stdscr(), &ch)
        if result == bs_err() {
            // A closed terminal returns ERR at once, over and over: do not spin.
            let early = milliseconds > 0 && CursesTerminal.now() - started < Double(milliseconds) / 4
            if early, errno == EIO || isatty(STDIN_FILENO) == 0 { return .closed }
            fastErrors = early ? fastErrors + 1 : 0
            return fastErrors > 50 ? .closed : .timeout
        }
        fastErrors = 0
        if result == bs_key_code_yes() {
            let code = Int32(bitPattern: ch)
            if code == bs_key_resize() { return .resized }
            return special(code).map { .key($0) } ?? .timeout
        }
        switch ch {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(ch + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(ch), ch >= 32 else { return .timeout }
            return .key(.character(Character(scalar)))
        }
    }

    /// Decodes a function key or the mouse.
    private func special(_ code: Int32) -> KeyEvent? {
        switch code {
        case bs_key_mouse():
            var event = MEVENT()
            guard getmouse(&event) == bs_ok() else { return nil }
            if event.bstate & bs_wheel_up() != 0 { return .wheelUp }
            if event.bstate & bs_wheel_down() != 0 { return .wheelDown }
            if event.bstate & bs_button1_clicked() != 0 {
                // Press and release both arrive; act on one of them only.
                if event.bstate & bs_button1_released() != 0 { return nil }
                return .click(row: Int(event.y), column: Int(event.x))
            }
            return nil
        case bs_key_up(): return .up
        case bs_key_down(): return .down
        case bs_key_left(): return .left
        case bs_key_right(): return .right
        case bs_key_npage(): return .pageDown
        case bs_key_ppage(): return .pageUp
        case bs_key_home(): return .home
        case bs_key_end(): return .end
        case bs_key_backspace(): return .backspace
        case bs_key_dc(): return .delete
        case bs_key_ic(): return .insert
        case bs_key_enter(): return .enter
        case bs_key_btab(): return .backTab
        case (bs_key_f0() + 1)...(bs_key_f0() + 12): return .function(Int(code - bs_key_f0()))
        default: return nil
        }
    }
}
