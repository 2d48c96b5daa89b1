/// Bridges between stored anchors and layout's `TextPosition` (article index + offset).
extension TextAnchor {
    /// The anchor for layout position `position` in `edition`.
    public init(in edition: Edition, at position: TextPosition) {
        self.init(in: edition, articleIndex: position.article, offset: position.offset)
    }
}

extension ResolvedPosition {
    /// The layout position to hand `EditionLayout.screen(containing:)`.
    public var textPosition: TextPosition {
        TextPosition(article: articleIndex, offset: offset)
    }
}

extension BookmarkStore {
    /// Bookmarks layout position `position` (e.g. `layout.position(atTopOf:screen:)`).
    @discardableResult
    public func addBookmark(in edition: Edition, at position: TextPosition, note: String? = nil) -> Bookmark {
        addBookmark(in: edition, articleIndex: position.article, offset: position.offset, note: note)
    }

    /// Records the reader at layout position `position`, or on the front page when nil.
    public func recordReadingPosition(in edition: Edition, at position: TextPosition?) {
        recordReadingPosition(in: edition, articleIndex: position?.article, offset: position?.offset ?? 0)
    }
}
