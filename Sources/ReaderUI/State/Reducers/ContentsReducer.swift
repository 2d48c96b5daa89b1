import ReaderCore

/// The table of contents: movement and Tab move the selected row, Enter or a click
/// opens it, `t` or Esc closes the list; a 版 label does nothing here. False for the
/// keys it leaves to the shared ones.
func reduceContents(_ s: inout AppState, _ action: Action) -> Bool {
    let count = s.edition.articles.count
    switch action {
    case .nextScreen, .previousScreen, .lineDown, .lineUp, .firstScreen, .lastScreen:
        let page = ListGeometry.contentsPage(bodyHeight: s.bodyHeight)
        s.contents = s.contents.moved(action, count: count, page: page) ?? s.contents
    case .nextArticle, .previousArticle:
        s.contents = s.contents.stepped(by: action == .nextArticle ? 1 : -1, count: count)
    case .openSelected:
        open(&s, article: s.contents.index)
    case .click(let row, _):
        let geometry = ListGeometry(bodyHeight: s.bodyHeight)
        if let index = geometry.index(atRow: row, selection: s.contents.index, count: count) {
            open(&s, article: index)
        }
    case .toggleContents, .back:
        s.overlay = nil
    case .digit, .label:
        break
    default:
        return false
    }
    return true
}
