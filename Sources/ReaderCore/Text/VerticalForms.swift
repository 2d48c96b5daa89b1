/// What a scalar becomes in a vertical column (直排): the vertical presentation forms of
/// Chinese punctuation and brackets, and which digits share one row (縱中橫, tate-chu-yoko).
///
/// The table is the Unicode Character Database's `<vertical>` decompositions
/// (UnicodeData.txt, U+FE10–FE19 and U+FE30–FE48), each also reached from the
/// fullwidth form of its ASCII source (U+FF0C，for U+002C ,), plus the marks clreq
/// asks to be set as corner brackets or turned in vertical text: “” ‘’ become ﹁﹂ ﹃﹄,
/// ― and ⋯ take ︱ and ︙ like — and …. ASCII , and . stay as they are: in a stacked
/// Latin or digit run they belong to the run (1,000 and 3.5).
/// docs/decisions/0196-vertical-forms-table.md says why.
public enum VerticalForms {
    /// Horizontal scalar → vertical presentation form, in code point order of the form.
    public static let table: [(horizontal: Unicode.Scalar, vertical: Unicode.Scalar)] = [
        ("\u{FF0C}", "\u{FE10}"), // ， fullwidth comma
        ("\u{3001}", "\u{FE11}"), // 、
        ("\u{3002}", "\u{FE12}"), // 。
        ("\u{FF61}", "\u{FE12}"), // ｡ halfwidth ideographic full stop
        ("\u{003A}", "\u{FE13}"), // :
        ("\u{FF1A}", "\u{FE13}"), // ：
        ("\u{003B}", "\u{FE14}"), // ;
        ("\u{FF1B}", "\u{FE14}"), // ；
        ("\u{0021}", "\u{FE15}"), // !
        ("\u{FF01}", "\u{FE15}"), // ！
        ("\u{003F}", "\u{FE16}"), // ?
        ("\u{FF1F}", "\u{FE16}"), // ？
        ("\u{3016}", "\u{FE17}"), // 〖
        ("\u{3017}", "\u{FE18}"), // 〗
        ("\u{2026}", "\u{FE19}"), // …
        ("\u{22EF}", "\u{FE19}"), // ⋯ midline ellipsis (clreq: the Chinese ellipsis)
        ("\u{2025}", "\u{FE30}"), // ‥
        ("\u{2014}", "\u{FE31}"), // — em dash
        ("\u{2015}", "\u{FE31}"), // ― horizontal bar (the dash of GB and Big5 text)
        ("\u{2013}", "\u{FE32}"), // – en dash
        ("\u{005F}", "\u{FE33}"), // _
        ("\u{FF3F}", "\u{FE33}"), // ＿
        ("\u{FE4F}", "\u{FE34}"), // ﹏ wavy low line
        ("\u{0028}", "\u{FE35}"), // (
        ("\u{FF08}", "\u{FE35}"), // （
        ("\u{0029}", "\u{FE36}"), // )
        ("\u{FF09}", "\u{FE36}"), // ）
        ("\u{007B}", "\u{FE37}"), // {
        ("\u{FF5B}", "\u{FE37}"), // ｛
        ("\u{007D}", "\u{FE38}"), // }
        ("\u{FF5D}", "\u{FE38}"), // ｝
        ("\u{3014}", "\u{FE39}"), // 〔
        ("\u{3015}", "\u{FE3A}"), // 〕
        ("\u{3010}", "\u{FE3B}"), // 【
        ("\u{3011}", "\u{FE3C}"), // 】
        ("\u{300A}", "\u{FE3D}"), // 《
        ("\u{300B}", "\u{FE3E}"), // 》
        ("\u{3008}", "\u{FE3F}"), // 〈
        ("\u{3009}", "\u{FE40}"), // 〉
        ("\u{300C}", "\u{FE41}"), // 「
        ("\u{201C}", "\u{FE41}"), // “ (clreq: vertical text quotes with corner brackets)
        ("\u{300D}", "\u{FE42}"), // 」
        ("\u{201D}", "\u{FE42}"), // ”
        ("\u{300E}", "\u{FE43}"), // 『
        ("\u{2018}", "\u{FE43}"), // ‘
        ("\u{300F}", "\u{FE44}"), // 』
        ("\u{2019}", "\u{FE44}"), // ’
        ("\u{005B}", "\u{FE47}"), // [
        ("\u{FF3B}", "\u{FE47}"), // ［
        ("\u{005D}", "\u{FE48}"), // ]
        ("\u{FF3D}", "\u{FE48}"), // ］
    ]

    /// Every vertical form the table uses, once each (what a terminal must draw two cells wide).
    public static let presentationForms: [Unicode.Scalar] = {
        var seen: [Unicode.Scalar] = []
        for entry in table where !seen.contains(entry.vertical) { seen.append(entry.vertical) }
        return seen
    }()

    /// The vertical form of `scalar`, or nil when it is drawn as it is.
    @inline(__always)
    public static func form(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        // Everything the table maps lies in these blocks; ideographs leave at the first test.
        guard v < 0x3020 || (0xFE4F...0xFF61).contains(v) else { return nil }
        switch v {
        case 0x21...0x7D, 0x2013...0x2026, 0x22EF, 0x3001...0x3017, 0xFE4F...0xFF61:
            for entry in table where entry.horizontal == scalar { return entry.vertical }
            return nil
        default:
            return nil
        }
    }

    /// Whether `scalar` is an ASCII digit.
    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 0x30 < 10
    }

    /// Whether the digit run holding `i` is set as tate-chu-yoko pairs (縱中橫): a run of
    /// two ASCII digits is one pair, a run of four (a year, 2023) two pairs; a run of any
    /// other length, or one joined to more digits by a decimal point or a digit group mark
    /// (3.25, 1,000), is stacked one digit a row. Letters around a run do not matter
    /// (G20 and COVID-19 keep 20 and 19 paired).
    /// `i` must be a digit. docs/decisions/0197-tate-chu-yoko.md gives the rule.
    static func isPaired(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        var start = i
        while start > 0, isDigit(scalars[start - 1]) { start -= 1 }
        var end = i + 1
        while end < scalars.count, isDigit(scalars[end]) { end += 1 }
        let length = end - start
        guard length == 2 || length == 4 else { return false }
        // A decimal point or a digit group mark between digits makes one number of the
        // runs on both sides: it stands upright as a whole.
        if start >= 2, isDigit(scalars[start - 2]), isNumberJoiner(scalars[start - 1]) { return false }
        if end + 1 < scalars.count, isDigit(scalars[end + 1]), isNumberJoiner(scalars[end]) { return false }
        return true
    }

    /// Whether `scalar` joins digits into one number (. , and ．).
    @inline(__always)
    private static func isNumberJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2C, 0x2E, 0xFF0E: return true
        default: return false
        }
    }
}
