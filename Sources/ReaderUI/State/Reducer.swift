import ReaderCore

/// Applies one action to the state. Pure: no I/O; work for the loop goes in `request`.
public func reduce(_ state: AppState, _ action: Action) -> AppState {
    var s = state
    s.request = nil
    switch action {
    case .notice(let text):
        s.notice = text
        return s
    case .bookmarksListed(let entries, let now):
        s.bookmarks.entries = entries
        s.bookmarks.listedAt = now
        s.bookmarks.selection = clamp(s.bookmarks.selection, entries.count)
        if s.overlay != .bookmarks { s.bookmarks.selection = 0 }
        s.overlay = .bookmarks
        return s
    case .showPosition(let article, let offset, let notice):
        // Taken even while the window is too small: the position must survive until it grows.
        guard s.edition.articles.indices.contains(article) else { return s }
        open(&s, article: article)
        s.offset = max(0, offset)
        s.relayout()
        s.notice = notice
        return s
    case .idleReset:
        // Taken in any state (too small, overlay, prompt): the next reader starts clean.
        resetForIdle(&s)
        return s
    case .resize(let width, let height):
        s.width = max(0, width)
        s.height = max(0, height)
        // A notice is about the moment it was given; after a resize the position matters more.
        s.notice = nil
        s.relayout()
        return s
    default:
        break
    }
    // While the window is too small nothing on screen can be acted on.
    if s.isTooSmall, action != .quit { return s }
    s.notice = nil
    switch action {
    case .digit, .label: break
    default: s.digits = ""
    }
    // The help overlay takes movement (to scroll); any other key just closes it.
    if s.overlay == .help {
        switch action {
        case .quit, .lineDown, .lineUp, .nextScreen, .previousScreen, .firstScreen, .lastScreen: break
        default:
            s.overlay = nil
            return s
        }
    }
    // The bookmark list takes movement and its own keys; any other key just closes it.
    if s.overlay == .bookmarks {
        switch action {
        case .quit, .lineDown, .lineUp, .nextScreen, .previousScreen, .firstScreen, .lastScreen, .back, .click,
             .openBookmarks, .jumpToBookmark, .deleteBookmark, .editNote,
             .noteInput, .noteDelete, .submitNote, .cancelNote, .showPosition, .editionLoaded:
            break
        default:
            s.overlay = nil
            return s
        }
    }
    switch action {
    case .quit:
        s.quit = true
    case .toggleHelp:
        s.overlay = s.overlay == .help ? nil : .help
        s.helpScroll = 0
    case .toggleContents:
        if s.overlay == .contents {
            s.overlay = nil
        } else {
            s.overlay = .contents
            s.contentsSelection = s.view == .article ? s.article : (s.selected ?? 0)
        }
    case .back:
        back(&s)
    case .nextTheme:
        s.themeIndex = (s.themeIndex + 1) % s.themeNames.count
        s.notice = "theme: \(s.themeName)"
    case .beginSearch:
        s.overlay = nil
        s.search.editing = true
        s.search.input = ""
    case .searchInput(let text):
        s.search.input += text
    case .searchDelete:
        if !s.search.input.isEmpty { s.search.input.removeLast() }
    case .cancelSearch:
        s.search.editing = false
        s.search.input = ""
    case .submitSearch:
        submitSearch(&s)
    case .nextMatch:
        stepMatch(&s, by: 1)
    case .previousMatch:
        stepMatch(&s, by: -1)
    case .nextScreen, .previousScreen, .lineDown, .lineUp, .firstScreen, .lastScreen:
        move(&s, action)
    case .openSelected:
        if s.overlay == .contents {
            open(&s, article: s.contentsSelection)
        } else if s.view == .page, let selected = s.selected {
            open(&s, article: selected)
        }
    case .openArticle(let index):
        open(&s, article: index)
    case .digit(let digit):
        typeLabel(&s, String(digit))
    case .label(let label):
        typeLabel(&s, label)
    case .nextArticle, .previousArticle:
        let step = action == .nextArticle ? 1 : -1
        if s.overlay == .contents {
            s.contentsSelection = clamp(s.contentsSelection + step, s.edition.articles.count)
        } else if s.view == .article {
            let target = s.article + step
            if s.edition.articles.indices.contains(target) {
                open(&s, article: target)
            } else {
                s.notice = step > 0 ? "last article" : "first article"
            }
        } else {
            selectBlock(&s, by: step)
        }
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
        s.search = SearchState()
        s.overlay = nil
        s.article = 0
        s.offset = 0
        showPage(&s, s.pageNumbers.first ?? 1)
        s.notice = "\(edition.masthead.title) \(edition.masthead.date.map(String.init(describing:)) ?? "")"
    case .click(let row, let column):
        click(&s, row: row, column: column)
    case .frontPage:
        showPage(&s, s.pageNumbers.first ?? 1)
    case .addBookmark, .openBookmarks, .jumpToBookmark, .deleteBookmark, .editNote,
         .noteInput, .noteDelete, .submitNote, .cancelNote:
        reduceBookmarks(&s, action)
    case .showPage(let number, let notice):
        if s.pageNumbers.contains(number) { showPage(&s, number) }
        s.notice = notice
    case .notice, .resize, .bookmarksListed, .showPosition, .idleReset:
        break
    }
    return s
}

/// `index` kept inside 0..<count.
private func clamp(_ index: Int, _ count: Int) -> Int {
    max(0, min(count - 1, index))
}

/// Esc: close an overlay, else leave search, else go back to the 版 view, else to 版 1.
private func back(_ s: inout AppState) {
    if s.overlay != nil {
        s.overlay = nil
    } else if s.search.isActive || !s.search.query.isEmpty {
        s.search = SearchState()
        s.notice = "search cleared"
    } else if s.view == .article {
        let article = s.article
        showPage(&s, s.edition.articles.indices.contains(article) ? s.edition.articles[article].page : s.page)
        s.selected = article
        s.relayout()
    } else if s.page != (s.pageNumbers.first ?? 1) {
        showPage(&s, s.pageNumbers.first ?? 1)
    }
}

/// Idle reset: a clean reader on the newest edition's front page.
private func resetForIdle(_ s: inout AppState) {
    s.search = SearchState()
    s.overlay = nil
    s.bookmarks.prompt = nil
    s.digits = ""
    s.helpScroll = 0
    s.notice = nil
    s.article = 0
    s.offset = 0
    s.screen = 0
    let newest = s.editionCount - 1
    if newest > 0, s.editionIndex != newest {
        // Like [ and ]: the loop loads it and answers with `.editionLoaded` (front page).
        s.request = .loadEdition(index: newest)
    }
    showPage(&s, s.pageNumbers.first ?? 1)
}

/// Shows 版 `number` from its first screen, first block selected.
private func showPage(_ s: inout AppState, _ number: Int) {
    s.view = .page
    s.overlay = nil
    s.page = number
    s.pageScreen = 0
    s.selected = s.edition.articles.firstIndex { $0.page == number }
    s.relayout()
}

/// Opens article `index` at its start.
private func open(_ s: inout AppState, article index: Int) {
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

/// Moves the selection on the 版 view to the next or previous block.
private func selectBlock(_ s: inout AppState, by step: Int) {
    let blocks = s.edition.articles.indices.filter { s.edition.articles[$0].page == s.page }
    guard !blocks.isEmpty else { return }
    let here = s.selected.flatMap { blocks.firstIndex(of: $0) } ?? 0
    s.selected = blocks[clamp(here + step, blocks.count)]
    s.relayout()
}

/// Page and line movement in the current view.
private func move(_ s: inout AppState, _ action: Action) {
    if s.overlay == .contents {
        let count = s.edition.articles.count
        let pageStep = max(1, s.bodyHeight - 4)
        switch action {
        case .lineDown: s.contentsSelection = clamp(s.contentsSelection + 1, count)
        case .lineUp: s.contentsSelection = clamp(s.contentsSelection - 1, count)
        case .nextScreen: s.contentsSelection = clamp(s.contentsSelection + pageStep, count)
        case .previousScreen: s.contentsSelection = clamp(s.contentsSelection - pageStep, count)
        case .firstScreen: s.contentsSelection = 0
        case .lastScreen: s.contentsSelection = max(0, count - 1)
        default: break
        }
        return
    }
    if s.overlay == .bookmarks {
        let count = s.bookmarks.entries.count
        let pageStep = max(1, BookmarksView.visibleRows(s))
        let here = s.bookmarks.selection
        switch action {
        case .lineDown: s.bookmarks.selection = clamp(here + 1, count)
        case .lineUp: s.bookmarks.selection = clamp(here - 1, count)
        case .nextScreen: s.bookmarks.selection = clamp(here + pageStep, count)
        case .previousScreen: s.bookmarks.selection = clamp(here - pageStep, count)
        case .firstScreen: s.bookmarks.selection = 0
        case .lastScreen: s.bookmarks.selection = max(0, count - 1)
        default: break
        }
        return
    }
    if s.overlay == .help {
        // Movement scrolls the key list when the window is too short for all of it.
        let hidden = max(0, KeyMap.bindings(for: s).count - HelpView.rows(s))
        switch action {
        case .lineDown, .nextScreen: s.helpScroll = min(hidden, s.helpScroll + (action == .lineDown ? 1 : HelpView.rows(s)))
        case .lineUp, .previousScreen: s.helpScroll = max(0, s.helpScroll - (action == .lineUp ? 1 : HelpView.rows(s)))
        case .firstScreen: s.helpScroll = 0
        case .lastScreen: s.helpScroll = hidden
        default: break
        }
        return
    }
    switch s.view {
    case .article:
        guard let layout = s.articleLayout else { return }
        let last = layout.screens.count - 1
        var target = s.screen
        switch action {
        case .nextScreen, .lineDown: target += 1
        case .previousScreen, .lineUp: target -= 1
        case .firstScreen: target = 0
        case .lastScreen: target = last
        default: break
        }
        if target > last {
            s.notice = "end of article · Tab: next article · Esc: 版"
        } else if target < 0 {
            s.notice = "start of article"
        } else {
            s.screen = target
            s.offset = layout.starts[target]
        }
    case .page:
        guard let layout = s.pageLayout else { return }
        let last = layout.screens.count - 1
        switch action {
        case .lineDown: selectBlock(&s, by: 1)
        case .lineUp: selectBlock(&s, by: -1)
        default:
            var target = s.pageScreen
            switch action {
            case .nextScreen: target += 1
            case .previousScreen: target -= 1
            case .firstScreen: target = 0
            case .lastScreen: target = last
            default: break
            }
            if target > last || target < 0 {
                s.notice = target < 0 ? "top of 版 \(s.page)" : "end of 版 \(s.page) · J: next 版"
            } else {
                s.pageScreen = target
                s.selected = layout.targets[target].first?.article ?? s.selected
            }
        }
    }
}

/// Opens the block whose label the typed keys spell, once no longer label could match.
private func typeLabel(_ s: inout AppState, _ key: String) {
    guard s.view == .page, s.overlay == nil, let layout = s.pageLayout else { return }
    s.digits += key
    let targets = layout.targets.flatMap { $0 }
    let candidates = targets.filter { $0.label?.hasPrefix(s.digits) ?? false }
    if candidates.isEmpty {
        s.notice = "no block \(s.digits)"
        s.digits = ""
    } else if candidates.count == 1, let only = candidates.first, only.label == s.digits {
        s.digits = ""
        open(&s, article: only.article)
    } else if let exact = candidates.first(where: { $0.label == s.digits }) {
        s.selected = exact.article
        s.relayout()
        s.notice = "block \(s.digits)… (Enter opens)"
    } else {
        s.notice = "block \(s.digits)…"
    }
}

/// Runs the typed query and goes to the first match at or after the reader's place.
private func submitSearch(_ s: inout AppState) {
    s.search.editing = false
    let query = s.search.input
    s.search.input = ""
    guard !query.isEmpty else { return }
    s.search.query = query
    s.search.matches = SearchIndex.find(query, in: s.edition)
    guard !s.search.matches.isEmpty else {
        s.search.current = nil
        s.notice = "not found: \(query)"
        return
    }
    let here = s.view == .article ? (s.article, s.offset) : (s.selected ?? 0, 0)
    let first = s.search.matches.firstIndex {
        ($0.article, $0.range.lowerBound) >= here
    } ?? 0
    goToMatch(&s, first)
}

/// n/N: the next or previous match, wrapping around the edition.
private func stepMatch(_ s: inout AppState, by step: Int) {
    guard s.search.isActive else {
        s.notice = "no active search · / to search"
        return
    }
    let count = s.search.matches.count
    let next = ((s.search.current ?? -step) + step + count) % count
    goToMatch(&s, next)
}

/// Opens the article of match `index` on the screen showing it.
private func goToMatch(_ s: inout AppState, _ index: Int) {
    let match = s.search.matches[index]
    s.search.current = index
    if s.view != .article || s.article != match.article {
        open(&s, article: match.article)
    }
    s.overlay = nil
    s.offset = match.range.lowerBound
    s.relayout()
    let place = match.inHeadline ? " (headline)" : ""
    s.notice = "\(s.search.query): \(index + 1)/\(s.search.matches.count)\(s.search.matches.count >= SearchIndex.limit ? "+" : "")\(place) · n/N · Esc clears"
}

/// A mouse click: a contents row or a 版 block opens its article.
private func click(_ s: inout AppState, row: Int, column: Int) {
    if s.overlay == .contents {
        if let index = ContentsView.article(atRow: row, state: s) { open(&s, article: index) }
        return
    }
    if s.overlay == .help || s.overlay == .bookmarks {
        s.overlay = nil
        return
    }
    guard s.view == .page, let layout = s.pageLayout,
          layout.targets.indices.contains(s.pageScreen) else { return }
    if let target = layout.screens[s.pageScreen].target(atRow: row, column: column) {
        open(&s, article: target.article)
    }
}
