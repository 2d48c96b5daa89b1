/// Where a `TextAnchor` landed in an edition, and how it was found.
public struct ResolvedPosition: Equatable, Sendable {
    public enum Match: String, Equatable, Sendable {
        /// Same text, same article, same offset.
        case exact
        /// The edition changed; the quote was found again.
        case quote
        /// The quote is gone; the article is still there, so its start.
        case articleStart
    }

    /// Index into `Edition.articles`.
    public var articleIndex: Int
    /// Scalar offset into that article's body.
    public var offset: Int
    public var match: Match

    public init(articleIndex: Int, offset: Int, match: Match) {
        self.articleIndex = articleIndex
        self.offset = offset
        self.match = match
    }
}

/// Finds a stored position in an edition that may have been edited since.
public enum PositionResolver {
    /// The shortest piece of a quote trusted to find its place (within one article,
    /// nearest the old offset).
    static let minimumFragment = 6

    /// Resolves `position` in `edition`: the exact id and offset when the file is
    /// unchanged (and the quote still sits there); else the quote, nearest the old
    /// offset, in the same article (whole, then its longest surviving start, then
    /// its longest surviving end), then anywhere; else the start of the article
    /// if it still exists; else nil.
    public static func resolve(_ stored: TextAnchor, in edition: Edition) -> ResolvedPosition? {
        if stored.isFrontPage { return nil }
        // Anchors made in memory skip the decoder's clamping: clamp here too, so no
        // offset below can overflow.
        var position = stored
        position.offset = TextAnchor.clamped(stored.offset)
        position.quoteOffset = TextAnchor.clamped(stored.quoteOffset)
        let index = edition.articles.firstIndex { $0.id == position.article }
        let quote = ArticleText.folded(position.quote)
        let shift = position.offset - position.quoteOffset

        if let index {
            let body = ArticleText(edition.articles[index])
            let sameFile = position.edition.contentHash == edition.source.contentHash
            // Even an unchanged file is checked against the quote: a newer parser
            // may cut the same bytes into different offsets.
            if sameFile, position.offset <= body.count,
                quote.isEmpty || body.matches(quote, at: position.quoteOffset)
            {
                return ResolvedPosition(articleIndex: index, offset: position.offset, match: .exact)
            }
            if let hit = nearest(quote, in: body, to: position.quoteOffset) {
                return ResolvedPosition(
                    articleIndex: index,
                    offset: clamp(hit + shift, body.count), match: .quote)
            }
            // An edit inside the quote: the longest surviving start of it keeps the
            // anchor on its own text; failing that, the longest surviving end.
            if quote.count > minimumFragment {
                for length in stride(from: quote.count - 1, through: minimumFragment, by: -1) {
                    if let hit = nearest(Array(quote[..<length]), in: body, to: position.quoteOffset) {
                        return ResolvedPosition(
                            articleIndex: index,
                            offset: clamp(hit + shift, body.count), match: .quote)
                    }
                }
                for length in stride(from: quote.count - 1, through: minimumFragment, by: -1) {
                    let cut = quote.count - length
                    if let hit = nearest(Array(quote[cut...]), in: body, to: position.quoteOffset + cut) {
                        return ResolvedPosition(
                            articleIndex: index,
                            offset: clamp(hit - cut + shift, body.count), match: .quote)
                    }
                }
            }
        }
        // The article's id changed (its headline was corrected) or the text moved
        // to another article: look for the whole quote everywhere, in reading order.
        if quote.count >= 8 {
            for (other, article) in edition.articles.enumerated() where other != index {
                let body = ArticleText(article)
                if let hit = nearest(quote, in: body, to: position.quoteOffset) {
                    return ResolvedPosition(
                        articleIndex: other,
                        offset: clamp(hit + shift, body.count), match: .quote)
                }
            }
        }
        if let index {
            return ResolvedPosition(articleIndex: index, offset: 0, match: .articleStart)
        }
        return nil
    }

    /// The occurrence of `needle` in `body` closest to `target`.
    private static func nearest(_ needle: [Unicode.Scalar], in body: ArticleText, to target: Int) -> Int? {
        body.occurrences(of: needle).min { abs($0 - target) < abs($1 - target) }
    }

    /// `offset` kept within 0…count.
    private static func clamp(_ offset: Int, _ count: Int) -> Int {
        max(0, min(offset, count))
    }
}
