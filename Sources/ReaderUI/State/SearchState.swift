/// One search hit: a stretch of an article's body text, or its headline block.
public struct SearchMatch: Sendable, Equatable {
    /// Index into `Edition.articles`.
    public var article: Int
    /// Scalar offsets into the article's body text (empty, at 0, for a headline match).
    public var range: Range<Int>
    /// The query is in the kicker, headline or deck, not the body.
    public var inHeadline: Bool

    public init(article: Int, range: Range<Int>, inHeadline: Bool = false) {
        self.article = article
        self.range = range
        self.inHeadline = inHeadline
    }
}

/// The search prompt and the active search.
public struct SearchState: Sendable, Equatable {
    /// True while the prompt line takes the keys.
    public var editing = false
    /// What is typed in the prompt.
    public var input = ""
    /// The active query ("" when no search is active).
    public var query = ""
    public var matches: [SearchMatch] = []
    public var current: Int?

    public init() {}

    /// True when n/N move between matches.
    public var isActive: Bool { !query.isEmpty && !matches.isEmpty }
}
