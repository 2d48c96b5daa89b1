/// The paragraph-wide line-breaking programme and the gap map it prices lines with.
extension Typesetter {
    // MARK: Gaps

    /// Marks each URL (http://, https://, www.) in `g` and lets a line end anywhere inside
    /// it: a URL flows on after the text before it and is broken only at the column edge
    /// (the programme takes such a break only when it fills the line exactly), never
    /// gapped. Trailing sentence punctuation is not part of the URL.
    func markURLs(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ o: UnsafeMutableBufferPointer<LineBreakOpportunity>,
                  _ g: UnsafeMutableBufferPointer<UInt8>) {
        let n = s.count
        var i = 0
        while i + 4 < n {
            // Cheap first test: a URL has ':' or "www." near its start.
            let v = s[i].value
            guard v == 0x68 || v == 0x77 else { i += 1; continue }   // h, w
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
    func markGaps(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ c: UnsafeBufferPointer<UInt8>,
                  _ o: UnsafeBufferPointer<LineBreakOpportunity>, _ g: UnsafeMutableBufferPointer<UInt8>) {
        let n = s.count
        // An indented paragraph opening with a quote or bracket may take a gap between the
        // indent and the mark, which keeps the first line's odd cell out of its words.
        let first = paragraphDrawStart(s, c)
        if first < n, Kinsoku.forbidsLineEnd(s[first]) { g[first] |= GapKind.punctuation }
        var previous = -1          // last drawn cluster start
        var beforeSpaces = -1      // last drawn non-space cluster start
        var spaces = 0             // spaces since it
        for k in 0..<n {
            let cell = c[k]
            if cell & (Cell.hidden | Cell.continuation) != 0 { continue }
            defer {
                previous = k
                if cell & Cell.space != 0 { spaces += 1 } else { beforeSpaces = k; spaces = 0 }
            }
            guard previous >= 0, k != first, cell & Cell.space == 0, o[k] == .allowed else { continue }
            if g[k] & GapKind.insideURL != 0 { continue }
            let a = s[previous].value, b = s[k].value
            let kind: UInt8
            if c[previous] & Cell.space != 0 {
                // Widen a single existing space, but not at a CJK–Latin boundary: there the
                // space already is the boundary's gap (never doubled).
                guard spaces == 1, beforeSpaces >= 0 else { continue }
                let wideBefore = c[beforeSpaces] & Cell.wide != 0, wideAfter = cell & Cell.wide != 0
                // In Korean every space is a word space, whatever is beside it.
                if GapKind.isHangul(s[beforeSpaces].value) || GapKind.isHangul(b) {
                    kind = GapKind.wordSpace
                } else {
                    kind = wideBefore != wideAfter ? GapKind.none : wideBefore ? GapKind.wordSpace : GapKind.space
                }
            } else if Kinsoku.forbidsLineStart(s[previous]) && a != 0x2E || Kinsoku.forbidsLineEnd(s[k]) {
                kind = GapKind.punctuation
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
    /// by `fill` as before. Nil when no path is found (never expected).
    func programme(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ c: UnsafeBufferPointer<UInt8>,
                   _ o: UnsafeBufferPointer<LineBreakOpportunity>, _ g: UnsafeBufferPointer<UInt8>,
                   width: Int, indentWidth: Int) -> [Plan]? {
        let n = s.count
        // Prefix sums over scalars: drawn cells, light gap capacity, mark gap capacity,
        // ideographic gaps.
        var content = [Int32](filled: 0, count: n + 1)
        var light = [Int32](filled: 0, count: n + 1)
        var marks = [Int32](filled: 0, count: n + 1)
        var ideographs = [Int32](filled: 0, count: n + 1)
        // Break candidates (allowed or mandatory, and the end) with their visible ends.
        var breaks: [Int32] = []
        var visibleEnds: [Int32] = []
        breaks.reserveCapacity(n / 2 + 2)
        visibleEnds.reserveCapacity(n / 2 + 2)
        for k in 0..<n {
            let cell = c[k]
            content[k + 1] = content[k] + (cell & Cell.hidden == 0 ? Int32(cell & Cell.widthMask) : 0)
            var l: Int32 = 0, m: Int32 = 0, h: Int32 = 0
            switch g[k] & GapKind.kindMask {
            case GapKind.space: l = 1
            case GapKind.boundary: l = 2
            case GapKind.punctuation: m = 2
            case GapKind.ideographic: h = 1
            case GapKind.wordSpace: l = Int32(GapKind.wordSpaceCells)
            default: break
            }
            light[k + 1] = light[k] + l
            marks[k + 1] = marks[k] + m
            ideographs[k + 1] = ideographs[k] + h
            if k > 0, o[k] != .prohibited {
                breaks.append(Int32(k))
                var v = k
                while v > 0, c[v - 1] & (Cell.space | Cell.hidden) != 0 { v -= 1 }
                visibleEnds.append(Int32(v))
            }
        }
        breaks.append(Int32(n))
        var v = n
        while v > 0, c[v - 1] & (Cell.space | Cell.hidden) != 0 { v -= 1 }
        visibleEnds.append(Int32(v))
        let count = breaks.count
        // For each break, the first mandatory break (or the end) at or after it.
        var limits = [Int32](filled: Int32(count - 1), count: count)
        var nextLimit = count - 1
        for idx in stride(from: count - 1, through: 0, by: -1) {
            let b = Int(breaks[idx])
            if b == n || o[b] == .mandatory { nextLimit = idx }
            limits[idx] = Int32(nextLimit)
        }

        let unreached = Int.max / 4
        var best = [Int](filled: unreached, count: n + 1)
        var from = [Int32](filled: -1, count: n + 1)
        var forcedAt = [Bool](filled: false, count: n + 1)
        best[0] = 0
        let hangRoom = options.hangPunctuation ? 2 : 0
        var firstIdx = 0
        var p = 0
        while p < n {
            defer { p += 1 }
            let reached = best[p]
            if reached == unreached { continue }
            while firstIdx < count, Int(breaks[firstIdx]) <= p { firstIdx += 1 }
            guard firstIdx < count else { continue }
            var drawStart = p
            if p == 0 {
                drawStart = paragraphDrawStart(s, c)
            } else {
                while drawStart < n, c[drawStart] & Cell.hidden != 0 { drawStart += 1 }
            }
            let available = width - (p == 0 ? indentWidth : 0)
            let base = Int(content[drawStart])
            // Gaps count from after the first cluster, or from before it after the indent.
            let slotStart = p == 0 && indentWidth > 0 ? drawStart : drawStart + 1
            let limitIdx = Int(limits[firstIdx])
            // The last break whose line fits, hung mark included.
            var lo = firstIdx, hi = limitIdx
            var fitIdx = firstIdx - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                if Int(content[Int(visibleEnds[mid])]) - base <= available + hangRoom {
                    fitIdx = mid
                    lo = mid + 1
                } else {
                    hi = mid - 1
                }
            }
            var tried = false
            // A token wider than any line after the fullest break: the text before it
            // stays on the line and the token is broken at the edge, as greedy did.
            let overlong = fitIdx < limitIdx && fitIdx >= firstIdx
                && Int(content[Int(visibleEnds[fitIdx + 1])]) - Int(content[Int(breaks[fitIdx])]) > width
            if fitIdx >= firstIdx {
                var idx = fitIdx
                while idx >= firstIdx {
                    defer { idx -= 1 }
                    let j = Int(breaks[idx])
                    let visibleEnd = Int(visibleEnds[idx])
                    guard visibleEnd > drawStart else { break }
                    var cells = Int(content[visibleEnd]) - base
                    var hang = 0
                    if cells > available {
                        // Only one closing or pause mark may stand past the edge.
                        var last = visibleEnd - 1
                        while last > drawStart, c[last] & (Cell.continuation | Cell.hidden) != 0 { last -= 1 }
                        let w = Int(c[last] & Cell.widthMask)
                        guard last > drawStart, GapKind.hangs(s[last].value), cells - w <= available,
                              j >= n || g[j] & GapKind.insideURL == 0 else { continue }
                        hang = w
                        cells -= w
                    }
                    let spare = available - cells
                    let isLast = idx == limitIdx
                    if !isLast, j < n, g[j] & GapKind.insideURL != 0, spare != 0 { continue }
                    if tried, !isLast, spare > LineCost.window { break }
                    var cost = LineCost.line + (hang > 0 ? LineCost.hang : 0)
                    if isLast {
                        if options.avoidLoneLastCharacter, p > 0, cells <= 8,
                           characterCount(s, c, drawStart, visibleEnd) == 1 {
                            cost += LineCost.loneLastCharacter
                        }
                    } else if options.justify {
                        let line = LineCost(
                            spaceCapacity: Int(light[visibleEnd] - light[slotStart]),
                            punctuationCapacity: Int(marks[visibleEnd] - marks[slotStart]),
                            ideographicGaps: Int(ideographs[visibleEnd] - ideographs[slotStart]))
                        cost += line.justified(spare)
                        if GapKind.isHangul(s[j].value), GapKind.isHangul(s[j - 1].value) {
                            cost += LineCost.hangulWordBreak
                        }
                    } else {
                        // Ragged text: even lines.
                        cost += spare * spare * LineCost.spreadSquare
                    }
                    tried = true
                    let total = reached + cost
                    if total < best[j] {
                        best[j] = total
                        from[j] = Int32(p)
                        forcedAt[j] = false
                    }
                }
            }
            if !tried || overlong {
                // Nothing fits whole, or a token wider than any line comes next: fill and
                // break the token at the column edge.
                let filled = fill(s, c, o, start: p, drawStart: drawStart, first: p == 0,
                                  width: width, indentWidth: indentWidth).plan
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
                    let line = LineCost(
                        spaceCapacity: Int(light[visibleEnd] - light[filled.drawStart + 1]),
                        punctuationCapacity: Int(marks[visibleEnd] - marks[filled.drawStart + 1]),
                        ideographicGaps: Int(ideographs[visibleEnd] - ideographs[filled.drawStart + 1]))
                    cost += line.justified(max(0, filled.available - filled.content))
                }
                let total = reached + cost
                if total < best[filled.end] {
                    best[filled.end] = total
                    from[filled.end] = Int32(p)
                    forcedAt[filled.end] = true
                }
            }
        }
        guard best[n] < unreached else { return nil }
        // Walk back from the end, then set the lines out front to back.
        var ends: [Int] = []
        var e = n
        while e > 0 {
            ends.append(e)
            let f = Int(from[e])
            guard f >= 0, f < e else { return nil }
            e = f
        }
        var plans: [Plan] = []
        plans.reserveCapacity(ends.count)
        var start = 0
        for end in ends.reversed() {
            var drawStart = start
            if start == 0 {
                drawStart = paragraphDrawStart(s, c)
            } else {
                while drawStart < n, c[drawStart] & Cell.hidden != 0 { drawStart += 1 }
            }
            if forcedAt[end] {
                plans.append(fill(s, c, o, start: start, drawStart: drawStart, first: start == 0,
                                  width: width, indentWidth: indentWidth).plan)
            } else {
                var visibleEnd = end
                while visibleEnd > drawStart, c[visibleEnd - 1] & (Cell.space | Cell.hidden) != 0 { visibleEnd -= 1 }
                let available = width - (start == 0 ? indentWidth : 0)
                let cells = Int(content[visibleEnd]) - Int(content[min(drawStart, visibleEnd)])
                var hang = 0
                if cells > available {
                    var last = visibleEnd - 1
                    while last > drawStart, c[last] & (Cell.continuation | Cell.hidden) != 0 { last -= 1 }
                    hang = Int(c[last] & Cell.widthMask)
                }
                let mandatory = end >= n || o[end] == .mandatory
                plans.append(Plan(start: start, drawStart: drawStart, end: end, visibleEnd: visibleEnd,
                                  available: available, indent: start == 0 && indentWidth > 0,
                                  justify: options.justify && !mandatory, content: cells, hang: hang))
            }
            start = end
        }
        return plans
    }
}
