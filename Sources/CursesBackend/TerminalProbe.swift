import CNcursesw

#if canImport(Glibc)
import Glibc
#endif

/// What the terminal named by $TERM can do, asked of terminfo before curses starts.
public enum TerminalProbe {
    /// False when the terminfo entry for `term` exists but cannot place the cursor
    /// (`TERM=dumb`, hard-copy terminals): a full-screen reader cannot draw there.
    /// True when it can, or when there is no entry (curses then says so itself).
    public static func addressesCursor(term: String) -> Bool {
        bs_addresses_cursor(term) != 0
    }

    /// The terminal's size from the kernel (TIOCGWINSZ on stdout); nil when unknown.
    public static func windowSize() -> (width: Int, height: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
