import ReaderCore

/// The reader's view of `EditionLayout` (issue 4): the print-like front page with
/// jump targets, and articles in columns with the text↔screen mapping.
public struct PrintLayout: ReaderLayout {
    public var options: LayoutOptions

    public init(options: LayoutOptions = LayoutOptions()) {
        self.options = options
    }

    public var minimumSize: (width: Int, height: Int) {
        (EditionLayout.minimumWidth, EditionLayout.minimumHeight)
    }

    /// Every screen of 版 `page` with its blocks.
    public func pageView(_ edition: Edition, page: Int, width: Int, height: Int) -> PageViewLayout {
        let layout = EditionLayout(edition: edition, width: width, height: height, options: options)
        let count = max(1, layout.frontPageScreenCount(page: page))
        let screens = (0..<count).map { layout.frontPage(page: page, screen: $0) }
        let targets = screens.map { screen in
            screen.targets.map {
                HitTarget(article: $0.article, label: $0.label ?? "", row: $0.row, column: $0.column,
                          width: $0.width, height: $0.height)
            }
        }
        return PageViewLayout(screens: screens, targets: targets)
    }

    /// Every screen of article `index`, where each screen starts and where body text lies.
    public func article(_ edition: Edition, index: Int, width: Int, height: Int) -> ArticleViewLayout {
        let layout = EditionLayout(edition: edition, width: width, height: height, options: options)
        let count = max(1, layout.articleScreenCount(article: index))
        var screens: [ScreenPage] = []
        var starts: [Int] = []
        var spans: [[TextSpan]] = []
        for screen in 0..<count {
            let page = layout.articlePage(article: index, screen: screen)
            screens.append(page)
            starts.append(layout.position(atTopOf: index, screen: screen).offset)
            spans.append(page.runs.compactMap { run in
                run.source.map { TextSpan(row: run.row, column: run.column, text: run.text, source: $0) }
            })
        }
        return ArticleViewLayout(screens: screens, starts: starts, spans: spans)
    }
}
