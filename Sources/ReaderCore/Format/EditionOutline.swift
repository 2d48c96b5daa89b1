/// Formats an edition's structure and repairs for `--outline`, as text or JSON.
public struct EditionOutline: Sendable {
    public let edition: Edition

    public init(_ edition: Edition) {
        self.edition = edition
    }

    /// Byline lines of an article: its header bylines, then credit lines in the body.
    static func bylines(of article: Article) -> [String] {
        article.bylines + article.blocks.filter { $0.kind == .byline }.map(\.text)
    }

    /// Paragraph count: regular paragraphs and editor's notes.
    static func paragraphs(of article: Article) -> Int {
        article.blocks.filter { $0.kind == .paragraph || $0.kind == .editorsNote }.count
    }

    // MARK: - Text

    /// The outline as readable text, one fact per line.
    public func text() -> String {
        var out = ""
        let m = edition.masthead
        out += "masthead  \(m.title)\n"
        out += "  date     \(m.date.map(String.init(describing:)) ?? "-")\(m.weekday.map { " " + $0 } ?? "")\n"
        if let lunar = m.lunarDate { out += "  lunar    \(lunar)\n" }
        out += "  issue    \(m.issue.map(String.init) ?? "-")\n"
        out += "  pages    \(m.pageCount.map(String.init) ?? "-")\n"
        for line in m.lines { out += "  | \(line)\n" }
        // Article indices by 版, once: a scan of every article per 版 is quadratic on a large edition.
        var onPage: [Int: [Int]] = [:]
        for (index, article) in edition.articles.enumerated() { onPage[article.page, default: []].append(index) }
        for page in edition.pages {
            out += "\npage \(page.number)\(page.name.map { " " + $0 } ?? "")\n"
            for index in onPage[page.number] ?? [] {
                let article = edition.articles[index]
                out += "  [\(index)] \(article.headline.isEmpty ? "(untitled)" : article.headline)\n"
                if let rubric = article.rubric { out += "      rubric    \(rubric)\n" }
                if let kicker = article.kicker { out += "      kicker    \(kicker)\n" }
                if let deck = article.deck { out += "      deck      \(deck)\n" }
                for byline in Self.bylines(of: article) { out += "      byline    \(byline)\n" }
                if let dateline = article.dateline { out += "      dateline  \(dateline)\n" }
                for block in article.blocks where block.kind == .subhead { out += "      subhead   \(block.text)\n" }
                out +=
                    "      \(Self.paragraphs(of: article)) paragraphs, \(article.characterCount) characters, id \(article.id)\n"
            }
        }
        out += "\nrepairs (\(edition.repairs.count))\n"
        for repair in edition.repairs {
            let at = repair.article.map { "[\($0)]" } ?? "[masthead]"
            out += "  \(repair.kind.rawValue) \(at) \(repair.excerpt)\n"
        }
        let source = edition.source
        if source.replacedInvalidBytes > 0 || source.replacedControls > 0 {
            out +=
                "\nsource: \(source.replacedInvalidBytes) invalid UTF-8 sequences and \(source.replacedControls) control characters replaced\n"
        }
        return out
    }

    // MARK: - JSON

    /// The outline as one JSON object (keys in a fixed order, UTF-8 left unescaped).
    public func json() -> String {
        let m = edition.masthead
        var out = "{\"masthead\": {"
        out += "\"title\": \(Self.quote(m.title)), "
        out += "\"date\": \(Self.quote(m.date.map(String.init(describing:)))), "
        out += "\"weekday\": \(Self.quote(m.weekday)), "
        out += "\"lunarDate\": \(Self.quote(m.lunarDate)), "
        out += "\"issue\": \(m.issue.map(String.init) ?? "null"), "
        out += "\"pages\": \(m.pageCount.map(String.init) ?? "null"), "
        out += "\"lines\": \(Self.array(m.lines))},\n"
        out +=
            " \"pages\": ["
            + edition.pages.map {
                "{\"number\": \($0.number), \"name\": \(Self.quote($0.name))}"
            }.joined(separator: ", ") + "],\n"
        out += " \"articles\": ["
        out += edition.articles.map { article in
            "\n  {\"id\": \(Self.quote(article.id)), \"page\": \(article.page), "
                + "\"kicker\": \(Self.quote(article.kicker)), \"headline\": \(Self.quote(article.headline)), "
                + "\"deck\": \(Self.quote(article.deck)), \"bylines\": \(Self.array(Self.bylines(of: article))), "
                + "\"dateline\": \(Self.quote(article.dateline)), \"rubric\": \(Self.quote(article.rubric)), "
                + "\"subheads\": \(Self.array(article.blocks.filter { $0.kind == .subhead }.map(\.text))), "
                + "\"paragraphs\": \(Self.paragraphs(of: article)), \"characters\": \(article.characterCount)}"
        }.joined(separator: ",")
        out += "],\n \"repairs\": ["
        out += edition.repairs.map { repair in
            "\n  {\"kind\": \(Self.quote(repair.kind.rawValue)), "
                + "\"article\": \(repair.article.map(String.init) ?? "null"), "
                + "\"excerpt\": \(Self.quote(repair.excerpt))}"
        }.joined(separator: ",")
        let s = edition.source
        out += "],\n \"source\": {\"name\": \(Self.quote(s.name)), \"contentHash\": \(Self.quote(s.contentHash)), "
        out += "\"replacedInvalidBytes\": \(s.replacedInvalidBytes), \"replacedControls\": \(s.replacedControls)}}\n"
        return out
    }

    /// A JSON array of strings.
    static func array(_ items: [String]) -> String {
        "[" + items.map { quote($0) }.joined(separator: ", ") + "]"
    }

    /// A JSON string literal, or null.
    static func quote(_ text: String?) -> String {
        guard let text else { return "null" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Controls, and the separators JavaScript treats as line ends, are escaped.
                if s.value < 0x20 || s.value == 0x7F || s.value == 0x2028 || s.value == 0x2029 {
                    let hex = String(s.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }
}
