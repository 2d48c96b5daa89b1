/// Sets the front page of one 版: the masthead (or a folio line), then every
/// article of the page as a block on a column grid, in bands separated by rules.
/// The lead article spans more columns. Bands that do not fit go on the next screen.
///
/// Resumable: screens are set only as far as asked (`ensure`), so the first
/// screen of a 版 with thousands of articles comes at once. Not thread-safe on
/// its own; `LayoutCache` calls it under its mutex.
final class FrontPageBuilder {
    /// What the builder needs of its layout (no reference back: the layout's cache holds the builder).
    struct Setting {
        var edition: Edition
        var width: Int
        var height: Int
        var options: LayoutOptions
        var page: Int
        var articles: [Int]
        var isFirstPage: Bool
    }

    let layout: Setting
    let page: Int

    /// One article block set at its width, before it is cut to a band's height.
    struct BlockText {
        var article: Int
        var label: String?
        var head: [LaidRow] // label, kicker, headline, deck, bylines
        var body: [LaidRow] // opening lines, as many as were set
        var opens: [Bool] // per body row: it is the first line of a paragraph
        var bodyIsComplete: Bool // `body` holds the whole body text
        var minimumBody: Int
    }

    /// A row of blocks across the grid: each block's first grid column and span.
    struct Band {
        var blocks: [(text: BlockText, column: Int, span: Int)]
        var height: Int
    }

    private let measure: DisplayWidth
    private let grid: ColumnGrid
    private let gutter: Int
    private let masthead: MastheadSetter
    let articles: [Int]
    private let isFirstPage: Bool
    private let pageName: String?

    /// Finished screens, in order.
    var screens: [ScreenPage] = []
    /// True once every article is placed and the last screen is finished.
    var isComplete = false
    var next = 0 // index into `articles` of the next block
    var current: ScreenPage
    var row = 0
    private var bandsOnScreen = 0
    /// Vertical setting: the next free column slot of the screen, from the right.
    var slot = 0

    /// A builder with the masthead (or folio) of the first screen set.
    init(_ setting: Setting) {
        layout = setting
        page = setting.page
        measure = DisplayWidth(ambiguous: layout.options.ambiguous)
        gutter = Self.gutter(ruleWidth: measure.of(Character("│")))
        grid = ColumnGrid(
            count: ColumnGrid.columnCount(width: layout.width, options: layout.options),
            width: layout.width, gutter: gutter)
        masthead = MastheadSetter(
            masthead: layout.edition.masthead, ambiguous: layout.options.ambiguous,
            continued: layout.options.words.continued)
        articles = setting.articles
        isFirstPage = setting.isFirstPage
        pageName = setting.edition.pages.first { $0.number == setting.page }?.name
        current = ScreenPage(width: layout.width, height: layout.height)
        startScreen()
        if articles.isEmpty {
            current.runs.append(
                PlacedRun(row: row, column: grid.left, text: layout.options.words.emptyPage, role: .notice))
        }
    }

    /// Cells between two grid columns: two for a mark hung past the column's edge, the rule,
    /// and at least one before the next column, made even so every column starts on an even cell.
    static func gutter(ruleWidth: Int) -> Int {
        let cells = 2 + max(1, ruleWidth) + 1
        return cells + cells % 2
    }

    /// The column of the rule in the gutter left of a column starting at `left`.
    private func ruleColumn(left: Int) -> Int {
        left - gutter + 2
    }

    /// Sets screens until screen `index` is finished or the page is complete.
    func ensure(screen index: Int) {
        while !isComplete, screens.count <= index { step() }
    }

    /// Sets every screen.
    func finish() {
        while !isComplete { step() }
    }

    /// Sets screens until the block of `article` is placed; its screen, if it is on this 版.
    func screen(showing article: Int) -> Int? {
        guard articles.contains(article) else { return nil }
        while true {
            if let found = screens.firstIndex(where: { $0.targets.contains { $0.article == article } }) { return found }
            if current.targets.contains(where: { $0.article == article }) { return screens.count }
            if isComplete { return nil }
            step()
        }
    }

    /// Places the next band, or finishes the last screen when no band is left.
    private func step() {
        if layout.options.vertical {
            stepVertical()
            return
        }
        guard let band = nextBand() else {
            screens.append(current)
            isComplete = true
            return
        }
        let height = layout.height
        let separator = bandsOnScreen > 0 ? 1 : 0
        if row + separator + band.height > height, bandsOnScreen > 0 {
            screens.append(current)
            startScreen()
        }
        if bandsOnScreen > 0 {
            current.runs.append(
                PlacedRun(
                    row: row, column: grid.left,
                    text: TextFit.rule("─", cells: grid.span, measure: measure), role: .rule))
            row += 1
        }
        let bandHeight = max(1, min(band.height, height - row))
        place(band, height: bandHeight, top: row, into: &current)
        row += bandHeight
        bandsOnScreen += 1
    }

    /// Opens the next screen with the masthead (first screen of the first 版) or a folio.
    func startScreen() {
        let screen = screens.count
        current = ScreenPage(width: layout.width, height: layout.height, content: .front(page: page, screen: screen))
        let head =
            screen == 0 && isFirstPage
            ? masthead.rows(span: grid.span)
            : masthead.folio(span: grid.span, page: page, pageName: pageName, continued: screen > 0)
        // The head never takes more than half the screen.
        let shown = min(head.count, max(1, layout.height / 2))
        // Cut from the middle so the double rule under the head stays.
        var rows = head
        if head.count > shown {
            rows = Array(head.prefix(shown - 1)) + [head[head.count - 1]]
            if shown >= 2 {
                rows[shown - 2] = rows[shown - 2].truncated(
                    to: grid.span, mark: "…", role: .truncation, measure: measure)
            }
        }
        for (i, laid) in rows.enumerated() {
            laid.place(row: i, left: grid.left, into: &current.runs)
        }
        row = shown
        bandsOnScreen = 0
        slot = 0
    }

    /// The next band of blocks: first the lead, wide (with one block beside it
    /// from three columns), then one block per column; nil when none is left.
    private func nextBand() -> Band? {
        guard next < articles.count else { return nil }
        let count = grid.lefts.count
        var blocks: [(text: BlockText, column: Int, span: Int)] = []
        if next == 0 {
            let leadSpan = count >= 3 && articles.count > 1 ? count - 1 : count
            blocks.append((block(span: leadSpan, lead: true), 0, leadSpan))
            if leadSpan < count {
                blocks.append((block(span: count - leadSpan, lead: false), leadSpan, count - leadSpan))
            }
        } else {
            let chunk = min(count, articles.count - next)
            var column = 0
            for i in 0..<chunk {
                // Fewer blocks than columns: the first ones take the spare columns.
                let span = count / chunk + (i < count % chunk ? 1 : 0)
                blocks.append((block(span: span, lead: false), column, span))
                column += span
            }
        }
        let height =
            blocks.map { block in
                let depth = (block.text.body.count + block.span - 1) / block.span
                return block.text.head.count + min(depth, block.text.minimumBody)
            }.max() ?? 1
        return Band(blocks: blocks, height: height)
    }

    /// The next article's block text, `span` grid columns wide.
    private func block(span: Int, lead: Bool) -> BlockText {
        defer { next += 1 }
        return blockText(
            articles[next], label: JumpTarget.label(forBlock: next),
            width: grid.width(spanning: span), columnWidth: grid.columnWidth, span: span, lead: lead)
    }

    /// One article's block text at `width` cells: label, heads, bylines and enough opening lines.
    private func blockText(
        _ index: Int, label: String?, width: Int, columnWidth: Int, span: Int,
        lead: Bool
    ) -> BlockText {
        let article = layout.edition.articles[index]
        let setter = LineSetter(ambiguous: layout.options.ambiguous)
        let height = layout.height
        let inner = max(2, width - 2)
        // Heads and bylines are display lines: phrase breaks, balanced (HeadlineSetter).
        let display = HeadlineSetter(ambiguous: layout.options.ambiguous)
        var head: [LaidRow] = []
        if let rubric = article.rubric, !rubric.isEmpty { head += display.set(rubric, role: .rubric, width: inner) }
        if let kicker = article.kicker, !kicker.isEmpty { head += display.set(kicker, role: .kicker, width: inner) }
        head += display.set(article.headline, role: .headline, width: inner)
        if let deck = article.deck, !deck.isEmpty { head += display.set(deck, role: .deck, width: inner) }
        // A hanging indent of two cells leaves room for the jump label.
        for i in head.indices { for j in head[i].runs.indices { head[i].runs[j].column += 2 } }
        if head.isEmpty { head = [LaidRow(runs: [], source: nil)] }
        if let label {
            head[0].runs.insert(PlacedRun(row: 0, column: 0, text: label, role: .jumpLabel), at: 0)
        }
        let bylines = article.bylines.filter { !$0.isEmpty }.joined(separator: " ")
        if !bylines.isEmpty { head += display.set(bylines, role: .byline, width: width) }

        // Set only as many opening lines as a screen could show.
        let minimum = lead ? max(2, height / 6) : max(2, height / 8)
        // Heads in one band differ by a few rows at most; more body than this is never shown.
        let wanted = min(max(1, height), minimum + 10) * span
        var body: [LaidRow] = []
        var opens: [Bool] = []
        let starts = article.blockStarts
        var complete = true
        for (i, block) in article.blocks.enumerated() {
            if body.count >= wanted { complete = false; break }
            let role: Role
            switch block.kind {
            case .paragraph: role = .body
            case .editorsNote: role = .editorsNote
            case .subhead: role = .subhead
            case .caption: role = .caption
            case .byline: role = .byline
            case .pullQuote: role = .pullQuote
            case .rubric: role = .rubric
            }
            let indent = block.kind == .paragraph || block.kind == .editorsNote
            // Justified text keeps 2 cells of its column for a hung closing mark.
            let setWidth = indent ? max(2, columnWidth - ColumnGrid.hangingRoom) : columnWidth
            let rows = setter.set(
                block.text, role: role, width: setWidth, indent: indent, justify: indent,
                base: starts[i], datelineLength: block.datelineLength)
            body += rows
            opens += rows.indices.map { $0 == 0 }
        }
        return BlockText(
            article: index, label: label, head: head, body: body, opens: opens,
            bodyIsComplete: complete, minimumBody: minimum)
    }

    /// Draws a band's blocks, `height` rows from `top`, with rules between them and jump targets.
    private func place(_ band: Band, height: Int, top: Int, into page: inout ScreenPage) {
        for (n, block) in band.blocks.enumerated() {
            let left = grid.lefts[block.column]
            let width = grid.width(spanning: block.span)
            let rows = cut(block.text, span: block.span, to: height, grid: grid, measure: measure)
            for (i, laid) in rows.enumerated() {
                laid.place(row: top + i, left: left, into: &page.runs)
            }
            if n > 0 {
                let x = ruleColumn(left: left)
                for r in 0..<height {
                    page.runs.append(PlacedRun(row: top + r, column: x, text: "│", role: .rule))
                }
            }
            page.targets.append(
                JumpTarget(
                    label: block.text.label, article: block.text.article,
                    row: top, column: left, width: width, height: height))
        }
    }

    /// A block's rows cut to `height`: heads across the block, the opening lines
    /// down its grid columns (balanced, a dotted rule between them); whatever is cut
    /// is marked with … at the end.
    private func cut(
        _ block: BlockText, span: Int, to height: Int, grid: ColumnGrid,
        measure: DisplayWidth
    ) -> [LaidRow] {
        let width = grid.width(spanning: span)
        var rows = Array(block.head.prefix(height))
        let perColumn = max(0, height - rows.count)
        let columns = Self.columns(of: block.body, opens: block.opens, span: span, perColumn: perColumn)
        var pieces = columns.map { block.body[$0] }
        let shown = columns.last?.upperBound ?? 0
        let isCut = block.head.count > height || !block.bodyIsComplete || shown < block.body.count
        if isCut {
            if let c = pieces.lastIndex(where: { !$0.isEmpty }) {
                let last = pieces[c].endIndex - 1
                pieces[c][last] = pieces[c][last].truncated(
                    to: grid.columnWidth, mark: "…", role: .truncation,
                    measure: measure)
            } else if let last = rows.indices.last {
                rows[last] = rows[last].truncated(to: width, mark: "…", role: .truncation, measure: measure)
            }
        }
        let depth = pieces.map(\.count).max() ?? 0
        guard depth > 0 else { return rows }
        for i in 0..<depth {
            var merged = LaidRow(runs: [], source: nil)
            for (k, piece) in pieces.enumerated() {
                let shift = k * (grid.columnWidth + grid.gutter)
                if k > 0 {
                    // Columns of one block are parted like article columns, by a lighter rule.
                    merged.runs.append(PlacedRun(row: 0, column: ruleColumn(left: shift), text: "┊", role: .rule))
                }
                guard i < piece.count else { continue }
                merged.runs += piece[piece.startIndex + i].runs.map {
                    var r = $0; r.column += shift; return r
                }
            }
            rows.append(merged)
        }
        return rows
    }

    /// The body rows each of `span` columns of at most `perColumn` rows shows: as even as
    /// they can be, never leaving a paragraph's first line alone at a column's foot or its
    /// last line alone atop the next column, unless that would cut text that otherwise fits;
    /// a two-line paragraph never goes 1 + 1.
    static func columns(of body: [LaidRow], opens: [Bool], span: Int, perColumn: Int) -> [Range<Int>] {
        guard span > 0, perColumn > 0, !body.isEmpty else { return [] }
        /// Whether row `i` is the first line of a paragraph (or past the end).
        func opensParagraph(_ i: Int) -> Bool { i >= body.count || (i < opens.count && opens[i]) }
        /// The columns when each holds up to `depth` rows.
        func fill(_ depth: Int, mindingLines: Bool) -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            var start = 0
            for k in 0..<span {
                var end = min(body.count, start + depth)
                if mindingLines, k < span - 1, end < body.count {
                    // A last line alone atop the next column: send one more line over.
                    if opensParagraph(end + 1), !opensParagraph(end), end - 1 > start { end -= 1 }
                    // A first line alone at this column's foot: send it over.
                    if opensParagraph(end - 1), !opensParagraph(end), end - 1 > start { end -= 1 }
                }
                ranges.append(start..<end)
                start = end
            }
            return ranges
        }
        /// The shortest columns that show as many rows as the full height does.
        func shortest(mindingLines: Bool) -> [Range<Int>] {
            let full = fill(perColumn, mindingLines: mindingLines)
            let most = full.last?.upperBound ?? 0
            for depth in max(1, min(perColumn, (most + span - 1) / span))...perColumn {
                let trial = fill(depth, mindingLines: mindingLines)
                if trial.last?.upperBound ?? 0 >= most { return trial }
            }
            return full
        }
        let minded = shortest(mindingLines: true)
        if minded.last?.upperBound ?? 0 < body.count {
            // A lone line of a longer paragraph is better than cut text; a two-line paragraph split 1 + 1 is not.
            let plain = shortest(mindingLines: false)
            let splitsTwoLines = plain.dropLast().contains { column in
                let end = column.upperBound
                return end > 0 && opensParagraph(end - 1) && !opensParagraph(end) && opensParagraph(end + 1)
            }
            if plain.last?.upperBound ?? 0 == body.count, !splitsTwoLines { return plain }
        }
        return minded
    }
}
