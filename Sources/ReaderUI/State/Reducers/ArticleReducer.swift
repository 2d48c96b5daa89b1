import ReaderCore

/// The article view: screen pages, the next and previous article, Esc back to its 版.
/// False for the keys it leaves to the shared ones.
func reduceArticle(_ s: inout AppState, _ action: Action) -> Bool {
    switch action {
    case .nextScreen, .previousScreen, .lineDown, .lineUp, .firstScreen, .lastScreen:
        moveArticle(&s, action)
    case .nextArticle, .previousArticle:
        let step = action == .nextArticle ? 1 : -1
        let target = s.article + step
        if s.edition.articles.indices.contains(target) {
            open(&s, article: target)
        } else {
            s.notice = step > 0 ? "last article" : "first article"
        }
    case .back:
        if leaveSearch(&s) { break }
        let article = s.article
        showPage(&s, s.edition.articles.indices.contains(article) ? s.edition.articles[article].page : s.page)
        s.selected = article
        s.relayout()
    default:
        return false
    }
    return true
}

/// Screen-page moves in the open article (j/k move a whole screen too).
private func moveArticle(_ s: inout AppState, _ action: Action) {
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
}
