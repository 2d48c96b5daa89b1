import ReaderCore

/// What a saved Founder e-paper file's name says. Two naming schemes exist:
///
/// - current (人民日报 from December 2024): `pc/layout/YYYYMM/DD/node_NN.html` for the
///   版 (NN is the 版 number) and `pc/content/YYYYMM/DD/content_N.html` for articles;
/// - older: `html/YYYY-MM/DD/nbs.D110000renmrb_NN.htm` for the 版 and
///   `nw.D110000renmrb_YYYYMMDD_K-NN.htm` for article K on 版 NN.
///
/// Other dailies on the same system use the same names with their own paper code.
public struct FounderFileName: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        case layout
        case content
    }

    public var role: Role
    /// The 版 number, when the name gives it.
    public var page: Int?
    /// The article's number (content_N, or K of nw.…_K-NN), for ordering.
    public var order: Int?
    /// The date, when the name gives it (older content pages).
    public var date: EditionDate?

    /// Reads a file name (the last path component), or nil when it is no Founder page name.
    public init?(_ name: String) {
        let lower = name.lowercased()
        let stem: Substring
        if lower.hasSuffix(".html") {
            stem = lower.dropLast(5)
        } else if lower.hasSuffix(".htm") {
            stem = lower.dropLast(4)
        } else {
            return nil
        }
        if stem.hasPrefix("node_"), let number = Self.number(stem.dropFirst(5)) {
            self.init(role: .layout, page: number)
        } else if stem.hasPrefix("content_"), let number = Self.number(stem.dropFirst(8)) {
            self.init(role: .content, order: number)
        } else if stem.hasPrefix("nbs."), let underscore = stem.lastIndex(of: "_"),
            let number = Self.number(stem[stem.index(after: underscore)...])
        {
            self.init(role: .layout, page: number)
        } else if stem.hasPrefix("nw."), let parsed = Self.articleParts(stem) {
            self.init(role: .content, page: parsed.page, order: parsed.order, date: parsed.date)
        } else {
            return nil
        }
    }

    public init(role: Role, page: Int? = nil, order: Int? = nil, date: EditionDate? = nil) {
        self.role = role
        self.page = page
        self.order = order
        self.date = date
    }

    /// `…_YYYYMMDD_K-NN` of an older content page name.
    private static func articleParts(_ stem: Substring) -> (date: EditionDate?, order: Int, page: Int)? {
        let parts = stem.split(separator: "_")
        guard parts.count >= 3, let last = parts.last else { return nil }
        let numbers = last.split(separator: "-")
        guard numbers.count == 2, let order = number(numbers[0]), let page = number(numbers[1]) else { return nil }
        let day = parts[parts.count - 2]
        var date: EditionDate?
        if day.count == 8, let value = number(day) {
            date = EditionDate(year: value / 10000, month: value / 100 % 100, day: value % 100)
        }
        return (date, order, page)
    }

    /// A run of ASCII digits as a number (at most 9 digits), or nil.
    static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }

    /// The date in a saved page's folder path: `…/YYYYMM/DD/…` (current) or
    /// `…/YYYY-MM/DD/…` (older), as the site lays its pages out.
    public static func date(inPath path: String) -> EditionDate? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2 else { return nil }
        for i in stride(from: parts.count - 2, through: 0, by: -1) {
            guard parts[i + 1].count == 2, let day = number(parts[i + 1]), (1...31).contains(day) else { continue }
            let month = parts[i]
            var year: Int?, monthNumber: Int?
            if month.count == 6, let value = number(month) {
                year = value / 100
                monthNumber = value % 100
            } else if month.count == 7, month.dropFirst(4).first == "-" {
                year = number(month.prefix(4))
                monthNumber = number(month.suffix(2))
            }
            if let year, let monthNumber, (1900...2999).contains(year), (1...12).contains(monthNumber) {
                return EditionDate(year: year, month: monthNumber, day: day)
            }
        }
        return nil
    }
}
