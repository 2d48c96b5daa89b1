import ReaderCore

/// The reader's view of `EditionLayout` (the print layout): the print-like front page with
/// jump targets, and articles in columns with the text↔screen mapping.
public struct PrintLayout: ReaderLayout {
    public var options: LayoutOptions

    public init(options: LayoutOptions = LayoutOptions()) {
        self.options = options
    }

    /// The same layout with `LayoutOptions.vertical` set to `vertical`.
    public func setting(vertical: Bool) -> any ReaderLayout {
        var copy = self
        copy.options.vertical = vertical
        return copy
    }

    public var minimumSize: (width: Int, height: Int) {
        (EditionLayout.minimumWidth, EditionLayout.minimumHeight)
    }

    /// This layout with its continued mark and empty-版 notice through `convert`.
    public func withWords(_ convert: (String) -> String) -> any ReaderLayout {
        var out = self
        out.options.words = LayoutWords().converted(convert)
        return out
    }

    /// Every screen of 版 `page` with its blocks.
    public func pageView(_ edition: Edition, page: Int, width: Int, height: Int) -> PageViewLayout {
        let layout = EditionLayout(edition: edition, width: width, height: height, options: options)
        let count = max(1, layout.frontPageScreenCount(page: page))
        return PageViewLayout(screens: (0..<count).map { layout.frontPage(page: page, screen: $0) })
    }

    /// Every screen of article `index` and the text offset each starts at.
    public func article(_ edition: Edition, index: Int, width: Int, height: Int) -> ArticleViewLayout {
        let layout = EditionLayout(edition: edition, width: width, height: height, options: options)
        let count = max(1, layout.articleScreenCount(article: index))
        var screens: [ScreenPage] = []
        var starts: [Int] = []
        for screen in 0..<count {
            screens.append(layout.articlePage(article: index, screen: screen))
            starts.append(layout.position(atTopOf: index, screen: screen).offset)
        }
        return ArticleViewLayout(screens: screens, starts: starts)
    }
}
