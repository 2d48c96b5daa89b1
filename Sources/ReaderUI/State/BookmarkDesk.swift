import ReaderCore

/// Does the bookmark I/O the reducer asks for, against a `BookmarkStore`, and feeds
/// the results back through `reduce`. The loop owns one; tests drive it directly.
public struct BookmarkDesk {
    public let store: BookmarkStore
    /// Finds a library edition by its id: the parsed edition and its shelf index.
    let findEdition: (EditionID) -> (Edition, Int)?

    /// The notice shown when an edition opens where the reader left it.
    public static let resumedNotice = "Resumed where you left off — F: front page"

    public init(store: BookmarkStore, findEdition: @escaping (EditionID) -> (Edition, Int)? = { _ in nil }) {
        self.store = store
        self.findEdition = findEdition
    }

    /// Performs a bookmark request; nil when `request` is not one.
    public func perform(_ request: AppState.Request, on state: AppState) -> AppState? {
        var s = state
        switch request {
        case .addBookmark(let article, let offset, let note):
            guard s.edition.articles.indices.contains(article) else { return s }
            store.addBookmark(in: s.edition, articleIndex: article, offset: offset, note: note)
            if case .memoryOnly(let reason) = store.location {
                s = reduce(s, .notice("bookmarked for this session only (\(reason))"))
            } else {
                s = reduce(s, .notice("bookmarked · ' lists bookmarks"))
            }
        case .listBookmarks:
            s = reduce(s, .bookmarksListed(store.bookmarks, now: Timestamp.now()))
        case .deleteBookmark(let id):
            _ = store.deleteBookmark(id: id)
            s = reduce(s, .bookmarksListed(store.bookmarks, now: Timestamp.now()))
            s = reduce(s, .notice("bookmark deleted"))
        case .setNote(let id, let note):
            _ = store.setNote(note, forBookmark: id)
            if s.overlay == .bookmarks {
                s = reduce(s, .bookmarksListed(store.bookmarks, now: Timestamp.now()))
            }
            s = reduce(s, .notice(note == nil ? "note removed" : "note saved"))
        case .openBookmark(let id):
            s = open(id, s)
        case .loadEdition:
            return nil
        }
        return told(s)
    }

    /// Jumps to bookmark `id`: its edition (loaded from the library when it is another
    /// one), the article and the screen page holding its text at the current size.
    private func open(_ id: String, _ state: AppState) -> AppState {
        var s = state
        guard let bookmark = store.bookmark(id: id) else { return reduce(s, .notice("bookmark is gone")) }
        let wanted = bookmark.position.edition
        let here = EditionID(s.edition)
        if (here.title, here.date) != (wanted.title, wanted.date) {
            guard let (edition, index) = findEdition(wanted) else {
                return reduce(s, .notice("edition \(wanted.title) \(wanted.date) is not in the library"))
            }
            flushPosition(s)
            s = reduce(s, .editionLoaded(edition, index: index))
        }
        guard let resolved = bookmark.position.resolve(in: s.edition) else {
            return reduce(s, .notice("the bookmarked text is no longer in this edition"))
        }
        let how = resolved.match == .exact ? "" : " (found by its text)"
        return reduce(
            s,
            .showPosition(
                article: resolved.articleIndex, offset: resolved.offset,
                notice: "at the bookmark\(how)"))
    }

    /// Resumes `state`'s edition at its saved reading position, if there is one.
    public func resume(_ state: AppState) -> AppState {
        guard let resolved = store.resumePosition(in: state.edition) else {
            // Last seen on a front page: reopen the 版 it showed, if not the first.
            if let page = store.readingPosition(for: EditionID(state.edition))?.position.page,
                state.pageNumbers.contains(page), page != state.pageNumbers.first
            {
                let notice = [state.notice, Self.resumedNotice].compactMap { $0 }.joined(separator: " · ")
                return told(reduce(state, .showPage(page, notice: notice)))
            }
            return told(state)
        }
        // A notice already up (a locale or config warning) stays in front of the resume notice.
        let notice = [state.notice, Self.resumedNotice].compactMap { $0 }.joined(separator: " · ")
        return told(
            reduce(
                state,
                .showPosition(
                    article: resolved.articleIndex, offset: resolved.offset,
                    notice: notice)))
    }

    /// Whether `resume` may take the reader off the first screen of `edition`: a place
    /// in an article, or on a 版 other than the first, is kept for it. Also true when the place's key needs
    /// the content hash (an undated edition) and the edition does not know it yet (a
    /// first 版 opened alone): such an edition must be completed before `resume`.
    public func mayResume(in edition: Edition) -> Bool {
        let id = EditionID(edition)
        if id.date.isEmpty && id.contentHash.isEmpty { return true }
        guard let saved = store.readingPosition(for: id) else { return false }
        return !saved.position.isFrontPage || saved.position.page != nil
    }

    /// Records where the reader is (throttled by the store).
    public func record(_ state: AppState) {
        let place = state.readingPlace
        let page = place == nil && state.page != state.pageNumbers.first ? state.page : nil
        store.recordReadingPosition(
            in: state.edition, articleIndex: place?.article, offset: place?.offset ?? 0,
            page: page)
    }

    /// Records and writes the reading position now (quit, signal, edition switch).
    public func flushPosition(_ state: AppState) {
        record(state)
        store.flush()
    }

    /// Shows the store's pending notices (each trouble once) in the status line.
    public func told(_ state: AppState) -> AppState {
        let notices = store.takeNotices()
        guard !notices.isEmpty else { return state }
        // The store's trouble is told once, so it goes first; a notice already up follows.
        return reduce(state, .notice((notices + [state.notice].compactMap { $0 }).joined(separator: " · ")))
    }
}
