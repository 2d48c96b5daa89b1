import ReaderCore

/// The short printed labels of Founder pages, read by scanning scalars:
///
/// - the citation under a content page's title, `《人民日报》（2025年01月01日第 02 版）`:
///   the paper, the date and the 版;
/// - a 版 label, `01版：要闻` or `第01版：要闻`: the 版 number and its name.
public enum FounderLabels {
    /// What a citation line gives.
    public struct Citation: Sendable, Equatable {
        public var paper: String?
        public var date: EditionDate?
        public var page: Int?
        /// Scalar offset of the citation's `《` in the text: what precedes it is the byline.
        public var start: Int
    }

    /// The citation in `text` (`《名》（…年…月…日…第 NN 版）`), or nil when there is none.
    public static func citation(in text: String) -> Citation? {
        let scalars = Array(text.unicodeScalars)
        guard let open = scalars.firstIndex(of: "《"),
            let close = scalars[open...].firstIndex(of: "》"), close - open > 1, close - open <= 20
        else { return nil }
        let paper = String(String.UnicodeScalarView(scalars[(open + 1)..<close]))
        let rest = Array(scalars[(close + 1)...])
        let date = self.date(in: rest)
        // `第 02 版` (current) or `2014年12月04日　 06 版` (older): the number before 版.
        let page = number(before: "版", after: "第", in: rest) ?? lastNumber(before: "版", in: rest)
        guard date != nil || page != nil else { return nil }
        return Citation(paper: paper, date: date, page: page, start: open)
    }

    /// `YYYY年M月D日` anywhere in `scalars`.
    public static func date(in scalars: [Unicode.Scalar]) -> EditionDate? {
        var i = 0
        while i < scalars.count {
            guard let (year, afterYear) = digits(scalars, from: i), afterYear - i == 4,
                afterYear < scalars.count, scalars[afterYear] == "年",
                let (month, afterMonth) = digits(scalars, from: afterYear + 1),
                afterMonth < scalars.count, scalars[afterMonth] == "月",
                let (day, afterDay) = digits(scalars, from: afterMonth + 1),
                afterDay < scalars.count, scalars[afterDay] == "日",
                (1...12).contains(month), (1...31).contains(day)
            else {
                i += 1
                continue
            }
            return EditionDate(year: year, month: month, day: day)
        }
        return nil
    }

    /// A 版 label (`01版：要闻`, `第01版：要闻`, `第 01 版`): its number and name.
    public static func pageLabel(_ text: String) -> (number: Int, name: String?)? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count, isSpace(scalars[i]) { i += 1 }
        if i < scalars.count, scalars[i] == "第" { i += 1 }
        while i < scalars.count, isSpace(scalars[i]) { i += 1 }
        guard let (number, end) = digits(scalars, from: i) else { return nil }
        i = end
        while i < scalars.count, isSpace(scalars[i]) { i += 1 }
        guard i < scalars.count, scalars[i] == "版" else { return nil }
        i += 1
        while i < scalars.count, isSpace(scalars[i]) || scalars[i] == "：" || scalars[i] == ":" { i += 1 }
        let name = HTMLText.trimmed(String(String.UnicodeScalarView(scalars[i...])))
        return (number, name.isEmpty ? nil : name)
    }

    /// The number between `lead` and `mark` (`第 02 版`), spaces allowed around it.
    static func number(before mark: Unicode.Scalar, after lead: Unicode.Scalar, in scalars: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i < scalars.count {
            defer { i += 1 }
            guard scalars[i] == lead else { continue }
            var j = i + 1
            while j < scalars.count, isSpace(scalars[j]) { j += 1 }
            guard let (value, end) = digits(scalars, from: j) else { continue }
            j = end
            while j < scalars.count, isSpace(scalars[j]) { j += 1 }
            if j < scalars.count, scalars[j] == mark { return value }
        }
        return nil
    }

    /// The number just before the first `mark` (spaces allowed between them).
    static func lastNumber(before mark: Unicode.Scalar, in scalars: [Unicode.Scalar]) -> Int? {
        guard var end = scalars.firstIndex(of: mark) else { return nil }
        while end > 0, isSpace(scalars[end - 1]) { end -= 1 }
        var start = end
        while start > 0, scalars[start - 1].properties.numericType == .decimal { start -= 1 }
        guard start < end, let (value, after) = digits(scalars, from: start), after == end else { return nil }
        return value
    }

    /// The ASCII or fullwidth digits starting at `from`: their value and the index after them.
    static func digits(_ scalars: [Unicode.Scalar], from: Int) -> (Int, Int)? {
        var value = 0
        var i = from
        while i < scalars.count, i - from < 9 {
            let v = scalars[i].value
            if v >= 0x30 && v <= 0x39 {
                value = value * 10 + Int(v - 0x30)
            } else if v >= 0xFF10 && v <= 0xFF19 {
                value = value * 10 + Int(v - 0xFF10)
            } else {
                break
            }
            i += 1
        }
        return i > from ? (value, i) : nil
    }

    /// Space inside a label: ASCII, no-break or ideographic.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        HTMLText.isEdgeSpace(s)
    }
}
