/// The control sequences of one terminal that `FrameWriter` emits, and its wrapping
/// quirks. The backend fills this from terminfo; tests use `ansi`.
public struct TerminalCodes: Sendable {
    /// How a capability with numeric parameters is produced.
    public enum Template: Sendable {
        /// The terminal lacks it.
        case missing
        /// ESC [ p1 ; p2 … final, parameters in decimal (plus one when `oneBased`):
        /// what xterm, vt100 and the Linux console use, formatted without terminfo.
        case csi(final: UInt8, oneBased: Bool)
        /// Anything else: expanded by the terminal library (tparm).
        case expand(@Sendable (Int, Int) -> [UInt8])

        /// Whether the terminal has it.
        public var isAvailable: Bool {
            if case .missing = self { return false }
            return true
        }
    }

    /// cup: move to row, column (0-based).
    public var cursorAddress: Template
    /// hpa: move to a column of the current row.
    public var columnAddress: Template
    /// cuf: move right by n.
    public var cursorRight: Template
    /// ech: blank n cells from the cursor without moving it.
    public var eraseCharacters: Template
    /// el: blank from the cursor to the end of the row.
    public var clearToEnd: [UInt8]?
    /// cr: to column 0 of the row.
    public var carriageReturn: [UInt8]?
    /// cud1: one row down, same column.
    public var cursorDown: [UInt8]?
    /// sgr0: all attributes and colours off.
    public var resetAttributes: [UInt8]
    /// bce: erasing fills with the current background colour.
    public var backColorErase: Bool
    /// Writing the last column leaves the cursor on that row (xenl, or no auto-margins);
    /// without this the writer leaves the last column alone.
    public var lastColumnIsSafe: Bool

    public init(
        cursorAddress: Template, columnAddress: Template = .missing, cursorRight: Template = .missing,
        eraseCharacters: Template = .missing, clearToEnd: [UInt8]? = nil,
        carriageReturn: [UInt8]? = nil, cursorDown: [UInt8]? = nil, resetAttributes: [UInt8],
        backColorErase: Bool = false, lastColumnIsSafe: Bool = true
    ) {
        self.cursorAddress = cursorAddress
        self.columnAddress = columnAddress
        self.cursorRight = cursorRight
        self.eraseCharacters = eraseCharacters
        self.clearToEnd = clearToEnd
        self.carriageReturn = carriageReturn
        self.cursorDown = cursorDown
        self.resetAttributes = resetAttributes
        self.backColorErase = backColorErase
        self.lastColumnIsSafe = lastColumnIsSafe
    }

    /// xterm's sequences (the ones of xterm-256color's terminfo entry).
    public static let ansi = TerminalCodes(
        cursorAddress: .csi(final: UInt8(ascii: "H"), oneBased: true),
        columnAddress: .csi(final: UInt8(ascii: "G"), oneBased: true),
        cursorRight: .csi(final: UInt8(ascii: "C"), oneBased: false),
        eraseCharacters: .csi(final: UInt8(ascii: "X"), oneBased: false),
        clearToEnd: Array("\u{1B}[K".utf8), carriageReturn: [13], cursorDown: [10],
        resetAttributes: Array("\u{1B}(B\u{1B}[m".utf8), backColorErase: true, lastColumnIsSafe: true)

    /// Appends `template` with parameters `a` (and `b` when `two`) to `out`.
    @inline(__always)
    static func append(_ template: Template, _ a: Int, _ b: Int, two: Bool, to out: inout [UInt8]) {
        switch template {
        case .missing:
            break
        case .csi(let final, let oneBased):
            let shift = oneBased ? 1 : 0
            out.append(0x1B)
            out.append(UInt8(ascii: "["))
            appendDecimal(a + shift, to: &out)
            if two {
                out.append(UInt8(ascii: ";"))
                appendDecimal(b + shift, to: &out)
            }
            out.append(final)
        case .expand(let expand):
            out.append(contentsOf: expand(a, b))
        }
    }

    /// Bytes `append` would write.
    @inline(__always)
    static func cost(_ template: Template, _ a: Int, _ b: Int, two: Bool) -> Int {
        switch template {
        case .missing:
            return Int.max / 4
        case .csi(_, let oneBased):
            let shift = oneBased ? 1 : 0
            return 3 + digits(a + shift) + (two ? 1 + digits(b + shift) : 0)
        case .expand(let expand):
            return expand(a, b).count
        }
    }

    /// Decimal digits of a non-negative number.
    @inline(__always)
    private static func digits(_ n: Int) -> Int {
        n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : String(n).utf8.count
    }

    /// Appends `n` in decimal.
    @inline(__always)
    private static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n < 10 {
            out.append(UInt8(48 + n))
        } else if n < 100 {
            out.append(UInt8(48 + n / 10))
            out.append(UInt8(48 + n % 10))
        } else {
            out.append(contentsOf: String(n).utf8)
        }
    }
}
