import CNcursesw
import ReaderCore
import ReaderUI

/// The terminal's capabilities from terminfo (set up by `newterm`): the sequences
/// frames are written with, and the bytes that give a role its look. Only reads:
/// nothing here writes to the terminal. (tmux's tty-term.c, to the set-up and drawing
/// of `CursesTerminal` and the key decoding of `CursesKeyboard`.)
enum Terminfo {
    /// The terminal's sequences from terminfo; nil without cursor addressing.
    static func codes() -> TerminalCodes? {
        guard string("cup") != nil else { return nil }
        /// A capability with numeric parameters: formatted here when it has the plain
        /// CSI form, else expanded by tiparm at each use.
        func template(
            _ name: String, _ form: String, final: Character, oneBased: Bool, two: Bool
        ) -> TerminalCodes.Template {
            guard let raw = bs_tigetstr(name) else { return .missing }
            let text = String(cString: raw)
            if withoutPadding(Array(text.utf8)) == Array(form.utf8) {
                return .csi(final: UInt8(ascii: final.unicodeScalars.first!), oneBased: oneBased)
            }
            return .expand { a, b in
                guard let out = two ? bs_tiparm2(text, Int32(a), Int32(b)) : bs_tiparm1(text, Int32(a)) else {
                    return []
                }
                return withoutPadding(Array(String(cString: out).utf8))
            }
        }
        let am = bs_tigetflag("am") != 0
        let xenl = bs_tigetflag("xenl") != 0
        return TerminalCodes(
            cursorAddress: template("cup", "\u{1B}[%i%p1%d;%p2%dH", final: "H", oneBased: true, two: true),
            columnAddress: template("hpa", "\u{1B}[%i%p1%dG", final: "G", oneBased: true, two: false),
            cursorRight: template("cuf", "\u{1B}[%p1%dC", final: "C", oneBased: false, two: false),
            eraseCharacters: template("ech", "\u{1B}[%p1%dX", final: "X", oneBased: false, two: false),
            clearToEnd: string("el"), carriageReturn: string("cr"), cursorDown: string("cud1"),
            resetAttributes: string("sgr0") ?? [],
            backColorErase: bs_tigetflag("bce") != 0, lastColumnIsSafe: !am || xenl)
    }

    /// A string capability without its padding, nil when absent or empty.
    static func string(_ name: String) -> [UInt8]? {
        guard let raw = bs_tigetstr(name) else { return nil }
        let bytes = withoutPadding(Array(String(cString: raw).utf8))
        return bytes.isEmpty ? nil : bytes
    }

    /// `bytes` without terminfo padding (`$<5>`): a pty or terminal emulator needs none.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
                let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">"))
            {
                i = close + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// How `style` is drawn at colour `depth`: the attribute and colour sequence after a
    /// reset, and what its blanks look like.
    static func look(of style: RoleStyle, depth: ColorCapability) -> TerminalLook {
        var sequence = string("sgr0") ?? []
        func add(_ name: String, _ on: Bool) {
            if on, let bytes = string(name) { sequence += bytes }
        }
        add("bold", style.bold)
        add("dim", style.dim)
        add("sitm", style.italic && depth == .palette256)
        add("smul", style.underline)
        add("rev", style.reverse)
        var foreground = -1
        var background = -1
        if depth != .mono {
            foreground = style.foreground.paletteIndex
            background = style.background.paletteIndex
            for (name, index) in [("setaf", foreground), ("setab", background)] where index >= 0 {
                if let cap = bs_tigetstr(name), let out = bs_tiparm1(cap, Int32(index)) {
                    sequence += withoutPadding(Array(String(cString: out).utf8))
                } else if name == "setaf" {
                    foreground = -1
                } else {
                    background = -1
                }
            }
        }
        var key = background + 1
        if style.reverse { key = 1 << 20 | (foreground + 1) << 10 | (background + 1) }
        if style.underline { key |= 1 << 21 | (foreground + 1) << 10 }
        let erasable = !style.reverse && !style.underline && (background == -1 || bs_tigetflag("bce") != 0)
        return TerminalLook(sequence: sequence, blankKey: key, erasable: erasable)
    }
}
