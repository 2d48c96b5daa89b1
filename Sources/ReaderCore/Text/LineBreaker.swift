/// Line_Break classes as raw table values, so the breaker's inner loop compares bytes.
private enum C {
    static let BK: UInt8 = 0
    static let CR: UInt8 = 1
    static let LF: UInt8 = 2
    static let NL: UInt8 = 3
    static let SP: UInt8 = 4
    static let ZW: UInt8 = 5
    static let ZWJ: UInt8 = 6
    static let CM: UInt8 = 7
    static let WJ: UInt8 = 8
    static let GL: UInt8 = 9
    static let BA: UInt8 = 10
    static let BB: UInt8 = 11
    static let B2: UInt8 = 12
    static let HY: UInt8 = 13
    static let CB: UInt8 = 14
    static let CL: UInt8 = 15
    static let CP: UInt8 = 16
    static let EX: UInt8 = 17
    static let IN: UInt8 = 18
    static let NS: UInt8 = 19
    static let OP: UInt8 = 20
    static let QU: UInt8 = 21
    static let IS: UInt8 = 22
    static let NU: UInt8 = 23
    static let PO: UInt8 = 24
    static let PR: UInt8 = 25
    static let SY: UInt8 = 26
    static let AL: UInt8 = 27
    static let HL: UInt8 = 28
    static let ID: UInt8 = 29
    static let EB: UInt8 = 30
    static let EM: UInt8 = 31
    static let H2: UInt8 = 32
    static let H3: UInt8 = 33
    static let JL: UInt8 = 34
    static let JV: UInt8 = 35
    static let JT: UInt8 = 36
    static let RI: UInt8 = 37
}

/// Whether a line may or must break at a position between two scalars.
public enum LineBreakOpportunity: UInt8, Sendable, Equatable {
    /// No break here (×).
    case prohibited
    /// A line may break here (÷).
    case allowed
    /// A line must break here (!): after a hard line break, and at the end of text.
    case mandatory

    // Compare raw bytes rather than through the generic RawRepresentable `==`.
    @inline(__always)
    public static func == (a: LineBreakOpportunity, b: LineBreakOpportunity) -> Bool { a.rawValue == b.rawValue }

    @inline(__always)
    public static func != (a: LineBreakOpportunity, b: LineBreakOpportunity) -> Bool { a.rawValue != b.rawValue }
}

/// Finds line-break opportunities with the UAX #14 algorithm (Unicode 15.0, with the
/// numeric tailoring of Example 7 that `LineBreakTest.txt` uses), working on scalars.
///
/// With the `.chinese` tailoring it also applies the W3C clreq basic rules (see
/// docs/decisions/0020-chinese-tailoring-uax-14-w3c-clreq.md): no line starts with a
/// closing mark or ends with an opening one, quotation marks between Chinese characters behave as in Unicode 15.1, a
/// number keeps its range dash and its unit, and codes like `CN 43-0005` stay whole.
public struct LineBreaker: Sendable {
    /// Which rules apply on top of plain UAX #14.
    public enum Tailoring: Sendable, Equatable {
        /// Plain UAX #14, as tested by `LineBreakTest.txt`.
        case none
        /// UAX #14 with the clreq basic rules for Chinese.
        case chinese
    }

    public var tailoring: Tailoring

    public init(tailoring: Tailoring = .chinese) {
        self.tailoring = tailoring
    }

    /// Opportunities before each scalar of `text` and at its end (`count + 1` entries).
    public func opportunities(_ text: String) -> [LineBreakOpportunity] {
        opportunities(Array(text.unicodeScalars))
    }

    /// Opportunities before each scalar and at the end: entry `i` is the position before
    /// `scalars[i]`, entry `scalars.count` is the end of text (always mandatory).
    public func opportunities(_ scalars: [Unicode.Scalar]) -> [LineBreakOpportunity] {
        let lookup = LineBreakLookup.shared
        let properties = scalars.map { lookup.raw($0.value) }
        return opportunities(scalars, properties: properties)
    }

    /// Opportunities for scalars whose table bytes (`LineBreakProperties.raw`) are known.
    func opportunities(_ scalars: [Unicode.Scalar], properties: [UInt8]) -> [LineBreakOpportunity] {
        precondition(scalars.count == properties.count)
        var result = [LineBreakOpportunity](filled: .prohibited, count: scalars.count + 1)
        guard !scalars.isEmpty else {
            result[0] = .mandatory
            return result
        }
        scalars.withUnsafeBufferPointer { s in
            properties.withUnsafeBufferPointer { p in
                result.withUnsafeMutableBufferPointer { out in
                    uax14(s, p, out)
                    if tailoring == .chinese { chinese(s, p, out) }
                }
            }
        }
        return result
    }

    // MARK: UAX #14

    /// Runs the UAX #14 rules LB2-LB31 left to right, keeping the context the rules look back at.
    private func uax14(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ p: UnsafeBufferPointer<UInt8>,
        _ out: UnsafeMutableBufferPointer<LineBreakOpportunity>
    ) {
        let n = s.count
        let chinese = tailoring == .chinese
        /// The class of scalar `i`.
        @inline(__always) func cls(_ i: Int) -> UInt8 {
            (p[i] & 0x3F)
        }
        // Context: the class of the previous unit after LB9/LB10, its table byte, the
        // raw class of the previous scalar, the unit before it, the unit before a run of
        // spaces, the LB25 number state and the count of regional indicators.
        var first = cls(0)
        if first == C.CM || first == C.ZWJ { first = C.AL }
        var prev = first
        var prevByte = p[0]
        var prevRaw = cls(0)
        var prevPrev: UInt8 = C.BK
        var beforeSpaces: UInt8 = C.BK
        var inNumber = prev == C.NU
        var closedNumber = false
        var regionalCount = prev == C.RI ? 1 : 0
        out[0] = .prohibited // LB2
        out[n] = .mandatory // LB3
        var i = 1
        while i < n {
            var cur = cls(i)
            let curByte = p[i]
            if cur == C.ID && prevRaw == C.ID && prev == C.ID {
                // Between two ideographs no rule before LB31 applies: the common case.
                out[i] = .allowed
                prevPrev = C.ID
                prevByte = curByte
                inNumber = false
                closedNumber = false
                regionalCount = 0
                i += 1
                continue
            }
            var decision: LineBreakOpportunity
            var absorbed = false
            rules: do {
                // LB4, LB5
                if prevRaw == C.BK { decision = .mandatory; break rules }
                if prevRaw == C.CR {
                    decision = cur == C.LF ? .prohibited : .mandatory; break rules
                }
                if prevRaw == C.LF || prevRaw == C.NL { decision = .mandatory; break rules }
                // LB6, LB7
                switch cur {
                case C.BK, C.CR, C.LF, C.NL, C.SP, C.ZW: decision = .prohibited; break rules
                default: break
                }
                let base = prev == C.SP ? beforeSpaces : prev
                // LB8
                if base == C.ZW { decision = .allowed; break rules }
                // LB8a
                if prevRaw == C.ZWJ {
                    decision = .prohibited
                    if cur == C.CM || cur == C.ZWJ, prevRaw != C.SP { absorbed = true }
                    break rules
                }
                // LB9, LB10
                if cur == C.CM || cur == C.ZWJ {
                    switch prevRaw {
                    case C.BK, C.CR, C.LF, C.NL, C.SP, C.ZW: cur = C.AL
                    default: absorbed = true; decision = .prohibited; break rules
                    }
                }
                // LB11, LB12, LB12a
                if cur == C.WJ || prev == C.WJ || prev == C.GL { decision = .prohibited; break rules }
                if cur == C.GL, prev != C.SP, prev != C.BA, prev != C.HY { decision = .prohibited; break rules }
                // LB13
                switch cur {
                case C.CL, C.CP, C.EX, C.IS, C.SY: decision = .prohibited; break rules
                default: break
                }
                // LB14-LB17
                if base == C.OP { decision = .prohibited; break rules }
                if base == C.QU, cur == C.OP { decision = .prohibited; break rules }
                if base == C.CL || base == C.CP, cur == C.NS { decision = .prohibited; break rules }
                if base == C.B2, cur == C.B2 { decision = .prohibited; break rules }
                // LB18
                if prev == C.SP { decision = .allowed; break rules }
                // LB19 (and LB19a of Unicode 15.1 when tailored for Chinese)
                if cur == C.QU || prev == C.QU {
                    if !chinese || quoteRule(s, p, i, prevByte: prevByte, prevIndex: lastBase(p, i)) == .prohibited {
                        decision = .prohibited; break rules
                    }
                }
                // LB20
                if cur == C.CB || prev == C.CB { decision = .allowed; break rules }
                // LB21, LB21a, LB21b
                if cur == C.BA || cur == C.HY || cur == C.NS || prev == C.BB { decision = .prohibited; break rules }
                if prevPrev == C.HL, prev == C.HY || prev == C.BA { decision = .prohibited; break rules }
                if prev == C.SY, cur == C.HL { decision = .prohibited; break rules }
                // LB22
                if cur == C.IN { decision = .prohibited; break rules }
                // LB23, LB23a, LB24
                let alphabetic = prev == C.AL || prev == C.HL
                let curAlphabetic = cur == C.AL || cur == C.HL
                if alphabetic, cur == C.NU { decision = .prohibited; break rules }
                if prev == C.NU, curAlphabetic { decision = .prohibited; break rules }
                if prev == C.PR, cur == C.ID || cur == C.EB || cur == C.EM { decision = .prohibited; break rules }
                if prev == C.ID || prev == C.EB || prev == C.EM, cur == C.PO { decision = .prohibited; break rules }
                if prev == C.PR || prev == C.PO, curAlphabetic { decision = .prohibited; break rules }
                if alphabetic, cur == C.PR || cur == C.PO { decision = .prohibited; break rules }
                // LB25, Example 7 regular expressions
                if prev == C.PR || prev == C.PO {
                    if cur == C.NU { decision = .prohibited; break rules }
                    if cur == C.OP || cur == C.HY, nextBaseIs(C.NU, p, after: i) {
                        decision = .prohibited; break rules
                    }
                }
                if prev == C.OP || prev == C.HY, cur == C.NU { decision = .prohibited; break rules }
                if inNumber {
                    switch cur {
                    case C.NU, C.SY, C.IS, C.CL, C.CP: decision = .prohibited; break rules
                    default: break
                    }
                }
                if inNumber || closedNumber, cur == C.PO || cur == C.PR { decision = .prohibited; break rules }
                // LB26, LB27
                switch (prev, cur) {
                case (C.JL, C.JL), (C.JL, C.JV), (C.JL, C.H2), (C.JL, C.H3),
                    (C.JV, C.JV), (C.JV, C.JT), (C.H2, C.JV), (C.H2, C.JT),
                    (C.JT, C.JT), (C.H3, C.JT),
                    (C.JL, C.PO), (C.JV, C.PO), (C.JT, C.PO), (C.H2, C.PO), (C.H3, C.PO),
                    (C.PR, C.JL), (C.PR, C.JV), (C.PR, C.JT), (C.PR, C.H2), (C.PR, C.H3):
                    decision = .prohibited; break rules
                default: break
                }
                // LB28, LB29
                if alphabetic, curAlphabetic { decision = .prohibited; break rules }
                if prev == C.IS, curAlphabetic { decision = .prohibited; break rules }
                // LB30
                if alphabetic || prev == C.NU, cur == C.OP, curByte & 0x40 == 0 {
                    decision = .prohibited; break rules
                }
                if prev == C.CP, prevByte & 0x40 == 0, curAlphabetic || cur == C.NU {
                    decision = .prohibited; break rules
                }
                // LB30a
                if prev == C.RI, cur == C.RI, regionalCount % 2 == 1 { decision = .prohibited; break rules }
                // LB30b
                if cur == C.EM, prev == C.EB || prevByte & 0x80 != 0 { decision = .prohibited; break rules }
                // LB31
                decision = .allowed
            }
            out[i] = decision
            // Advance the context past scalar i.
            let raw = cls(i)
            prevRaw = raw
            if !absorbed {
                if cur == C.CM || cur == C.ZWJ { cur = C.AL } // LB10 after a hard break
                if cur == C.SP {
                    if prev != C.SP { beforeSpaces = prev }
                } else {
                    switch cur {
                    case C.NU: inNumber = true; closedNumber = false
                    case C.SY, C.IS: closedNumber = false
                    case C.CL, C.CP:
                        closedNumber = inNumber
                        inNumber = false
                    default: inNumber = false; closedNumber = false
                    }
                }
                if cur == C.SP { inNumber = false; closedNumber = false }
                regionalCount = cur == C.RI ? regionalCount + 1 : 0
                prevPrev = prev
                prev = cur
                prevByte = (curByte & 0xC0) | cur
            }
            i += 1
        }
    }

    /// Whether the next scalar after `i` that is not a combining mark has class `target`.
    @inline(__always)
    private func nextBaseIs(_ target: UInt8, _ p: UnsafeBufferPointer<UInt8>, after i: Int) -> Bool {
        var j = i + 1
        while j < p.count {
            let c = (p[j] & 0x3F)
            if c != C.CM && c != C.ZWJ { return c == target }
            j += 1
        }
        return false
    }

    /// Index of the scalar that starts the unit ending just before `i` (skips combining marks).
    @inline(__always)
    private func lastBase(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var j = i - 1
        while j > 0 {
            let c = (p[j] & 0x3F)
            if c != C.CM && c != C.ZWJ { break }
            j -= 1
        }
        return j
    }

    /// LB19 and LB19a as Unicode 15.1 words them, tailored for Chinese: a break before
    /// a quotation mark is allowed when it opens after an East Asian character, and after
    /// one when it closes before an East Asian character. Unicode also asks the other
    /// side of the mark to be East Asian, which keeps `，|“2022` and `2022”|在` together;
    /// in Chinese text a “ after a Chinese character opens whatever follows it (clreq).
    private func quoteRule(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ p: UnsafeBufferPointer<UInt8>,
        _ i: Int, prevByte: UInt8, prevIndex: Int
    ) -> LineBreakOpportunity {
        let cur = (p[i] & 0x3F)
        let prev = (prevByte & 0x3F)
        let prevEastAsian = prevByte & 0x40 != 0
        let curEastAsian = p[i] & 0x40 != 0
        if cur == C.QU {
            // × [QU - Pi]
            if !isInitialPunctuation(s[i]) { return .prohibited }
            // [^EastAsian] × QU
            if !prevEastAsian { return .prohibited }
            // × QU eot (Unicode's × QU [^EastAsian] is not applied: see above)
            var j = i + 1
            while j < p.count, case let c = p[j] & 0x3F, c == C.CM || c == C.ZWJ { j += 1 }
            if j >= p.count { return .prohibited }
        }
        if prev == C.QU {
            // [QU - Pf] ×
            if !isFinalPunctuation(s[prevIndex]) { return .prohibited }
            // QU × [^EastAsian]
            if !curEastAsian { return .prohibited }
            // sot QU × (Unicode's [^EastAsian] QU × is not applied: see above)
            if prevIndex == 0 { return .prohibited }
        }
        return .allowed
    }

    /// Whether a scalar's General_Category is Pi; the common quotes without a property lookup.
    @inline(__always)
    private func isInitialPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x2019, 0x201A, 0x201D, 0x201E: return false
        case 0x2018, 0x201B, 0x201C, 0x201F: return true
        default: return scalar.properties.generalCategory == .initialPunctuation
        }
    }

    /// Whether a scalar's General_Category is Pf; the common quotes without a property lookup.
    @inline(__always)
    private func isFinalPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x2018, 0x201A, 0x201B, 0x201C, 0x201E, 0x201F: return false
        case 0x2019, 0x201D: return true
        default: return scalar.properties.generalCategory == .finalPunctuation
        }
    }

    // MARK: Chinese tailoring

    /// Applies the clreq prohibitions and the number rules on top of UAX #14.
    private func chinese(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ p: UnsafeBufferPointer<UInt8>,
        _ out: UnsafeMutableBufferPointer<LineBreakOpportunity>
    ) {
        let n = s.count
        var lastVisible = -1 // last scalar before i that is not a space
        var i = 1
        while i < n {
            let before = s[i - 1]
            if before != " " { lastVisible = i - 1 }
            let here = s[i]
            // Between two CJK unified ideographs no tailoring applies: the common case.
            if (0x4E00...0x9FFF).contains(here.value) && (0x4E00...0x9FFF).contains(before.value) {
                i += 1
                continue
            }
            guard out[i] == .allowed else { i += 1; continue }
            if Kinsoku.forbidsLineStart(here)
                || (lastVisible >= 0 && Kinsoku.forbidsLineEnd(s[lastVisible]))
            {
                out[i] = .prohibited
            } else if (here == "\"" || here == "'") && before != " " {
                // An ASCII quote not after a space closes: it must not start a line.
                out[i] = .prohibited
            } else if isDigit(before) {
                // A number keeps its unit: 1000万套, 3月, 12亿元.
                if Kinsoku.isIdeograph(here) {
                    out[i] = .prohibited
                    var j = i
                    while j + 1 < n, Kinsoku.isNumeralMultiplier(s[j]), Kinsoku.isIdeograph(s[j + 1]) {
                        if out[j + 1] == .allowed { out[j + 1] = .prohibited }
                        j += 1
                    }
                } else if (0xFF10...0xFF19).contains(here.value) || isNumberSuffix(here) {
                    // Fullwidth digits, like ASCII ones, make one number: ３６０, ５０％.
                    out[i] = .prohibited
                } else if Kinsoku.isRangeDash(here), i + 1 < n, isDigit(s[i + 1]) {
                    // A range keeps its dash: 2022—2023.
                    out[i] = .prohibited
                    if out[i + 1] == .allowed { out[i + 1] = .prohibited }
                }
            } else if i >= 2, isDigit(here), isDigit(s[i - 2]), isNumberSeparator(before) {
                // A fullwidth decimal point or separator inside a number: ４．０, １，０００, ９：３０.
                out[i] = .prohibited
            } else if before == " ", isDigit(here), isCodePrefix(s, endingBefore: i - 1) {
                // A code keeps its prefix: CN 43-0005.
                out[i] = .prohibited
            }
            i += 1
        }
        // A range dash after a digit that UAX #14 already glued to the digit still must
        // not be followed by a break before the second number.
        i = 1
        while i + 1 < n {
            if isDigit(s[i - 1]), Kinsoku.isRangeDash(s[i]), isDigit(s[i + 1]), out[i + 1] == .allowed {
                out[i + 1] = .prohibited
            }
            i += 1
        }
    }

    /// Whether a scalar is an ASCII or fullwidth decimal digit.
    @inline(__always)
    private func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    /// Whether a scalar is a fullwidth separator inside a number (．，：／).
    @inline(__always)
    private func isNumberSeparator(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0xFF0E || v == 0xFF0C || v == 0xFF1A || v == 0xFF0F
    }

    /// Whether a scalar is a fullwidth sign that belongs to the number before it (％ ‰ ℃).
    @inline(__always)
    private func isNumberSuffix(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0xFF05 || v == 0x2030 || v == 0x2103 || v == 0xFE6A
    }

    /// Whether the text before the space at `space` is a 1-5 letter capital prefix (CN, ISSN).
    private func isCodePrefix(_ s: UnsafeBufferPointer<Unicode.Scalar>, endingBefore space: Int) -> Bool {
        var j = space - 1
        var letters = 0
        while j >= 0, (0x41...0x5A).contains(s[j].value) {
            letters += 1
            j -= 1
        }
        guard (1...5).contains(letters) else { return false }
        if j < 0 { return true }
        let v = s[j].value
        let alnum = (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        return !alnum
    }
}
