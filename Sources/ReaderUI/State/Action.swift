import ReaderCore

/// Everything that can happen to the reader. `reduce(state, action)` applies one.
public enum Action: Sendable, Equatable {
    case nextScreen, previousScreen
    case lineDown, lineUp
    case firstScreen, lastScreen
    /// Open the selected block or table-of-contents row.
    case openSelected
    /// A digit typed on a page view: opens the block with that label.
    case digit(Int)
    /// A block's letter label typed on a page view (labels after 9: a c d e …).
    case label(String)
    case openArticle(Int)
    /// Close an overlay, leave search, or go back to the 版 view.
    case back
    case nextArticle, previousArticle
    case nextPage, previousPage
    case previousEdition, nextEdition
    /// The loop finished loading library edition `index`.
    case editionLoaded(Edition, index: Int)
    /// The whole of the edition whose first 版 is shown (`Edition.isComplete` was
    /// false) is ready: it replaces it, and the reader stays where it is.
    case editionCompleted(Edition)
    case toggleContents, toggleHelp
    case beginSearch
    case searchInput(String)
    case searchDelete
    case submitSearch
    case cancelSearch
    case nextMatch, previousMatch
    case nextTheme
    /// v: set articles vertically (直排) or horizontally again, at the same text.
    case toggleVertical
    /// Start-up: whether the terminal draws the vertical punctuation forms two cells wide.
    case verticalFormsChecked(Bool)
    /// z: the next script (original → 简 → 繁).
    case nextScript
    /// Start-up: the script `--script` or the config chose.
    case scriptChosen(DisplayScript)
    case resize(width: Int, height: Int)
    case click(row: Int, column: Int)
    /// Put `text` in the status line (nil: clear it).
    case notice(String?)
    /// Start-up: the key bindings read from the config file.
    case keysConfigured(KeyOverrides)
    /// Start-up: every theme `T` cycles through, and the one in use.
    case themesLoaded([Theme], index: Int)
    /// The library was listed: this edition is number `index` of `count`.
    case libraryListed(index: Int, count: Int)
    /// F: the front page (版 1, first screen).
    case frontPage
    /// m: bookmark the top of the current screen page (opens the note prompt).
    case addBookmark
    /// ' or B: open the bookmark list (the loop answers with `bookmarksListed`).
    case openBookmarks
    /// The loop listed the store's bookmarks at `now`.
    case bookmarksListed([Bookmark], now: Timestamp)
    /// In the list: jump to, delete, or edit the note of the selected bookmark.
    case jumpToBookmark, deleteBookmark, editNote
    /// Note prompt keys.
    case noteInput(String)
    case noteDelete
    case submitNote
    case cancelNote
    /// Show article `article` at text `offset` (a resolved bookmark or reading position);
    /// `notice` goes in the status line.
    case showPosition(article: Int, offset: Int, notice: String?)
    /// Show the front page of 版 `page` (a resumed reading position); `notice` goes
    /// in the status line.
    case showPage(Int, notice: String?)
    /// The idle timer ran out (kiosk): clear search, overlays, prompts and typed
    /// digits, and go to the newest edition's front page (a `.loadEdition` request
    /// when another edition is open).
    case idleReset
    case quit
}
