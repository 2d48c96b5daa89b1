/// Sets ASCII `, ; : ! ? ( )` in Chinese text as the full-width marks print uses.
///
/// Rule (see DECISIONS.md): a mark is converted when a neighbouring scalar is CJK
/// (ideograph, kana, hangul, CJK or full-width punctuation), unless both
/// neighbours are ASCII letters or digits (inside a Latin or number run: `3:2`,
/// `1,000`). Parentheses pair up: when one of a matched pair is converted, so is
/// the other, so 系统(CESS)、 becomes 系统（CESS）、.
struct PunctuationRepair {
    /// The repaired text, the scalar offset of the first change and the number of changes.
    struct Result {
        var text: String
        var firstChange: Int?
        var changes: Int
    }

    private static let fullWidth: [UInt8: Unicode.Scalar] = [
        UInt8(ascii: ","): "，", UInt8(ascii: ";"): "；", UInt8(ascii: ":"): "：",
        UInt8(ascii: "!"): "！", UInt8(ascii: "?"): "？", UInt8(ascii: "("): "（", UInt8(ascii: ")"): "）",
    ]

    /// Whether the text has any of the ASCII marks (a byte loop: fast on huge lines).
    static func hasMark(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { buffer in
            guard let p = buffer.baseAddress else { return false }
            var i = 0
            while i < buffer.count {
                switch p[i] {
                case 0x21, 0x28, 0x29, 0x2C, 0x3A, 0x3B, 0x3F: return true
                default: i &+= 1
                }
            }
            return false
        }
    }

    /// Repairs one line or paragraph.
    func repair(_ text: String) -> Result {
        // Fast path: most text has none of the marks.
        guard Self.hasMark(text) else { return Result(text: text, firstChange: nil, changes: 0) }
        var scalars = Array(text.unicodeScalars)
        var convert = [Bool](repeating: false, count: scalars.count)
        var openParens: [Int] = []
        var pairs: [(Int, Int)] = []
        for i in scalars.indices {
            let s = scalars[i]
            guard s.isASCII, Self.fullWidth[UInt8(s.value)] != nil else { continue }
            let before: Unicode.Scalar? = i > 0 ? scalars[i - 1] : nil
            let after: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            let cjk = before.map(EditionScalars.isCJK) == true || after.map(EditionScalars.isCJK) == true
            let insideRun = before.map(EditionScalars.isASCIIAlphanumeric) == true
                && after.map(EditionScalars.isASCIIAlphanumeric) == true
            convert[i] = cjk && !insideRun
            if s == "(" { openParens.append(i) }
            if s == ")", let open = openParens.popLast() { pairs.append((open, i)) }
        }
        for (open, close) in pairs where convert[open] != convert[close] {
            convert[open] = true
            convert[close] = true
        }
        var first: Int? = nil
        var changes = 0
        for i in scalars.indices where convert[i] {
            scalars[i] = Self.fullWidth[UInt8(scalars[i].value)]!
            if first == nil { first = i }
            changes += 1
        }
        guard changes > 0 else { return Result(text: text, firstChange: nil, changes: 0) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return Result(text: String(view), firstChange: first, changes: changes)
    }
}
