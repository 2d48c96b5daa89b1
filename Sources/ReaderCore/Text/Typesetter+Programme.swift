/// The paragraph-wide line-breaking programme and the gap map it prices lines with.
extension Typesetter {
    // MARK: Gaps

    /// Marks each URL (http://, https://, www.) in `g` and lets a line end anywhere inside
    /// it: a URL flows on after the text before it and is broken only at the column edge
    /// (the programme takes such a break only when it fills the line exactly), never
    /// gapped. Trailing sentence punctuation is not part of the URL.
    func markURLs(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ o: UnsafeMutableBufferPointer<LineBreakOpportunity>,
        _ g: UnsafeMutableBufferPointer<UInt8>
    ) {
        let n = s.count
        // Every URL holds ':' or '.'; most paragraphs hold neither (a loop the compiler
        // vectorises, without an early exit).
        var marks: UInt32 = 0
        for scalar in s { marks |= (scalar.value == 0x3A || scalar.value == 0x2E) ? 1 : 0 }
        guard marks != 0 else { return }
        var i = 0
        while i + 4 < n {
            // Cheap first test: a URL has ':' or "www." near its start.
            let v = s[i].value
            guard v == 0x68 || v == 0x77 else { i += 1; continue } // h, w
            if i > 0, isURLScalar(s[i - 1].value), s[i - 1] != "(" { i += 1; continue }
            guard startsURL(s, at: i) else { i += 1; continue }
            var end = i
            while end < n, isURLScalar(s[end].value) { end += 1 }
            while end > i, GapKind.hangs(s[end - 1].value) || s[end - 1] == "\"" || s[end - 1] == "'" { end -= 1 }
            if end - i > 1 {
                for k in (i + 1)..<end {
                    g[k] |= GapKind.insideURL
                    if o[k] == .prohibited { o[k] = .allowed }
                }
            }
            i = max(end, i + 1)
        }
    }

    /// Whether a scalar can be part of a URL (printable ASCII but space and quotes).
    @inline(__always)
    private func isURLScalar(_ v: UInt32) -> Bool {
        v > 0x20 && v < 0x7F && v != 0x22 && v != 0x3C && v != 0x3E
    }

    /// Whether `http://`, `https://` or `www.` starts at `i`.
    private func startsURL(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        func matches(_ prefix: String) -> Bool {
            var k = i
            for p in prefix.unicodeScalars {
                guard k < s.count, s[k] == p else { return false }
                k += 1
            }
            return k < s.count && isURLScalar(s[k].value)
        }
        return matches("http://") || matches("https://") || matches("www.")
    }

    /// Writes the `GapKind` of the gap before each drawn cluster into `g` (keeping the
    /// URL flag). A gap goes only where the line could break, so never inside a word, a
    /// number with its unit, —— or ……, nor on the inner side of a quote or bracket.
    ///
    /// Only `range` is marked (a line's worth, or the whole paragraph): the gap before its
    /// first cluster is not. `first` is where the paragraph's drawing starts.
    func markGaps(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ c: UnsafeBufferPointer<UInt8>,
        _ o: UnsafeBufferPointer<LineBreakOpportunity>, _ g: UnsafeMutableBufferPointer<UInt8>,
        range: Range<Int>, first: Int
    ) {
        let n = s.count
        // An indented paragraph opening with a quote or bracket may take a gap between the
        // indent and the mark, which keeps the first line's odd cell out of its words.
        if range.contains(first), first < n, Kinsoku.forbidsLineEnd(s[first]) { g[first] |= GapKind.punctuation }
        var previous = -1 // last drawn cluster start
        var beforeSpaces = -1 // last drawn non-space cluster start
        var spaces = 0 // spaces since it
        for k in range {
            let cell = c[k]
            if cell & (Cell.hidden | Cell.continuation) != 0 { continue }
            defer {
                previous = k
                if cell & Cell.space != 0 { spaces += 1 } else { beforeSpaces = k; spaces = 0 }
            }
            guard previous >= 0, k != first, cell & Cell.space == 0, o[k] == .allowed else { continue }
            if g[k] & GapKind.insideURL != 0 { continue }
            let a = s[previous].value, b = s[k].value
            // The common case: two CJK unified ideographs.
            if a &- 0x4E00 < 0x5200, b &- 0x4E00 < 0x5200 {
                g[k] |= GapKind.ideographic
                continue
            }
            let kind: UInt8
            if c[previous] & Cell.space != 0 {
                // Widen a single existing space, but not at a CJK–Latin boundary: there the
                // space already is the boundary's gap (never doubled).
                guard spaces == 1, beforeSpaces >= 0 else { continue }
                let wideBefore = c[beforeSpaces] & Cell.wide != 0, wideAfter = cell & Cell.wide != 0
                // In Korean every space is a word space, whatever is beside it.
                if GapKind.isHangul(s[beforeSpaces].value) || GapKind.isHangul(b) {
                    kind = GapKind.wordSpace
                } else if wideBefore != wideAfter {
                    kind = GapKind.none
                } else if !wideBefore {
                    // Between Latin words a space stretches as it does in English print;
                    // beside a mark (`陈正明) 3月`, `, and`) it takes one cell at most.
                    let marked = GapKind.isPunctuation(s[beforeSpaces].value) || GapKind.isPunctuation(b)
                    kind = marked ? GapKind.space : GapKind.latinSpace
                } else {
                    // Between wide clusters a space is widened by one cell at most, never
                    // doubled: a wide space after a dateline reads as a hole, not as justification.
                    kind = GapKind.space
                }
            } else if Kinsoku.forbidsLineStart(s[previous]) && a != 0x2E || Kinsoku.forbidsLineEnd(s[k]) {
                let pair =
                    GapKind.isPunctuation(a) && GapKind.isPunctuation(b)
                    && c[previous] & cell & Cell.wide != 0
                kind = pair ? GapKind.markPair : GapKind.punctuation
            } else if GapKind.isPunctuation(a) || GapKind.isPunctuation(b) {
                kind = GapKind.punctuation
            } else {
                let wideA = c[previous] & Cell.wide != 0, wideB = cell & Cell.wide != 0
                if wideA && wideB {
                    kind = GapKind.ideographic
                } else if wideA != wideB {
                    kind = GapKind.boundary
                } else {
                    kind = GapKind.none
                }
            }
            g[k] |= kind
        }
    }

    // MARK: Programme

    /// Chooses every line of the paragraph at once: a shortest path over the break
    /// opportunities whose line cost (`LineCost`) knows where each line's spare cells
    /// would land. From each reachable break only the lines within `LineCost.window`
    /// spare cells of the fullest are tried (found by binary search over prefix sums),
    /// so the work stays linear in the text. A token wider than any line is broken
    /// by `fill` as before. Lines start at `origin` (a line start). Nil when no path is
    /// found (never expected).
    func programme(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ c: UnsafeBufferPointer<UInt8>,
        _ o: UnsafeBufferPointer<LineBreakOpportunity>, _ g: UnsafeBufferPointer<UInt8>,
        width: Int, indentWidth: Int, from origin: Int = 0
    ) -> [Plan]? {
        let n = s.count
        // Per-scalar prefix sums, four lanes: drawn cells, light gap capacity (spaces,
        // boundaries, word spaces), mark gap capacity (with a Latin space's extra cells,
        // which come after the marks), ideographic gaps.
        let prefix = UnsafeMutablePointer<Int32>.allocate(capacity: 4 * (n + 1))
        defer { prefix.deallocate() }
        prefix.initialize(repeating: 0, count: 4)
        var k = 0
        while k < n {
            let cell = c[k]
            let q = prefix + 4 * k
            var l: Int32 = 0, m: Int32 = 0, h: Int32 = 0
            switch g[k] & GapKind.kindMask {
            case GapKind.none: break
            case GapKind.ideographic: h = 1
            case GapKind.punctuation: m = 2
            case GapKind.markPair: m = 1
            case GapKind.space: l = 1
            case GapKind.boundary: l = 2
            case GapKind.wordSpace: l = Int32(GapKind.wordSpaceCells)
            case GapKind.latinSpace: l = 1; m = Int32(GapKind.latinSpaceExtraCells)
            default: break
            }
            q[4] = q[0] + (cell & Cell.hidden == 0 ? Int32(cell & Cell.widthMask) : 0)
            q[5] = q[1] + l
            q[6] = q[2] + m
            q[7] = q[3] + h
            k += 1
        }
        // Break candidates (allowed or mandatory, and the end), one record each: position,
        // visible end, the four prefix lanes at the visible end, the last cluster's start,
        // the index of the first mandatory break at or after it, and flags (width of a
        // last cluster that may hang, a break inside a URL, a break inside a Korean word).
        let stride = 9
        let records = UnsafeMutablePointer<Int32>.allocate(capacity: stride * (n + 1))
        defer { records.deallocate() }
        let urlFlag: Int32 = 4, hangulFlag: Int32 = 8
        var count = 0
        k = origin + 1
        while k <= n {
            if k < n, o[k] == .prohibited { k += 1; continue }
            var v = k
            while v > 0, c[v - 1] & (Cell.space | Cell.hidden) != 0 { v -= 1 }
            var last = max(0, v - 1)
            while last > 0, c[last] & (Cell.continuation | Cell.hidden) != 0 { last -= 1 }
            var flags: Int32 = 0
            if v > 0, GapKind.hangs(s[last].value) { flags = Int32(c[last] & Cell.widthMask) }
            if k < n {
                if g[k] & GapKind.insideURL != 0 { flags |= urlFlag }
                if GapKind.isHangul(s[k].value), GapKind.isHangul(s[k - 1].value) { flags |= hangulFlag }
            }
            let r = records + stride * count
            let q = prefix + 4 * v
            r[0] = Int32(k)
            r[1] = Int32(v)
            r[2] = q[0]
            r[3] = q[1]
            r[4] = q[2]
            r[5] = q[3]
            r[6] = Int32(last)
            r[8] = flags
            count += 1
            k += 1
        }
        // For each break, the first mandatory break (or the end) at or after it.
        var nextLimit = count - 1
        for idx in Swift.stride(from: count - 1, through: 0, by: -1) {
            let b = Int(records[stride * idx])
            if b == n || o[b] == .mandatory { nextLimit = idx }
            records[stride * idx + 7] = Int32(nextLimit)
        }

        let unreached = Int.max / 4
        let best = UnsafeMutablePointer<Int>.allocate(capacity: n + 1)
        defer { best.deallocate() }
        best.initialize(repeating: unreached, count: n + 1)
        // The line's start for each end; -2 - start for a line `fill` forced.
        let from = UnsafeMutablePointer<Int32>.allocate(capacity: n + 1)
        defer { from.deallocate() }
        from.initialize(repeating: -1, count: n + 1)
        best[origin] = 0
        let hangRoom = options.hangPunctuation ? 2 : 0
        let justify = options.justify
        let lone = options.avoidLoneLastCharacter
        var firstIdx = 0
        var fitPtr = -1
        var p = origin
        while p < n {
            defer { p += 1 }
            let reached = best[p]
            if reached == unreached { continue }
            while firstIdx < count, Int(records[stride * firstIdx]) <= p { firstIdx += 1 }
            guard firstIdx < count else { continue }
            var drawStart = p
            if p == 0 {
                drawStart = paragraphDrawStart(s, c)
            } else {
                while drawStart < n, c[drawStart] & Cell.hidden != 0 { drawStart += 1 }
            }
            let available = width - (p == 0 ? indentWidth : 0)
            let base = Int(prefix[4 * drawStart])
            // Gaps count from after the first cluster, or from before it after the indent.
            let slot = prefix + 4 * (p == 0 && indentWidth > 0 ? drawStart : min(n, drawStart + 1))
            let lightBase = Int(slot[1]), marksBase = Int(slot[2]), ideographsBase = Int(slot[3])
            let limitIdx = Int(records[stride * firstIdx + 7])
            // The last break whose line fits, hung mark included. The room only grows
            // from one start to the next, so the pointer only moves forward.
            let room = Int32(base + available + hangRoom)
            if fitPtr < firstIdx - 1 { fitPtr = firstIdx - 1 }
            while fitPtr < limitIdx, records[stride * (fitPtr + 1) + 2] <= room { fitPtr += 1 }
            let fitIdx = fitPtr
            var tried = false
            // A token wider than any line after the fullest break: the text before it
            // may stay on the line and the token be broken at the edge, as greedy did.
            let overlong =
                fitIdx < limitIdx && fitIdx >= firstIdx
                && Int(records[stride * (fitIdx + 1) + 2]) - Int(prefix[4 * Int(records[stride * fitIdx])]) > width
            var idx = fitIdx
            while idx >= firstIdx {
                defer { idx -= 1 }
                let r = records + stride * idx
                let visibleEnd = Int(r[1])
                guard visibleEnd > drawStart else { break }
                let flags = r[8]
                var cells = Int(r[2]) - base
                var hang = 0
                if cells > available {
                    // Only one closing or pause mark may stand past the edge.
                    let w = Int(flags & 3)
                    guard w > 0, Int(r[6]) > drawStart, cells - w <= available, flags & urlFlag == 0 else { continue }
                    hang = w
                    cells -= w
                }
                let spare = available - cells
                let isLast = idx == limitIdx
                if !isLast, flags & urlFlag != 0, spare != 0 { continue }
                if tried, !isLast, spare > LineCost.window { break }
                tried = true
                let j = Int(r[0])
                // No cheaper than the best way to `j` found so far: skip the pricing.
                if reached + LineCost.line + (isLast ? 0 : LineCost.floor(spare, justify: justify)) >= best[j] {
                    continue
                }
                var cost = LineCost.line + (hang > 0 ? LineCost.hang : 0)
                if isLast {
                    if lone, p > 0, cells <= 8, characterCount(s, c, drawStart, visibleEnd) == 1 {
                        cost += LineCost.loneLastCharacter
                    }
                } else if justify {
                    if spare > 0 {
                        let line = LineCost(
                            spaceCapacity: Int(r[3]) - lightBase,
                            punctuationCapacity: Int(r[4]) - marksBase,
                            ideographicGaps: Int(r[5]) - ideographsBase)
                        cost += line.justified(spare)
                    }
                    if flags & hangulFlag != 0 { cost += LineCost.hangulWordBreak }
                } else {
                    // Ragged text: even lines.
                    cost += spare * spare * LineCost.spreadSquare
                }
                let total = reached + cost
                if total < best[j] {
                    best[j] = total
                    from[j] = Int32(p)
                }
            }
            if !tried || overlong {
                // Nothing fits whole, or a token wider than any line comes next: fill and
                // break the token at the column edge.
                let filled = fill(
                    s, c, o, start: p, drawStart: drawStart, first: p == 0,
                    width: width, indentWidth: indentWidth
                ).plan
                guard filled.end > p else { return nil }
                var cost = LineCost.line
                if filled.end < n, o[filled.end] == .prohibited {
                    cost += LineCost.forcedBreak
                    if filled.end > 0, c[filled.end - 1] & Cell.wide == 0, c[filled.end] & Cell.wide == 0 {
                        cost += LineCost.forcedBreakInWord
                    }
                }
                if filled.justify {
                    let visibleEnd = max(filled.visibleEnd, filled.drawStart + 1)
                    let top = prefix + 4 * visibleEnd, bottom = prefix + 4 * (filled.drawStart + 1)
                    let line = LineCost(
                        spaceCapacity: Int(top[1] - bottom[1]),
                        punctuationCapacity: Int(top[2] - bottom[2]),
                        ideographicGaps: Int(top[3] - bottom[3]))
                    cost += line.justified(max(0, filled.available - (filled.content - filled.hang)))
                }
                let total = reached + cost
                if total < best[filled.end] {
                    best[filled.end] = total
                    from[filled.end] = Int32(-2 - p)
                }
            }
        }
        guard best[n] < unreached else { return nil }
        // Walk back from the end, then set the lines out front to back.
        var ends: [(end: Int, forced: Bool)] = []
        var e = n
        while e > origin {
            let f = Int(from[e])
            let start = f >= 0 ? f : -2 - f
            guard f != -1, start < e else { return nil }
            ends.append((e, f < -1))
            e = start
        }
        var plans: [Plan] = []
        plans.reserveCapacity(ends.count)
        var start = origin
        for (end, forced) in ends.reversed() {
            var drawStart = start
            if start == 0 {
                drawStart = paragraphDrawStart(s, c)
            } else {
                while drawStart < n, c[drawStart] & Cell.hidden != 0 { drawStart += 1 }
            }
            if forced {
                plans.append(
                    fill(
                        s, c, o, start: start, drawStart: drawStart, first: start == 0,
                        width: width, indentWidth: indentWidth
                    ).plan)
            } else {
                var visibleEnd = end
                while visibleEnd > drawStart, c[visibleEnd - 1] & (Cell.space | Cell.hidden) != 0 { visibleEnd -= 1 }
                let available = width - (start == 0 ? indentWidth : 0)
                let cells = Int(prefix[4 * visibleEnd]) - Int(prefix[4 * min(drawStart, visibleEnd)])
                var hang = 0
                if cells > available {
                    var last = visibleEnd - 1
                    while last > drawStart, c[last] & (Cell.continuation | Cell.hidden) != 0 { last -= 1 }
                    hang = Int(c[last] & Cell.widthMask)
                }
                let mandatory = end >= n || o[end] == .mandatory
                plans.append(
                    Plan(
                        start: start, drawStart: drawStart, end: end, visibleEnd: visibleEnd,
                        available: available, indent: start == 0 && indentWidth > 0,
                        justify: options.justify && !mandatory, content: cells, hang: hang))
            }
            start = end
        }
        return plans
    }
}
