/// The front page in vertical setting (直排): under the horizontal masthead, each
/// article is a block set vertically, its jump label and headline at the block's right
/// edge, its opening columns to the left, blocks ordered right to left with a rule
/// between them, as a vertical paper's front page reads. docs/decisions/0198-vertical-front-page-blocks-right-to-left.md.
extension FrontPageBuilder {
    /// Body columns a block shows: the lead takes about half the screen, the others three.
    static func verticalBodyColumns(slots: Int, lead: Bool) -> Int {
        lead ? max(3, slots / 2) : 3
    }

    /// Places the next article's block right to left, or finishes the last screen.
    func stepVertical() {
        guard next < articles.count else {
            screens.append(current)
            isComplete = true
            return
        }
        let lefts = VerticalArticleBuilder.slotLefts(width: layout.width)
        var block = verticalBlock(next, rows: max(1, layout.height - row), slots: lefts.count)
        // A block needs its head and two body columns (or all it has) beside the rule.
        let needed = block.head.count + min(2, block.body.count) + (slot > 0 ? 1 : 0)
        if slot > 0, lefts.count - slot < needed {
            screens.append(current)
            startScreen()
            block = verticalBlock(next, rows: max(1, layout.height - row), slots: lefts.count)
        }
        next += 1
        let top = row
        let rows = max(1, layout.height - top)
        if slot > 0 {
            for r in 0..<rows {
                current.runs.append(PlacedRun(row: top + r, column: lefts[slot], text: "│", role: .rule))
            }
            slot += 1
        }
        let first = slot
        let room = max(0, lefts.count - slot - block.head.count)
        let wanted = Self.verticalBodyColumns(slots: lefts.count, lead: block.lead)
        let shown = min(block.body.count, room, wanted)
        var columns = Array(block.head.prefix(max(1, lefts.count - slot))) + block.body.prefix(shown)
        if block.isCut || shown < block.body.count || block.head.count > lefts.count - first,
            let last = columns.indices.last
        {
            columns[last] = VerticalArticleBuilder.cut(columns[last], rows: rows)
        }
        for column in columns where slot < lefts.count {
            VerticalColumnSetter.place(column, top: top, left: lefts[slot], into: &current.runs)
            slot += 1
        }
        let leftEdge = lefts[max(first, slot - 1)]
        current.targets.append(
            JumpTarget(
                label: block.label, article: block.article, row: top, column: leftEdge,
                width: lefts[first] + 2 - leftEdge, height: rows))
    }

    /// One block set vertically in columns of `rows` rows: the label above the rubric,
    /// kicker, headline and the lead's deck (one row down), then as many opening body
    /// columns as it could show.
    private func verticalBlock(
        _ position: Int, rows: Int, slots: Int
    ) -> (article: Int, label: String?, lead: Bool, head: [LaidRow], body: [LaidRow], isCut: Bool) {
        let index = articles[position]
        let article = layout.edition.articles[index]
        let label = JumpTarget.label(forBlock: position)
        let lead = position == 0
        let setter = VerticalColumnSetter(ambiguous: layout.options.ambiguous)
        let headRows = max(1, rows - 1)
        var head: [LaidRow] = []
        if let rubric = article.rubric, !rubric.isEmpty {
            head += setter.setBalanced(rubric, role: .rubric, rows: headRows)
        }
        if let kicker = article.kicker, !kicker.isEmpty {
            head += setter.setBalanced(kicker, role: .kicker, rows: headRows)
        }
        head += setter.setBalanced(article.headline, role: .headline, rows: headRows)
        if lead, let deck = article.deck, !deck.isEmpty {
            head += setter.setBalanced(deck, role: .deck, rows: headRows)
        }
        for i in head.indices { for j in head[i].runs.indices { head[i].runs[j].row += 1 } }
        if head.isEmpty { head = [LaidRow(runs: [], source: nil)] }
        if let label { head[0].runs.insert(PlacedRun(row: 0, column: 0, text: label, role: .jumpLabel), at: 0) }
        let wanted = Self.verticalBodyColumns(slots: slots, lead: lead)
        var body: [LaidRow] = []
        var isCut = false
        let starts = article.blockStarts
        for (i, block) in article.blocks.enumerated() {
            if body.count > wanted { isCut = true; break }
            let indent = block.kind == .paragraph || block.kind == .editorsNote
            let role: Role = block.kind == .editorsNote ? .editorsNote : (block.kind == .subhead ? .subhead : .body)
            body += setter.set(
                scalars: ScalarText.decode(block.text), role: role, rows: rows, indent: indent, justify: indent,
                base: starts[i], datelineLength: block.datelineLength)
        }
        return (index, label, lead, head, body, isCut)
    }
}
