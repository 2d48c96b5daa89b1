import ReaderCore

/// The bookmark keys: `m` and its note prompt, and the list's Enter, `d` and `e`.
/// Saving, listing and jumping are I/O, so they leave a request for the loop.
func reduceBookmarks(_ s: inout AppState, _ action: Action) {
    switch action {
    case .addBookmark:
        if let offset = s.topOfScreen {
            s.bookmarks.prompt = .init(target: .add(article: s.article, offset: offset))
        } else if s.view == .page, let selected = s.selected, s.edition.articles.indices.contains(selected) {
            // On a 版 the selected block is "the current page" a reader means.
            s.bookmarks.prompt = .init(target: .add(article: selected, offset: 0))
        } else {
            s.notice = "nothing to bookmark here"
        }
    case .openBookmarks:
        if s.overlay == .bookmarks {
            s.overlay = nil
        } else {
            s.overlay = nil
            s.request = .listBookmarks
        }
    case .jumpToBookmark:
        if let bookmark = s.bookmarks.selected { s.request = .openBookmark(id: bookmark.id) }
    case .deleteBookmark:
        if let bookmark = s.bookmarks.selected { s.request = .deleteBookmark(id: bookmark.id) }
    case .editNote:
        if let bookmark = s.bookmarks.selected {
            s.bookmarks.prompt = .init(target: .edit(id: bookmark.id), input: bookmark.note ?? "")
        }
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
        break
    }
}

extension String {
    /// The string without leading and trailing white space (ASCII and the ideographic space).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
