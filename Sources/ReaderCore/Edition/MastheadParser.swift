/// Reads the typed fields of a masthead (报头) from its lines.
///
/// 2023年3月29日 星期三 → date and weekday; 癸卯年二月初八 → lunar date;
/// 第23259期 → issue; 今日8版 → page count. Lines are kept verbatim whatever is understood.
struct MastheadParser {
    /// A masthead titled `title` with the fields found in `lines`.
    func masthead(title: String, lines: [String]) -> Masthead {
        var masthead = Masthead(title: title, lines: lines)
        for line in lines {
            let s = Array(line.unicodeScalars)
            if masthead.date == nil, let date = Self.date(in: s) { masthead.date = date }
            if masthead.weekday == nil, let weekday = Self.weekday(in: s) { masthead.weekday = weekday }
            if masthead.lunarDate == nil, let lunar = Self.lunarDate(in: s) { masthead.lunarDate = lunar }
            if masthead.issue == nil, let issue = Self.number(in: s, before: "期", after: ["第"]) {
                masthead.issue = issue
            }
            if masthead.pageCount == nil, let pages = Self.pageCount(in: s) { masthead.pageCount = pages }
        }
        return masthead
    }

    /// Whether a paragraph reads like masthead information rather than an article.
    func isMastheadLike(_ lines: [String]) -> Bool {
        for line in lines {
            let s = Array(line.unicodeScalars)
            if Self.date(in: s) != nil || Self.number(in: s, before: "期", after: ["第"]) != nil
                || Self.pageCount(in: s) != nil || EditionScalars.occurs("出版物号", in: line)
                || EditionScalars.occurs("主办", in: line)
            {
                return true
            }
        }
        return false
    }

    /// `2023年3月29日`, or an ISO date `2025-01-05`, anywhere in the line.
    static func date(in s: [Unicode.Scalar]) -> EditionDate? {
        var i = 0
        while i < s.count {
            // ISO: four digits, two, two, hyphenated, not inside a longer number.
            if i + 10 <= s.count, s[i + 4] == "-", s[i + 7] == "-", i == 0 || digits(s, from: i - 1) == nil,
                let (year, y) = digits(s, from: i), y == i + 4,
                let (month, m) = digits(s, from: i + 5), m == i + 7,
                let (day, d) = digits(s, from: i + 8), d == i + 10, d == s.count || digits(s, from: d) == nil,
                (1000...9999).contains(year), (1...12).contains(month), (1...31).contains(day)
            {
                return EditionDate(year: year, month: month, day: day)
            }
            if let (year, afterYear) = digits(s, from: i), afterYear < s.count, s[afterYear] == "年",
                let (month, afterMonth) = digits(s, from: afterYear + 1), afterMonth < s.count, s[afterMonth] == "月",
                let (day, afterDay) = digits(s, from: afterMonth + 1), afterDay < s.count, s[afterDay] == "日",
                (1000...9999).contains(year), (1...12).contains(month), (1...31).contains(day)
            {
                return EditionDate(year: year, month: month, day: day)
            }
            i += 1
        }
        return nil
    }

    /// `星期三` or `周三`.
    static func weekday(in s: [Unicode.Scalar]) -> String? {
        let days: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "日", "天"]
        for i in s.indices.dropLast() where s[i] == "期" && i > 0 && s[i - 1] == "星" && days.contains(s[i + 1]) {
            return String(String.UnicodeScalarView(s[(i - 1)...(i + 1)]))
        }
        return nil
    }

    /// A 干支 year and the lunar month and day after it: `癸卯年二月初八`.
    static func lunarDate(in s: [Unicode.Scalar]) -> String? {
        let stems: Set<Unicode.Scalar> = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
        let branches: Set<Unicode.Scalar> = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"]
        var i = 0
        while i + 2 < s.count {
            if stems.contains(s[i]) && branches.contains(s[i + 1]) && s[i + 2] == "年" {
                var end = i + 3
                while end < s.count && !EditionScalars.isSpace(s[end]) && s[end] != "第" { end += 1 }
                return String(String.UnicodeScalarView(s[i..<end]))
            }
            i += 1
        }
        return nil
    }

    /// `今日8版`, `共8版`, `今日八版`.
    static func pageCount(in s: [Unicode.Scalar]) -> Int? {
        number(in: s, before: "版", after: ["今日", "共", "本期"])
    }

    /// The number between one of `prefixes` and `marker`, e.g. 第 23259 期.
    static func number(in s: [Unicode.Scalar], before marker: Unicode.Scalar, after prefixes: [String]) -> Int? {
        for end in s.indices where s[end] == marker {
            var start = end
            while start > 0 && (EditionScalars.number(String(s[start - 1])) != nil || s[start - 1] == "十") {
                start -= 1
            }
            guard start < end else { continue }
            let before = String(String.UnicodeScalarView(s[..<start]))
            guard prefixes.contains(where: { before.hasSuffix($0) }) else { continue }
            if let n = EditionScalars.number(String(String.UnicodeScalarView(s[start..<end]))) { return n }
        }
        return nil
    }

    /// ASCII digits starting at `i`: their value and the index after them.
    static func digits(_ s: [Unicode.Scalar], from i: Int) -> (Int, Int)? {
        var j = i
        var value = 0
        while j < s.count, (0x30...0x39).contains(s[j].value), j - i < 5 {
            value = value * 10 + Int(s[j].value - 0x30)
            j += 1
        }
        return j > i ? (value, j) : nil
    }
}
