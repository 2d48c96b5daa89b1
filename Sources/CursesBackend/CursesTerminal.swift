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

/// The ncursesw screen, the reader's real `TerminalBackend`: sets up the terminal,
/// draws frames and gives the terminal back. Keys come from `CursesKeyboard`, the
/// sequences frames are written with from `Terminfo` (as tmux splits tty.c,
/// tty-keys.c and tty-term.c).
///
/// Frames are written by `FrameWriter` straight to the terminal with terminfo's
/// sequences, one `write` per frame; ncurses only clears the screen for a full redraw.
/// A terminal without cursor addressing is drawn through ncurses cell by cell instead.
public final class CursesTerminal: TerminalBackend {
    private var screen: OpaquePointer?
    private var previous: CellBuffer?
    private var theme: Theme
    public private(set) var depth: ColorCapability = .mono
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int16 = 1
    /// Keys, clicks and resizes in.
    private var keyboard = CursesKeyboard()
    private var ended = false
    /// Writes frames to the terminal directly (nil: draw through ncurses).
    private var writer: FrameWriter?
    /// The bytes of the frame being written (kept to reuse their storage).
    private var frameBytes: [UInt8] = []
    /// Whether the writer has drawn anything since the last full redraw.
    private var wroteDirectly = false
    /// A frame whose bytes were worked out ahead (`prepare`), from the screen as it is now.
    private var prepared: (frame: CellBuffer, bytes: [UInt8], writer: FrameWriter)?

    /// The largest screen the reader lays out, in cells. A terminal that claims more
    /// (`stty rows 4000 cols 4000`) gets this much in its top left corner and the rest
    /// blank: the cell buffers, the layout and ncurses's own windows all grow with the
    /// size, and one session must not be able to take gigabytes.
    public static let maximumSize = (width: 1000, height: 500)
    /// The size the terminal claims (the screen used is at most `maximumSize`).
    public private(set) var claimedSize: (width: Int, height: Int) = (0, 0)
    /// Where frames are written: a descriptor of its own on the terminal, non-blocking,
    /// so that a client that stops reading never blocks the reader (see `send`).
    private var output: Int32 = STDOUT_FILENO
    /// Whether `output` is a descriptor of its own (else stdout, made non-blocking
    /// only while a frame is written: stdin shares its file status flags).
    private var ownOutput = false
    /// How long a terminal may accept nothing before the reader gives up on it.
    private let stallLimit: Double
    /// The terminal modes before ncurses changed them, to restore without ncurses.
    private var shellModes = termios()
    private var haveShellModes = false
    /// A frame was cut short (a signal, a stalled or vanished terminal): what the
    /// terminal shows is unknown, and ncurses must not write any more (it would block).
    private var outputBroken = false
    /// The terminal accepted nothing for `stallLimit` seconds: the loop must end.
    public private(set) var stalled = false
    /// Writing failed for good (the terminal is gone).
    public private(set) var gone = false
    /// The bytes that clear the screen with default attributes.
    private var clearScreen: [UInt8] = []

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
    /// `environment` decides NO_COLOR and COLORTERM; `stallLimit` is how many seconds a
    /// terminal may accept no output before the reader gives up on it.
    public init(theme: Theme, environment: [String: String], stallLimit: Double = 60) throws {
        self.theme = theme
        self.stallLimit = stallLimit
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalError(
                description: "TERM is not set; set it to your terminal type (e.g. TERM=xterm-256color).")
        }
        haveShellModes = tcgetattr(STDIN_FILENO, &shellModes) == 0
        // ncurses sizes its windows from LINES and COLUMNS when they are set: set them
        // to the capped size, so that a huge claim never reaches its allocations.
        let claimed = Self.kernelSize() ?? Self.environmentSize()
        claimedSize = claimed ?? (0, 0)
        if let claimed { Self.announce(Self.capped(claimed)) }
        guard let screen = newterm(nil, bs_stdout(), bs_stdin()) else {
            if bs_terminfo_exists(term) == 0 {
                throw TerminalError(
                    description: "unknown terminal type TERM=\(term): no terminfo entry. "
                        + "Try TERM=xterm-256color, TERM=linux or TERM=vt100.")
            }
            let (width, height) = claimedSize
            throw TerminalError(description: "cannot set up the terminal (TERM=\(term), \(width)×\(height) cells).")
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
        if let codes = Terminfo.codes() {
            writer = FrameWriter(codes: codes) { [unowned self] role, flags in
                Terminfo.look(of: ColorMapping.style(role: role, flags: flags, theme: self.theme), depth: self.depth)
            }
            clearScreen = (Terminfo.string("sgr0") ?? []) + (Terminfo.string("clear") ?? [])
            openOutput()
            // What ncurses holds from start-up (the alternate screen, keypad mode) goes
            // out now, to a terminal that has just connected; after this it writes nothing.
            wrefresh(bs_stdscr())
        }
    }

    /// Opens the terminal again for frames, non-blocking (its own file description, so
    /// stdin and the parent shell keep blocking ones); stdout when that fails.
    private func openOutput() {
        guard let name = ttyname(STDOUT_FILENO) else { return }
        let fd = open(name, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        if fd >= 0 {
            output = fd
            ownOutput = true
        }
    }

    /// The size the kernel has for the terminal, if it is one and says.
    private static func kernelSize() -> (width: Int, height: Int)? {
        var rows: Int32 = 0
        var cols: Int32 = 0
        for fd in [STDOUT_FILENO, STDIN_FILENO] where bs_window_size(fd, &rows, &cols) != 0 && rows > 0 && cols > 0 {
            return (Int(cols), Int(rows))
        }
        return nil
    }

    /// LINES and COLUMNS, when the kernel gives no size.
    private static func environmentSize() -> (width: Int, height: Int)? {
        guard let lines = getenv("LINES").flatMap({ Int(String(cString: $0)) }),
            let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }),
            lines > 0, columns > 0
        else { return nil }
        return (columns, lines)
    }

    /// `size` within `maximumSize`.
    static func capped(_ size: (width: Int, height: Int)) -> (width: Int, height: Int) {
        (min(size.width, maximumSize.width), min(size.height, maximumSize.height))
    }

    /// Tells ncurses the size to use (it reads LINES and COLUMNS before the kernel's).
    private static func announce(_ size: (width: Int, height: Int)) {
        setenv("LINES", String(size.height), 1)
        setenv("COLUMNS", String(size.width), 1)
    }

    /// A notice for the status line when the terminal is larger than the screen used.
    public var sizeNotice: String? {
        let used = size
        guard claimedSize.width > used.width || claimedSize.height > used.height else { return nil }
        let (width, height) = claimedSize
        return "screen capped at \(used.width)×\(used.height) (the terminal claims \(width)×\(height))"
    }

    deinit {
        end()
        if ownOutput { close(output) }
    }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(bs_stdscr())), Int(getmaxy(bs_stdscr())))
    }

    /// Switches theme; the next `present` redraws everything.
    public func apply(theme: Theme) {
        prepared = nil
        self.theme = theme.degraded(to: depth)
        looks = Array(repeating: nil, count: Self.lookSlots)
        writer?.forgetLooks()
        previous = nil
    }

    /// Forgets what is on screen so the next `present` redraws everything (Ctrl-L, resize).
    public func invalidate() {
        prepared = nil
        previous = nil
    }

    /// Works out, while idle, the bytes that would draw `buffer` next; a `present` of
    /// the same buffer before anything else is drawn then only sends them.
    public func prepare(_ buffer: CellBuffer) {
        guard var ahead = writer, let previous, previous.width == buffer.width,
            previous.height == buffer.height
        else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(frameBytes.capacity)
        ahead.write(from: previous, to: buffer, into: &bytes)
        prepared = (buffer, bytes, ahead)
    }

    /// Whether two buffers share their cell storage (the same frame, never changed since).
    private static func sameStorage(_ a: CellBuffer, _ b: CellBuffer) -> Bool {
        a.cells.withUnsafeBufferPointer { x in b.cells.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }

    /// Draws only the cells of `buffer` that changed since the last call.
    public func present(_ buffer: CellBuffer) {
        guard writer != nil else { return presentThroughCurses(buffer) }
        defer { prepared = nil }
        if let ready = prepared, previous != nil, Self.sameStorage(ready.frame, buffer) || ready.frame == buffer {
            writer = ready.writer
            // A frame cut short leaves the screen unknown: the next one is drawn whole.
            previous = send(ready.bytes) ? buffer : nil
            return
        }
        if let previous, previous.width != buffer.width || previous.height != buffer.height {
            self.previous = nil
        }
        frameBytes.removeAll(keepingCapacity: true)
        if previous == nil {
            // A full redraw starts from a cleared screen, cleared here rather than by
            // ncurses: ncurses never writes while the reader runs (its writes block, and
            // spin on a non-blocking terminal), so nothing may touch its windows.
            frameBytes += clearScreen
            writer?.forgetCursor()
        }
        let full = previous == nil
        writer?.write(from: previous, to: buffer, into: &frameBytes)
        wroteDirectly = true
        if send(frameBytes) {
            // A whole frame from a cleared screen makes the screen known again.
            if full { outputBroken = false }
            previous = buffer
        } else {
            previous = nil
            writer?.forgetCursor()
        }
    }

    /// Writes all of `bytes` to the terminal without ever blocking: a full terminal
    /// (a client that stopped reading) is waited for with `poll`, a tenth of a second
    /// at a time, and the write gives up early when a blocked signal is pending (the
    /// loop then handles it), or when the terminal accepted nothing for `stallLimit`
    /// seconds (`stalled`). Either way the screen is unknown (`outputBroken`). True
    /// when every byte went out.
    @discardableResult
    private func send(_ bytes: [UInt8], limit: Double? = nil, stopForSignals: Bool = true) -> Bool {
        guard !gone, !stalled else { return false }
        let limit = (limit ?? stallLimit) * 1000
        if !ownOutput { Self.setNonBlocking(STDOUT_FILENO, true) }
        defer { if !ownOutput { Self.setNonBlocking(STDOUT_FILENO, false) } }
        var progress = Self.now()
        return bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(output, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                    progress = Self.now()
                    continue
                }
                if n < 0 && errno == EINTR { continue }
                guard n < 0, errno == EAGAIN || errno == EWOULDBLOCK else {
                    gone = true // EIO: the terminal has hung up
                    break
                }
                if stopForSignals, Self.signalPending() { break }
                if Self.now() - progress >= limit {
                    stalled = true
                    break
                }
                var descriptor = pollfd(fd: output, events: Int16(POLLOUT), revents: 0)
                _ = poll(&descriptor, 1, 100)
            }
            guard offset == raw.count else {
                outputBroken = true
                prepared = nil
                return false
            }
            return true
        }
    }

    /// Whether a signal is pending that this process blocks (the loop's signals, which
    /// it takes between reads): a write in progress yields to it.
    private static func signalPending() -> Bool {
        var pending = sigset_t()
        guard sigpending(&pending) == 0 else { return false }
        for signal in 1..<32 where sigismember(&pending, Int32(signal)) == 1 { return true }
        return false
    }

    /// Sets or clears O_NONBLOCK on `fd`.
    private static func setNonBlocking(_ fd: Int32, _ on: Bool) {
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0 else { return }
        _ = fcntl(fd, F_SETFL, on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK)
    }

    /// Draws the changed cells through ncurses, one explicitly placed cell at a time.
    private func presentThroughCurses(_ buffer: CellBuffer) {
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

    /// Whether a key is already waiting to be read.
    public var inputPending: Bool { keyboard.inputPending }

    /// Waits up to `milliseconds` for a key, a click or a resize.
    public func read(timeout milliseconds: Int32) -> TerminalInput {
        if gone { return .closed }
        if let resized = followSize() { return .key(resized) }
        switch keyboard.read(timeout: milliseconds) {
        case .key(let key): return .key(key)
        // ncurses has resized its windows: redraw everything from a cleared screen.
        case .resized: return .key(resized())
        case .timeout: return .timeout
        case .closed: return .closed
        }
    }

    /// Resizes ncurses to the kernel's size (capped) when it differs from the size in
    /// use: ncurses takes the size from LINES and COLUMNS, which this keeps current,
    /// and a resize signal it handled before they were updated is caught up here.
    private func followSize() -> KeyEvent? {
        guard let claimed = Self.kernelSize() else { return nil }
        claimedSize = claimed
        let wanted = Self.capped(claimed)
        guard wanted != size else { return nil }
        Self.announce(wanted)
        resizeterm(Int32(wanted.height), Int32(wanted.width))
        return resized()
    }

    /// After ncurses resized its windows: forget the screen, leave the windows
    /// untouched (so ncurses does not redraw them itself) and report the new size.
    private func resized() -> KeyEvent {
        previous = nil
        prepared = nil
        wnoutrefresh(bs_stdscr())
        let (width, height) = size
        return .resize(width: width, height: height)
    }

    /// Restores the terminal. Safe to call more than once, and bounded in time: when
    /// the terminal does not take its output (a stalled client), ncurses's own restore
    /// would block (it drains the output first), so the modes are put back directly
    /// and the closing bytes are offered without waiting.
    public func end() {
        guard !ended, let screen else { return }
        ended = true
        if var writer, wroteDirectly, !outputBroken {
            // Plain attributes and the cursor at the top left, where ncurses is told it is.
            frameBytes.removeAll(keepingCapacity: true)
            writer.finish(into: &frameBytes)
            send(frameBytes, limit: 0.5, stopForSignals: false)
            self.writer = writer
        }
        if outputBroken || gone || !drained(within: 500) {
            abandon()
            return
        }
        if wroteDirectly { mvcur(0, 0, Int32(size.height) - 1, 0) }
        mousemask(0, nil)
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
    }

    /// Whether the terminal's output queue empties within `milliseconds` (true when
    /// it cannot be asked).
    private func drained(within milliseconds: Double) -> Bool {
        let start = Self.now()
        while true {
            let queued = bs_output_queued(output)
            if queued <= 0 { return true }
            if Self.now() - start >= milliseconds { return false }
            usleep(10_000)
        }
    }

    /// Leaves a terminal that does not take output: the shell's modes back at once
    /// (TCSANOW: no waiting for the output to drain), the closing sequences offered
    /// without blocking, and ncurses left alone (its restore would block).
    private func abandon() {
        if haveShellModes { tcsetattr(STDIN_FILENO, TCSANOW, &shellModes) }
        stalled = false
        gone = false
        var closing: [UInt8] = []
        for name in ["sgr0", "cnorm", "rmkx", "rmcup"] { closing += Terminfo.string(name) ?? [] }
        closing += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\r\n".utf8)
        send(closing, limit: 0.2, stopForSignals: false)
        screen = nil
    }

    /// Monotonic wall-clock time in milliseconds.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
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
