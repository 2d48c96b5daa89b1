/// The print-like layout of one edition at one size: front pages per 版 and
/// article pages in columns, mapped both ways to text positions.
///
/// A pure function of (edition, width, height, options). Nothing is laid out
/// up front: each front page or article is set the first time it is asked for
/// and cached, so opening a huge edition and resizing (a new layout at the new
/// size) cost only what is shown.
///
/// Indices: 版 `page` numbers are 1-based as in `Article.page`; `article` is a
/// 0-based index into `Edition.articles`; `screen` is 0-based. Out-of-range
/// arguments are clamped, never trapped on.
public final class EditionLayout: Sendable {
    public static let minimumWidth = 20
    public static let minimumHeight = 8

    public let edition: Edition
    public let width: Int
    public let height: Int
    public let options: LayoutOptions
    private let cache = LayoutCache()

    public init(edition: Edition, width: Int, height: Int, options: LayoutOptions = LayoutOptions()) {
        self.edition = edition
        self.width = width
        self.height = height
        self.options = options
    }

    /// A layout of the same edition and options at another size (nothing is re-laid until asked).
    public func resized(width: Int, height: Int) -> EditionLayout {
        EditionLayout(edition: edition, width: width, height: height, options: options)
    }

    /// True below `minimumWidth`×`minimumHeight`: every page is then `tooSmallPage()`.
    public var isTooSmall: Bool {
        width < Self.minimumWidth || height < Self.minimumHeight
    }

    /// A page saying the window is too small, clipped to whatever size it has.
    public func tooSmallPage() -> ScreenPage {
        TooSmallPage.make(width: width, height: height, ambiguous: options.ambiguous)
    }

    /// Text columns of the article view at this width (the override, or 1/2/3/4 by width).
    public var columnCount: Int {
        ColumnGrid.columnCount(width: width, options: options)
    }

    /// The 版 numbers of the edition, ascending (at least one, even for an empty edition).
    public var pageNumbers: [Int] {
        let index = pageIndex
        var numbers = Set(index.keys)
        for page in edition.pages { numbers.insert(page.number) }
        return numbers.isEmpty ? [1] : numbers.sorted()
    }

    /// Indices into `Edition.articles` of the articles on 版 `page`, in reading order.
    public func articles(onPage page: Int) -> [Int] {
        pageIndex[page] ?? []
    }

    /// How many screens the front page of 版 `page` takes (sets the whole front page).
    public func frontPageScreenCount(page: Int) -> Int {
        if isTooSmall { return 1 }
        return front(page) { builder in
            builder.finish()
            return builder.screens.count
        }
    }

    /// Screen `screen` of the front page of 版 `page`: masthead (or folio), article blocks, jump targets.
    /// Sets only the screens up to `screen`.
    public func frontPage(page: Int, screen: Int) -> ScreenPage {
        if isTooSmall { return tooSmallPage() }
        return front(page) { builder in
            builder.ensure(screen: max(0, screen))
            return builder.screens[max(0, min(screen, builder.screens.count - 1))]
        }
    }

    /// Whether the front page of 版 `page` has a screen `screen` (sets only the screens up to it).
    public func hasFrontPage(page: Int, screen: Int) -> Bool {
        guard screen >= 0 else { return false }
        if isTooSmall { return screen == 0 }
        return front(page) { builder in
            builder.ensure(screen: screen)
            return screen < builder.screens.count
        }
    }

    /// Where the front-page block of `article` is: its 版 and screen.
    public func frontPageLocation(of article: Int) -> (page: Int, screen: Int) {
        guard edition.articles.indices.contains(article) else { return (pageNumbers[0], 0) }
        let page = edition.articles[article].page
        if isTooSmall { return (page, 0) }
        return (page, front(page) { $0.screen(showing: article) } ?? 0)
    }

    /// How many screens article `article` takes.
    public func articleScreenCount(article: Int) -> Int {
        articleScreens(article).pages.count
    }

    /// Screen `screen` of article `article`: headline block on the first, body in columns.
    public func articlePage(article: Int, screen: Int) -> ScreenPage {
        let screens = articleScreens(article)
        return screens.pages[clamp(screen, screens.pages.count)]
    }

    /// The article text offsets shown on screen `screen` of `article` (empty when it shows no body).
    public func textRange(article: Int, screen: Int) -> Range<Int> {
        let screens = articleScreens(article)
        return screens.ranges[clamp(screen, screens.ranges.count)]
    }

    /// The screen of `position.article` that shows `position.offset` (past the end: the last screen).
    public func screen(containing position: TextPosition) -> Int {
        let ranges = articleScreens(position.article).ranges
        var best = 0
        for (index, range) in ranges.enumerated() where !range.isEmpty {
            if position.offset >= range.lowerBound { best = index }
            if range.contains(position.offset) { return index }
        }
        return best
    }

    /// The text position at the top of screen `screen` of `article` (where a bookmark points).
    public func position(atTopOf article: Int, screen: Int) -> TextPosition {
        let ranges = articleScreens(article).ranges
        var index = clamp(screen, ranges.count)
        // A screen without body text (only possible at odd sizes) takes the next text.
        while index < ranges.count - 1, ranges[index].isEmpty { index += 1 }
        let offset = ranges.isEmpty ? 0 : ranges[index].lowerBound
        return TextPosition(article: clamp(article, edition.articles.count), offset: offset)
    }

    // MARK: - Lazy building

    /// Article indices by 版, worked out once.
    private var pageIndex: [Int: [Int]] {
        cache.pages {
            var index: [Int: [Int]] = [:]
            for (i, article) in edition.articles.enumerated() { index[article.page, default: []].append(i) }
            return index
        }
    }

    /// Runs `body` on the cached front-page builder of 版 `page`.
    private func front<T>(_ page: Int, _ body: (FrontPageBuilder) -> T) -> T {
        // Worked out before the cache's mutex is taken (it is not recursive).
        let setting = FrontPageBuilder.Setting(
            edition: edition, width: width, height: height, options: options,
            page: page, articles: articles(onPage: page),
            isFirstPage: page == pageNumbers.first)
        return cache.front(page, make: { FrontPageBuilder(setting) }, body)
    }

    /// The cached screens of `article`, set on first use.
    private func articleScreens(_ article: Int) -> ArticleScreens {
        if isTooSmall { return ArticleScreens(pages: [tooSmallPage()], ranges: [0..<0]) }
        let index = clamp(article, edition.articles.count)
        guard edition.articles.indices.contains(index) else {
            return ArticleScreens(pages: [ScreenPage(width: width, height: height)], ranges: [0..<0])
        }
        return cache.article(index) {
            options.vertical
                ? VerticalArticleBuilder(layout: self, index: index).build()
                : ArticleBuilder(layout: self, index: index).build()
        }
    }

    /// `value` clamped into 0..<count (0 when count is 0).
    private func clamp(_ value: Int, _ count: Int) -> Int {
        max(0, min(value, count - 1))
    }
}
