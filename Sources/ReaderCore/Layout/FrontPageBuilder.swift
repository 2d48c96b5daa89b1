/// Sets the front page of one 版: the masthead (or a folio line), then every
/// article of the page as a block on a column grid, in bands separated by rules.
/// The lead article spans more columns. Bands that do not fit go on the next screen.
struct FrontPageBuilder {
    let layout: EditionLayout
    let page: Int

    /// One article block set at its width, before it is cut to a band's height.
    struct BlockText {
        var article: Int
        var label: String?
        var head: [LaidRow]      // label, kicker, headline, deck, bylines
        var body: [LaidRow]      // opening lines, as many as were set
        var bodyIsComplete: Bool // `body` holds the whole body text
        var minimumBody: Int
    }

    /// A row of blocks across the grid: each block's first grid column and span.
    struct Band {
        var blocks: [(text: BlockText, column: Int, span: Int)]
        var height: Int
    }

    /// Every screen of the front page.
    func build() -> [ScreenPage] {
        let width = layout.width
        let height = layout.height
        let measure = DisplayWidth(ambiguous: layout.options.ambiguous)
        let ruleWidth = max(1, measure.of(Character("│")))
        let gutter = ruleWidth + 2
        let count = ColumnGrid.columnCount(width: width, options: layout.options)
        let grid = ColumnGrid(count: count, width: width, gutter: gutter)
        let span = grid.span
        let edition = layout.edition
        let masthead = MastheadSetter(masthead: edition.masthead, ambiguous: layout.options.ambiguous)
        let isFirstPage = page == layout.pageNumbers.first
        let pageName = edition.pages.first { $0.number == page }?.name

        func top(_ screen: Int) -> [LaidRow] {
            if screen == 0, isFirstPage { return masthead.rows(span: span) }
            return masthead.folio(span: span, page: page, pageName: pageName, continued: screen > 0)
        }

        let articles = layout.articles(onPage: page)
        let bands = makeBands(articles, grid: grid)

        var pages: [ScreenPage] = []
        var screen = 0
        var current = ScreenPage(width: width, height: height, content: .front(page: page, screen: 0))
        var row = 0
        var bandsOnScreen = 0
        func startScreen() {
            current = ScreenPage(width: width, height: height, content: .front(page: page, screen: screen))
            let head = top(screen)
            // The head never takes more than half the screen.
            for (i, laid) in head.prefix(max(1, height / 2)).enumerated() {
                current.runs += laid.placed(row: i, left: grid.left)
            }
            row = min(head.count, max(1, height / 2))
            bandsOnScreen = 0
        }
        startScreen()
        if articles.isEmpty {
            current.runs.append(PlacedRun(row: row, column: grid.left, text: "本版没有文章", role: .notice))
        }
        for band in bands {
            let separator = bandsOnScreen > 0 ? 1 : 0
            if row + separator + band.height > height, bandsOnScreen > 0 {
                pages.append(current)
                screen += 1
                startScreen()
            }
            if bandsOnScreen > 0 {
                current.runs.append(PlacedRun(row: row, column: grid.left,
                                              text: TextFit.rule("─", cells: span, measure: measure), role: .rule))
                row += 1
            }
            let bandHeight = max(1, min(band.height, height - row))
            place(band, height: bandHeight, top: row, grid: grid, gutter: gutter, measure: measure, into: &current)
            row += bandHeight
            bandsOnScreen += 1
        }
        pages.append(current)
        return pages
    }

    /// Groups the page's articles into bands: the lead wide (with one block
    /// beside it from three columns), then one block per column.
    private func makeBands(_ articles: [Int], grid: ColumnGrid) -> [Band] {
        let count = grid.lefts.count
        var bands: [Band] = []
        var queue = articles[...]
        var position = 0
        func text(_ article: Int, span: Int, lead: Bool) -> BlockText {
            defer { position += 1 }
            return blockText(article, label: JumpTarget.label(forBlock: position),
                             width: grid.width(spanning: span), columnWidth: grid.columnWidth, span: span, lead: lead)
        }
        if let lead = queue.popFirst() {
            var blocks: [(text: BlockText, column: Int, span: Int)] = []
            let leadSpan = count >= 3 ? count - 1 : count
            blocks.append((text(lead, span: leadSpan, lead: true), 0, leadSpan))
            if leadSpan < count, let beside = queue.popFirst() {
                blocks.append((text(beside, span: count - leadSpan, lead: false), leadSpan, count - leadSpan))
            } else if leadSpan < count {
                blocks[0].span = count
                blocks[0].text = blockText(lead, label: blocks[0].text.label, width: grid.width(spanning: count),
                                           columnWidth: grid.columnWidth, span: count, lead: true)
            }
            bands.append(Band(blocks: blocks, height: 0))
        }
        while !queue.isEmpty {
            let chunk = Array(queue.prefix(count))
            queue = queue.dropFirst(chunk.count)
            // Fewer blocks than columns: the first ones take the spare columns.
            var blocks: [(text: BlockText, column: Int, span: Int)] = []
            var column = 0
            for (i, article) in chunk.enumerated() {
                let span = count / chunk.count + (i < count % chunk.count ? 1 : 0)
                blocks.append((text(article, span: span, lead: false), column, span))
                column += span
            }
            bands.append(Band(blocks: blocks, height: 0))
        }
        for i in bands.indices {
            bands[i].height = bands[i].blocks.map { block in
                let depth = (block.text.body.count + block.span - 1) / block.span
                return block.text.head.count + min(depth, block.text.minimumBody)
            }.max() ?? 1
        }
        return bands
    }

    /// One article's block text at `width` cells: label, heads, bylines and enough opening lines.
    private func blockText(_ index: Int, label: String?, width: Int, columnWidth: Int, span: Int,
                           lead: Bool) -> BlockText {
        let article = layout.edition.articles[index]
        let setter = LineSetter(ambiguous: layout.options.ambiguous)
        let height = layout.height
        let inner = max(2, width - 2)
        var head: [LaidRow] = []
        if let kicker = article.kicker, !kicker.isEmpty { head += setter.set(kicker, role: .kicker, width: inner) }
        head += setter.set(article.headline, role: .headline, width: inner)
        if let deck = article.deck, !deck.isEmpty { head += setter.set(deck, role: .deck, width: inner) }
        // A hanging indent of two cells leaves room for the jump label.
        for i in head.indices { for j in head[i].runs.indices { head[i].runs[j].column += 2 } }
        if head.isEmpty { head = [LaidRow(runs: [], source: nil)] }
        if let label {
            head[0].runs.insert(PlacedRun(row: 0, column: 0, text: label, role: .jumpLabel), at: 0)
        }
        let bylines = article.bylines.filter { !$0.isEmpty }.joined(separator: " ")
        if !bylines.isEmpty { head += setter.set(bylines, role: .byline, width: width) }

        // Set only as many opening lines as a screen could show.
        let wanted = max(1, height) * span
        var body: [LaidRow] = []
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
            body += setter.set(block.text, role: role, width: columnWidth, indent: indent, justify: indent,
                               base: starts[i], datelineLength: block.datelineLength)
        }
        let minimum = lead ? max(2, height / 6) : max(2, height / 8)
        return BlockText(article: index, label: label, head: head, body: body,
                         bodyIsComplete: complete, minimumBody: minimum)
    }

    /// Draws a band's blocks, `height` rows from `top`, with rules between them and jump targets.
    private func place(_ band: Band, height: Int, top: Int, grid: ColumnGrid, gutter: Int,
                       measure: DisplayWidth, into page: inout ScreenPage) {
        for (n, block) in band.blocks.enumerated() {
            let left = grid.lefts[block.column]
            let width = grid.width(spanning: block.span)
            let rows = cut(block.text, span: block.span, to: height, grid: grid, measure: measure)
            for (i, laid) in rows.enumerated() {
                page.runs += laid.placed(row: top + i, left: left)
            }
            if n > 0 {
                let x = left - gutter + 1
                for r in 0..<height {
                    page.runs.append(PlacedRun(row: top + r, column: x, text: "│", role: .rule))
                }
            }
            page.targets.append(JumpTarget(label: block.text.label, article: block.text.article,
                                           row: top, column: left, width: width, height: height))
        }
    }

    /// A block's rows cut to `height`: heads across the block, the opening lines
    /// down its grid columns (balanced); whatever is cut is marked with … at the end.
    private func cut(_ block: BlockText, span: Int, to height: Int, grid: ColumnGrid,
                     measure: DisplayWidth) -> [LaidRow] {
        let width = grid.width(spanning: span)
        var rows = Array(block.head.prefix(height))
        let perColumn = max(0, height - rows.count)
        let capacity = perColumn * span
        var body = Array(block.body.prefix(capacity))
        let isCut = block.head.count > height || !block.bodyIsComplete || block.body.count > capacity
        if isCut {
            if let last = body.indices.last {
                body[last] = body[last].truncated(to: grid.columnWidth, mark: "…", role: .truncation, measure: measure)
            } else if let last = rows.indices.last {
                rows[last] = rows[last].truncated(to: width, mark: "…", role: .truncation, measure: measure)
            }
        }
        guard !body.isEmpty, perColumn > 0 else { return rows }
        let depth = isCut ? perColumn : min(perColumn, (body.count + span - 1) / span)
        for i in 0..<depth {
            var merged = LaidRow(runs: [], source: nil)
            for k in 0..<span {
                let n = k * depth + i
                guard n < body.count else { break }
                let shift = k * (grid.columnWidth + grid.gutter)
                merged.runs += body[n].runs.map { var r = $0; r.column += shift; return r }
            }
            rows.append(merged)
        }
        return rows
    }
}
