/// Sets one article: a headline block across the width, then the body flowing
/// down column 1, on into column 2 and so on, paginated to the height.
struct ArticleBuilder {
    let layout: EditionLayout
    let index: Int

    /// Gutter between article columns, in cells.
    static let gutter = 4

    /// A body block set at the column width, with its flow constraints.
    struct Group {
        var rows: [LaidRow]
        /// Blank rows before it, dropped at the top of a column.
        var spaceBefore: Int
        /// A heading: never left alone at the foot of a column.
        var keepWithNext: Bool
    }

    /// Every screen of the article and the text each shows.
    func build() -> ArticleScreens {
        let article = layout.edition.articles[index]
        let measure = DisplayWidth(ambiguous: layout.options.ambiguous)
        let width = layout.width
        let height = layout.height
        let count = ColumnGrid.columnCount(width: width, options: layout.options)
        let grid = ColumnGrid(
            count: count, width: width, gutter: count > 1 ? Self.gutter : 0,
            reserve: ColumnGrid.hangingRoom)
        let setter = LineSetter(ambiguous: layout.options.ambiguous)

        let rule = LaidRow(runs: [TextFit.ruleRun("─", cells: grid.span, measure: measure)], source: nil)
        let header = headerRows(article, grid: grid, setter: setter, measure: measure, rule: rule)
        let running = runningHead(article, grid: grid, measure: measure, rule: rule)
        let groups = bodyGroups(article, columnWidth: grid.columnWidth, setter: setter)

        // Flow the body into columns of each screen.
        let firstHeight = height - header.count
        let laterHeight = height - running.count
        let columns = Self.balancedPlan(
            groups, columnsPerScreen: count,
            capacity: { screen in screen == 0 ? firstHeight : laterHeight })

        var screens = ArticleScreens()
        let screenCount = max(1, (columns.count + count - 1) / count)
        for screen in 0..<screenCount {
            var page = ScreenPage(width: width, height: height, content: .article(index: index, screen: screen))
            let head = screen == 0 ? header : running
            for (row, laid) in head.enumerated() {
                laid.place(row: row, left: grid.left, into: &page.runs)
            }
            for c in 0..<count {
                let slot = screen * count + c
                guard slot < columns.count else { break }
                var row = head.count
                for piece in columns[slot] {
                    guard piece.group >= 0 else { row += piece.rows.count; continue }
                    let rows = groups[piece.group].rows
                    for r in piece.rows {
                        let laid = rows[r]
                        laid.place(row: row, left: grid.lefts[c], into: &page.runs)
                        screens.include(laid.source)
                        row += 1
                    }
                }
            }
            screens.append(page)
        }
        return screens
    }

    /// The headline block of the first screen: rubric, kicker, headline, deck,
    /// bylines, dateline and a rule; cut with … if it would leave under 3 body rows.
    private func headerRows(
        _ article: Article, grid: ColumnGrid, setter: LineSetter,
        measure: DisplayWidth, rule: LaidRow
    ) -> [LaidRow] {
        let span = grid.span
        // Display lines break at phrases and balance (HeadlineSetter), unlike body text.
        let display = HeadlineSetter(ambiguous: layout.options.ambiguous)
        var rows: [LaidRow] = []
        if let rubric = article.rubric, !rubric.isEmpty {
            rows += display.set(rubric, role: .rubric, width: span, align: .center)
        }
        if let kicker = article.kicker, !kicker.isEmpty {
            rows += display.set(kicker, role: .kicker, width: span, align: .center)
        }
        rows += display.set(article.headline, role: .headline, width: span, align: .center)
        if let deck = article.deck, !deck.isEmpty {
            rows += display.set(deck, role: .deck, width: span, align: .center)
        }
        for byline in article.bylines where !byline.isEmpty {
            rows += display.set(byline, role: .byline, width: span, align: .center)
        }
        let datelineInBody = article.blocks.contains { $0.datelineLength > 0 }
        if let dateline = article.dateline, !dateline.isEmpty, !datelineInBody {
            rows += display.set(dateline, role: .dateline, width: span)
        }
        let limit = max(1, layout.height - 3) - 1 // rows for text; one more for the rule
        if rows.count > limit {
            let kept = Array(rows.prefix(max(0, limit - 1)))
            let last = rows[max(0, limit - 1)].truncated(to: span, mark: "…", role: .truncation, measure: measure)
            rows = kept + [last]
        }
        rows.append(rule)
        return rows
    }

    /// The head of every later screen: the headline marked as continued, and a rule.
    private func runningHead(_ article: Article, grid: ColumnGrid, measure: DisplayWidth, rule: LaidRow) -> [LaidRow] {
        let span = grid.span
        let mark = layout.options.words.continued
        let fitted = TextFit.truncate(article.headline, to: span - measure.of(mark), mark: "…", measure: measure)
        var runs = [PlacedRun(row: 0, column: 0, text: fitted.text, role: .headline)]
        var column = measure.of(fitted.text)
        if fitted.cut {
            runs.append(PlacedRun(row: 0, column: column, text: "…", role: .truncation))
            column += measure.of("…")
        }
        runs.append(PlacedRun(row: 0, column: column, text: mark, role: .kicker))
        return [LaidRow(runs: runs, source: nil), rule]
    }

    /// The body blocks set at the column width, each styled by its kind.
    private func bodyGroups(_ article: Article, columnWidth: Int, setter: LineSetter) -> [Group] {
        let display = HeadlineSetter(ambiguous: setter.ambiguous)
        var groups: [Group] = []
        // Article offsets run over the blocks' scalars in order (`Article.blockStarts`),
        // counted here while decoding each block once.
        var base = 0
        var scalars: [Unicode.Scalar] = []
        for block in article.blocks {
            scalars = ScalarText.decode(block.text)
            defer { base += scalars.count }
            let rows: [LaidRow]
            var space = 0
            var keep = false
            switch block.kind {
            case .paragraph:
                rows = setter.set(
                    scalars: scalars, role: .body, width: columnWidth, indent: true, justify: true,
                    base: base, datelineLength: block.datelineLength)
            case .editorsNote:
                rows = setter.set(
                    scalars: scalars, role: .editorsNote, width: columnWidth, indent: true, justify: true,
                    base: base, datelineLength: block.datelineLength)
            case .subhead:
                // A subhead is a display line: phrase breaks and balanced lines, as heads.
                rows = display.set(block.text, role: .subhead, width: columnWidth, align: .center, base: base)
                space = 1
                keep = true
            case .caption:
                rows = setter.set(scalars: scalars, role: .caption, width: columnWidth, base: base)
            case .byline:
                rows = setter.set(scalars: scalars, role: .byline, width: columnWidth, base: base)
            case .pullQuote:
                rows = setter.set(scalars: scalars, role: .pullQuote, width: columnWidth, align: .center, base: base)
                space = 1
            case .rubric:
                rows = setter.set(scalars: scalars, role: .rubric, width: columnWidth, base: base)
                space = 1
                keep = true
            }
            if !rows.isEmpty {
                groups.append(Group(rows: rows, spaceBefore: space, keepWithNext: keep))
            }
        }
        // Space after a pull quote too, given as space before what follows it.
        for i in groups.indices.dropFirst() where article.blocks.isEmpty == false {
            if groups[i - 1].rows.first?.runs.first?.role == .pullQuote {
                groups[i].spaceBefore = max(groups[i].spaceBefore, 1)
            }
        }
        return groups
    }

    /// A stretch of a column: rows `rows` of group `group`, or `rows.count` blank rows
    /// when `group` is -1. Flowing plans pieces rather than copying rows, since the
    /// balancing below flows the same groups several times.
    struct Piece {
        var group: Int
        var rows: Range<Int>
    }

    /// Flows groups like `flow`, then shortens the last screen's columns as far as
    /// the text still fits on it, so its columns come out balanced as in print.
    static func balancedFlow(_ groups: [Group], columnsPerScreen: Int, capacity: @escaping (Int) -> Int) -> [[LaidRow]]
    {
        rows(of: balancedPlan(groups, columnsPerScreen: columnsPerScreen, capacity: capacity), groups)
    }

    /// `balancedFlow` as pieces of columns.
    static func balancedPlan(_ groups: [Group], columnsPerScreen: Int, capacity: @escaping (Int) -> Int) -> [[Piece]] {
        let full = plan(groups, columnsPerScreen: columnsPerScreen, capacity: capacity)
        let perScreen = max(1, columnsPerScreen)
        guard perScreen > 1 else { return full }
        let screens = (full.count + perScreen - 1) / perScreen
        let last = screens - 1
        let lastCapacity = max(1, capacity(last))
        /// The flow with `rows`-high columns on the last screen, if it still fits there.
        func fits(_ rows: Int) -> [[Piece]]? {
            let trial = plan(groups, columnsPerScreen: perScreen, capacity: { $0 == last ? rows : capacity($0) })
            return trial.count <= screens * perScreen ? trial : nil
        }
        // The shortest column height that keeps the text on the same number of screens.
        var low = 1
        var high = lastCapacity
        var best = full
        while low <= high {
            let mid = (low + high) / 2
            if let trial = fits(mid) {
                best = trial
                high = mid - 1
            } else {
                low = mid + 1
            }
        }
        return best
    }

    /// Flows groups into columns of `capacity(screen)` rows, `columnsPerScreen`
    /// per screen, keeping headings with what follows and avoiding widows.
    static func flow(_ groups: [Group], columnsPerScreen: Int, capacity: (Int) -> Int) -> [[LaidRow]] {
        rows(of: plan(groups, columnsPerScreen: columnsPerScreen, capacity: capacity), groups)
    }

    /// The rows of planned columns.
    static func rows(of columns: [[Piece]], _ groups: [Group]) -> [[LaidRow]] {
        columns.map { pieces in
            var rows: [LaidRow] = []
            for piece in pieces {
                if piece.group < 0 {
                    rows += Array(repeating: .blank, count: piece.rows.count)
                } else {
                    rows += groups[piece.group].rows[piece.rows]
                }
            }
            return rows
        }
    }

    /// `flow` as pieces of columns.
    static func plan(_ groups: [Group], columnsPerScreen: Int, capacity: (Int) -> Int) -> [[Piece]] {
        var columns: [[Piece]] = [[]]
        var used = 0 // rows in the current column
        /// Rows in the current column.
        func cap() -> Int { max(1, capacity((columns.count - 1) / max(1, columnsPerScreen))) }
        /// Starts the next column.
        func next() { columns.append([]); used = 0 }
        /// Adds a piece to the current column.
        func add(_ group: Int, _ rows: Range<Int>) {
            columns[columns.count - 1].append(Piece(group: group, rows: rows))
            used += rows.count
        }
        for (g, group) in groups.enumerated() {
            if group.spaceBefore > 0, used > 0 {
                if used + group.spaceBefore < cap() {
                    add(-1, 0..<group.spaceBefore)
                } else {
                    next()
                }
            }
            var i = 0
            let count = group.rows.count
            while i < count {
                let remaining = cap() - used
                if remaining <= 0 { next(); continue }
                let left = count - i
                if group.keepWithNext, i == 0, used > 0 {
                    // A heading needs its own rows plus two of what follows at this foot.
                    let following = g + 1 < groups.count ? min(2, groups[g + 1].rows.count) : 0
                    if left + following > remaining { next(); continue }
                }
                if left <= remaining {
                    add(g, i..<count)
                    break
                }
                var take = remaining
                if i == 0, take < 2, used > 0, count >= 2 {
                    // A paragraph's first line alone at a column foot: start it in the next column.
                    next(); continue
                }
                if left - take == 1, take >= 2 { take -= 1 } // no single last line atop the next column
                add(g, i..<(i + take))
                i += take
                next()
            }
        }
        // Trailing blank rows and empty trailing columns carry nothing.
        for c in columns.indices {
            while let piece = columns[c].last {
                let blank = piece.group < 0 || groups[piece.group].rows[piece.rows.upperBound - 1].isBlank
                guard blank else { break }
                if piece.rows.count > 1 {
                    columns[c][columns[c].count - 1].rows = piece.rows.lowerBound..<(piece.rows.upperBound - 1)
                } else {
                    columns[c].removeLast()
                }
            }
        }
        while columns.count > 1, columns.last?.isEmpty == true { columns.removeLast() }
        return columns
    }
}
