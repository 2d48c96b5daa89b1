import ReaderCore

/// The search prompt (`/`, typing, Enter, Esc) and the active search's `n`/`N`.
/// False for other keys.
func reduceSearch(_ s: inout AppState, _ action: Action) -> Bool {
    switch action {
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
    default:
        return false
    }
    return true
}

/// Runs the typed query and goes to the first match at or after the reader's place.
private func submitSearch(_ s: inout AppState) {
    s.search.editing = false
    let query = s.search.input
    s.search.input = ""
    guard !query.isEmpty else { return }
    s.search.query = query
    s.search.matches = SearchIndex.find(query, in: s.edition, scripts: s.scripts.searchFold())
    guard !s.search.matches.isEmpty else {
        s.search.current = nil
        s.notice = "not found: \(query)"
        return
    }
    let here = s.view == .article ? (s.article, s.offset) : (s.selected ?? 0, 0)
    let first =
        s.search.matches.firstIndex {
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
    let more = s.search.matches.count >= SearchIndex.limit ? "+" : ""
    s.notice = "\(s.search.query): \(index + 1)/\(s.search.matches.count)\(more)\(place) · n/N · Esc clears"
}
