/// Character classes the edition parser and repairs decide by (on scalars).
enum EditionScalars {
    /// CJK ideographs (unified, extension A–H, compatibility).
    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x3FFFF).contains(v)
            || v == 0x3007
    }

    /// Scalars that make a CJK context for punctuation: ideographs, kana, hangul,
    /// CJK symbols and punctuation, full-width forms. Curly quotes are not counted:
    /// Latin text uses them too.
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x2E80 { return false }
        return isIdeograph(s) || (0x3000...0x30FF).contains(v) || (0x3100...0x33FF).contains(v)
            || (0xAC00...0xD7AF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFFEF).contains(v) || (0x2E80...0x2FDF).contains(v)
    }

    /// ASCII letters and digits: the inside of a Latin or number run.
    static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }

    /// Marks after which a paragraph may end: full stops, closing quotes and brackets.
    static func isClosing(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "!", "?", ".", "…", "；", ";", "：", ":", "”", "’", "」", "』",
             "）", ")", "》", "〉", "】", "〕", "]", "\"", "'", "—":
            return true
        default:
            return false
        }
    }

    /// Marks that show a line is prose (a sentence), not a label.
    static func isSentencePunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", "。", "、", "；", "：", "！", "？", ",", ";", "!", "?", "…":
            return true
        default:
            return false
        }
    }

    /// Sentence-ending marks: a line containing one is not a kicker or deck.
    static func isFullStop(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "!", "?":
            return true
        default:
            return false
        }
    }

    /// Spaces a line may be trimmed of: ASCII space and the ideographic space.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\u{3000}" || s == "\u{A0}"
    }

    /// Text with leading and trailing spaces removed.
    static func trimmed<S: StringProtocol>(_ text: S) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Number of scalars, stopping early past `limit` (cheap on huge lines).
    static func count(_ text: String, upTo limit: Int) -> Int {
        var n = 0
        for _ in text.unicodeScalars {
            n += 1
            if n > limit { break }
        }
        return n
    }

    /// Parses ASCII, full-width or simple Chinese numerals (up to 99) as an integer.
    static func number<S: StringProtocol>(_ text: S) -> Int? {
        var value = 0
        var sawDigit = false
        for s in text.unicodeScalars {
            if (0x30...0x39).contains(s.value) {
                value = value * 10 + Int(s.value - 0x30); sawDigit = true
            } else if (0xFF10...0xFF19).contains(s.value) {
                value = value * 10 + Int(s.value - 0xFF10); sawDigit = true
            } else {
                break
            }
            if value > 1_000_000_000 { return nil }
        }
        if sawDigit { return value }
        let digits: [Unicode.Scalar: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                                             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var total = 0
        var current = -1
        for s in text.unicodeScalars {
            if let d = digits[s] {
                current = d
            } else if s == "十" {
                total += (current < 0 ? 1 : current) * 10
                current = -1
            } else {
                return nil
            }
        }
        if current >= 0 { total += current }
        return text.isEmpty ? nil : total
    }
}
