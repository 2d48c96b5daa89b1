import ReaderCore

/// The last row: paper, date, 版 p/P, article a/A, screen n/N and a key hint;
/// or the search prompt, or a notice.
enum StatusBar {
    /// Draws the status row of `state`.
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        let row = state.height - 1
        buffer.fill(row: row, role: .status)
        if state.search.editing {
            let x = buffer.put("/", row: row, column: 0, role: .statusKey)
            let prompt = fitTail(state.search.input, width: state.width - x - 1, measure: buffer.measure)
            let end = buffer.put(prompt, row: row, column: x, role: .status)
            buffer.put("▏", row: row, column: end, role: .statusKey)
            return
        }
        if let prompt = state.bookmarks.prompt {
            let label: String
            if case .add = prompt.target { label = "note (Enter saves, Esc cancels): " } else { label = "note: " }
            let x = buffer.put(label, row: row, column: 0, role: .statusKey)
            let text = fitTail(prompt.input, width: state.width - x - 1, measure: buffer.measure)
            let end = buffer.put(text, row: row, column: x, role: .status)
            buffer.put("▏", row: row, column: end, role: .statusKey)
            return
        }
        let masthead = state.shown.masthead
        let pages = state.pageNumbers
        var parts = [masthead.title]
        if let label = state.scriptLabel { parts.append(label) }
        if let date = masthead.date { parts.append(date.description) }
        parts.append("版 \((pages.firstIndex(of: state.page) ?? 0) + 1)/\(pages.count)")
        switch state.view {
        case .article:
            parts.append("文 \(state.article + 1)/\(state.edition.articles.count)")
            parts.append("\(state.words.screen) \(state.screen + 1)/\(state.articleLayout?.screens.count ?? 1)")
        case .page:
            parts.append("\(state.words.screen) \(state.pageScreen + 1)/\(state.pageLayout?.screens.count ?? 1)")
        }
        if state.vertical { parts.append("直排") }
        let left = " " + parts.joined(separator: " · ")
        let hint =
            state.notice
            ?? (state.view == .page
                ? "1-9/Enter open · t contents · ? help · q quit"
                : "Space next · Esc back · / search · ? help")
        let hintRole: Role = state.notice == nil ? .statusKey : .notice
        let end = buffer.put(left, row: row, column: 0, role: .status)
        let hintWidth = buffer.measure.of(hint)
        let room = state.width - end - 2
        if hintWidth <= room {
            buffer.put(hint, row: row, column: state.width - hintWidth - 1, role: hintRole)
        } else if state.notice != nil {
            // A notice matters more than the position: it replaces it.
            buffer.fill(row: row, role: .status)
            buffer.put(" " + hint, row: row, column: 0, role: hintRole)
        }
    }

    /// The end of `text` that fits in `width` cells (the prompt shows what is being typed).
    private static func fitTail(_ text: String, width: Int, measure: DisplayWidth) -> String {
        var out: [Character] = []
        var used = 0
        for grapheme in text.reversed() {
            let w = measure.of(grapheme)
            if used + w > width { break }
            out.append(grapheme)
            used += w
        }
        return String(out.reversed())
    }
}
