import ReaderCore

/// A 版 (or the front page) laid out as screen pages with clickable blocks.
public struct PageViewLayout: Sendable, Equatable {
    public var screens: [ScreenPage]

    public init(screens: [ScreenPage]) {
        self.screens = screens
    }

    /// The blocks (jump targets) on each screen.
    public var targets: [[JumpTarget]] { screens.map(\.targets) }

    /// The screen holding the block of `article`, if any.
    public func screen(holding article: Int) -> Int? {
        screens.firstIndex { $0.targets.contains { $0.article == article } }
    }
}

/// One article laid out as screen pages, with the text↔screen mapping.
/// Body runs carry their source offsets (`PlacedRun.source`).
public struct ArticleViewLayout: Sendable, Equatable {
    public var screens: [ScreenPage]
    /// The text offset (scalars) of the first body character on each screen.
    public var starts: [Int]
    /// For an article shown in another script whose conversion changed lengths: the
    /// map between the laid-out text (the runs' `source` ranges) and the article's own
    /// offsets (`starts`). Nil when the two are the same.
    public var offsets: OffsetMap?

    public init(screens: [ScreenPage], starts: [Int], offsets: OffsetMap? = nil) {
        self.screens = screens
        self.starts = starts
        self.offsets = offsets
    }

    /// Turns `starts` from the laid-out (converted) text's offsets into the source's.
    mutating func mapOffsets(_ map: OffsetMap) {
        starts = starts.map { map.source($0) }
        offsets = map
    }

    /// The laid-out text's offsets showing source `range`.
    public func laidOut(_ range: Range<Int>) -> Range<Int> {
        offsets?.converted(range) ?? range
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
/// (the print layout) to it; tests can supply their own.
public protocol ReaderLayout: Sendable {
    /// Lays out 版 `page` (1-based; 1 is the front page with the masthead).
    func pageView(_ edition: Edition, page: Int, width: Int, height: Int) -> PageViewLayout
    /// Lays out article `index` (0-based into `edition.articles`).
    func article(_ edition: Edition, index: Int, width: Int, height: Int) -> ArticleViewLayout
    /// The smallest body area that can be laid out.
    var minimumSize: (width: Int, height: Int) { get }
    /// The same layout with articles set vertically (直排) or horizontally.
    func setting(vertical: Bool) -> any ReaderLayout
    /// This layout with the words it writes itself (（续）…) passed through `convert`,
    /// for an edition shown in another script.
    func withWords(_ convert: (String) -> String) -> any ReaderLayout
}

extension ReaderLayout {
    /// A layout without a vertical setting stays as it is.
    public func setting(vertical: Bool) -> any ReaderLayout { self }
    /// A layout that writes no words of its own is the same in every script.
    public func withWords(_ convert: (String) -> String) -> any ReaderLayout { self }
}
