/// A durable place in the text of an edition, as bookmarks and reading positions
/// store it: the edition, the article's stable id (not its index), a scalar
/// offset into the article's body, and a short quote of the text there to find
/// it again if the file changes. (Layout's `TextPosition` is the in-memory
/// article index + offset that `resolve(in:)` leads to.)
public struct TextAnchor: Codable, Hashable, Sendable {
    /// How many scalars a quote holds (16–24 is long enough to be unique in an article and short enough to survive a nearby edit).
    public static let quoteLength = 20

    public var edition: EditionID
    /// `Article.id`.
    public var article: String
    /// Scalars from the start of the article's body (see `Article.blockStarts`).
    public var offset: Int
    /// Up to `quoteLength` scalars of body text starting at `quoteOffset`.
    public var quote: String
    /// Where `quote` starts: `offset`, or earlier when `offset` is near the end.
    public var quoteOffset: Int
    /// On a front page: the 版 shown (nil for the first). Absent from older files.
    public var page: Int?

    public init(
        edition: EditionID, article: String, offset: Int, quote: String = "",
        quoteOffset: Int? = nil
    ) {
        self.edition = edition
        self.article = article
        self.offset = offset
        self.quote = quote
        self.quoteOffset = quoteOffset ?? offset
    }

    /// The position at `offset` in article `articleIndex` of `edition`, with its
    /// quote taken from the text. The offset is clamped into the body.
    public init(in edition: Edition, articleIndex: Int, offset: Int) {
        let article = edition.articles[articleIndex]
        let count = article.characterCount
        let clamped = max(0, min(offset, count))
        let start = max(0, min(clamped, count - TextAnchor.quoteLength))
        let end = min(count, start + TextAnchor.quoteLength)
        self.init(
            edition: EditionID(edition), article: article.id, offset: clamped,
            quote: ArticleText.excerpt(of: article, start..<end), quoteOffset: start)
    }

    /// The front page of `edition`, showing 版 `page`: no article (`article` is "").
    /// It resolves to nil; the reader opens on `page`.
    public static func frontPage(of edition: Edition, page: Int? = nil) -> TextAnchor {
        var anchor = TextAnchor(edition: EditionID(edition), article: "", offset: 0)
        anchor.page = page
        return anchor
    }

    /// Whether this is the front page rather than a place in an article.
    public var isFrontPage: Bool { article.isEmpty }

    /// The largest offset a stored anchor may hold: far beyond any article an edition
    /// under the loader's size limit can have, and far from `Int.max`, so arithmetic
    /// on offsets (a quote's shift, a fragment's cut) cannot overflow.
    public static let maximumOffset = 1 << 40
    /// The largest 版 number a stored front-page anchor may name.
    public static let maximumPage = 1 << 20

    private enum CodingKeys: String, CodingKey {
        case edition, article, offset, quote, quoteOffset, page
    }

    /// Decodes a stored anchor, clamping every number into its range: a state file is
    /// input like any other, and a crafted one must not crash the reader.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        edition = try c.decode(EditionID.self, forKey: .edition)
        article = try c.decode(String.self, forKey: .article)
        offset = Self.clamped(try c.decode(Int.self, forKey: .offset))
        quote = try c.decode(String.self, forKey: .quote)
        quoteOffset = Self.clamped(try c.decode(Int.self, forKey: .quoteOffset))
        page = try c.decodeIfPresent(Int.self, forKey: .page).map { max(0, min($0, Self.maximumPage)) }
    }

    /// `value` kept within 0…`maximumOffset`.
    static func clamped(_ value: Int) -> Int {
        max(0, min(value, maximumOffset))
    }

    /// Finds this position in `edition` (see `PositionResolver`).
    public func resolve(in edition: Edition) -> ResolvedPosition? {
        PositionResolver.resolve(self, in: edition)
    }
}
