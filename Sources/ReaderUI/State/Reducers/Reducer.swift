import ReaderCore

/// Applies one action to the state. Pure: no I/O; work for the loop goes in `request`.
///
/// Like tmux's key tables, the mode on top takes an action first and what it leaves
/// falls through: an overlay (help, bookmark list, contents), then the prompts and the
/// search, then the view under them (版 or article), then the keys every mode shares.
/// Loop and start-up events come before all of them, in any mode.
public func reduce(_ state: AppState, _ action: Action) -> AppState {
    var s = state
    s.request = nil
    if reduceEvent(&s, action) { return s }
    // While the window is too small nothing on screen can be acted on.
    if s.isTooSmall, action != .quit { return s }
    s.notice = nil
    switch action {
    case .digit, .label: break
    default: s.digits = ""
    }
    switch s.overlay {
    case .help:
        reduceHelp(&s, action)
        return s
    case .bookmarks:
        if reduceBookmarkList(&s, action) { return s }
    case .contents:
        if reduceContents(&s, action) { return s }
    case nil:
        break
    }
    if reduceNotePrompt(&s, action) || reduceSearch(&s, action) { return s }
    switch s.view {
    case .page:
        if reducePage(&s, action) { return s }
    case .article:
        if reduceArticle(&s, action) { return s }
    }
    reduceShared(&s, action)
    return s
}

/// Loop and start-up events, taken in every mode (too small, overlay, prompt);
/// false when `action` is a key's.
private func reduceEvent(_ s: inout AppState, _ action: Action) -> Bool {
    switch action {
    case .notice(let text):
        s.notice = text
    case .keysConfigured(let keys):
        s.keys = keys
    case .themesLoaded(let themes, let index):
        guard !themes.isEmpty else { break }
        s.themes = themes
        s.themeNames = themes.map(\.name)
        s.themeIndex = max(0, min(themes.count - 1, index))
    case .verticalFormsChecked(let drawn):
        s.verticalFormsDrawn = drawn
        if !drawn, s.vertical {
            s.vertical = false
            s.relayout()
            s.notice = verticalFallbackNotice
        }
    case .scriptChosen(let script):
        s.preferredScript = script
        if script != .original || s.script != .original { s.applyScript(script) }
    case .libraryListed(let index, let count):
        s.editionIndex = index
        s.editionCount = count
    case .bookmarksListed(let entries, let now):
        s.bookmarks.entries = entries
        s.bookmarks.listedAt = now
        s.bookmarks.cursor = s.overlay == .bookmarks ? s.bookmarks.cursor.clamped(to: entries.count) : ListCursor()
        s.overlay = .bookmarks
    case .showPosition(let article, let offset, let notice):
        // Taken even while the window is too small: the position must survive until it grows.
        guard s.edition.articles.indices.contains(article) else { break }
        open(&s, article: article)
        s.offset = max(0, offset)
        s.relayout()
        s.notice = notice
    case .editionCompleted(let edition):
        // The partial edition's articles are the first of the whole one, so every index
        // the state holds stays valid; only the layouts are redone.
        completeEdition(&s, edition)
    case .idleReset:
        // The next reader starts clean.
        resetForIdle(&s)
    case .resize(let width, let height):
        s.width = max(0, width)
        s.height = max(0, height)
        // A notice is about the moment it was given; after a resize the position matters more.
        s.notice = nil
        s.relayout()
    default:
        return false
    }
    return true
}

/// The keys every mode shares (what no overlay, prompt or view took).
private func reduceShared(_ s: inout AppState, _ action: Action) {
    switch action {
    case .quit:
        s.quit = true
    case .toggleHelp:
        s.overlay = .help
        s.help = ListCursor()
    case .toggleContents:
        s.overlay = .contents
        s.contents = ListCursor(s.view == .article ? s.article : (s.selected ?? 0))
    case .back:
        // Reached with no overlay, no search and nothing else to go back to.
        break
    case .nextTheme:
        s.themeIndex = (s.themeIndex + 1) % s.themeNames.count
        s.notice = "theme: \(s.themeName)"
    case .toggleVertical:
        toggleVertical(&s)
    case .nextScript:
        nextScript(&s)
    case .openArticle(let index):
        open(&s, article: index)
    case .nextPage, .previousPage:
        let numbers = s.pageNumbers
        let here = numbers.firstIndex(of: s.page) ?? 0
        let there = here + (action == .nextPage ? 1 : -1)
        if numbers.indices.contains(there) {
            showPage(&s, numbers[there])
        } else {
            s.notice = there < 0 ? "first 版" : "last 版"
        }
    case .previousEdition, .nextEdition:
        let target = s.editionIndex + (action == .nextEdition ? 1 : -1)
        if s.editionCount > 1, (0..<s.editionCount).contains(target) {
            s.request = .loadEdition(index: target)
        } else {
            s.notice = s.editionCount > 1 ? "no more editions that way" : "no other edition in the library"
        }
    case .editionLoaded(let edition, let index):
        s.edition = edition
        s.editionIndex = index
        s.dropLayouts()
        // The place is reset before the script is applied, which lays out the place.
        s.search = SearchState()
        s.overlay = nil
        s.article = 0
        s.offset = 0
        s.editionChanged()
        showPage(&s, s.pageNumbers.first ?? 1)
        s.notice = "\(s.shown.masthead.title) \(edition.masthead.date.map(String.init(describing:)) ?? "")"
    case .frontPage:
        showPage(&s, s.pageNumbers.first ?? 1)
    case .addBookmark:
        addBookmark(&s)
    case .openBookmarks:
        s.overlay = nil
        s.request = .listBookmarks
    case .showPage(let number, let notice):
        if s.pageNumbers.contains(number) { showPage(&s, number) }
        s.notice = notice
    default:
        // Keys of a mode that is not open (a 版 label on an article, Enter with nothing
        // selected) do nothing.
        break
    }
}

/// What the status line says when the terminal cannot draw the vertical forms.
let verticalFallbackNotice = "直排: no width for the vertical forms here, staying horizontal"

/// v: vertical setting on or off, the reader kept at the same text (the offset the
/// screen starts at is re-found in the new layout); refused, with a notice, where the
/// terminal cannot draw the vertical forms.
private func toggleVertical(_ s: inout AppState) {
    if !s.vertical, s.verticalFormsDrawn == false {
        s.notice = verticalFallbackNotice
        return
    }
    s.vertical.toggle()
    s.relayout()
    if s.vertical {
        s.notice = "直排 vertical: ← next, → previous · v horizontal"
    } else {
        s.notice = "横排 horizontal"
    }
}

/// Swaps in the whole edition for its first 版, keeping the place (clamped, should
/// the whole edition have fewer articles than the part shown).
private func completeEdition(_ s: inout AppState, _ edition: Edition) {
    s.edition = edition
    s.dropLayouts()
    let count = edition.articles.count
    s.article = ListCursor.clamp(s.article, count)
    s.editionChanged()
    if let selected = s.selected, !edition.articles.indices.contains(selected) {
        s.selected = edition.articles.firstIndex { $0.page == s.page }
    }
    s.contents = s.contents.clamped(to: count)
    s.relayout()
}

/// z: shows the edition in the next script of the cycle; the place stays (offsets
/// are the original text's in every script).
private func nextScript(_ s: inout AppState) {
    let source: SourceScript
    do {
        source = try s.scripts.sourceScript(of: s.edition)
    } catch {
        s.notice = "\(error)"
        return
    }
    s.applyScript(s.script.next(source: source, preferred: s.preferredScript))
    if s.notice == nil {
        let note = s.script == .original ? "\(source.label), as printed" : "from \(source.label), by OpenCC"
        s.notice = "\(s.script.label) · \(note) · z next"
    }
}

/// Idle reset: a clean reader on the newest edition's front page.
private func resetForIdle(_ s: inout AppState) {
    s.search = SearchState()
    s.overlay = nil
    s.bookmarks.prompt = nil
    s.digits = ""
    s.help = ListCursor()
    s.notice = nil
    s.article = 0
    s.offset = 0
    s.screen = 0
    if s.script != s.preferredScript { s.applyScript(s.preferredScript, announce: false) }
    let newest = s.editionCount - 1
    if newest > 0, s.editionIndex != newest {
        // Like [ and ]: the loop loads it and answers with `.editionLoaded` (front page).
        s.request = .loadEdition(index: newest)
    }
    showPage(&s, s.pageNumbers.first ?? 1)
}

/// Esc with an active search: clears it; false when there is none.
func leaveSearch(_ s: inout AppState) -> Bool {
    guard s.search.isActive || !s.search.query.isEmpty else { return false }
    s.search = SearchState()
    s.notice = "search cleared"
    return true
}

/// Shows 版 `number` from its first screen, first block selected.
func showPage(_ s: inout AppState, _ number: Int) {
    s.view = .page
    s.overlay = nil
    s.page = number
    s.pageScreen = 0
    s.selected = s.edition.articles.firstIndex { $0.page == number }
    s.relayout()
}

/// Opens article `index` at its start.
func open(_ s: inout AppState, article index: Int) {
    guard s.edition.articles.indices.contains(index) else { return }
    s.overlay = nil
    s.view = .article
    s.article = index
    s.page = s.edition.articles[index].page
    s.selected = index
    s.offset = 0
    s.screen = 0
    s.relayout()
}
