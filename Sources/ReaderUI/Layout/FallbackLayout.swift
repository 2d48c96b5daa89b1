import ReaderCore

/// A plain layout: the masthead and numbered blocks for a 版, and an article's
/// body in columns set by `Typesetter`. Used when no `EditionLayout` is supplied.
public struct FallbackLayout: ReaderLayout {
    public var ambiguous: AmbiguousWidth
    /// Fixed number of text columns, or nil to choose from the width.
    public var columns: Int?

    public init(ambiguous: AmbiguousWidth = .narrow, columns: Int? = nil) {
        self.ambiguous = ambiguous
        self.columns = columns
    }

    public var minimumSize: (width: Int, height: Int) { (20, 5) }

    /// Lays out 版 `page`: masthead (版 1) or a page title, then the blocks in a grid.
    public func pageView(_ edition: Edition, page: Int, width: Int, height: Int) -> PageViewLayout {
        let measure = DisplayWidth(ambiguous: ambiguous)
        var header: [PlacedRun] = []
        var row = 0
        if page == 1 {
            let title = edition.masthead.title
            header.append(PlacedRun(row: row, column: max(0, (width - measure.of(title)) / 2),
                                    text: title, role: .masthead))
            row += 1
            for line in edition.masthead.lines.prefix(max(0, height / 4)) {
                let text = clip(line, width: width, measure: measure)
                header.append(PlacedRun(row: row, column: max(0, (width - measure.of(text)) / 2),
                                        text: text, role: .mastheadInfo))
                row += 1
            }
            header.append(PlacedRun(row: row, column: 0, text: String(repeating: "═", count: width), role: .rule))
        } else {
            let name = edition.pages.first { $0.number == page }?.name.map { " " + $0 } ?? ""
            header.append(PlacedRun(row: row, column: 0, text: "第\(page)版" + name, role: .mastheadInfo))
            row += 1
            header.append(PlacedRun(row: row, column: 0, text: String(repeating: "─", count: width), role: .rule))
        }
        let top = row + 2
        let gridColumns = width >= 120 ? 3 : width >= 70 ? 2 : 1
        let gap = 2
        let blockWidth = (width - gap * (gridColumns - 1)) / gridColumns
        let blockHeight = min(7, max(3, height - top))
        let perColumn = max(1, (height - top + 1) / (blockHeight + 1))
        let perScreen = perColumn * gridColumns
        let indices = edition.articles.indices.filter { edition.articles[$0].page == page }
        var screens: [ScreenPage] = []
        var targets: [[HitTarget]] = []
        var start = 0
        repeat {
            var runs = header
            var screenTargets: [HitTarget] = []
            for (slot, index) in indices.dropFirst(start).prefix(perScreen).enumerated() {
                let x = (slot / perColumn) * (blockWidth + gap)
                let y = top + (slot % perColumn) * (blockHeight + 1)
                let label = String(start + slot + 1)
                runs += block(edition.articles[index], label: label, row: y, column: x,
                              width: blockWidth, height: blockHeight, measure: measure)
                screenTargets.append(HitTarget(article: index, label: label, row: y, column: x,
                                               width: blockWidth, height: blockHeight))
            }
            screens.append(ScreenPage(width: width, height: height, runs: runs))
            targets.append(screenTargets)
            start += perScreen
        } while start < indices.count
        return PageViewLayout(screens: screens, targets: targets)
    }

    /// Lays out an article: its headline block on the first screen, the body in columns.
    public func article(_ edition: Edition, index: Int, width: Int, height: Int) -> ArticleViewLayout {
        let measure = DisplayWidth(ambiguous: ambiguous)
        let article = edition.articles[index]
        var header: [PlacedRun] = []
        func add(_ text: String?, _ role: Role, indent: Bool = false) {
            guard let text, !text.isEmpty else { return }
            let setter = Typesetter(options: TypesetOptions(width: width, indentFirstLine: false,
                                                            justify: false, ambiguous: ambiguous))
            for line in setter.set(text) {
                header.append(PlacedRun(row: header.count, column: 0, text: line.text, role: role))
            }
        }
        add(article.rubric, .rubric)
        add(article.kicker, .kicker)
        add(article.headline, .headline)
        add(article.deck, .deck)
        for byline in article.bylines { add(byline, .byline) }
        header.append(PlacedRun(row: header.count, column: 0,
                                text: String(repeating: "─", count: width), role: .rule))
        if header.count > height - 2 { header = Array(header.prefix(max(0, height - 2))) }

        let count = columns ?? (width >= 110 ? 3 : width >= 72 ? 2 : 1)
        let gap = 3
        let columnWidth = max(8, (width - gap * (count - 1)) / count)
        let setter = Typesetter(options: TypesetOptions(width: columnWidth, ambiguous: ambiguous))
        let plain = Typesetter(options: TypesetOptions(width: columnWidth, indentFirstLine: false,
                                                       justify: false, ambiguous: ambiguous))
        // Every body line with its role and where its text came from.
        var lines: [(text: String, role: Role, segments: [SetLine.Segment], offset: Int)] = []
        for (block, start) in zip(article.blocks, article.blockStarts) {
            let role: Role
            switch block.kind {
            case .paragraph: role = .body
            case .subhead: role = .subhead
            case .editorsNote: role = .editorsNote
            case .caption: role = .caption
            case .byline: role = .byline
            case .pullQuote: role = .pullQuote
            case .rubric: role = .rubric
            }
            let set = role == .body || role == .editorsNote ? setter.set(block.text) : plain.set(block.text)
            if role == .subhead, !lines.isEmpty { lines.append(("", .body, [], start)) }
            for line in set {
                lines.append((line.text, role, line.segments, start))
            }
        }
        var screens: [ScreenPage] = []
        var starts: [Int] = []
        var spans: [[TextSpan]] = []
        var next = 0
        repeat {
            var runs = screens.isEmpty ? header : []
            let top = screens.isEmpty ? header.count + 1 : 0
            let rows = max(1, height - top)
            var screenSpans: [TextSpan] = []
            var first: Int?
            for column in 0..<count {
                for r in 0..<rows {
                    guard next < lines.count else { break }
                    let line = lines[next]
                    next += 1
                    let x = column * (columnWidth + gap)
                    let y = top + r
                    if !line.text.isEmpty {
                        runs.append(PlacedRun(row: y, column: x, text: line.text, role: line.role))
                    }
                    for segment in line.segments {
                        let source = (segment.source.lowerBound + line.offset)..<(segment.source.upperBound + line.offset)
                        if first == nil { first = source.lowerBound }
                        screenSpans.append(TextSpan(row: y, column: x + segment.column,
                                                    text: segment.text, source: source))
                    }
                }
            }
            screens.append(ScreenPage(width: width, height: height, runs: runs))
            starts.append(first ?? (starts.last ?? 0))
            spans.append(screenSpans)
        } while next < lines.count
        return ArticleViewLayout(screens: screens, starts: starts, spans: spans)
    }

    /// One front-page block: label and kicker, headline, then the opening lines.
    private func block(_ article: Article, label: String, row: Int, column: Int,
                       width: Int, height: Int, measure: DisplayWidth) -> [PlacedRun] {
        var runs: [PlacedRun] = []
        let tag = "[\(label)]"
        runs.append(PlacedRun(row: row, column: column, text: tag, role: .jumpLabel))
        if let kicker = article.kicker {
            let x = column + measure.of(tag) + 1
            runs.append(PlacedRun(row: row, column: x,
                                  text: clip(kicker, width: width - (x - column), measure: measure), role: .kicker))
        }
        let setter = Typesetter(options: TypesetOptions(width: width, indentFirstLine: false,
                                                        justify: false, ambiguous: ambiguous))
        var y = row + 1
        for line in setter.set(article.headline).prefix(2) where y < row + height {
            runs.append(PlacedRun(row: y, column: column, text: line.text, role: .headline))
            y += 1
        }
        let opening = article.blocks.first { $0.kind == .paragraph }?.text ?? ""
        let body = Typesetter(options: TypesetOptions(width: width, justify: false, ambiguous: ambiguous)).set(opening)
        for (n, line) in body.enumerated() where y < row + height {
            var text = line.text
            let last = y == row + height - 1 && n < body.count - 1
            if last {
                text = clip(text, width: width - 1, measure: measure)
                runs.append(PlacedRun(row: y, column: column, text: text, role: .body))
                runs.append(PlacedRun(row: y, column: column + measure.of(text), text: "…", role: .truncation))
            } else {
                runs.append(PlacedRun(row: y, column: column, text: text, role: .body))
            }
            y += 1
        }
        return runs
    }

    /// `text` cut to at most `width` cells, whole graphemes only.
    private func clip(_ text: String, width: Int, measure: DisplayWidth) -> String {
        var out = ""
        var used = 0
        for grapheme in text {
            let w = measure.of(grapheme)
            if used + w > width { break }
            out.append(grapheme)
            used += w
        }
        return out
    }
}
