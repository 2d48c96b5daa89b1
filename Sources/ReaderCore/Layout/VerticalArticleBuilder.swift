/// Sets one article vertically (直排), as Hong Kong and Taiwan papers print: columns of
/// one character a row, read right to left. The headline block (rubric, kicker, headline,
/// deck, bylines, dateline) runs down the right edge of the first screen, ruled off from
/// the body by a vertical line; later screens carry the headline marked as continued.
/// The body flows column by column leftwards, screen after screen.
///
/// Columns are 2 cells wide with a 2-cell gutter (`pitch` 4), centred in the width; a
/// column is as tall as the screen. docs/decisions/0195-vertical-column-geometry.md.
struct VerticalArticleBuilder {
    let layout: EditionLayout
    let index: Int

    /// Cells from one column's left edge to the next one's: 2 for the text, 2 of gutter.
    static let pitch = 4

    /// Every screen of the article and the text each shows.
    func build() -> ArticleScreens {
        let article = layout.edition.articles[index]
        let width = layout.width
        let rows = layout.height
        let setter = VerticalColumnSetter(ambiguous: layout.options.ambiguous)
        let slots = Self.slotCount(width: width)
        let lefts = Self.slotLefts(width: width)
        let tiers = Self.tierCount(rows: rows)
        let tierRows = Self.tierRows(rows: rows, tiers: tiers)
        let measure = DisplayWidth(ambiguous: layout.options.ambiguous)

        let header = headerColumns(article, rows: rows, slots: slots, setter: setter)
        let running = runningHead(article, rows: rows, setter: setter)
        let rule = LaidRow(
            runs: (0..<rows).map { PlacedRun(row: $0, column: 0, text: "│", role: .rule) }, source: nil)
        let groups = bodyGroups(article, rows: tierRows, setter: setter)

        // The head and its rule take the first slots at the right, the whole height; the
        // body the rest, tier by tier (each tier a column of the flow, right to left).
        let firstCapacity = max(1, slots - header.count - 1)
        let laterCapacity = max(1, slots - running.count - 1)
        let flow = ArticleBuilder.plan(
            groups, columnsPerScreen: tiers, capacity: { $0 == 0 ? firstCapacity : laterCapacity })
        let screenCount = max(1, (flow.count + tiers - 1) / tiers)

        var screens = ArticleScreens()
        for screen in 0..<screenCount {
            var page = ScreenPage(width: width, height: rows, content: .article(index: index, screen: screen))
            let head = (screen == 0 ? header : running) + [rule]
            for (slot, column) in head.enumerated() where slot < lefts.count {
                VerticalColumnSetter.place(column, top: 0, left: lefts[slot], into: &page.runs)
            }
            for tier in 0..<tiers {
                let top = tier * (tierRows + 1)
                if tier > 0, head.count < lefts.count {
                    // A rule across the body between tiers, as a paper's 段 are ruled off.
                    let left = lefts[lefts.count - 1]
                    let cells = max(0, lefts[head.count - 1] - left)
                    page.runs.append(
                        PlacedRun(
                            row: top - 1, column: left, text: TextFit.rule("─", cells: cells, measure: measure),
                            role: .rule))
                }
                let index = screen * tiers + tier
                guard index < flow.count else { break }
                var slot = head.count
                for piece in flow[index] {
                    guard piece.group >= 0 else { slot += piece.rows.count; continue }
                    for r in piece.rows {
                        let column = groups[piece.group].rows[r]
                        if slot < lefts.count {
                            VerticalColumnSetter.place(column, top: top, left: lefts[slot], into: &page.runs)
                        }
                        screens.include(column.source)
                        slot += 1
                    }
                }
            }
            screens.append(page)
        }
        return screens
    }

    /// Tiers (段) the body is cut into, so columns stay about 18 to 30 characters long as
    /// papers set them: one below 40 rows, two from 40, three from 62.
    static func tierCount(rows: Int) -> Int {
        max(1, (rows + 4) / 22)
    }

    /// Rows of each tier: the height shared out, one rule row between tiers.
    static func tierRows(rows: Int, tiers: Int) -> Int {
        max(1, (rows - (tiers - 1)) / tiers)
    }

    /// Columns that fit across `width` cells: n columns take 4n − 2 cells.
    static func slotCount(width: Int) -> Int {
        max(1, (width + 2) / pitch)
    }

    /// The left cell of each column slot, the first at the right edge, centred in the width.
    static func slotLefts(width: Int) -> [Int] {
        let count = slotCount(width: width)
        let used = count * pitch - 2
        let right = width - max(0, width - used) / 2
        return (0..<count).map { right - 2 - $0 * pitch }
    }

    /// The headline block as columns, right to left: rubric, kicker, headline, deck,
    /// bylines and dateline, cut with ︙ if it would leave the body under two columns.
    private func headerColumns(
        _ article: Article, rows: Int, slots: Int, setter: VerticalColumnSetter
    ) -> [LaidRow] {
        var columns: [LaidRow] = []
        if let rubric = article.rubric, !rubric.isEmpty {
            columns += setter.setBalanced(rubric, role: .rubric, rows: rows)
        }
        if let kicker = article.kicker, !kicker.isEmpty {
            columns += setter.setBalanced(kicker, role: .kicker, rows: rows)
        }
        columns += setter.setBalanced(article.headline, role: .headline, rows: rows)
        if let deck = article.deck, !deck.isEmpty {
            // A deck starts a character lower than the headline, as printed decks do.
            columns += setter.setBalanced(deck, role: .deck, rows: max(1, rows - 1)).map { shifted($0, by: 1) }
        }
        for byline in article.bylines where !byline.isEmpty {
            columns += setter.set(byline, role: .byline, rows: rows, align: .center)
        }
        let datelineInBody = article.blocks.contains { $0.datelineLength > 0 }
        if let dateline = article.dateline, !dateline.isEmpty, !datelineInBody {
            columns += setter.set(dateline, role: .dateline, rows: rows)
        }
        let limit = max(1, slots - 3) // the rule and two body columns stay
        if columns.count > limit {
            columns = Array(columns.prefix(limit))
            columns[limit - 1] = Self.cut(columns[limit - 1], rows: rows)
        }
        return columns
    }

    /// The head of every later screen: the headline in one column, marked as continued (︵续︶).
    private func runningHead(_ article: Article, rows: Int, setter: VerticalColumnSetter) -> [LaidRow] {
        let mark = layout.options.words.continued
        let markRows = mark.unicodeScalars.count
        let room = max(1, rows - markRows)
        let set = setter.set(article.headline, role: .headline, rows: room)
        guard var column = set.first else { return [] }
        if set.count > 1 { column = Self.cut(column, rows: room) }
        let end = (column.runs.last?.row ?? -1) + 1
        for (i, scalar) in mark.unicodeScalars.enumerated() where end + i < rows {
            let drawn = VerticalForms.form(of: scalar).map(String.init) ?? String(scalar)
            column.runs.append(PlacedRun(row: end + i, column: 0, text: drawn, role: .kicker))
        }
        return [column]
    }

    /// `column` ending in ︙ in its last row (or the row after its text), saying text was cut.
    static func cut(_ column: LaidRow, rows: Int) -> LaidRow {
        var runs = column.runs
        let end = (runs.last?.row ?? -1) + 1
        let row = end < rows ? end : rows - 1
        runs.removeAll { $0.row >= row }
        runs.append(PlacedRun(row: row, column: 0, text: "\u{FE19}", role: .truncation))
        return LaidRow(runs: runs, source: column.source)
    }

    /// `column` moved `rows` rows down.
    private func shifted(_ column: LaidRow, by rows: Int) -> LaidRow {
        var moved = column
        for i in moved.runs.indices { moved.runs[i].row += rows }
        return moved
    }

    /// The body blocks set in columns of `rows` rows, each styled by its kind: paragraphs
    /// with their two-character indent, justified; subheads and pull quotes centred in
    /// their column after a blank one.
    private func bodyGroups(_ article: Article, rows: Int, setter: VerticalColumnSetter) -> [ArticleBuilder.Group] {
        var groups: [ArticleBuilder.Group] = []
        var base = 0
        var scalars: [Unicode.Scalar] = []
        for block in article.blocks {
            scalars = ScalarText.decode(block.text)
            defer { base += scalars.count }
            var columns: [LaidRow]
            var space = 0
            var keep = false
            switch block.kind {
            case .paragraph, .editorsNote:
                columns = setter.set(
                    scalars: scalars, role: block.kind == .paragraph ? .body : .editorsNote, rows: rows,
                    indent: true, justify: true, base: base, datelineLength: block.datelineLength)
            case .subhead:
                columns = setter.set(scalars: scalars, role: .subhead, rows: rows, align: .center, base: base)
                space = 1
                keep = true
            case .caption:
                columns = setter.set(scalars: scalars, role: .caption, rows: rows, base: base)
            case .byline:
                columns = setter.set(scalars: scalars, role: .byline, rows: rows, base: base)
            case .pullQuote:
                columns = setter.set(scalars: scalars, role: .pullQuote, rows: rows, align: .center, base: base)
                space = 1
            case .rubric:
                columns = setter.set(scalars: scalars, role: .rubric, rows: rows, base: base)
                space = 1
                keep = true
            }
            if !columns.isEmpty {
                groups.append(ArticleBuilder.Group(rows: columns, spaceBefore: space, keepWithNext: keep))
            }
        }
        // A blank column after a pull quote too, given as space before what follows it.
        for i in groups.indices.dropFirst() where groups[i - 1].rows.first?.runs.first?.role == .pullQuote {
            groups[i].spaceBefore = max(groups[i].spaceBefore, 1)
        }
        return groups
    }
}
