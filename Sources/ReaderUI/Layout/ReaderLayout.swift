import ReaderCore

/// A front-page block on screen: a click inside it, or its label, opens the article.
public struct HitTarget: Sendable, Equatable {
    /// Index into `Edition.articles`.
    public var article: Int
    /// The label printed on the block ("1", "2", …).
    public var label: String
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(article: Int, label: String, row: Int, column: Int, width: Int, height: Int) {
        self.article = article
        self.label = label
        self.row = row
        self.column = column
        self.width = width
        self.height = height
    }

    /// True when the cell at `row`, `column` lies inside the block.
    public func contains(row r: Int, column c: Int) -> Bool {
        r >= row && r < row + height && c >= column && c < column + width
    }
}

/// Where a stretch of article text was drawn: `text` starts at `row`, `column`
/// and its scalars are the article's scalars in `source`, one for one.
public struct TextSpan: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var text: String
    public var source: Range<Int>

    public init(row: Int, column: Int, text: String, source: Range<Int>) {
        self.row = row
        self.column = column
        self.text = text
        self.source = source
    }
}

/// A 版 (or the front page) laid out as screen pages with clickable blocks.
public struct PageViewLayout: Sendable, Equatable {
    public var screens: [ScreenPage]
    /// The blocks on each screen.
    public var targets: [[HitTarget]]

    public init(screens: [ScreenPage], targets: [[HitTarget]]) {
        self.screens = screens
        self.targets = targets
    }

    /// The screen holding the block of `article`, if any.
    public func screen(holding article: Int) -> Int? {
        targets.firstIndex { $0.contains { $0.article == article } }
    }
}

/// One article laid out as screen pages, with the text↔screen mapping.
public struct ArticleViewLayout: Sendable, Equatable {
    public var screens: [ScreenPage]
    /// The text offset (scalars) of the first body character on each screen.
    public var starts: [Int]
    /// Where body text was drawn on each screen.
    public var spans: [[TextSpan]]

    public init(screens: [ScreenPage], starts: [Int], spans: [[TextSpan]]) {
        self.screens = screens
        self.starts = starts
        self.spans = spans
    }

    /// The screen that shows the text at `offset`.
    public func screen(containing offset: Int) -> Int {
        var found = 0
        for (index, start) in starts.enumerated() where start <= offset {
            found = index
        }
        return found
    }
}

/// What the reader needs from a layout engine: `PrintLayout` adapts `EditionLayout`
/// (issue 4) to it; tests can supply their own.
public protocol ReaderLayout: Sendable {
    /// Lays out 版 `page` (1-based; 1 is the front page with the masthead).
    func pageView(_ edition: Edition, page: Int, width: Int, height: Int) -> PageViewLayout
    /// Lays out article `index` (0-based into `edition.articles`).
    func article(_ edition: Edition, index: Int, width: Int, height: Int) -> ArticleViewLayout
    /// The smallest body area that can be laid out.
    var minimumSize: (width: Int, height: Int) { get }
}
