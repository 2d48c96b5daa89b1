import ReaderCore

/// What a role with overlay flags looks like on the terminal, as the writer needs it.
public struct TerminalLook: Sendable {
    /// Bytes that switch to this look from any state (they start with a reset).
    public var sequence: [UInt8]
    /// What a blank cell in this look shows: equal keys look the same. 0 is a blank the
    /// terminal has just cleared (default background, no reverse or underline).
    public var blankKey: Int
    /// Blanks in this look can be made by erasing (el, ech) once the look is set.
    public var erasable: Bool

    public init(sequence: [UInt8], blankKey: Int, erasable: Bool) {
        self.sequence = sequence
        self.blankKey = blankKey
        self.erasable = erasable
    }
}

/// Turns the difference between the buffer on screen and the next one into terminal
/// bytes: the cells that changed, with the cheapest cursor moves (cr/lf, cuf, hpa, cup,
/// or rewriting a few unchanged cells), erasing (el, ech) for runs of blanks, and an
/// attribute change only where the look changes. Blanks that look the same (a space in
/// plain and in bold, say) count as unchanged.
///
/// Every cell the writer is not sure the terminal measures as we do (anything but ASCII,
/// ideographs, kana, hangul, fullwidth forms and CJK punctuation: ambiguous-width
/// punctuation, emoji, clusters) is followed by an explicit column move before the next
/// sure cell, so a wcwidth disagreement cannot shift the rest of the line.
public struct FrameWriter {
    public let codes: TerminalCodes
    /// Works out the look of a role with flags (the backend's theme and colour pairs).
    private let resolve: (Role, CellFlags) -> TerminalLook
    /// Each slot's look, filled on first use: blank key (`unresolved`: not filled yet),
    /// erasability and attribute sequence, in flat arrays that reading copies nothing from.
    private var blankKeys: [Int] = Array(repeating: FrameWriter.unresolved, count: FrameWriter.slots)
    private var erasables: [Bool] = Array(repeating: false, count: FrameWriter.slots)
    /// The distinct attribute sequences, and which one each slot uses: roles that look
    /// alike share one, so moving between them sends nothing.
    private var sequences: [[UInt8]] = []
    private var sequenceOfSlot: [Int] = Array(repeating: -1, count: FrameWriter.slots)
    /// Widths as glibc's wcwidth gives them (ambiguous narrow), to tell sure cells.
    private let narrow = DisplayWidth(ambiguous: .narrow)
    /// How far right the terminal's cursor can be after the unsure cells since the last
    /// explicit move (2 cells per scalar at most): past the edge it may have wrapped.
    private var reach = 0
    /// Cursor row and column as far as we know; -1 unknown.
    private var row = -1
    private var column = -1
    /// An unsure cell was written since the last explicit move: the terminal's column may differ.
    private var drift = false
    /// The attribute sequence in effect (index into `sequences`); -1 unknown.
    private var look = -1
    /// Per-column "changed" marks of the row being written (reused).
    private var changed: [Bool] = []

    /// One slot per role case and flag combination (3 flag bits).
    private static let slots = 256 * 8
    /// Blank key of a slot not resolved yet.
    private static let unresolved = Int.min

    public init(codes: TerminalCodes, resolve: @escaping (Role, CellFlags) -> TerminalLook) {
        self.codes = codes
        self.resolve = resolve
    }

    /// Forgets the looks (after a theme change) and the attributes in effect.
    public mutating func forgetLooks() {
        blankKeys = Array(repeating: Self.unresolved, count: Self.slots)
        sequences = []
        sequenceOfSlot = Array(repeating: -1, count: Self.slots)
        look = -1
    }

    /// Forgets where the cursor is and which attributes are in effect (someone else wrote).
    public mutating func forgetCursor() {
        row = -1
        column = -1
        look = -1
        drift = false
    }

    /// The look slot of a cell.
    @inline(__always)
    private static func slot(_ cell: Cell) -> Int {
        // A payload-free enum with fewer than 256 cases is stored as its case number.
        let number = withUnsafeBytes(of: cell.role) { Int($0[0]) }
        return number << 3 | Int(cell.flags.rawValue & 7)
    }

    /// Resolves the look of `cell`'s slot once; returns the slot.
    @inline(__always)
    @discardableResult
    private mutating func resolved(_ cell: Cell) -> Int {
        let slot = Self.slot(cell)
        if blankKeys[slot] == Self.unresolved {
            let found = resolve(cell.role, CellFlags(rawValue: cell.flags.rawValue & 7))
            blankKeys[slot] = found.blankKey
            erasables[slot] = found.erasable
            if let known = sequences.firstIndex(of: found.sequence) {
                sequenceOfSlot[slot] = known
            } else {
                sequenceOfSlot[slot] = sequences.count
                sequences.append(found.sequence)
            }
        }
        return slot
    }

    /// What cell `i` (column `x`) shows when blank: its look's blank key, doubled, plus 1
    /// for U+3000 (kept apart from spaces so that copying from the terminal gives the
    /// text's own characters); -1 when not blank.
    @inline(__always)
    private mutating func blankKey(_ cells: UnsafeBufferPointer<Cell>, _ i: Int, _ x: Int) -> Int {
        let cell = cells[i]
        if cell.isSpace { return blankKeys[resolved(cell)] << 1 }
        if cell.isIdeographicSpace { return blankKeys[resolved(cell)] << 1 | 1 }
        if cell.isContinuation, x > 0, cells[i - 1].isIdeographicSpace {
            return blankKeys[resolved(cells[i - 1])] << 1 | 1
        }
        return -1
    }

    /// Whether the terminal surely gives this cell the width we do: one scalar that
    /// glibc's wcwidth (which terminals follow) measures as we do. Emoji are never
    /// sure (their widths moved between Unicode versions), nor are clusters.
    @inline(__always)
    func isSure(_ cell: Cell) -> Bool {
        guard let v = cell.singleScalar else { return false }
        if v &- 0x20 < 0x5F { return true }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v >= 0x1F000 { return false }
        guard let scalar = Unicode.Scalar(v) else { return false }
        return narrow.of(scalar) == Int(cell.width)
    }

    /// Appends the bytes that turn the screen showing `old` (nil: a screen just cleared
    /// with default attributes) into `new`.
    public mutating func write(from old: CellBuffer?, to new: CellBuffer, into out: inout [UInt8]) {
        let width = new.width
        let height = new.height
        guard width > 0, height > 0 else { return }
        let previous: [Cell]? = old.flatMap { $0.width == width && $0.height == height ? $0.cells : nil }
        if changed.count != width { changed = Array(repeating: false, count: width) }
        let hasOld = previous != nil
        let oldCells = previous ?? []
        new.cells.withUnsafeBufferPointer { n in
            oldCells.withUnsafeBufferPointer { o in
                for r in 0..<height {
                    writeRow(r, width: width, new: n, old: o, hasOld: hasOld, into: &out)
                }
            }
        }
    }

    /// Writes the changed cells of row `r`.
    private mutating func writeRow(
        _ r: Int, width: Int, new n: UnsafeBufferPointer<Cell>,
        old o: UnsafeBufferPointer<Cell>, hasOld: Bool, into out: inout [UInt8]
    ) {
        let base = r * width
        var any = false
        for x in 0..<width {
            let i = base + x
            let same: Bool
            if hasOld {
                if o[i] == n[i] {
                    same = true
                } else {
                    let key = blankKey(n, i, x)
                    same = key >= 0 && key == blankKey(o, i, x)
                }
            } else {
                same = blankKey(n, i, x) == 0
            }
            changed[x] = !same
            any = any || !same
        }
        guard any else { return }

        // A blank tail in one erasable look is cleared with el when that beats writing it.
        var tail = width
        var tailChanged = 0
        var tailSlot = -1
        if codes.clearToEnd != nil {
            var x = width - 1
            while x >= 0 {
                let i = base + x
                let cell = n[i]
                let lead = cell.isContinuation && x > 0 ? n[i - 1] : cell
                guard lead.isSpace || lead.isIdeographicSpace else { break }
                let slot = resolved(lead)
                if tailSlot == -1 {
                    guard erasables[slot] else { break }
                    tailSlot = slot
                } else if slot != tailSlot {
                    break
                }
                if changed[x] { tailChanged += 1 }
                x -= 1
            }
            tail = x + 1
            // A tail that starts on a continuation cell belongs to the lead before it.
            if tail < width, n[base + tail].isContinuation { tail += 1 }
        }
        let useClear = tailChanged >= 4
        var limit = useClear ? tail : width
        if !codes.lastColumnIsSafe, limit == width { limit = width - 1 }

        var x = 0
        while x < limit {
            if !changed[x] {
                x += 1
                continue
            }
            var start = x
            if n[base + start].isContinuation, start > 0 { start -= 1 }
            var end = x + 1
            while end < limit, changed[end] || n[base + end].isContinuation { end += 1 }
            writeRun(r, start, end, width: width, new: n, into: &out)
            x = end
        }
        if useClear, let clear = codes.clearToEnd {
            move(to: r, tail, width: width, new: n, into: &out)
            setLook(tailSlot, n[base + tail], into: &out)
            out.append(contentsOf: clear)
        }
    }

    /// Writes cells `start..<end` of row `r` (a lead cell at `start`).
    private mutating func writeRun(
        _ r: Int, _ start: Int, _ end: Int, width: Int,
        new n: UnsafeBufferPointer<Cell>, into out: inout [UInt8]
    ) {
        let base = r * width
        var x = start
        while x < end {
            let cell = n[base + x]
            if cell.isContinuation {
                x += 1
                continue
            }
            if cell.isSpace, codes.eraseCharacters.isAvailable {
                // A long run of blanks in one erasable look: ech, then move past it.
                let slot = resolved(cell)
                var k = 1
                while x + k < end, n[base + x + k].isSpace, Self.slot(n[base + x + k]) == slot { k += 1 }
                if k >= 10, erasables[slot] {
                    move(to: r, x, width: width, new: n, into: &out)
                    setLook(slot, cell, into: &out)
                    TerminalCodes.append(codes.eraseCharacters, k, 0, two: false, to: &out)
                    x += k
                    continue
                }
            }
            let sure = isSure(cell)
            if column != x || row != r || (drift && sure) {
                move(to: r, x, width: width, new: n, into: &out)
            }
            setLook(Self.slot(cell), cell, into: &out)
            let w = Int(cell.width)
            if !sure {
                if !drift { reach = x }
                drift = true
                reach += 2 * max(1, cell.utf8Count)
            } else if drift {
                reach += Int(cell.width)
            }
            cell.appendUTF8(to: &out)
            column = x + w
            // After the last column the cursor waits to wrap: its column is not usable.
            if column >= width { column = -1 }
            x += max(1, w)
        }
    }

    /// Switches to look `slot` of `cell` if it is not in effect.
    @inline(__always)
    private mutating func setLook(_ slot: Int, _ cell: Cell, into out: inout [UInt8]) {
        resolved(cell)
        let sequence = sequenceOfSlot[slot]
        guard sequence != look else { return }
        out.append(contentsOf: sequences[sequence])
        look = sequence
    }

    /// Moves the cursor to row `r`, column `x` by the cheapest means.
    private mutating func move(
        to r: Int, _ x: Int, width: Int, new n: UnsafeBufferPointer<Cell>,
        into out: inout [UInt8]
    ) {
        enum Way { case none, address, column, right, rewrite, down }
        var best = TerminalCodes.cost(codes.cursorAddress, r, x, two: true)
        var way = Way.address
        let known = row == r && column >= 0 && !drift
        if known && column == x { return }
        // After a drift that may have crossed the edge, the row is not sure either.
        if row == r, !(drift && reach >= width), codes.columnAddress.isAvailable {
            let cost = TerminalCodes.cost(codes.columnAddress, x, 0, two: false)
            if cost < best { best = cost; way = .column }
        }
        if known, x > column {
            let right = TerminalCodes.cost(codes.cursorRight, x - column, 0, two: false)
            if right < best { best = right; way = .right }
            let rewrite = rewriteCost(r, from: column, to: x, width: width, new: n)
            if rewrite < best { best = rewrite; way = .rewrite }
        }
        var horizontal = Way.none
        if row >= 0, r > row, r - row <= 3, !(drift && reach >= width), let cr = codes.carriageReturn,
            let down = codes.cursorDown
        {
            var cost = cr.count + down.count * (r - row)
            var tail = 0
            if x > 0 {
                tail = TerminalCodes.cost(codes.cursorRight, x, 0, two: false)
                horizontal = .right
                let rewrite = rewriteCost(r, from: 0, to: x, width: width, new: n)
                if rewrite < tail { tail = rewrite; horizontal = .rewrite }
            }
            cost += tail
            if cost < best { best = cost; way = .down }
        }
        switch way {
        case .address, .none:
            TerminalCodes.append(codes.cursorAddress, r, x, two: true, to: &out)
        case .column:
            TerminalCodes.append(codes.columnAddress, x, 0, two: false, to: &out)
        case .right:
            TerminalCodes.append(codes.cursorRight, x - column, 0, two: false, to: &out)
        case .rewrite:
            rewrite(r, from: column, to: x, width: width, new: n, into: &out)
        case .down:
            out.append(contentsOf: codes.carriageReturn!)
            for _ in row..<r { out.append(contentsOf: codes.cursorDown!) }
            switch horizontal {
            case .right: TerminalCodes.append(codes.cursorRight, x, 0, two: false, to: &out)
            case .rewrite:
                row = r
                rewrite(r, from: 0, to: x, width: width, new: n, into: &out)
            default: break
            }
        }
        row = r
        column = x
        drift = false
    }

    /// Bytes to rewrite unchanged cells `from..<to` of row `r` in the look in effect, or a
    /// large number when they are not all sure, narrow-or-whole and in that look.
    private mutating func rewriteCost(
        _ r: Int, from: Int, to: Int, width: Int,
        new n: UnsafeBufferPointer<Cell>
    ) -> Int {
        guard to - from <= 12, look >= 0 else { return Int.max / 4 }
        let base = r * width
        if n[base + from].isContinuation { return Int.max / 4 }
        var cost = 0
        for x in from..<to {
            let cell = n[base + x]
            if cell.isContinuation { continue }
            guard sequenceOfSlot[resolved(cell)] == look, isSure(cell), x + Int(cell.width) <= to else {
                return Int.max / 4
            }
            cost += cell.utf8Count
        }
        return cost
    }

    /// Rewrites unchanged cells `from..<to` of row `r` (checked by `rewriteCost`).
    private func rewrite(
        _ r: Int, from: Int, to: Int, width: Int, new n: UnsafeBufferPointer<Cell>,
        into out: inout [UInt8]
    ) {
        let base = r * width
        for x in from..<to where !n[base + x].isContinuation {
            n[base + x].appendUTF8(to: &out)
        }
    }

    /// Appends bytes that reset the attributes and put the cursor at row 0, column 0
    /// (before the terminal library takes over again).
    public mutating func finish(into out: inout [UInt8]) {
        out.append(contentsOf: codes.resetAttributes)
        TerminalCodes.append(codes.cursorAddress, 0, 0, two: true, to: &out)
        forgetCursor()
    }
}
