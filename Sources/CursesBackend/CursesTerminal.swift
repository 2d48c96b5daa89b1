import CNcursesw
import ReaderCore
import ReaderUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not be opened.
public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// What one read from the keyboard gave.
public enum TerminalInput: Equatable {
    case key(KeyEvent)
    /// Nothing arrived before the timeout.
    case timeout
    /// The terminal is gone (ssh dropped, stdin closed): the loop must end.
    case closed
}

/// The ncursesw screen: draws buffer diffs cell by cell and decodes keys and mouse.
public final class CursesTerminal {
    private var screen: OpaquePointer?
    private var previous: CellBuffer?
    private var theme: Theme
    public private(set) var depth: ColorCapability = .mono
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int16 = 1
    private var fastErrors = 0
    private var ended = false

    /// Attributes and pair per (role, flags), worked out once per theme; indexed by
    /// `lookIndex` so that drawing a cell costs an array read, not a hash lookup.
    private var looks: [(attr_t, Int16)?] = Array(repeating: nil, count: CursesTerminal.lookSlots)

    /// One slot per role case and flag combination (3 flag bits).
    private static let lookSlots = 256 * 8

    /// Slot of a role with overlay flags in `looks`.
    @inline(__always)
    private static func lookIndex(_ role: Role, _ flags: CellFlags) -> Int {
        // A payload-free enum with fewer than 256 cases is stored as its case number.
        let number = withUnsafeBytes(of: role) { Int($0[0]) }
        return number << 3 | Int(flags.rawValue & 7)
    }

    private struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    /// Opens the terminal named by $TERM. Call `setlocale` first (see `TerminalLocale.prepare`).
    /// `environment` decides NO_COLOR and COLORTERM.
    public init(theme: Theme, environment: [String: String]) throws {
        self.theme = theme
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalError(description: "TERM is not set; set it to your terminal type (e.g. TERM=xterm-256color).")
        }
        guard let screen = newterm(nil, bs_stdout(), bs_stdin()) else {
            throw TerminalError(description: "unknown terminal type TERM=\(term): no terminfo entry. Try TERM=xterm-256color, TERM=linux or TERM=vt100.")
        }
        self.screen = screen
        set_term(screen)
        raw()
        noecho()
        nonl()
        keypad(bs_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        leaveok(bs_stdscr(), true)
        scrollok(bs_stdscr(), false)
        mousemask(bs_all_mouse_events(), nil)
        mouseinterval(0)
        let detected = has_colors() ? ColorCapability.detect(colors: Int(bs_colors()), environment: environment) : .mono
        if detected != .mono {
            start_color()
            use_default_colors()
        }
        // Colour pairs take palette indices: 24-bit themes are drawn from the 256 palette.
        depth = min(detected, .palette256)
        self.theme = theme.degraded(to: depth)
    }

    deinit {
        end()
    }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(bs_stdscr())), Int(getmaxy(bs_stdscr())))
    }

    /// Switches theme; the next `present` redraws everything.
    public func apply(theme: Theme) {
        self.theme = theme.degraded(to: depth)
        looks = Array(repeating: nil, count: Self.lookSlots)
        previous = nil
    }

    /// Forgets what is on screen so the next `present` redraws everything (Ctrl-L, resize).
    public func invalidate() {
        previous = nil
        werase(bs_stdscr())
    }

    /// Draws only the cells of `buffer` that changed since the last call, then refreshes.
    public func present(_ buffer: CellBuffer) {
        if let previous, previous.width != buffer.width || previous.height != buffer.height {
            werase(bs_stdscr())
            self.previous = nil
        }
        let spans = BufferDiff.between(previous, buffer)
        var wide: [wchar_t] = Array(repeating: 0, count: 6)
        for span in spans {
            var column = span.column
            for cell in span.cells {
                defer { column += 1 }
                if cell.isContinuation { continue }
                let (attributes, pair) = look(of: cell)
                var n = 0
                for scalar in cell.text.unicodeScalars where n < 5 {
                    wide[n] = wchar_t(bitPattern: scalar.value)
                    n += 1
                }
                if n == 0 { wide[0] = 0x20; n = 1 }
                wide[n] = 0
                _ = bs_put_cell(Int32(span.row), Int32(column), wide, attributes, pair)
            }
        }
        previous = buffer
        wnoutrefresh(bs_stdscr())
        doupdate()
    }

    /// Waits up to `milliseconds` for a key, a click or a resize.
    public func read(timeout milliseconds: Int32) -> TerminalInput {
        wtimeout(bs_stdscr(), milliseconds)
        var ch: wint_t = 0
        let started = Self.now()
        errno = 0
        let result = wget_wch(bs_stdscr(), &ch)
        if result == bs_err() {
            // A closed terminal returns ERR at once, over and over: do not spin.
            let early = milliseconds > 0 && Self.now() - started < Double(milliseconds) / 4
            if early, errno == EIO || isatty(STDIN_FILENO) == 0 { return .closed }
            fastErrors = early ? fastErrors + 1 : 0
            return fastErrors > 50 ? .closed : .timeout
        }
        fastErrors = 0
        if result == bs_key_code_yes() {
            return special(Int32(bitPattern: ch)).map { .key($0) } ?? .timeout
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

    /// Restores the terminal. Safe to call more than once.
    public func end() {
        guard !ended, let screen else { return }
        ended = true
        mousemask(0, nil)
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
    }

    /// Monotonic wall-clock time in milliseconds.
    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
    }

    /// Decodes a function key, the mouse and resize.
    private func special(_ code: Int32) -> KeyEvent? {
        switch code {
        case bs_key_resize():
            let (width, height) = size
            return .resize(width: width, height: height)
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

    /// The attributes and colour pair for a cell under the current theme and depth.
    private func look(of cell: Cell) -> (attr_t, Int16) {
        // Flags beyond the three known bits are not cached (no slot for them).
        guard cell.flags.rawValue < 8 else { return computeLook(role: cell.role, flags: cell.flags) }
        let index = Self.lookIndex(cell.role, cell.flags)
        if let known = looks[index] { return known }
        let look = computeLook(role: cell.role, flags: cell.flags)
        looks[index] = look
        return look
    }

    /// Works out the attributes and colour pair for a role with overlay flags.
    private func computeLook(role: Role, flags: CellFlags) -> (attr_t, Int16) {
        let style = ColorMapping.style(role: role, flags: flags, theme: theme)
        var attributes = bs_a_normal()
        if style.bold { attributes |= bs_a_bold() }
        if style.dim { attributes |= bs_a_dim() }
        if style.italic && depth == .palette256 { attributes |= bs_a_italic() }
        if style.underline { attributes |= bs_a_underline() }
        if style.reverse { attributes |= bs_a_reverse() }
        guard depth != .mono else { return (attributes, 0) }
        let key = PairKey(foreground: style.foreground.paletteIndex, background: style.background.paletteIndex)
        if key.foreground == -1 && key.background == -1 { return (attributes, 0) }
        if let pair = pairs[key] { return (attributes, pair) }
        guard Int32(nextPair) < bs_color_pairs(), nextPair < Int16.max else { return (attributes, 0) }
        let pair = nextPair
        init_pair(pair, Int16(key.foreground), Int16(key.background))
        pairs[key] = pair
        nextPair += 1
        return (attributes, pair)
    }
}
