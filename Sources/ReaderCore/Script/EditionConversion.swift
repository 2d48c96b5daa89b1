/// One article in another script: the text to lay out and the map of its body offsets.
public struct ConvertedArticle: Sendable {
    public var article: Article
    /// Converted body offsets (across blocks, as `Article.blockStarts`) ↔ source offsets.
    public var map: OffsetMap
}

/// Converts the parts of an `Edition` that are drawn, for a converted Edition fed to the
/// unchanged layout: the masthead, 版 names and every article's heading fields in one
/// pass (the contents list needs them all), and an article's body on demand.
public struct EditionConversion: Sendable {
    public let conversion: MappedConversion

    public init(conversion: MappedConversion) {
        self.conversion = conversion
    }

    /// `edition` with its masthead, 版 names, kickers, headlines, decks, rubrics, bylines
    /// and datelines converted; bodies are left as they are.
    public func heads(of edition: Edition) -> Edition {
        var out = edition
        // Gathered into one text with a line between fields: one OpenCC call for the
        // edition instead of one per field (segments never span a line break).
        var fields: [String] = [edition.masthead.title]
        fields.append(contentsOf: edition.masthead.lines)
        fields.append(edition.masthead.weekday ?? "")
        fields.append(edition.masthead.lunarDate ?? "")
        for page in edition.pages { fields.append(page.name ?? "") }
        for article in edition.articles {
            fields.append(article.kicker ?? "")
            fields.append(article.headline)
            fields.append(article.deck ?? "")
            fields.append(article.rubric ?? "")
            fields.append(article.dateline ?? "")
            fields.append(contentsOf: article.bylines)
        }
        let converted = convertAll(fields)
        var next = converted.makeIterator()
        func take() -> String { next.next() ?? "" }
        func takeOptional(_ old: String?) -> String? {
            let value = take()
            return old == nil ? nil : value
        }
        out.masthead.title = take()
        out.masthead.lines = edition.masthead.lines.map { _ in take() }
        out.masthead.weekday = takeOptional(edition.masthead.weekday)
        out.masthead.lunarDate = takeOptional(edition.masthead.lunarDate)
        for index in out.pages.indices { out.pages[index].name = takeOptional(edition.pages[index].name) }
        for index in out.articles.indices {
            let article = edition.articles[index]
            out.articles[index].kicker = takeOptional(article.kicker)
            out.articles[index].headline = take()
            out.articles[index].deck = takeOptional(article.deck)
            out.articles[index].rubric = takeOptional(article.rubric)
            out.articles[index].dateline = takeOptional(article.dateline)
            out.articles[index].bylines = article.bylines.map { _ in take() }
        }
        return out
    }

    /// `article` (its heading fields already converted by `heads(of:)`) with its body
    /// converted block by block, and the body's offset map.
    public func body(of article: Article) -> ConvertedArticle {
        var out = article
        var map = OffsetMap()
        for index in out.blocks.indices {
            let block = article.blocks[index]
            let mapped = conversion.convert(block.text)
            out.blocks[index].text = mapped.text
            if block.datelineLength > 0 {
                out.blocks[index].datelineLength = mapped.map.converted(0..<block.datelineLength).upperBound
            }
            map.append(mapped.map)
        }
        return ConvertedArticle(article: out, map: map)
    }

    /// Every field converted, in order: one call over the fields joined by line breaks,
    /// or one call each when a field holds a line break itself.
    private func convertAll(_ fields: [String]) -> [String] {
        let converter = conversion.converter
        if !fields.contains(where: { $0.contains("\n") }) {
            let parts = converter.convert(fields.joined(separator: "\n"))
                .split(separator: "\n", omittingEmptySubsequences: false)
            if parts.count == fields.count { return parts.map(String.init) }
        }
        return fields.map { converter.convert($0) }
    }
}
