import Testing

@testable import ReaderCore

@Suite("Layout")
struct LayoutTests {
    /// A hand-built edition: two 版, CJK text, a dateline, a subhead.
    static let small: Edition = {
        let body = String(repeating: "株洲市今年将新建城市公园十二座，绿道总长达到一百公里。", count: 6)
        let first = Article(
            id: "a", page: 1, kicker: "城市建设", headline: "株洲公园城市建设提速", deck: "——绿道串起十二座公园",
            bylines: ["记者/王小明"], dateline: "株洲日报讯",
            blocks: [
                Block(kind: .paragraph, text: "株洲日报讯　" + body, datelineLength: 5),
                Block(kind: .subhead, text: "绿道成网"),
                Block(kind: .paragraph, text: body),
            ])
        let second = Article(
            id: "b", page: 2, headline: "湘江风光带迎来春季游客高峰",
            blocks: [Block(kind: .paragraph, text: body), Block(kind: .caption, text: "记者/李华摄")])
        return Edition(
            masthead: Masthead(
                title: "株洲日报", date: EditionDate(year: 2023, month: 3, day: 29),
                weekday: "星期三", lunarDate: "癸卯年二月初八", issue: 23259, pageCount: 2),
            pages: [EditionPage(number: 1, name: "要闻"), EditionPage(number: 2)],
            articles: [first, second], repairs: [],
            source: EditionSource(name: "test", contentHash: "0"))
    }()

    @Test(
        "columns follow the width: 1 below 60, 2 from 60, 3 from 120, 4 from 170",
        arguments: [(40, 1), (59, 1), (60, 2), (119, 2), (120, 3), (169, 3), (170, 4), (240, 4)])
    func automaticColumns(width: Int, columns: Int) {
        #expect(EditionLayout(edition: Self.small, width: width, height: 30).columnCount == columns)
    }

    @Test(
        "--columns overrides the width, within what fits",
        arguments: [(200, 1, 1), (200, 3, 3), (80, 4, 4), (60, 9, 4), (20, 3, 1)])
    func columnOverride(width: Int, asked: Int, columns: Int) {
        let layout = EditionLayout(
            edition: Self.small, width: width, height: 30, options: LayoutOptions(columns: asked))
        #expect(layout.columnCount == columns)
    }

    @Test(
        "columns are even-width, start on even cells and fit the width",
        arguments: Array(stride(from: 20, through: 240, by: 7)))
    func evenColumns(width: Int) {
        for count in 1...4 {
            let grid = ColumnGrid(count: count, width: width, gutter: 4)
            #expect(grid.columnWidth % 2 == 0)
            #expect(grid.lefts.allSatisfy { $0 % 2 == 0 })
            if grid.columnWidth > 2 { #expect(grid.left + grid.span <= width) }
        }
    }

    @Test(
        "a window below 20×8 gets a clear too-small page, never a crash",
        arguments: [(19, 30), (100, 7), (1, 1), (0, 0), (5, 3), (-4, 10)])
    func tooSmall(width: Int, height: Int) {
        let layout = EditionLayout(edition: Self.small, width: width, height: height)
        #expect(layout.isTooSmall)
        let pages = [layout.frontPage(page: 1, screen: 0), layout.articlePage(article: 0, screen: 3)]
        for page in pages {
            #expect(page.content == .tooSmall)
            let text = PlainTextFormatter().format(page)
            let lines = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count <= max(0, height))
            for line in lines { #expect(DisplayWidth().of(line) <= max(0, width)) }
        }
        if width >= 8, height >= 1 {
            #expect(PlainTextFormatter().format(pages[0]).contains("窗口太小"))
        }
    }

    @Test("the masthead sets the spaced title, date, lunar date and issue over a double rule")
    func masthead() {
        let layout = EditionLayout(edition: Self.small, width: 100, height: 30)
        let text = PlainTextFormatter().format(layout.frontPage(page: 1, screen: 0))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("株　洲　日　报"))
        #expect(lines[0].contains("2023年3月29日 星期三"))
        #expect(lines[0].contains("癸卯年二月初八 第23259期 今日2版"))
        #expect(lines.contains { $0.hasPrefix("═══") })
    }

    @Test(
        "a narrow masthead breaks between its items, never inside 第23259期 or the CN number",
        arguments: [20, 24, 30, 34, 40, 46, 60, 80])
    func narrowMasthead(width: Int) {
        let layout = EditionLayout(edition: LayoutSample.edition, width: width, height: 40)
        let text = PlainTextFormatter().format(layout.frontPage(page: 1, screen: 0))
        let masthead = text.split(separator: "\n").prefix { !$0.hasPrefix("═") }.map(String.init)
        for item in ["2023年3月29日", "星期三", "癸卯年二月初八", "第23259期", "今日8版", "CN 43-0005", "掌上株洲"] {
            #expect(masthead.contains { $0.contains(item) }, "\(item) whole on one line at \(width):\n\(text)")
        }
    }

    @Test("front-page blocks carry jump labels and click rectangles")
    func jumpTargets() {
        let layout = EditionLayout(edition: LayoutSample.edition, width: 100, height: 30)
        let page = layout.frontPage(page: 1, screen: 0)
        #expect(page.targets.first?.label == "1")
        #expect(page.target(labelled: "2")?.article == 1)
        let third = try! #require(page.target(labelled: "3"))
        #expect(page.target(atRow: third.row + 1, column: third.column + 2)?.article == third.article)
        #expect(page.runs.contains { $0.role == .jumpLabel && $0.text == "3" })
        #expect(JumpTarget.label(forBlock: 9) == "a")
        #expect(!JumpTarget.labels.contains("j") && !JumpTarget.labels.contains("q"))
    }

    @Test("a 版 without the masthead gets a folio line; every 版 has a front page")
    func folio() {
        let layout = EditionLayout(edition: Self.small, width: 80, height: 24)
        #expect(layout.pageNumbers == [1, 2])
        let text = PlainTextFormatter().format(layout.frontPage(page: 2, screen: 0))
        #expect(text.hasPrefix("株洲日报  第2版"))
        #expect(text.contains("湘江风光带迎来春季游客高峰"))
        #expect(layout.frontPageLocation(of: 1) == (page: 2, screen: 0))
    }

    @Test("the dateline run is styled .dateline and the headline .headline")
    func roles() {
        let layout = EditionLayout(edition: Self.small, width: 80, height: 24)
        let page = layout.articlePage(article: 0, screen: 0)
        #expect(page.runs.contains { $0.role == .dateline && $0.text == "株洲日报讯" && $0.source == 0..<5 })
        #expect(page.runs.contains { $0.role == .headline && $0.text.contains("株洲公园城市建设提速") })
        #expect(page.runs.contains { $0.role == .kicker && $0.text == "城市建设" })
        #expect(page.runs.contains { $0.role == .deck })
        let all = (0..<layout.articleScreenCount(article: 0)).flatMap {
            layout.articlePage(article: 0, screen: $0).runs
        }
        #expect(all.contains { $0.role == .subhead && $0.text == "绿道成网" })
    }

    @Test("a heading is never left alone at a column foot")
    func headingKeptWithText() {
        func rows(_ n: Int) -> [LaidRow] {
            (0..<n).map {
                LaidRow(runs: [PlacedRun(row: 0, column: 0, text: "字\($0)", role: .body)], source: $0..<($0 + 1))
            }
        }
        let groups = [
            ArticleBuilder.Group(rows: rows(4), spaceBefore: 0, keepWithNext: false),
            ArticleBuilder.Group(rows: rows(1), spaceBefore: 1, keepWithNext: true),
            ArticleBuilder.Group(rows: rows(5), spaceBefore: 0, keepWithNext: false),
        ]
        let columns = ArticleBuilder.flow(groups, columnsPerScreen: 2, capacity: { _ in 6 })
        #expect(columns[0].count == 4) // the heading moved to the next column
        #expect(columns[1].first == groups[1].rows[0])
    }

    @Test("a paragraph's last line does not sit alone atop the next column")
    func noWidow() {
        func rows(_ n: Int) -> [LaidRow] {
            (0..<n).map {
                LaidRow(runs: [PlacedRun(row: 0, column: 0, text: "行\($0)", role: .body)], source: $0..<($0 + 1))
            }
        }
        let groups = [
            ArticleBuilder.Group(rows: rows(3), spaceBefore: 0, keepWithNext: false),
            ArticleBuilder.Group(rows: rows(4), spaceBefore: 0, keepWithNext: false),
        ]
        let columns = ArticleBuilder.flow(groups, columnsPerScreen: 2, capacity: { _ in 6 })
        #expect(columns[0].count == 5)
        #expect(columns[1].count == 2)
    }

    /// One 版 crowded with 30 short articles.
    static let crowded: Edition = {
        let articles = (1...30).map { n in
            Article(
                id: "c\(n)", page: 1, headline: "第\(n)条新闻：株洲今日要闻",
                blocks: [Block(kind: .paragraph, text: String(repeating: "湘江两岸春意浓，游人如织。", count: 5))])
        }
        return Edition(
            masthead: Masthead(title: "株洲日报"), pages: [EditionPage(number: 1)], articles: articles,
            repairs: [], source: EditionSource(name: "crowded", contentHash: "1"))
    }()

    @Test(
        "a crowded front page continues on further screens, each block once, nothing cut silently",
        arguments: [(80, 24), (100, 30), (40, 12), (200, 30)])
    func crowdedFrontPage(width: Int, height: Int) {
        let layout = EditionLayout(edition: Self.crowded, width: width, height: height)
        #expect(layout.hasFrontPage(page: 1, screen: 0))
        let count = layout.frontPageScreenCount(page: 1)
        #expect(count > 1)
        #expect(!layout.hasFrontPage(page: 1, screen: count))
        let screens = (0..<count).map { layout.frontPage(page: 1, screen: $0) }
        #expect(screens.flatMap(\.targets).map(\.article) == Array(0..<30))
        #expect(screens.flatMap(\.targets).compactMap(\.label).count == JumpTarget.labels.count)
        let folio = PlainTextFormatter().format(screens[1]).split(separator: "\n").first ?? ""
        #expect(folio.contains("株洲日报  第1版（续）"))
        let location = layout.frontPageLocation(of: 29)
        #expect(location.page == 1 && location.screen == count - 1)
        for screen in screens {
            let text = PlainTextFormatter().format(screen)
            #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count <= height)
            // Each block shows its whole body or says it is cut.
            for target in screen.targets {
                let inside = screen.runs.filter { target.contains(row: $0.row, column: $0.column) }
                let shown = inside.compactMap(\.source).reduce(0) { $0 + $1.count }
                let whole = Self.crowded.articles[target.article].characterCount
                #expect(
                    inside.contains { $0.role == .truncation && $0.text == "…" } || shown == whole,
                    "block \(target.article + 1) shows \(shown) of \(whole) without …")
            }
        }
    }

    @Test(
        "with ambiguous characters wide, rules and quotes still fit the width",
        arguments: [(80, 24), (61, 20), (150, 40)])
    func ambiguousWide(width: Int, height: Int) {
        let options = LayoutOptions(ambiguous: .wide)
        let layout = EditionLayout(edition: LayoutSample.edition, width: width, height: height, options: options)
        let measure = DisplayWidth(ambiguous: .wide)
        let pages = [
            layout.frontPage(page: 1, screen: 0), layout.articlePage(article: 1, screen: 0),
            layout.articlePage(article: 1, screen: 1),
        ]
        for page in pages {
            for line in PlainTextFormatter(ambiguous: .wide).format(page).split(separator: "\n") {
                #expect(measure.of(line) <= width, "\(page.content): \(line)")
            }
        }
    }

    @Test("an empty edition and an article without body lay out without a crash")
    func emptyEdition() {
        let empty = Edition(
            masthead: Masthead(title: ""), pages: [], articles: [Article(id: "x", page: 3, headline: "标题")],
            repairs: [], source: EditionSource(name: "", contentHash: ""))
        let layout = EditionLayout(edition: empty, width: 60, height: 20)
        #expect(layout.pageNumbers == [3])
        #expect(layout.articleScreenCount(article: 0) == 1)
        #expect(layout.textRange(article: 0, screen: 0) == 0..<0)
        #expect(layout.position(atTopOf: 0, screen: 5) == TextPosition(article: 0, offset: 0))
        #expect(PlainTextFormatter().format(layout.articlePage(article: 7, screen: 2)).contains("标题"))
        let none = Edition(
            masthead: Masthead(title: "报"), pages: [], articles: [], repairs: [],
            source: EditionSource(name: "", contentHash: ""))
        let blank = EditionLayout(edition: none, width: 60, height: 20)
        #expect(PlainTextFormatter().format(blank.frontPage(page: 1, screen: 0)).contains("本版没有文章"))
        #expect(blank.articleScreenCount(article: 0) == 1)
    }

    @Test(
        "a resize keeps the reader on the same text",
        arguments: [(200, 60, 80, 24), (80, 24, 160, 45), (60, 20, 30, 10)])
    func resizeKeepsPlace(fromWidth: Int, fromHeight: Int, toWidth: Int, toHeight: Int) {
        let big = EditionLayout(edition: LayoutSample.edition, width: fromWidth, height: fromHeight)
        let small = big.resized(width: toWidth, height: toHeight)
        for screen in 0..<big.articleScreenCount(article: 1) {
            let top = big.position(atTopOf: 1, screen: screen)
            let there = small.screen(containing: top)
            #expect(small.textRange(article: 1, screen: there).contains(top.offset))
        }
    }
}

@Suite("Text formatters")
struct FormatterTests {
    @Test(
        "wide characters take two cells and lines are trimmed",
        arguments: [(3, "株洲", "   株洲"), (0, "a株b", "a株b"), (9, "株洲", "         株"), (11, "株", "")])
    func painting(column: Int, text: String, line: String) {
        let page = ScreenPage(width: 12, height: 1, runs: [PlacedRun(row: 0, column: column, text: text, role: .body)])
        #expect(PlainTextFormatter().format(page) == line)
    }

    @Test("pages are separated by a form-feed line")
    func formFeed() {
        let a = ScreenPage(width: 10, height: 2, runs: [PlacedRun(row: 0, column: 0, text: "一", role: .body)])
        let b = ScreenPage(width: 10, height: 2, runs: [PlacedRun(row: 1, column: 0, text: "二", role: .body)])
        #expect(PlainTextFormatter().format([a, b]) == "一\n\u{0C}\n\n二\n")
    }

    @Test("--color wraps each role in its SGR and resets it")
    func ansi() {
        let page = ScreenPage(
            width: 20, height: 1,
            runs: [
                PlacedRun(row: 0, column: 0, text: "主题", role: .headline),
                PlacedRun(row: 0, column: 4, text: "正文", role: .body),
            ])
        #expect(ANSIFormatter().format(page) == "\u{1B}[1m主题\u{1B}[0m正文")
    }
}
