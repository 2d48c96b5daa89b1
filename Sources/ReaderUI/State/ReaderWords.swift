/// The reader's own Chinese words in its status bar and list titles (版 and 文 are the
/// same in both scripts), in the script the edition is shown in: 页 becomes 頁.
public struct ReaderWords: Sendable {
    /// A screen page, in the status bar.
    public var screen = "页"
    /// The table of contents' title.
    public var contents = "目录"
    /// The bookmark list's title.
    public var bookmarks = "书签"

    public init() {}

    /// These words through `convert` (an OpenCC conversion).
    func converted(_ convert: (String) -> String) -> ReaderWords {
        var out = self
        out.screen = convert(screen)
        out.contents = convert(contents)
        out.bookmarks = convert(bookmarks)
        return out
    }
}
