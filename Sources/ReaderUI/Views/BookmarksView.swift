import ReaderCore

/// The bookmark list over the body: paper, date, headline, note (or, without a
/// note, the quoted text where the bookmark sits) and age, one bookmark a row,
/// every column measured in cells and cut with "…".
public enum BookmarksView {
    /// The first list row on screen.
    static let top = 2

    /// Rows of the list that fit on screen.
    static func visibleRows(_ state: AppState) -> Int { ListGeometry(bodyHeight: state.bodyHeight).rows }

    /// The index of the first bookmark shown, keeping the selection in view.
    static func firstShown(_ state: AppState) -> Int {
        ListGeometry(bodyHeight: state.bodyHeight)
            .firstShown(selection: state.bookmarks.selection, count: state.bookmarks.entries.count)
    }

    /// Draws the list over the whole body area.
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        for row in 0..<state.bodyHeight { buffer.fill(row: row, role: .overlay) }
        let list = state.bookmarks
        let title =
            "\(state.words.bookmarks) Bookmarks · \(list.entries.count) · Enter jumps · d deletes · e edits note · Esc closes"
        buffer.put(title, row: 0, column: 1, role: .headline, limit: state.width - 1)
        buffer.put(String(repeating: "─", count: state.width), row: 1, column: 0, role: .rule)
        guard !list.entries.isEmpty else {
            buffer.put(
                "No bookmarks yet: m bookmarks the page you are reading.", row: top, column: 1,
                role: .body, limit: state.width - 1)
            return
        }
        let measure = buffer.measure
        let ages = list.entries.map { $0.created.age(at: list.listedAt) }
        let columns = Columns(state.width, entries: list.entries, ages: ages, measure: measure)
        let first = firstShown(state)
        for row in 0..<visibleRows(state) {
            let index = first + row
            guard index < list.entries.count else { break }
            let bookmark = list.entries[index]
            let y = top + row
            var x = 1
            // Paper, headline and quote in the script in use; a note stays as its writer typed it.
            let paper = state.displayText(bookmark.paper)
            x = buffer.put(fit(paper, columns.paper, measure) + "  ", row: y, column: x, role: .mastheadInfo)
            x = buffer.put(fit(bookmark.date, columns.date, measure) + "  ", row: y, column: x, role: .mastheadInfo)
            let headline = state.displayText(bookmark.headline)
            x = buffer.put(fit(headline, columns.headline, measure) + "  ", row: y, column: x, role: .headline)
            if columns.note > 0 {
                let note =
                    bookmark.note.map { (text: $0, role: Role.body) }
                    ?? (text: state.displayText(place(of: bookmark)), role: Role.mastheadInfo)
                x = buffer.put(fit(note.text, columns.note, measure) + "  ", row: y, column: x, role: note.role)
            }
            buffer.put(fit(ages[index], columns.age, measure), row: y, column: x, role: .mastheadInfo)
            if index == list.selection {
                buffer.mark(row: y, column: 0, count: state.width, flags: .selection)
            }
        }
    }

    /// Column widths in cells for a window `width` cells wide.
    struct Columns {
        var paper: Int, date: Int, headline: Int, note: Int, age: Int

        /// Fixed columns sized to their widest entry (capped); headline and note share the rest.
        init(_ width: Int, entries: [Bookmark], ages: [String], measure: DisplayWidth) {
            paper = min(12, entries.map { measure.of($0.paper) }.max() ?? 0)
            date = min(10, entries.map { measure.of($0.date) }.max() ?? 0)
            age = min(12, ages.map { measure.of($0) }.max() ?? 0)
            let gaps = 2 * 4 + 2
            let rest = max(0, width - paper - date - age - gaps)
            // The second column holds a note or the quote that says where in the article.
            let hasSecond = entries.contains { !($0.note ?? "").isEmpty || !BookmarksView.place(of: $0).isEmpty }
            headline = hasSecond ? rest * 3 / 5 : rest + 2
            note = hasSecond ? rest - headline : 0
        }
    }

    /// Where in the article a bookmark sits: its quote in 「」, or "" on a front page.
    static func place(of bookmark: Bookmark) -> String {
        let quote = bookmark.position.quote
        guard !bookmark.position.isFrontPage, !quote.isEmpty else { return "" }
        return "「" + quote + "」"
    }

    /// `text` cut to `width` cells with "…" when longer, padded with spaces when shorter.
    static func fit(_ text: String, _ width: Int, _ measure: DisplayWidth) -> String {
        guard width > 0 else { return "" }
        let full = measure.of(text)
        if full <= width { return text + String(repeating: " ", count: width - full) }
        let ellipsis = measure.of("…")
        var out = ""
        var used = 0
        for grapheme in text {
            let w = measure.of(grapheme)
            if used + w + ellipsis > width { break }
            out.append(grapheme)
            used += w
        }
        out += used + ellipsis <= width ? "…" : ""
        return out + String(repeating: " ", count: max(0, width - used - (used + ellipsis <= width ? ellipsis : 0)))
    }
}
