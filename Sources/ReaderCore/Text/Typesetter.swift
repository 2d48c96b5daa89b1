/// How a paragraph is set into lines.
public struct TypesetOptions: Sendable, Equatable {
    /// Column width in cells.
    public var width: Int
    /// Indent the first line by two ideographic spaces (U+3000 U+3000). Off for
    /// headlines, captions and other text set without a paragraph indent; dropped
    /// in columns narrower than 6 cells, where it would leave no room for text.
    public var indentFirstLine: Bool
    /// Justify every line but the last (and but a line ended by a hard line break)
    /// to exactly `width` cells.
    public var justify: Bool
    public var ambiguous: AmbiguousWidth
    /// Penalise a last line holding a single character (孤字) in the line-breaking
    /// programme, so the lines before give it company when they can.
    public var avoidLoneLastCharacter: Bool
    /// How lines are chosen: the paragraph-wide programme or greedy filling.
    public var breaking: LineBreaking
    /// Let one closing or pause mark (。，、；：！？ ” ’ ）》」』 …) stand in the 2 cells
    /// past the column edge (行尾悬挂) instead of pushing a character down. The caller
    /// must leave those 2 cells free: a set line is then up to `width + 2` cells.
    public var hangPunctuation: Bool
    /// Set for a vertical column (直排): `width` is twice the column's rows, every drawn
    /// cluster takes one row (2 cells) and a tate-chu-yoko digit pair shares one.
    public var vertical: Bool

    public init(
        width: Int, indentFirstLine: Bool = true, justify: Bool = true,
        ambiguous: AmbiguousWidth = .narrow, avoidLoneLastCharacter: Bool = true,
        breaking: LineBreaking = .paragraph, hangPunctuation: Bool = false, vertical: Bool = false
    ) {
        self.vertical = vertical
        self.width = width
        self.indentFirstLine = indentFirstLine
        self.justify = justify
        self.ambiguous = ambiguous
        self.avoidLoneLastCharacter = avoidLoneLastCharacter
        self.breaking = breaking
        self.hangPunctuation = hangPunctuation
    }
}

/// How the typesetter chooses where lines end.
public enum LineBreaking: Sendable, Equatable {
    /// One dynamic programme over the whole paragraph, its cost knowing where the
    /// gaps would land (`LineCost`).
    case paragraph
    /// Each line as full as it goes (kept to measure the programme against).
    case greedy
}

/// One set line of a paragraph.
///
/// Contract: `text` is what is drawn, including the indent (U+3000) and any
/// justification spaces (U+0020). Removing every U+0020 and U+3000 from `text`
/// gives exactly the paragraph's scalars in `source` with their U+0020 and
/// U+3000 removed (and with control characters and hard line breaks removed:
/// they are never drawn). The `source` ranges of a paragraph's lines are contiguous
/// and cover the whole paragraph. `width` is `text`'s width in cells.
public struct SetLine: Sendable, Equatable {
    /// A maximal run of source text drawn contiguously from `column`. The indent
    /// and justification gaps fall between segments, so a source offset can be
    /// mapped to its column (dateline runs, search highlights, bookmarks).
    /// `text` is the paragraph's scalars in `source` less the hidden ones.
    public struct Segment: Sendable, Equatable {
        public var text: String
        public var column: Int
        public var source: Range<Int>

        public init(text: String, column: Int, source: Range<Int>) {
            self.text = text
            self.column = column
            self.source = source
        }
    }

    public var text: String
    public var segments: [Segment]
    public var width: Int
    /// Scalar offsets into the paragraph.
    public var source: Range<Int>
    public var isLast: Bool

    public init(text: String, segments: [Segment], width: Int, source: Range<Int>, isLast: Bool) {
        self.text = text
        self.segments = segments
        self.width = width
        self.source = source
        self.isLast = isLast
    }
}

/// Sets paragraphs into lines: UAX #14 with the Chinese tailoring finds the break
/// opportunities, lines are filled greedily, a closing mark that would start a line
/// takes a character down with it (后推出), and the spare cells are spread evenly
/// between characters so every line but the last is exactly `width` cells.
public struct Typesetter: Sendable {
    public var options: TypesetOptions

    public init(options: TypesetOptions) {
        self.options = options
    }

    /// Sets one paragraph into lines no wider than `options.width`.
    public func set(_ paragraph: String) -> [SetLine] {
        set(scalars: ScalarText.decode(paragraph))
    }

    /// Sets one paragraph given as scalars (offsets in the result count these scalars).
    public func set(scalars: [Unicode.Scalar]) -> [SetLine] {
        layout(scalars: scalars).setLines()
    }

    /// Sets one paragraph into lines without drawing them: each line's segments are
    /// ranges of the paragraph's scalars with their columns (what `set` draws as text).
    func layout(scalars: [Unicode.Scalar]) -> TypesetParagraph {
        let n = scalars.count
        if n == 0 {
            return TypesetParagraph(
                text: ScalarText(scalars: [], cells: [], ambiguous: options.ambiguous, isSimple: true),
                lines: [], segments: [])
        }
        let lookup = LineBreakLookup.shared
        // `filled`, not `repeating`: see `Array.init(filled:count:)`.
        var properties = [UInt8](filled: 0, count: n)
        properties.withUnsafeMutableBufferPointer { p in
            scalars.withUnsafeBufferPointer { s in
                for i in 0..<n { p[i] = lookup.raw(s[i].value) }
            }
        }
        var opportunities = LineBreaker(tailoring: .chinese).opportunities(scalars, properties: properties)
        let (measured, simple) = scalars.withUnsafeBufferPointer { measure($0, properties) }
        // A vertical column re-measures its narrow clusters (Typesetter+Vertical); off the horizontal path.
        let cells = options.vertical ? Self.verticalCells(scalars, measured) : measured
        if !simple {
            // Never break inside a grapheme cluster (UAX #14 allows it after a space, say).
            cells.withUnsafeBufferPointer { c in
                for i in 1..<n where opportunities[i] == .allowed && !startsCluster(c, i) {
                    opportunities[i] = .prohibited
                }
            }
        }
        var lines: [TypesetParagraph.Line] = []
        var segments: [TypesetParagraph.Segment] = []
        scalars.withUnsafeBufferPointer { s in
            cells.withUnsafeBufferPointer { c in
                // Gap kinds live only while the paragraph is set: scratch room, not an array.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { g in
                    g.initialize(repeating: GapKind.none)
                    opportunities.withUnsafeMutableBufferPointer { o in markURLs(s, o, g) }
                    opportunities.withUnsafeBufferPointer { o in
                        // Gap kinds are marked where a line needs them (see `breakLines`).
                        let plan = breakLines(s, c, o, g)
                        lines.reserveCapacity(plan.count)
                        segments.reserveCapacity(plan.count * 4) // justified lines split at their gaps
                        let kinds = UnsafeBufferPointer(g)
                        for (index, line) in plan.enumerated() {
                            lines.append(place(c, kinds, line, isLast: index == plan.count - 1, into: &segments))
                        }
                    }
                }
            }
        }
        let text = ScalarText(scalars: scalars, cells: cells, ambiguous: options.ambiguous, isSimple: simple)
        return TypesetParagraph(text: text, lines: lines, segments: segments)
    }

    // MARK: Measuring

    /// Whether a line starting at `i` starts with a whole cluster: the first scalar
    /// drawn from `i` on does not continue a cluster begun before `i`.
    @inline(__always)
    func startsCluster(_ c: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var k = i
        while k < c.count, c[k] & Cell.hidden != 0 { k += 1 }
        return k == c.count || c[k] & Cell.continuation == 0
    }

    /// Per-scalar cell flags (shared with the runs that draw from `ScalarText`).
    typealias Cell = ScalarText.Cell

    /// Measures each scalar; a grapheme cluster's width sits on its first scalar.
    ///
    /// Scalars that never join a neighbour (ASCII, CJK ideographs and punctuation,
    /// fullwidth forms) are measured one by one; any run holding other scalars (marks,
    /// emoji sequences, flags, Hangul jamo, controls) is cut into `Character`s by the
    /// standard library so clusters match what `DisplayWidth` measures.
    ///
    /// `simple` is true when every scalar took the first way (none joins, none is hidden).
    private func measure(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ p: [UInt8]) -> (cells: [UInt8], simple: Bool) {
        let width = DisplayWidth(ambiguous: options.ambiguous)
        let n = s.count
        var cells = [UInt8](filled: 0, count: n)
        var simple = true
        cells.withUnsafeMutableBufferPointer { cells in
            var i = 0
            var alone = isAlone(s[0].value)
            while i < n {
                let v = s[i].value
                let nextAlone = i + 1 >= n || isAlone(s[i + 1].value)
                if alone, nextAlone {
                    cells[i] = v == 0x20 ? Cell.space | 1 : cellByte(width.of(s[i]))
                    i += 1
                    alone = nextAlone
                    continue
                }
                simple = false
                // A run of joining scalars with the simple scalars glued to it on either side.
                var j = i + 1
                while j < n {
                    if !isAlone(s[j].value) || (j + 1 < n && !isAlone(s[j + 1].value)) {
                        j += 1
                    } else {
                        j += 1
                        break
                    }
                }
                measureClusters(s, p, i..<j, width, cells)
                i = j
                alone = i >= n || isAlone(s[i].value)
            }
        }
        return (cells, simple)
    }

    /// Whether a scalar is always a grapheme cluster of its own and never joins the next.
    @inline(__always)
    private func isAlone(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x7E, 0x2010...0x2027, 0x3000...0x3029, 0x3031...0x303C, 0x303E, 0x303F,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60:
            return true
        case 0xA0...0xFF:
            return v != 0xA9 && v != 0xAD && v != 0xAE
        default:
            return false
        }
    }

    /// The cell byte for a width: the width and the wide flag.
    @inline(__always)
    private func cellByte(_ w: Int) -> UInt8 {
        let clamped = UInt8(min(4, max(0, w)))
        return clamped | (clamped >= 2 ? Cell.wide : 0)
    }

    /// Cuts a run of scalars into `Character`s and measures each one. Hidden scalars
    /// are left out first, as they are from the drawn text, so the clusters are the
    /// ones the drawn text will have; a hard line break starts afresh.
    private func measureClusters(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ p: [UInt8], _ range: Range<Int>,
        _ width: DisplayWidth, _ cells: UnsafeMutableBufferPointer<UInt8>
    ) {
        var view = String.UnicodeScalarView()
        var positions: [Int] = []
        for k in range {
            if isHidden(s[k], p[k]) {
                cells[k] = Cell.hidden
                if isHardBreak(p[k]) {
                    measurePiece(s, view, positions, width, cells)
                    view = String.UnicodeScalarView()
                    positions.removeAll(keepingCapacity: true)
                }
            } else {
                view.append(s[k])
                positions.append(k)
            }
        }
        measurePiece(s, view, positions, width, cells)
    }

    /// Measures the `Character`s of a piece of visible scalars found at `positions`.
    private func measurePiece(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ view: String.UnicodeScalarView,
        _ positions: [Int], _ width: DisplayWidth, _ cells: UnsafeMutableBufferPointer<UInt8>
    ) {
        var index = 0
        for character in String(view) {
            let count = character.unicodeScalars.count
            let k = positions[index]
            let first = s[k]
            if count == 1, first == " " {
                cells[k] = Cell.space | 1
            } else if index == 0, isGraphemeExtender(first) {
                // A mark with nothing before it (paragraph start, after a hard break)
                // would fuse with the indent or the column edge: it is not drawn.
                for m in index..<(index + count) { cells[positions[m]] = Cell.hidden }
            } else {
                cells[k] = cellByte(width.of(character))
                for m in (index + 1)..<(index + count) { cells[positions[m]] = Cell.continuation }
            }
            index += count
        }
    }

    /// Whether a table byte is a hard line break class (BK, CR, LF, NL).
    @inline(__always)
    private func isHardBreak(_ property: UInt8) -> Bool {
        let cls = property & 0x3F
        return cls == LineBreakClass.BK.rawValue || cls == LineBreakClass.NL.rawValue
            || cls == LineBreakClass.LF.rawValue || cls == LineBreakClass.CR.rawValue
    }

    /// Whether a scalar is never drawn: a control character or a hard line break.
    @inline(__always)
    private func isHidden(_ scalar: Unicode.Scalar, _ property: UInt8) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return true }
        return isHardBreak(property)
    }

    /// Whether a scalar attaches to the cluster before it (Grapheme_Cluster_Break
    /// Extend, ZWJ or SpacingMark).
    private func isGraphemeExtender(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isGraphemeExtend || scalar.value == 0x200D || properties.isEmojiModifier
            || properties.generalCategory == .spacingMark
    }

    // MARK: Breaking

    /// One planned line: scalars `start..<end` of which `start..<visibleEnd` are drawn
    /// (leading paragraph whitespace and hanging spaces are not).
    struct Plan {
        var start: Int
        var drawStart: Int
        var end: Int
        var visibleEnd: Int
        var available: Int
        var indent: Bool
        var justify: Bool
        /// Cells drawn in `drawStart..<visibleEnd`.
        var content: Int = 0
        /// Cells of the closing mark that hangs past the edge (0: none hangs).
        var hang: Int = 0
    }

    /// Chooses the lines: the paragraph-wide programme, or greedy filling.
    ///
    /// Gap kinds (`g`) are marked for every line that has spare cells to place: line by
    /// line when greedy filling is kept, for the whole paragraph when the programme runs.
    private func breakLines(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ c: UnsafeBufferPointer<UInt8>,
        _ o: UnsafeBufferPointer<LineBreakOpportunity>,
        _ g: UnsafeMutableBufferPointer<UInt8>
    ) -> [Plan] {
        let width = max(2, options.width)
        let indentWidth = options.indentFirstLine && width >= 6 ? 4 : 0
        let first = paragraphDrawStart(s, c)
        let greedy = greedy(s, c, o, width: width, indentWidth: indentWidth)
        // Most paragraphs fill cleanly line by line; only the others pay for the programme,
        // and only from two lines before the first line that is not clean.
        if options.breaking == .paragraph, let bad = firstUncleanLine(greedy, s, c, o, g, first: first) {
            let kept = max(0, bad - Self.linesBefore)
            let origin = greedy[kept].start
            markGaps(s, c, o, g, range: origin..<s.count, first: first)
            if let plans = programme(
                s, c, o, UnsafeBufferPointer(g), width: width, indentWidth: indentWidth,
                from: origin)
            {
                return kept == 0 ? plans : Array(greedy[..<kept]) + plans
            }
            markGaps(s, c, o, g, range: 0..<s.count, first: first)
        } else if options.breaking == .greedy {
            markGaps(s, c, o, g, range: 0..<s.count, first: first)
        }
        return greedy
    }

    /// Spare cells on a greedily filled line past which the programme is asked to do better.
    static let cleanSpare = 3
    /// Clean lines before the first unclean one that the programme may still change.
    static let linesBefore = 2

    /// Whether a greedily filled line is as good as the programme needs: every justified
    /// line's spare (at most `cleanSpare`) fits in its spaces, boundaries and punctuation
    /// gaps, no Korean line ends inside a word, and no last line holds one character.
    /// The first line that is not (nil: all are clean). Marks the gap kinds of each line
    /// with spare cells on the way.
    private func firstUncleanLine(
        _ plans: [Plan], _ s: UnsafeBufferPointer<Unicode.Scalar>,
        _ c: UnsafeBufferPointer<UInt8>, _ o: UnsafeBufferPointer<LineBreakOpportunity>,
        _ g: UnsafeMutableBufferPointer<UInt8>, first: Int
    ) -> Int? {
        let n = s.count
        for (index, plan) in plans.enumerated() {
            if plan.justify {
                let spare = plan.available - (plan.content - plan.hang)
                if spare > 0 {
                    if spare > Self.cleanSpare { return index }
                    markGaps(s, c, o, g, range: plan.drawStart..<plan.visibleEnd, first: first)
                    var capacity = 0
                    let slotStart = plan.indent ? plan.drawStart : plan.drawStart + 1
                    for k in slotStart..<max(plan.drawStart + 1, plan.visibleEnd) {
                        switch g[k] & GapKind.kindMask {
                        case GapKind.none, GapKind.ideographic: break
                        case GapKind.space: capacity += 1
                        case GapKind.wordSpace: capacity += GapKind.wordSpaceCells
                        case GapKind.markPair: capacity += 1
                        case GapKind.latinSpace: capacity += 1 + GapKind.latinSpaceExtraCells
                        default: capacity += 2
                        }
                    }
                    if spare > capacity { return index }
                }
                if plan.end < n, GapKind.isHangul(s[plan.end].value), GapKind.isHangul(s[plan.end - 1].value) {
                    return index
                }
            } else if index > 0, options.avoidLoneLastCharacter, plan.content <= 8,
                characterCount(s, c, plan.drawStart, plan.visibleEnd) == 1
            {
                return index
            }
        }
        return nil
    }

    /// Where a paragraph's drawing starts: leading whitespace is never drawn (the indent
    /// replaces it), nor hidden scalars.
    func paragraphDrawStart(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ c: UnsafeBufferPointer<UInt8>) -> Int {
        let n = s.count
        var drawStart = 0
        while drawStart < n,
            c[drawStart] & (Cell.space | Cell.hidden) != 0
                || (s[drawStart] == "\u{3000}" && startsCluster(c, drawStart + 1))
        {
            drawStart += 1
        }
        return drawStart
    }

    /// Greedy filling: each line up to the last opportunity that fits, forced breaks
    /// for overlong tokens.
    private func greedy(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ c: UnsafeBufferPointer<UInt8>,
        _ o: UnsafeBufferPointer<LineBreakOpportunity>, width: Int, indentWidth: Int
    ) -> [Plan] {
        let n = s.count
        var plans: [Plan] = []
        // About as many lines as the text fills at two cells a scalar (CJK): one
        // allocation instead of growth from one.
        plans.reserveCapacity(2 * n / width + 2)
        var drawStart = paragraphDrawStart(s, c)
        var start = 0
        while true {
            let first = plans.isEmpty
            let plan = fill(
                s, c, o, start: start, drawStart: drawStart, first: first,
                width: width, indentWidth: indentWidth
            ).plan
            plans.append(plan)
            if plan.end >= n { break }
            start = plan.end
            drawStart = plan.end
            while drawStart < n, c[drawStart] & Cell.hidden != 0 { drawStart += 1 }
        }
        return plans
    }

    /// Fills one line greedily from `drawStart`: up to the last opportunity that fits,
    /// or a forced break inside a token too long for any line (`forced`).
    func fill(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ c: UnsafeBufferPointer<UInt8>,
        _ o: UnsafeBufferPointer<LineBreakOpportunity>, start: Int, drawStart: Int, first: Bool,
        width: Int, indentWidth: Int
    ) -> (plan: Plan, forced: Bool) {
        let n = s.count
        let available = width - (first ? indentWidth : 0)
        var used = 0
        var visible = 0
        var visibleEnd = drawStart
        var candidate = -1
        var candidateVisibleEnd = drawStart
        var candidateVisible = 0
        var end = n
        var mandatory = true
        var forced = false
        var hang = 0
        var i = drawStart
        while i < n {
            if i > drawStart, o[i] != .prohibited {
                if o[i] == .mandatory { end = i; break }
                candidate = i
                candidateVisibleEnd = visibleEnd
                candidateVisible = visible
            }
            let cell = c[i]
            let w = Int(cell & Cell.widthMask)
            if cell & Cell.space != 0 || cell & Cell.hidden != 0 {
                used += w
            } else {
                if used + w > available, visible > 0 {
                    // Overflow: end at the last opportunity, or force a break in the token.
                    mandatory = false
                    if options.hangPunctuation, used + w <= available + 2, cell & Cell.continuation == 0,
                        GapKind.hangs(s[i].value)
                    {
                        // A closing mark that fits in the 2 cells past the edge hangs there
                        // when the line may end right after it.
                        var j = i + 1
                        while j < n, c[j] & Cell.continuation != 0 { j += 1 }
                        if j >= n || o[j] != .prohibited {
                            end = j
                            visibleEnd = j
                            visible = used + w
                            hang = w
                            mandatory = j >= n || o[j] == .mandatory
                            break
                        }
                    }
                    // A token too long for any line is broken here rather than
                    // leaving this line short and gapped.
                    if candidate > drawStart, !isOverlong(c, o, from: candidate, limit: width) {
                        end = candidate
                        visibleEnd = candidateVisibleEnd
                        visible = candidateVisible
                    } else {
                        end = forcedBreak(s, c, from: drawStart, overflowAt: i)
                        visibleEnd = end
                        forced = true
                    }
                    break
                }
                used += w
                visible = used
                visibleEnd = i + 1
            }
            i += 1
        }
        if i >= n { end = n }
        while visibleEnd > drawStart, visibleEnd <= end, visibleEnd - 1 >= drawStart,
            c[visibleEnd - 1] & (Cell.space | Cell.hidden) != 0
        {
            visibleEnd -= 1
        }
        var plan = Plan(
            start: start, drawStart: drawStart, end: end, visibleEnd: visibleEnd,
            available: available, indent: first && indentWidth > 0,
            justify: options.justify && end < n && !mandatory, content: visible, hang: hang)
        // `visible` counts up to the last drawn cell before the overflow; a forced break
        // (rare) may fall earlier, so count what is left on the line.
        if forced { plan.content = contentCells(c, plan) }
        return (plan, forced)
    }

    /// Cells drawn by a planned line, counted.
    func contentCells(_ c: UnsafeBufferPointer<UInt8>, _ plan: Plan) -> Int {
        var content = 0
        for k in plan.drawStart..<max(plan.drawStart, plan.visibleEnd) where c[k] & Cell.hidden == 0 {
            content += Int(c[k] & Cell.widthMask)
        }
        return content
    }

    /// Whether the unbreakable token starting at `start` is wider than `limit` cells.
    private func isOverlong(
        _ c: UnsafeBufferPointer<UInt8>, _ o: UnsafeBufferPointer<LineBreakOpportunity>,
        from start: Int, limit: Int
    ) -> Bool {
        var cells = 0
        var k = start
        while k < c.count {
            if k > start, o[k] != .prohibited { return false }
            if c[k] & (Cell.space | Cell.hidden) == 0 {
                cells += Int(c[k] & Cell.widthMask)
                if cells > limit { return true }
            }
            k += 1
        }
        return false
    }

    /// Where to split a token wider than the line: the last cluster boundary before
    /// `overflowAt` that breaks no kinsoku rule, else the column edge itself.
    private func forcedBreak(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ c: UnsafeBufferPointer<UInt8>,
        from start: Int, overflowAt edge: Int
    ) -> Int {
        var edgeBoundary = edge
        while edgeBoundary > start + 1, !startsCluster(c, edgeBoundary) { edgeBoundary -= 1 }
        var j = edgeBoundary
        while j > start + 1 {
            if startsCluster(c, j), !Kinsoku.forbidsLineStart(s[j]),
                !Kinsoku.forbidsLineEnd(s[j - 1]), !isInseparable(s[j - 1], s[j])
            {
                return j
            }
            j -= 1
        }
        return max(start + 1, edgeBoundary)
    }

    /// Whether two scalars form —— or …… (never split, never gapped).
    @inline(__always)
    private func isInseparable(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        a == b && (a == "\u{2014}" || a == "\u{2026}" || a == "\u{2015}" || a == "\u{22EF}")
    }

    /// Characters in `start..<end` that count for the lone-character rule: clusters
    /// other than spaces, hidden scalars and punctuation that may not start a line.
    func characterCount(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ c: UnsafeBufferPointer<UInt8>,
        _ start: Int, _ end: Int
    ) -> Int {
        var count = 0
        var k = start
        while k < end {
            let cell = c[k]
            if cell & (Cell.continuation | Cell.space | Cell.hidden) == 0, !Kinsoku.forbidsLineStart(s[k]) {
                count += 1
            }
            k += 1
        }
        return count
    }

    // MARK: Rendering

    /// Places a planned line: its segments (runs of drawn scalars) and their columns
    /// after the indent and the justification gaps, appended to `segments`.
    ///
    /// Spare cells go by `GapKind` priority: existing spaces (one cell each, word spaces
    /// more) and CJK–Latin boundaries (two each), then after closing and before opening
    /// marks (two each, one between two marks), then up to seven more in each space
    /// between Latin words, then between ideographs, spread evenly. Cells none of these
    /// can take go past the caps of the first two kinds, or, on a line with no gap at
    /// all, after its end.
    private func place(
        _ c: UnsafeBufferPointer<UInt8>, _ g: UnsafeBufferPointer<UInt8>, _ plan: Plan, isLast: Bool,
        into segments: inout [TypesetParagraph.Segment]
    ) -> TypesetParagraph.Line {
        var content = 0
        for k in plan.drawStart..<plan.visibleEnd where c[k] & Cell.hidden == 0 {
            content += Int(c[k] & Cell.widthMask)
        }
        var justify = plan.justify && !isLast
        var spare = justify ? max(0, plan.available - (content - plan.hang)) : 0
        var spaces = 0, boundaries = 0, words = 0, marks = 0, pairs = 0, latins = 0, ideographs = 0
        // Gaps count from after the first cluster, or from before it after the indent.
        let slotStart = plan.indent ? plan.drawStart : plan.drawStart + 1
        if spare > 0 {
            for k in slotStart..<max(slotStart, plan.visibleEnd) {
                switch g[k] & GapKind.kindMask {
                case GapKind.space: spaces += 1
                case GapKind.wordSpace: words += 1
                case GapKind.boundary: boundaries += 1
                case GapKind.punctuation: marks += 1
                case GapKind.markPair: pairs += 1
                case GapKind.latinSpace: latins += 1
                case GapKind.ideographic: ideographs += 1
                default: break
                }
            }
        }
        let cost = LineCost(
            spaceCapacity: spaces + latins + 2 * boundaries + GapKind.wordSpaceCells * words,
            punctuationCapacity: 2 * marks + pairs + GapKind.latinSpaceExtraCells * latins,
            ideographicGaps: ideographs)
        var (a, b, h, u) = cost.split(spare)
        // A vertical column whose spare would put more than one row in all between its
        // ideographs ends short instead (a ragged foot): a row is a character's height.
        if options.vertical, h > 2 {
            (justify, spare, a, b, h, u) = (false, 0, 0, 0, 0, 0)
        }
        let light = spaces + latins + boundaries + words
        // Each share is spread by a centred Bresenham walk over its gaps: first one cell a
        // gap, then the second cell boundaries, word spaces and marks may take (a pair of
        // marks takes one), then the rest to word spaces; after the marks, Latin spaces.
        let a1 = min(a, light), a2 = min(a - a1, boundaries + words), a3 = a - a1 - a2
        let b1 = min(b, marks + pairs), b2 = min(b - b1, marks), b3 = b - b1 - b2
        let stranding = light + marks + pairs
        var lightIndex = 0, secondIndex = 0, wordIndex = 0, markIndex = 0, firstMarkIndex = 0
        var latinIndex = 0, ideographIndex = 0, strandedIndex = 0

        let first = segments.count
        var column = plan.indent ? 4 : 0
        var segmentStart = -1
        var segmentColumn = 0
        var k = plan.drawStart
        while k < plan.visibleEnd {
            let cell = c[k]
            if cell & Cell.hidden != 0 {
                // Zero width and never drawn: the segment runs on across it.
                k += 1
                continue
            }
            if spare > 0, k >= slotStart, g[k] & GapKind.kindMask != GapKind.none {
                var extra = 0
                switch g[k] & GapKind.kindMask {
                case GapKind.space:
                    extra = Self.share(lightIndex, a1, light)
                    lightIndex += 1
                    extra += Self.share(strandedIndex, u, stranding)
                    strandedIndex += 1
                case GapKind.latinSpace:
                    extra = Self.share(lightIndex, a1, light) + Self.share(latinIndex, b3, latins)
                    lightIndex += 1
                    latinIndex += 1
                    extra += Self.share(strandedIndex, u, stranding)
                    strandedIndex += 1
                case GapKind.boundary:
                    extra = Self.share(lightIndex, a1, light) + Self.share(secondIndex, a2, boundaries + words)
                    lightIndex += 1
                    secondIndex += 1
                    extra += Self.share(strandedIndex, u, stranding)
                    strandedIndex += 1
                case GapKind.wordSpace:
                    extra =
                        Self.share(lightIndex, a1, light) + Self.share(secondIndex, a2, boundaries + words)
                        + Self.share(wordIndex, a3, words)
                    lightIndex += 1
                    secondIndex += 1
                    wordIndex += 1
                    extra += Self.share(strandedIndex, u, stranding)
                    strandedIndex += 1
                case GapKind.punctuation:
                    extra = Self.share(firstMarkIndex, b1, marks + pairs) + Self.share(markIndex, b2, marks)
                    markIndex += 1
                    firstMarkIndex += 1
                    extra += Self.share(strandedIndex, u, stranding)
                    strandedIndex += 1
                case GapKind.markPair:
                    extra = Self.share(firstMarkIndex, b1, marks + pairs)
                    firstMarkIndex += 1
                    extra += Self.share(strandedIndex, u, stranding)
                    strandedIndex += 1
                default:
                    extra = Self.share(ideographIndex, h, ideographs)
                    ideographIndex += 1
                }
                if extra > 0 {
                    if segmentStart >= 0 {
                        segments.append(TypesetParagraph.Segment(scalars: segmentStart..<k, column: segmentColumn))
                        segmentStart = -1
                    }
                    column += extra
                }
            }
            if segmentStart < 0 {
                segmentStart = k
                segmentColumn = column
            }
            column += Int(cell & Cell.widthMask)
            k += 1
        }
        if segmentStart >= 0 {
            segments.append(TypesetParagraph.Segment(scalars: segmentStart..<plan.visibleEnd, column: segmentColumn))
        }
        // A line with no gap cannot be spread: pad after it so the column stays straight.
        let right = plan.available + plan.hang + (plan.indent ? 4 : 0)
        if justify, column < right { column = right }
        return TypesetParagraph.Line(
            source: plan.start..<plan.end, width: column, isLast: isLast,
            indent: plan.indent, segments: first..<segments.count)
    }

    /// The cells gap `index` of `count` gets when `total` cells are spread over them:
    /// a centred Bresenham walk, so the remainder is spread from the middle.
    @inline(__always)
    static func share(_ index: Int, _ total: Int, _ count: Int) -> Int {
        guard total > 0, count > 0 else { return 0 }
        let half = count / 2
        return ((index + 1) * total + half) / count - (index * total + half) / count
    }
}
