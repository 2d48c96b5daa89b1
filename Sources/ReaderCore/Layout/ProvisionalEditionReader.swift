// PROVISIONAL: a minimal reader of the edition Markdown so that layout, --dump
// and the layout tests can run before `EditionParser` (issue 3) lands in main.
// It repairs nothing. Delete it and call `EditionParser` once that exists.

/// Reads the edition Markdown into an `Edition`, with no repairs.
package enum ProvisionalEditionReader {
    /// Parses `text`: `# title` and its lines form the masthead, `#`/`##` start
    /// articles (a short line before one is its kicker), `###` are subheads.
    package static func read(_ text: String, name: String = "") -> Edition {
        var paragraphs: [String] = []
        var current: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingSpaces()
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }

        var masthead = Masthead(title: "")
        var articles: [Article] = []
        var pending: [String] = []          // paragraphs not yet given to an article
        var index = 0
        if let first = paragraphs.first, first.hasPrefix("# ") {
            let lines = first.split(separator: "\n").map(String.init)
            var rest = Array(lines.dropFirst())
            index = 1
            if rest.isEmpty, paragraphs.count > 1, !paragraphs[1].hasPrefix("#"), paragraphs[1].contains("期") {
                rest = paragraphs[1].split(separator: "\n").map(String.init)
                index = 2
            }
            masthead = parseMasthead(title: String(lines[0].dropFirst(2)), lines: rest)
        }
        func flush(into article: inout Article, _ texts: [String]) {
            var editorsNote = false
            for text in texts {
                if text == "【编者按】" { editorsNote = true; continue }
                if text.hasPrefix("### ") {
                    article.blocks.append(Block(kind: .subhead, text: String(text.dropFirst(4))))
                } else if article.blocks.isEmpty, text.hasPrefix("——") {
                    article.deck = text
                } else if text.count < 40, text.contains("记者/") || text.contains("通讯员/") || text.hasPrefix("策划") || text.hasPrefix("执行") {
                    article.bylines += text.split(separator: "\n").map(String.init)
                } else if text.hasSuffix("摄"), text.count < 40 {
                    article.blocks.append(Block(kind: .caption, text: text))
                } else {
                    let joined = text.replacingNewlines()
                    var dateline = 0
                    if joined.hasPrefix("株洲日报讯"), let close = joined.unicodeScalars.firstIndex(where: { $0 == ")" || $0 == "）" }) {
                        dateline = joined.unicodeScalars.distance(from: joined.unicodeScalars.startIndex, to: close) + 1
                    }
                    article.blocks.append(Block(kind: editorsNote ? .editorsNote : .paragraph, text: joined,
                                                datelineLength: dateline))
                    editorsNote = false
                }
            }
        }
        var open: Article?
        while index < paragraphs.count {
            let paragraph = paragraphs[index]
            index += 1
            if paragraph.hasPrefix("# ") || paragraph.hasPrefix("## ") {
                var kicker: String?
                if let last = pending.last, last.count <= 30, !last.contains("。"), !last.hasPrefix("#") {
                    kicker = pending.removeLast()
                }
                if var article = open {
                    flush(into: &article, pending)
                    articles.append(article)
                }
                pending = []
                let headline = String(paragraph.drop { $0 == "#" }.dropFirst())
                open = Article(id: "a\(articles.count + 1)", page: 1, kicker: kicker?.replacingNewlines(),
                               headline: headline.replacingNewlines())
            } else {
                pending.append(paragraph)
            }
        }
        if var article = open {
            flush(into: &article, pending)
            articles.append(article)
        }
        return Edition(masthead: masthead, pages: [EditionPage(number: 1)], articles: articles,
                       repairs: [], source: EditionSource(name: name, contentHash: ""))
    }

    /// The masthead fields found in its lines: date, weekday, lunar date, issue, page count.
    private static func parseMasthead(title: String, lines: [String]) -> Masthead {
        var masthead = Masthead(title: title, lines: lines)
        let all = lines.joined(separator: " ")
        let words = all.split(separator: " ").map(String.init)
        for word in words {
            if word.hasPrefix("星期") { masthead.weekday = word }
            if word.hasSuffix("日"), word.contains("年"), word.contains("月") {
                let numbers = word.split { !$0.isNumber }.compactMap { Int($0) }
                if numbers.count == 3 { masthead.date = EditionDate(year: numbers[0], month: numbers[1], day: numbers[2]) }
            }
            if word.contains("年"), !word.contains(where: { $0.isASCII && $0.isNumber }) { masthead.lunarDate = word }
            if word.hasPrefix("第"), word.hasSuffix("期") { masthead.issue = Int(word.dropFirst().dropLast()) }
            if word.hasPrefix("今日"), word.hasSuffix("版") { masthead.pageCount = Int(word.dropFirst(2).dropLast()) }
        }
        return masthead
    }
}

extension Substring {
    /// The line without trailing spaces (Markdown hard breaks).
    fileprivate func trimmingSpaces() -> String {
        var s = self
        while s.last == " " || s.last == "\r" { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    /// Hard-broken lines joined with nothing (CJK text has no spaces between lines).
    fileprivate func replacingNewlines() -> String {
        split(separator: "\n").joined()
    }
}
