import ReaderCore

/// The 版 view: screens and blocks, block labels, Enter and clicks on blocks, Esc to
/// 版 1. False for the keys it leaves to the shared ones.
func reducePage(_ s: inout AppState, _ action: Action) -> Bool {
    switch action {
    case .nextScreen, .previousScreen, .lineDown, .lineUp, .firstScreen, .lastScreen:
        movePage(&s, action)
    case .openSelected:
        if let selected = s.selected { open(&s, article: selected) }
    case .digit(let digit):
        typeLabel(&s, String(digit))
    case .label(let label):
        typeLabel(&s, label)
    case .nextArticle, .previousArticle:
        selectBlock(&s, by: action == .nextArticle ? 1 : -1)
    case .click(let row, let column):
        guard let layout = s.pageLayout, layout.targets.indices.contains(s.pageScreen) else { break }
        if let target = layout.screens[s.pageScreen].target(atRow: row, column: column) {
            open(&s, article: target.article)
        }
    case .back:
        if leaveSearch(&s) { break }
        if s.page != (s.pageNumbers.first ?? 1) { showPage(&s, s.pageNumbers.first ?? 1) }
    default:
        return false
    }
    return true
}

/// Screen moves on the 版 view; j/k move between blocks.
private func movePage(_ s: inout AppState, _ action: Action) {
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

/// Moves the selection on the 版 view to the next or previous block.
private func selectBlock(_ s: inout AppState, by step: Int) {
    let blocks = s.edition.articleIndices(onPage: s.page)
    guard !blocks.isEmpty else { return }
    let here = s.selected.flatMap { blocks.firstIndex(of: $0) } ?? 0
    s.selected = blocks[ListCursor.clamp(here + step, blocks.count)]
    s.relayout()
}

/// Opens the block whose label the typed keys spell, once no longer label could match.
private func typeLabel(_ s: inout AppState, _ key: String) {
    guard s.overlay == nil, let layout = s.pageLayout else { return }
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
