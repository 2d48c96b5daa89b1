import ReaderCore
import Testing

@testable import ReaderUI

/// A small xterm model: enough of cup, hpa, cuf, ech, el, cr, lf, SGR and UTF-8 text to
/// check that the writer's bytes turn one screen into the next.
struct TerminalModel {
    let width: Int
    let height: Int
    /// Text of each cell ("" right of a wide character) and the SGR bytes it was drawn with.
    var text: [[String]]
    var look: [[String]]
    var row = 0
    var column = 0
    var pendingWrap = false
    var sgr = ""
    /// How this terminal measures; `.wide` plays a CJK terminal the reader was not told about.
    let measure: DisplayWidth

    init(width: Int, height: Int, ambiguous: AmbiguousWidth = .narrow) {
        self.width = width
        self.height = height
        measure = DisplayWidth(ambiguous: ambiguous)
        text = Array(repeating: Array(repeating: " ", count: width), count: height)
        look = Array(repeating: Array(repeating: "", count: width), count: height)
    }

    /// Feeds terminal bytes.
    mutating func feed(_ bytes: [UInt8]) {
        let string = String(decoding: bytes, as: UTF8.self)
        var scalars = Array(string.unicodeScalars)[...]
        while let s = scalars.first {
            scalars = scalars.dropFirst()
            switch s.value {
            case 0x1B:
                guard let next = scalars.first else { return }
                scalars = scalars.dropFirst()
                if next == "(" { scalars = scalars.dropFirst(); continue }
                guard next == "[" else { continue }
                var parameters = ""
                while let p = scalars.first, !(0x40...0x7E).contains(p.value) {
                    parameters.unicodeScalars.append(p)
                    scalars = scalars.dropFirst()
                }
                guard let final = scalars.first else { return }
                scalars = scalars.dropFirst()
                csi(parameters, Character(final))
            case 0x0D:
                column = 0
                pendingWrap = false
            case 0x0A:
                row = min(height - 1, row + 1)
                pendingWrap = false
            default:
                put(s)
            }
        }
    }

    /// Applies one CSI sequence.
    private mutating func csi(_ parameters: String, _ final: Character) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        let n = max(1, numbers.first ?? 1)
        switch final {
        case "H":
            row = max(1, numbers.first ?? 1) - 1
            column = max(1, numbers.count > 1 ? numbers[1] : 1) - 1
            pendingWrap = false
        case "G":
            column = n - 1
            pendingWrap = false
        case "C":
            column = min(width - 1, column + n)
            pendingWrap = false
        case "X":
            for x in column..<min(width, column + n) { blank(row, x) }
        case "K":
            for x in column..<width { blank(row, x) }
        case "m":
            sgr = parameters
        default:
            Issue.record("unexpected CSI \(parameters)\(final)")
        }
    }

    /// Blanks one cell with the current attributes.
    private mutating func blank(_ r: Int, _ x: Int) {
        text[r][x] = " "
        look[r][x] = sgr
    }

    /// Draws one scalar; a zero-width one joins the cell before the cursor.
    private mutating func put(_ scalar: Unicode.Scalar) {
        let w = measure.of(scalar)
        if w == 0 {
            let x = pendingWrap ? column : column - 1
            if x >= 0 { text[row][x].unicodeScalars.append(scalar) }
            return
        }
        if pendingWrap {
            pendingWrap = false
            column = 0
            row = min(height - 1, row + 1)
        }
        // A character cut in half loses its other half, as in xterm.
        if text[row][column] == "", column > 0 { blank(row, column - 1) }
        if column + 1 < width, text[row][column + 1] == "" { blank(row, column + 1) }
        if w == 2, column + 2 < width, text[row][column + 2] == "" { blank(row, column + 2) }
        text[row][column] = String(scalar)
        look[row][column] = sgr
        if w == 2, column + 1 < width {
            text[row][column + 1] = ""
            look[row][column + 1] = sgr
        }
        column += w
        if column >= width {
            column = width - 1
            pendingWrap = true
        }
    }

    /// The rows as text, trailing blanks trimmed (as `CellBuffer.lines`).
    func lines() -> [String] {
        text.map { cells in
            var line = cells.joined()
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}

@Suite("Frame writer")
struct FrameWriterTests {
    /// Looks for the tests: each role its own SGR parameters; status blanks differ from others.
    static func look(_ role: Role, _ flags: CellFlags) -> TerminalLook {
        let index = Role.allCases.firstIndex(of: role) ?? 0
        let plain = role == .body || role == .rule || role == .headline
        let parameters = plain ? "0" : "0;\(index + 30 + Int(flags.rawValue) * 100)"
        return TerminalLook(
            sequence: Array("\u{1B}[\(parameters)m".utf8),
            blankKey: plain ? 0 : 1000 + index, erasable: plain)
    }

    /// Checks the model shows `buffer`'s text, and every non-blank cell in its role's look.
    static func expectShows(_ model: TerminalModel, _ buffer: CellBuffer, _ context: String) {
        #expect(model.lines() == buffer.lines(), "\(context)")
        for r in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[r, x]
                guard !cell.isContinuation, !cell.isSpace, !cell.isIdeographicSpace else { continue }
                let want = String(decoding: look(cell.role, cell.flags).sequence.dropFirst(2).dropLast(), as: UTF8.self)
                #expect(model.look[r][x] == want, "\(context): cell \(r),\(x) \(cell.text)")
            }
        }
    }

    @Test(
        "paging through the sample's articles, each frame's bytes turn the last screen into the next",
        arguments: [(100, 30), (80, 24), (40, 12)])
    func pagingThroughSample(width: Int, height: Int) {
        var session = Session(width: width, height: height)
        var writer = FrameWriter(codes: .ansi, resolve: Self.look)
        var model = TerminalModel(width: width, height: height)
        var shown: CellBuffer?
        for keys in ["", "<Enter>", " ", " ", " ", "]", " ", "/株洲<Enter>", "n", "<Esc>", "<Esc>", "t", "<Esc>", "2"] {
            session.press(keys)
            let next = session.buffer
            var bytes: [UInt8] = []
            writer.write(from: shown, to: next, into: &bytes)
            model.feed(bytes)
            Self.expectShows(model, next, "after \(keys) at \(width)x\(height)")
            shown = next
        }
    }

    @Test(
        "mixed text keeps every column: ambiguous punctuation, emoji, marks and wide characters",
        arguments: [
            ("株洲日报“蓝天保卫战”95个项目", "本报讯——记者/易蓉…… abc"),
            ("e\u{301}té 😀 x", "株洲 🇨🇳 旗 · 点"),
            ("　　两个全角空格开头", "        eight spaces then text"),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123", "株洲株洲株洲株洲株洲株洲株洲株"),
        ])
    func mixedText(before: String, after: String) {
        var writer = FrameWriter(codes: .ansi, resolve: Self.look)
        var model = TerminalModel(width: 30, height: 3)
        var old = CellBuffer(width: 30, height: 3)
        old.put(before, row: 0, column: 0, role: .body)
        old.put(after, row: 1, column: 2, role: .byline)
        old.fill(row: 2, role: .status)
        old.put(" 状态 1/9", row: 2, column: 0, role: .status)
        var bytes: [UInt8] = []
        writer.write(from: nil, to: old, into: &bytes)
        model.feed(bytes)
        Self.expectShows(model, old, "first frame")
        var new = CellBuffer(width: 30, height: 3)
        new.put(after, row: 0, column: 1, role: .body)
        new.put(before, row: 1, column: 0, role: .body)
        new.mark(row: 1, column: 0, count: 4, flags: .match)
        new.fill(row: 2, role: .status)
        new.put(" 状态 2/9", row: 2, column: 0, role: .status)
        bytes = []
        writer.write(from: old, to: new, into: &bytes)
        model.feed(bytes)
        Self.expectShows(model, new, "second frame")
    }

    @Test("an unchanged frame sends nothing, and a one-cell change sends a few bytes")
    func smallChanges() {
        var writer = FrameWriter(codes: .ansi, resolve: Self.look)
        var old = CellBuffer(width: 40, height: 5)
        old.put("株洲日报 page 1 of 9", row: 4, column: 0, role: .body)
        var bytes: [UInt8] = []
        writer.write(from: nil, to: old, into: &bytes)
        bytes = []
        writer.write(from: old, to: old, into: &bytes)
        #expect(bytes.isEmpty)
        var new = old
        new.put("2", row: 4, column: 14, role: .body)
        writer.write(from: old, to: new, into: &bytes)
        #expect(bytes.count <= 8)
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("2"))
    }

    @Test(
        "when wcwidth measures a cell narrower than the layout, every ideograph and letter after it keeps its column",
        arguments: ["“蓝天保卫战”95个重点减排项目", "本报讯——记者……abc·def", "e\u{301}té 😀 株洲 🇨🇳 旗"])
    func wcwidthDisagreement(text: String) {
        var writer = FrameWriter(codes: .ansi, resolve: Self.look)
        // The layout takes ambiguous punctuation as wide; the terminal follows glibc's wcwidth.
        var model = TerminalModel(width: 40, height: 2, ambiguous: .narrow)
        var buffer = CellBuffer(width: 40, height: 2, measure: DisplayWidth(ambiguous: .wide))
        buffer.put(text, row: 0, column: 1, role: .body)
        buffer.put(text, row: 1, column: 3, role: .byline)
        var bytes: [UInt8] = []
        writer.write(from: nil, to: buffer, into: &bytes)
        model.feed(bytes)
        for r in 0..<2 {
            for x in 0..<40 where writer.isSure(buffer[r, x]) && !buffer[r, x].isSpace {
                #expect(model.text[r][x] == buffer[r, x].text, "row \(r) column \(x)")
            }
        }
    }

    @Test("a terminal that scrolls at the last column never gets the bottom-right cell")
    func lastColumnUnsafe() {
        var codes = TerminalCodes.ansi
        codes.lastColumnIsSafe = false
        codes.clearToEnd = nil
        var writer = FrameWriter(codes: codes, resolve: Self.look)
        var buffer = CellBuffer(width: 6, height: 2)
        buffer.put("abcdef", row: 1, column: 0, role: .byline)
        var bytes: [UInt8] = []
        writer.write(from: nil, to: buffer, into: &bytes)
        var model = TerminalModel(width: 6, height: 2)
        model.feed(bytes)
        #expect(model.lines() == ["", "abcde"])
    }
}
