/// A place in the text: an article and a scalar offset into its body text
/// (`Article.blockStarts`). Positions belong to the text, never to a screen.
public struct TextPosition: Sendable, Equatable, Hashable, Comparable, Codable {
    /// Index into `Edition.articles` (0-based).
    public var article: Int
    /// Unicode scalars from the start of the article's body.
    public var offset: Int

    public init(article: Int, offset: Int) {
        self.article = article
        self.offset = offset
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.article, a.offset) < (b.article, b.offset)
    }
}
