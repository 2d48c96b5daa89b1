import ReaderCore

/// The bookmark list: movement moves the selected row, Enter jumps, `d` deletes and `e`
/// edits the note (I/O, left as requests for the loop); `'`, Esc or a click closes it.
/// The note prompt's keys, a quit and a loaded edition fall through; any other key
/// just closes the list. False for the keys it leaves.
func reduceBookmarkList(_ s: inout AppState, _ action: Action) -> Bool {
    switch action {
    case .nextScreen, .previousScreen, .lineDown, .lineUp, .firstScreen, .lastScreen:
        let page = ListGeometry(bodyHeight: s.bodyHeight).rows
        s.bookmarks.cursor =
            s.bookmarks.cursor.moved(action, count: s.bookmarks.entries.count, page: page)
            ?? s.bookmarks.cursor
    case .jumpToBookmark:
        if let bookmark = s.bookmarks.selected { s.request = .openBookmark(id: bookmark.id) }
    case .deleteBookmark:
        if let bookmark = s.bookmarks.selected { s.request = .deleteBookmark(id: bookmark.id) }
    case .editNote:
        if let bookmark = s.bookmarks.selected {
            s.bookmarks.prompt = .init(target: .edit(id: bookmark.id), input: bookmark.note ?? "")
        }
    case .back, .click, .openBookmarks:
        s.overlay = nil
    case .quit, .noteInput, .noteDelete, .submitNote, .cancelNote, .showPosition, .editionLoaded:
        return false
    default:
        s.overlay = nil
    }
    return true
}

/// The note prompt (`m`, or `e` in the list): typing, Enter saves (a request for the
/// loop), Esc drops a new bookmark or keeps the old note. False for other keys.
func reduceNotePrompt(_ s: inout AppState, _ action: Action) -> Bool {
    switch action {
    case .noteInput(let text):
        s.bookmarks.prompt?.input += text
    case .noteDelete:
        if s.bookmarks.prompt?.input.isEmpty == false { s.bookmarks.prompt?.input.removeLast() }
    case .cancelNote:
        if case .add? = s.bookmarks.prompt?.target {
            s.notice = "bookmark cancelled"
        } else {
            s.notice = "note unchanged"
        }
        s.bookmarks.prompt = nil
    case .submitNote:
        guard let prompt = s.bookmarks.prompt else { break }
        s.bookmarks.prompt = nil
        let trimmed = prompt.input.trimmingWhitespace
        let note: String? = trimmed.isEmpty ? nil : trimmed
        switch prompt.target {
        case .add(let article, let offset): s.request = .addBookmark(article: article, offset: offset, note: note)
        case .edit(let id): s.request = .setNote(id: id, note: note)
        }
    default:
        return false
    }
    return true
}

/// `m`: opens the note prompt for a bookmark at the top of the screen page, or at the
/// selected block on a 版.
func addBookmark(_ s: inout AppState) {
    if let offset = s.topOfScreen {
        s.bookmarks.prompt = .init(target: .add(article: s.article, offset: offset))
    } else if s.view == .page, let selected = s.selected, s.edition.articles.indices.contains(selected) {
        // On a 版 the selected block is "the current page" a reader means.
        s.bookmarks.prompt = .init(target: .add(article: selected, offset: 0))
    } else {
        s.notice = "nothing to bookmark here"
    }
}

extension String {
    /// The string without leading and trailing white space (ASCII and the ideographic space).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
