/// Sets display lines — kickers, headlines, decks, bylines and header datelines — as print
/// sets them rather than as body text: not justified, broken at phrase boundaries, with
/// lines of about equal length and never one character alone on a line.
///
/// Every position between two characters gets a price: after a space 0, at punctuation
/// (after a closing or pause mark, before an opening one) a little, at a word boundary
/// from `WordSegmenter` more, inside a word much more; inside a name in a byline, and
/// where kinsoku (UAX #14 with the Chinese tailoring) forbids a break, only when nothing
/// else fits. A dynamic programme then picks, for the fewest lines the text needs and for
/// one line more (at a price), the breaks whose lines are closest to equal length, adding
/// the prices of the breaks, and a line of one character costs more than anything else.
///
/// The segmenter is asked only when a line wraps, and only when the best setting found
/// while taking every unknown Han–Han position for a word boundary uses one of them:
/// prices are never below that guess, so a setting that uses none is already the best.
struct HeadlineSetter: Sendable {
    var ambiguous: AmbiguousWidth
    var segmenter = WordSegmenter()

    /// The price of breaking at a position, in squared cells of imbalance.
    enum Price {
        static let space = 0.0
        /// After a closing or pause mark (，、” …).
        static let punctuation = 160.0
        /// Before an opening mark (“《（ …).
        static let opening = 200.0
        static let word = 240.0
        /// A word boundary beside a lone character that is no function word (省长|李).
        static let looseWord = 480.0
        /// A word boundary between two such lone characters: likely inside a name (株|洲).
        static let weakWord = 960.0
        static let insideWord = 3_000.0
        /// One line more than the text needs.
        static let extraLine = 1_500.0
        static let insideName = 100_000.0
        static let loneCharacter = 200_000.0
        static let forbidden = 1_000_000.0
        /// Weight of a line's distance from the mean line length, squared and relative to that
        /// mean (a line a tenth off costs 10), so that long and short heads weigh alike.
        static let balance = 1_000.0
    }

    /// What a position between two characters is.
    enum Position: Equatable {
        case space, punctuation, opening, word, looseWord, weakWord, unknown, insideWord, insideName, forbidden

        /// Its price; an unknown position is priced as a word boundary, the least it can be.
        var price: Double {
            switch self {
            case .space: Price.space
            case .punctuation: Price.punctuation
            case .opening: Price.opening
            case .word, .unknown: Price.word
            case .looseWord: Price.looseWord
            case .weakWord: Price.weakWord
            case .insideWord: Price.insideWord
            case .insideName: Price.insideName
            case .forbidden: Price.forbidden
            }
        }
    }

    /// One grapheme cluster of the text.
    struct Unit {
        var text: Character
        var start: Int // scalar offset
        var width: Int
        var isSpace: Bool
        var isMark: Bool // punctuation: never counts as a character of its own
    }

    /// Texts longer than this go to the body setter (no display line is this long).
    static let longest = 400

    /// `text` set at `width` cells as rows of `role`, centred or flush left. `base` is the
    /// article offset of the text's first scalar when it is part of the body (a subhead):
    /// its rows then carry the offsets they draw, as body rows do.
    func set(_ text: String, role: Role, width: Int, align: LineSetter.Align = .left, base: Int? = nil) -> [LaidRow] {
        guard !text.isEmpty, width > 0 else { return [] }
        let width = max(2, width)
        let measure = DisplayWidth(ambiguous: ambiguous)
        // Most heads fit: one row, without taking the text apart.
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first != " ", last != " ", first != "\u{3000}", last != "\u{3000}"
        {
            let cells = measure.of(text)
            if cells <= width {
                let shift = align == .center && cells < width ? ((width - cells) / 2) & ~1 : 0
                let source = base.map { $0..<($0 + text.unicodeScalars.count) }
                return [
                    LaidRow(
                        runs: [PlacedRun(row: 0, column: shift, text: text, role: role, source: source)],
                        source: source)
                ]
            }
        }
        let units = Self.units(text, measure: measure)
        guard units.count <= Self.longest else {
            return LineSetter(ambiguous: ambiguous).set(text, role: role, width: width, align: align, base: base)
        }
        return lines(units, role: role, width: width).compactMap { range in
            let (first, end) = trimmed(units, range)
            guard first < end else { return nil }
            var line = ""
            var cells = 0
            for unit in units[first..<end] {
                line.append(unit.text)
                cells += unit.width
            }
            let shift = align == .center && cells < width ? ((width - cells) / 2) & ~1 : 0
            let last = units[end - 1]
            let source = base.map {
                ($0 + units[first].start)..<($0 + last.start + last.text.unicodeScalars.count)
            }
            return LaidRow(
                runs: [PlacedRun(row: 0, column: shift, text: line, role: role, source: source)], source: source)
        }
    }

    /// The lines of `text` at `width`, as text (spaces at the line ends dropped).
    func lineTexts(_ text: String, role: Role = .headline, width: Int) -> [String] {
        set(text, role: role, width: width).map { $0.runs.map(\.text).joined() }
    }

    // MARK: Units and positions

    /// The grapheme clusters of `text` with their offsets and widths.
    static func units(_ text: String, measure: DisplayWidth) -> [Unit] {
        var units: [Unit] = []
        var offset = 0
        for character in text {
            let scalars = character.unicodeScalars
            let first = scalars.first!
            let isSpace = first == " " || first == "\u{3000}"
            units.append(
                Unit(
                    text: character, start: offset, width: measure.of(character), isSpace: isSpace,
                    isMark: !isSpace && isMark(first)))
            offset += scalars.count
        }
        return units
    }

    /// Whether a scalar is punctuation or a symbol mark, which never stands for a character.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol:
            return true
        default:
            return false
        }
    }

    /// The units of `range` without the spaces at either end.
    private func trimmed(_ units: [Unit], _ range: Range<Int>) -> (Int, Int) {
        var first = range.lowerBound
        var end = range.upperBound
        while first < end, units[first].isSpace { first += 1 }
        while end > first, units[end - 1].isSpace { end -= 1 }
        return (first, end)
    }

    /// What each position between units is (entry `i` is before unit `i`; 0 and the end unused).
    func positions(_ units: [Unit], role: Role) -> [Position] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(units.count)
        for unit in units { scalars.append(contentsOf: unit.text.unicodeScalars) }
        let opportunities = LineBreaker(tailoring: .chinese).opportunities(scalars)
        var kinds = [Position](repeating: .forbidden, count: units.count + 1)
        for i in 1..<max(1, units.count) {
            let before = units[i - 1]
            let after = units[i]
            let firstAfter = after.text.unicodeScalars.first!
            let lastBefore = before.text.unicodeScalars.last!
            if opportunities[after.start] == .prohibited || after.isSpace {
                kinds[i] = .forbidden
            } else if before.isSpace {
                kinds[i] = .space
            } else if Kinsoku.forbidsLineStart(lastBefore) {
                kinds[i] = .punctuation
            } else if Kinsoku.forbidsLineEnd(firstAfter) {
                kinds[i] = .opening
            } else if before.isMark || after.isMark {
                kinds[i] = .word
            } else {
                kinds[i] = .unknown
            }
        }
        if role == .byline || role == .dateline {
            for range in Self.names(units) {
                for i in (range.lowerBound + 1)..<range.upperBound where kinds[i] != .forbidden {
                    kinds[i] = .insideName
                }
            }
        }
        return kinds
    }

    /// Words that introduce a name in a byline (记者王军, 通讯员 刘晓欢).
    static let nameIntroducers: [[Character]] = ["记者", "通讯员", "实习生", "报道员", "摄影", "编辑"].map(Array.init)

    /// Unit ranges of the names in a byline: what follows / or ： (or a word like 记者) up to
    /// the next space or bracket, and any space-separated word of two to four Han characters.
    static func names(_ units: [Unit]) -> [Range<Int>] {
        var names: [Range<Int>] = []
        var start = 0
        while start < units.count {
            while start < units.count, units[start].isSpace { start += 1 }
            var end = start
            while end < units.count, !units[end].isSpace { end += 1 }
            guard start < end else { break }
            let word = units[start..<end]
            // The tail after the last separator or introducing word is a name.
            var tail = start
            for i in start..<end {
                let c = units[i].text
                if c == "/" || c == "／" || c == "：" || c == ":" || c == "（" || c == "(" { tail = i + 1 }
                for intro in nameIntroducers
                where i + intro.count <= end
                    && zip(units[i..<(i + intro.count)], intro).allSatisfy({ $0.text == $1 })
                {
                    tail = max(tail, i + intro.count)
                }
            }
            var tailEnd = tail
            while tailEnd < end, !units[tailEnd].isMark { tailEnd += 1 }
            if tailEnd - tail >= 2, tailEnd - tail <= 4 { names.append(tail..<tailEnd) }
            if tail == start, word.count >= 2, word.count <= 4,
                word.allSatisfy({ Kinsoku.isIdeograph($0.text.unicodeScalars.first!) })
            {
                names.append(start..<end)
            }
            start = end
        }
        return names
    }

    // MARK: Breaking

    /// The unit ranges of the lines of the best setting.
    func lines(_ units: [Unit], role: Role, width: Int) -> [Range<Int>] {
        let count = units.count
        var prefix = [0]
        prefix.reserveCapacity(count + 1)
        for unit in units { prefix.append(prefix[prefix.count - 1] + unit.width) }
        if prefix[count] <= width { return [0..<count] }

        var kinds = positions(units, role: role)
        var best = setting(units, prefix: prefix, kinds: kinds, width: width)
        if best.dropLast().contains(where: { kinds[$0] == .unknown }) {
            // Find out which unknown positions are word boundaries, then set again.
            var scalars: [Unicode.Scalar] = []
            for unit in units { scalars.append(contentsOf: unit.text.unicodeScalars) }
            let joints = Self.joints(scalars, boundaries: segmenter.boundaries(scalars))
            for i in kinds.indices where kinds[i] == .unknown {
                kinds[i] = joints[units[i].start]
            }
            best = setting(units, prefix: prefix, kinds: kinds, width: width)
        }
        var ranges: [Range<Int>] = []
        var start = 0
        for end in best {
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }

    /// The ends of the lines of the cheapest setting with the fewest lines or one more.
    private func setting(_ units: [Unit], prefix: [Int], kinds: [Position], width: Int) -> [Int] {
        let fewest = fewestLines(units, prefix: prefix, kinds: kinds, width: width)
        var best: (cost: Double, ends: [Int])? = nil
        let content = units.filter { !$0.isSpace }.count
        for n in fewest...min(fewest + 1, max(fewest, content)) {
            guard let found = balanced(lines: n, units, prefix: prefix, kinds: kinds, width: width) else { continue }
            let cost = found.cost + Double(n - fewest) * Price.extraLine
            if best == nil || cost < best!.cost { best = (cost, found.ends) }
        }
        return best?.ends ?? [units.count]
    }

    /// Cells of the line of units `start..<end` without spaces at its ends.
    @inline(__always)
    private func cells(_ units: [Unit], prefix: [Int], _ start: Int, _ end: Int) -> Int {
        var first = start
        var last = end
        while first < last, units[first].isSpace { first += 1 }
        while last > first, units[last - 1].isSpace { last -= 1 }
        return prefix[last] - prefix[first]
    }

    /// Lines a first-fit setting needs, breaking where nothing forbids it (anywhere, if that fails).
    private func fewestLines(_ units: [Unit], prefix: [Int], kinds: [Position], width: Int) -> Int {
        for strict in [true, false] {
            var lines = 0
            var start = 0
            var ok = true
            while start < units.count {
                var end = start
                for j in (start + 1)...units.count {
                    if cells(units, prefix: prefix, start, j) > width { break }
                    if j == units.count || !strict || kinds[j].price < Price.insideName { end = j }
                }
                if end == start { ok = false; break }
                lines += 1
                start = end
            }
            if ok { return max(1, lines) }
        }
        return units.count
    }

    /// The cheapest setting in exactly `n` lines: its cost and the end of each line.
    private func balanced(
        lines n: Int, _ units: [Unit], prefix: [Int], kinds: [Position],
        width: Int
    ) -> (cost: Double, ends: [Int])? {
        let count = units.count
        let total = Double(cells(units, prefix: prefix, 0, count))
        let target = min(Double(width), total / Double(n))
        let letters = units.filter { !$0.isSpace && !$0.isMark }.count
        var letterPrefix = [0]
        for unit in units {
            letterPrefix.append(letterPrefix[letterPrefix.count - 1] + (unit.isSpace || unit.isMark ? 0 : 1))
        }
        let infinity = Double.infinity
        // cost[k][j]: units 0..<j in k lines, the k-th ending at j; from[k][j] where it started.
        var cost = [[Double]](repeating: [Double](repeating: infinity, count: count + 1), count: n + 1)
        var from = [[Int]](repeating: [Int](repeating: -1, count: count + 1), count: n + 1)
        cost[0][0] = 0
        for k in 1...n {
            for j in 1...count {
                let breakPrice = j == count ? 0 : kinds[j].price
                var i = j - 1
                while i >= 0 {
                    let w = cells(units, prefix: prefix, i, j)
                    if w > width { break }
                    if cost[k - 1][i] < infinity, w > 0 {
                        let gap = (target - Double(w)) / max(1, target)
                        var c = cost[k - 1][i] + Price.balance * gap * gap + breakPrice
                        if letters >= 2, letterPrefix[j] - letterPrefix[i] <= 1 { c += Price.loneCharacter }
                        if c < cost[k][j] {
                            cost[k][j] = c
                            from[k][j] = i
                        }
                    }
                    i -= 1
                }
            }
        }
        guard cost[n][count] < infinity else { return nil }
        var ends: [Int] = []
        var j = count
        for k in stride(from: n, to: 0, by: -1) {
            ends.append(j)
            j = from[k][j]
        }
        return (cost[n][count], ends.reversed())
    }
}

extension HeadlineSetter {
    /// Single characters that are words of their own: a boundary beside one is a real one
    /// (Simplified, then the Traditional forms that differ).
    static let functionWords: Set<Unicode.Scalar> = Set(
        ("的地得了着过在和与及或等将为对把被从向于是并让给由以而也都又就才这那其之到至再还更最很已跟同"
            + "著過與將為爲對從於並讓給這還").unicodeScalars)
    /// Characters that end the word before them when the segmenter leaves them alone (科技|节).
    static let suffixes: Set<Unicode.Scalar> =
        Set(
            ("届节园室所馆院局厅部委处站厂校村镇乡县市省区州路街队团组班员者家师性化式型期版度率界类品项次号门线网链群圈"
                + "屆節園館廳處廠鎮鄉縣區隊團組員師類項號門線網鏈").unicodeScalars)
    /// Characters that start the word after them when the segmenter leaves them alone (新|产品).
    static let prefixes: Set<Unicode.Scalar> = Set("第副总總新全各每首非超原".unicodeScalars)

    /// What each scalar position is, from ICU's word `boundaries`: a word boundary, a looser
    /// one beside a lone character, a weak one between two lone characters, or inside a word.
    ///
    /// ICU's dictionary has few names: it leaves 株洲 or 李建中 as lone characters, and
    /// suffixes like 届 and 室 apart from their word. So a lone suffix joins the word before
    /// it and a lone prefix the word after it, and a boundary beside a lone character that
    /// is not a function word (的, 在, 和…) counts for less than one between two words.
    static func joints(_ scalars: [Unicode.Scalar], boundaries: [Bool]) -> [Position] {
        var joints = [Position](repeating: .insideWord, count: scalars.count + 1)
        // Segments as [start, end) scalar offsets.
        var segments: [Range<Int>] = []
        var start = 0
        for i in 1...scalars.count where boundaries[i] {
            segments.append(start..<i)
            start = i
        }
        /// Whether a segment is one Han character.
        func lone(_ s: Range<Int>) -> Bool { s.count == 1 && Kinsoku.isIdeograph(scalars[s.lowerBound]) }
        /// Whether a segment is Han text.
        func han(_ s: Range<Int>) -> Bool { Kinsoku.isIdeograph(scalars[s.lowerBound]) }
        // Lone suffixes join the word before, lone prefixes the word after.
        var merged: [Range<Int>] = []
        var k = 0
        while k < segments.count {
            var s = segments[k]
            if lone(s), Self.prefixes.contains(scalars[s.lowerBound]), k + 1 < segments.count,
                han(segments[k + 1])
            {
                s = s.lowerBound..<segments[k + 1].upperBound
                k += 1
            }
            if k + 1 < segments.count, lone(segments[k + 1]),
                Self.suffixes.contains(scalars[segments[k + 1].lowerBound]), han(s)
            {
                s = s.lowerBound..<segments[k + 1].upperBound
                k += 1
            }
            merged.append(s)
            k += 1
        }
        for n in 1..<max(1, merged.count) {
            let a = merged[n - 1]
            let b = merged[n]
            let function =
                Self.functionWords.contains(scalars[a.lowerBound]) && a.count == 1
                || Self.functionWords.contains(scalars[b.lowerBound]) && b.count == 1
            let loneA = lone(a)
            let loneB = lone(b)
            joints[b.lowerBound] = function ? .word : loneA && loneB ? .weakWord : (loneA || loneB ? .looseWord : .word)
        }
        return joints
    }
}
