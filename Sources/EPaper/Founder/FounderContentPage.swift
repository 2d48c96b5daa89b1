import ReaderCore

/// One saved article page of a Founder e-paper, read from its HTML.
///
/// The title block is `<h3>` (引题, kicker), `<h1>` (主题, headline) and `<h2>` (副题,
/// deck) inside `div.article` (current pages) or `div.text_c` (older pages); `p.sec`
/// holds the byline followed by the citation `《人民日报》（2025年01月01日第 02 版）`. The
/// body is `<founder-content>`, else `#articleContent`, else `#ozoom`, with one `<p>`
/// per paragraph; a paragraph wholly in `<strong>`/`<b>` is a subhead. The
/// `<!--enpproperty …-->` comment (title, subtitle, introtitle, author, nodename) and
/// `<founder-title>`-style elements fill in what the visible block lacks.
struct FounderContentPage: Sendable {
    /// The file name in lower case: what layout pages link to.
    var key: String
    var fileName: FounderFileName
    var paper: String?
    var date: EditionDate?
    /// The 版 number and name the page gives (citation, 版 label, file name).
    var page: Int?
    var pageName: String?
    var kicker: String?
    var headline: String
    var deck: String?
    var bylines: [String]
    var blocks: [Block]
    var dateline: String?

    /// Reads an article page, or nil when the document has no article body.
    init?(document root: HTMLNode, key: String, fileName: FounderFileName, classifier: LineClassifier) {
        guard
            let body = root.first(where: { $0.isElement("founder-content") })
                ?? root.first(where: { $0.kind == .element && $0.id == "articleContent" })
                ?? root.first(where: { $0.kind == .element && $0.id == "ozoom" })
        else { return nil }
        self.key = key
        self.fileName = fileName
        let region = root.first { $0.isElement("div") && ($0.hasClass("article") || $0.hasClass("text_c")) } ?? root
        let properties = Self.properties(of: root)
        func text(_ node: HTMLNode?) -> String? {
            guard let node else { return nil }
            let value = HTMLText.lines(node.textContent).joined(separator: " ")
            return value.isEmpty ? nil : value
        }
        func element(_ name: String, in node: HTMLNode) -> HTMLNode? {
            node.first { $0.isElement(name) }
        }
        kicker =
            text(element("h3", in: region)) ?? text(element("founder-introtitle", in: root)) ?? properties["introtitle"]
        headline =
            text(element("h1", in: region)) ?? text(element("founder-title", in: root)) ?? properties["title"]
            ?? text(element("title", in: root)) ?? ""
        deck = text(element("h2", in: region)) ?? text(element("founder-subtitle", in: root)) ?? properties["subtitle"]

        // Byline and citation: p.sec, else the first short element that holds a citation.
        var bylines: [String] = []
        let credit =
            region.first { $0.isElement("p") && $0.hasClass("sec") }
            ?? root.first { node in
                guard node.kind == .element, ["p", "div", "span", "td", "h4", "h5"].contains(node.name) else {
                    return false
                }
                let value = node.textContent
                return value.unicodeScalars.count <= 120 && FounderLabels.citation(in: value) != nil
            }
        if let credit, let line = text(credit) {
            if let citation = FounderLabels.citation(in: line) {
                paper = citation.paper
                date = citation.date
                page = citation.page
                let before = HTMLText.trimmed(
                    String(String.UnicodeScalarView(line.unicodeScalars.prefix(citation.start))))
                if !before.isEmpty { bylines.append(before) }
            } else {
                bylines.append(line)
            }
        }
        if bylines.isEmpty, let author = text(element("founder-author", in: root)) ?? properties["author"] {
            bylines.append(author)
        }
        self.bylines = bylines

        // The 版 label (第02版：要闻) shown in the page's navigation.
        let labels = root.all { node in
            node.kind == .element && (node.name == "a" || node.name == "span" || node.name == "div" || node.name == "p")
                && node.textContent.unicodeScalars.count <= 24
        }.compactMap { FounderLabels.pageLabel($0.textContent) }.filter { $0.name != nil }
        let number = page ?? fileName.page
        if let label = labels.first(where: { $0.number == number }) ?? (number == nil ? labels.first : nil) {
            page = page ?? label.number
            pageName = label.name
        }
        page = page ?? fileName.page
        if pageName == nil { pageName = properties["nodename"] }
        date = date ?? fileName.date

        blocks = FounderBodyReader(classifier: classifier).blocks(of: body)
        if let first = blocks.first, first.kind == .paragraph {
            let length = classifier.datelineLength(first.text)
            if length > 0 {
                blocks[0].datelineLength = length
                dateline = String(String.UnicodeScalarView(first.text.unicodeScalars.prefix(length)))
            }
        }
    }

    /// The fields of the `<!--enpproperty <title>…</title><author>…</author>…-->` comment,
    /// read by parsing the comment's text as HTML: non-empty values by tag name.
    static func properties(of root: HTMLNode) -> [String: String] {
        guard let comment = root.first(where: { $0.kind == .comment && $0.text.hasPrefix("enpproperty") }) else {
            return [:]
        }
        let tree = HTMLDocument(utf8: Array(comment.text.dropFirst("enpproperty".count).utf8)).root
        var values: [String: String] = [:]
        for name in ["title", "subtitle", "introtitle", "author", "nodename", "date"] {
            guard let node = tree.first(where: { $0.isElement(name) }) else { continue }
            let value = HTMLText.trimmed(node.textContent)
            if !value.isEmpty { values[name] = value }
        }
        return values
    }
}
