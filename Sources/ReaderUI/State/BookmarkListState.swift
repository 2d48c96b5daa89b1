import ReaderCore

/// The bookmark list (`'` or `B`) and the note prompt (`m`, `e`).
public struct BookmarkListState: Sendable, Equatable {
    /// What the note prompt will do with the typed text on Enter.
    public enum PromptTarget: Sendable, Equatable {
        /// A new bookmark at `offset` in article `article` (Esc drops the bookmark).
        case add(article: Int, offset: Int)
        /// The note of bookmark `id` (Esc keeps the old note).
        case edit(id: String)
    }

    /// The note prompt while it takes the keys.
    public struct Prompt: Sendable, Equatable {
        public var target: PromptTarget
        public var input: String

        public init(target: PromptTarget, input: String = "") {
            self.target = target
            self.input = input
        }
    }

    /// Every bookmark, newest first, as the store listed them.
    public var entries: [Bookmark] = []
    /// When `entries` were listed (ages are measured from it).
    public var listedAt = Timestamp(milliseconds: 0)
    /// The selected row.
    public var cursor = ListCursor()
    /// The note prompt, while open.
    public var prompt: Prompt?

    public init() {}

    /// The selected row.
    public var selection: Int { cursor.index }

    /// The selected bookmark, if the list is not empty.
    public var selected: Bookmark? {
        entries.indices.contains(cursor.index) ? entries[cursor.index] : nil
    }
}
