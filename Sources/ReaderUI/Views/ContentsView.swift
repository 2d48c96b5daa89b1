import ReaderCore

/// The table of contents: every article with its 版, kicker and headline.
public enum ContentsView {
    /// The first list row on screen.
    static let top = ListGeometry.top

    /// Rows of the list that fit on screen.
    static func visibleRows(_ state: AppState) -> Int { ListGeometry(bodyHeight: state.bodyHeight).rows }

    /// The index of the first article shown, keeping the selection in view.
    static func firstShown(_ state: AppState) -> Int {
        ListGeometry(bodyHeight: state.bodyHeight)
            .firstShown(selection: state.contentsSelection, count: state.edition.articles.count)
    }

    /// Draws the list over the whole body area.
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        for row in 0..<state.bodyHeight { buffer.fill(row: row, role: .overlay) }
        let count = state.edition.articles.count
        let title = "\(state.words.contents) Contents · \(count) articles · Enter opens · Esc closes"
        buffer.put(title, row: 0, column: 1, role: .headline)
        buffer.put(String(repeating: "─", count: state.width), row: 1, column: 0, role: .rule)
        let first = firstShown(state)
        for row in 0..<visibleRows(state) {
            let index = first + row
            guard index < count else { break }
            let article = state.shown.articles[index]
            let y = top + row
            var x = buffer.put(pad("\(index + 1)", 3) + " ", row: y, column: 0, role: .jumpLabel)
            x = buffer.put("\(article.page)版 ", row: y, column: x, role: .mastheadInfo)
            if let kicker = article.kicker, !kicker.isEmpty {
                x = buffer.put(kicker + "  ", row: y, column: x, role: .kicker)
            }
            buffer.put(article.headline, row: y, column: x, role: .headline)
            if index == state.contentsSelection {
                buffer.mark(row: y, column: 0, count: state.width, flags: .selection)
            }
        }
    }

    /// `text` right-aligned in `width` cells.
    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
