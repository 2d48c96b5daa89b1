import Foundation
import TestSupport
import Testing

@testable import ReaderCore

@Suite("Vertical setting (直排): forms, tate-chu-yoko, columns, text kept")
struct VerticalLayoutTests {
    /// The marks clreq's punctuation section names (句号 to 书名号, with the quotes and
    /// brackets of both Simplified and Traditional use) and the vertical form each takes.
    static let clreqMarks: [(String, String)] = [
        ("。", "︒"), ("，", "︐"), ("、", "︑"), ("；", "︔"), ("：", "︓"), ("？", "︖"), ("！", "︕"),
        ("“", "﹁"), ("”", "﹂"), ("‘", "﹃"), ("’", "﹄"), ("「", "﹁"), ("」", "﹂"), ("『", "﹃"), ("』", "﹄"),
        ("（", "︵"), ("）", "︶"), ("〔", "︹"), ("〕", "︺"), ("［", "﹇"), ("］", "﹈"), ("｛", "︷"), ("｝", "︸"),
        ("【", "︻"), ("】", "︼"), ("〖", "︗"), ("〗", "︘"), ("《", "︽"), ("》", "︾"), ("〈", "︿"), ("〉", "﹀"),
        ("—", "︱"), ("―", "︱"), ("–", "︲"), ("…", "︙"), ("⋯", "︙"), ("‥", "︰"),
    ]

    @Test("every mark clreq names takes its vertical presentation form", arguments: clreqMarks)
    func clreqForm(mark: String, form: String) {
        let scalar = mark.unicodeScalars.first!
        #expect(VerticalForms.form(of: scalar).map(String.init) == form)
    }

    @Test("ideographs, kana, Latin letters and digits are drawn as they are", arguments: Array("株洲あアAz09·～ 　"))
    func uprightAsIs(character: Character) {
        #expect(VerticalForms.form(of: character.unicodeScalars.first!) == nil)
    }

    @Test("every vertical form is two cells wide (East Asian Wide)")
    func formsAreWide() {
        for form in VerticalForms.presentationForms {
            #expect(DisplayWidth().of(form) == 2, "U+\(String(form.value, radix: 16, uppercase: true))")
            #expect(DisplayWidth(ambiguous: .wide).of(form) == 2)
        }
    }

    @Test(
        "the table follows UnicodeData.txt: each form's <vertical> decomposition is its mark or the mark's own decomposition"
    )
    func tableFollowsUnicodeData() throws {
        let text = try String(contentsOfFile: TestPaths.unicodeData + "/UnicodeData.txt", encoding: .utf8)
        var decomposition: [UInt32: (tag: String, target: UInt32)] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            guard fields.count > 5, let code = UInt32(fields[0], radix: 16) else { continue }
            let parts = fields[5].split(separator: " ")
            guard parts.count == 2, parts[0].hasPrefix("<"), let target = UInt32(parts[1], radix: 16) else { continue }
            decomposition[code] = (String(parts[0]), target)
        }
        // The marks clreq sets as corner brackets or turns, which the UCD does not decompose to.
        let clreqOnly: Set<UInt32> = [0x201C, 0x201D, 0x2018, 0x2019, 0x2015, 0x22EF]
        for (horizontal, vertical) in VerticalForms.table {
            let form = try #require(decomposition[vertical.value], "U+\(String(vertical.value, radix: 16))")
            #expect(form.tag == "<vertical>")
            let source = horizontal.value
            let matches = source == form.target || decomposition[source]?.target == form.target
            #expect(
                matches || clreqOnly.contains(source),
                "U+\(String(source, radix: 16)) → U+\(String(vertical.value, radix: 16))")
        }
        // Every vertical presentation form of a Chinese mark is reached.
        let reached = Set(VerticalForms.presentationForms.map(\.value))
        for code in decomposition.keys
        where decomposition[code]!.tag == "<vertical>" && (0xFE10...0xFE48).contains(code) {
            let unused: Set<UInt32> = [0xFE45, 0xFE46] // sesame dots: emphasis marks, not punctuation
            #expect(reached.contains(code) || unused.contains(code), "U+\(String(code, radix: 16)) unused")
        }
    }

    /// The drawn units of `text` set in one vertical column of `rows` rows, top to bottom.
    static func units(_ text: String, rows: Int = 30) -> [String] {
        let columns = VerticalColumnSetter(ambiguous: .narrow).set(text, role: .body, rows: rows, base: 0)
        return columns.flatMap { $0.runs.sorted { $0.row < $1.row }.map(\.text) }
    }

    @Test(
        "digits: two and four in a run sit side by side in pairs (縱中橫), others stand one a row",
        arguments: [
            ("2023年3月29日", ["20", "23", "年", "3", "月", "29", "日"]),
            ("第19届G20峰会", ["第", "19", "届", "G", "20", "峰", "会"]),
            ("增长3.25%", ["增", "长", "3", ".", "2", "5", "%"]),
            ("共1,000人", ["共", "1", ",", "0", "0", "0", "人"]),
            ("约100名", ["约", "1", "0", "0", "名"]),
            ("12345次", ["1", "2", "3", "4", "5", "次"]),
            ("10:30开幕", ["10", "︓", "30", "开", "幕"]),
        ])
    func tateChuYoko(text: String, expected: [String]) {
        #expect(Self.units(text) == expected)
    }

    @Test("2023年3月29日 takes five rows: 20 and 23 each one cell pair, then 年 3 月 29 日")
    func dateRows() {
        let column = VerticalColumnSetter(ambiguous: .narrow).set("2023年3月29日", role: .body, rows: 20, base: 0)
        #expect(column.count == 1)
        let runs = column[0].runs
        #expect(runs.map(\.row) == [0, 1, 2, 3, 4, 5, 6])
        #expect(runs.map(\.source) == [0..<2, 2..<4, 4..<5, 5..<6, 6..<7, 7..<9, 9..<10])
    }

    @Test("Latin letters stack upright one a row, in the column's left cell")
    func latinStacks() {
        let runs = VerticalColumnSetter(ambiguous: .narrow).set("用AI写稿", role: .body, rows: 10, base: 0)[0].runs
        #expect(runs.map(\.text) == ["用", "A", "I", "写", "稿"])
        #expect(runs.map(\.row) == [0, 1, 2, 3, 4])
        #expect(runs.allSatisfy { $0.column == 0 })
    }

    @Test("a paragraph starts two rows down (the two-ideograph indent) and its columns are full")
    func indentAndJustify() {
        let text = String(repeating: "株洲日报数字城市应急管理，", count: 6)
        let columns = VerticalColumnSetter(ambiguous: .narrow).set(
            text, role: .body, rows: 12, indent: true, justify: true, base: 0)
        #expect(columns.count > 2)
        #expect(columns[0].runs.first?.row == 2)
        for column in columns.dropLast() {
            #expect(column.runs.last?.row == 11, "\(column.runs.map(\.text).joined())")
        }
    }

    /// The blank rows between ideographs that follow each other in a column, all told.
    static func rowsBetweenIdeographs(_ column: LaidRow) -> Int {
        var blank = 0
        for (a, b) in zip(column.runs, column.runs.dropFirst()) {
            guard let x = a.text.unicodeScalars.first, let y = b.text.unicodeScalars.first,
                x.properties.isIdeographic, y.properties.isIdeographic
            else { continue }
            blank += b.row - a.row - 1
        }
        return blank
    }

    @Test(
        "a column parts its ideographs by one blank row at most: with more to spare it ends short",
        arguments: [12, 16, 20, 24, 30])
    func raggedFoot(rows: Int) {
        // 蘋果日報 2020-03-01: an English name no column can break well leaves a column short.
        let paragraphs = [
            "美國國務院發言人奧特加斯（Morgan Ortagus）發表聲明，指國務院關注香港警方拘捕本港著名商人兼出版人黎智英，"
                + "以及兩名長期爭取公民自由和民主的人士：「我們期望香港當局不要為了政治目的而選擇性執法（not to use law "
                + "enforcement selectively for political purposes），並確保處理方式公正、透明。」",
            "美國國會及行政當局中國委員會（CECC）在twitter批評特區政府不去調查8.31太子站的警暴。",
        ]
        let setter = VerticalColumnSetter(ambiguous: .narrow)
        for text in paragraphs {
            for column in setter.set(text, role: .body, rows: rows, indent: true, justify: true, base: 0) {
                #expect(
                    Self.rowsBetweenIdeographs(column) <= 1,
                    "\(rows) rows: \(column.runs.map { "\($0.row):\($0.text)" }.joined(separator: " "))")
            }
        }
    }

    // MARK: The sample edition laid out vertically

    static let sizes: [(Int, Int)] = {
        var random = SeededRandom(seed: 20_230_329)
        let drawn = (0..<6).map { _ in
            (Int.random(in: 20...200, using: &random), Int.random(in: 8...60, using: &random))
        }
        return [(80, 24), (100, 30), (160, 45), (40, 12), (20, 8)] + drawn
    }()

    /// Every screen of every article of the sample, set vertically at `width`×`height`.
    static func screens(_ width: Int, _ height: Int) -> [(article: Int, pages: [ScreenPage])] {
        let layout = EditionLayout(
            edition: LayoutSample.edition, width: width, height: height, options: LayoutOptions(vertical: true))
        return LayoutSample.edition.articles.indices.map { article in
            (
                article,
                (0..<layout.articleScreenCount(article: article)).map {
                    layout.articlePage(article: article, screen: $0)
                }
            )
        }
    }

    /// An article's body as scalars, offsets as `PlacedRun.source` counts them.
    static func body(_ article: Int) -> [Unicode.Scalar] {
        LayoutSample.edition.articles[article].blocks.flatMap { Array($0.text.unicodeScalars) }
    }

    @Test(
        "text is never lost: every drawn scalar of an article's body is on exactly one vertical screen",
        arguments: sizes)
    func everyScalarOnce(width: Int, height: Int) {
        for (article, pages) in Self.screens(width, height) {
            let body = Self.body(article)
            var seen = [Int](repeating: 0, count: body.count)
            for page in pages {
                for run in page.runs {
                    guard let source = run.source else { continue }
                    for offset in source { seen[offset] += 1 }
                }
            }
            for (offset, scalar) in body.enumerated() {
                let blank = scalar == " " || scalar == "\u{3000}" || scalar.value < 0x20
                if blank {
                    #expect(seen[offset] <= 1)
                } else {
                    #expect(
                        seen[offset] == 1,
                        "article \(article + 1) at \(width)×\(height): '\(scalar)' at \(offset) drawn \(seen[offset])×")
                }
            }
        }
    }

    @Test("every run sits inside the screen; no two runs share a cell", arguments: sizes)
    func fits(width: Int, height: Int) {
        let measure = DisplayWidth()
        for (_, pages) in Self.screens(width, height) {
            for page in pages {
                var taken = Set<Int>()
                for run in page.runs {
                    let w = measure.of(run.text)
                    #expect(run.row >= 0 && run.row < height && run.column >= 0 && run.column + w <= width)
                    for cell in run.column..<(run.column + w) {
                        #expect(
                            taken.insert(run.row * width + cell).inserted,
                            "\(page.content) overlaps at \(run.row):\(cell)")
                    }
                }
            }
        }
    }

    @Test(
        "kinsoku top to bottom: no column starts with a closing mark or ends with an opening one",
        arguments: sizes)
    func kinsoku(width: Int, height: Int) {
        var violations: [String] = []
        for (article, pages) in Self.screens(width, height) {
            let body = Self.body(article)
            for page in pages {
                // A column is one x in one tier (段).
                let tiers = VerticalArticleBuilder.tierCount(rows: height)
                let tierRows = VerticalArticleBuilder.tierRows(rows: height, tiers: tiers)
                let columns = Dictionary(grouping: page.runs.filter { $0.source != nil }) {
                    $0.column * 100 + $0.row / (tierRows + 1)
                }
                for (x, runs) in columns {
                    let sorted = runs.sorted { $0.row < $1.row }
                    guard let first = sorted.first?.source, let last = sorted.last?.source else { continue }
                    if LayoutPropertyTests.noStart.contains(body[first.lowerBound])
                        || LayoutPropertyTests.noEnd.contains(body[last.upperBound - 1])
                    {
                        violations.append(
                            "article \(article + 1) \(page.content) column \(x): \(sorted.map(\.text).joined())")
                    }
                }
            }
        }
        #expect(
            violations.isEmpty,
            "\(violations.count) at \(width)×\(height):\n\(violations.prefix(5).joined(separator: "\n"))")
    }

    @Test(
        "columns read right to left, tiers top to bottom: the body's text offsets grow leftwards, then downwards",
        arguments: sizes)
    func rightToLeft(width: Int, height: Int) {
        for (_, pages) in Self.screens(width, height) {
            for page in pages {
                let tiers = VerticalArticleBuilder.tierCount(rows: height)
                let tierRows = VerticalArticleBuilder.tierRows(rows: height, tiers: tiers)
                // Reading order: tier by tier from the top, in a tier column by column from the right.
                let columns = Dictionary(
                    grouping: page.runs.compactMap { run in
                        run.source.map { (run.row / (tierRows + 1) * 10_000 - run.column, $0.lowerBound) }
                    }, by: \.0)
                let order = columns.keys.sorted().map { key in columns[key]!.map(\.1).min()! }
                #expect(order == order.sorted(), "\(page.content) at \(width)×\(height)")
            }
        }
    }

    @Test("the headline runs down the right edge of an article's first screen, ruled off from the body")
    func headlineAtRightEdge() throws {
        let layout = EditionLayout(
            edition: LayoutSample.edition, width: 80, height: 24, options: LayoutOptions(vertical: true))
        let page = layout.articlePage(article: 0, screen: 0)
        let headline = page.runs.filter { $0.role == .headline }
        let body = page.runs.filter { $0.role == .body }
        let rule = page.runs.filter { $0.role == .rule }
        #expect(!headline.isEmpty && !body.isEmpty)
        #expect(rule.count == 24)
        #expect(headline.map(\.column).min()! > rule[0].column)
        #expect(body.map(\.column).max()! < rule[0].column)
        let small = EditionLayout(
            edition: LayoutSample.edition, width: 40, height: 12, options: LayoutOptions(vertical: true))
        #expect(small.articleScreenCount(article: 0) > 1)
        let second = small.articlePage(article: 0, screen: 1)
        #expect(second.runs.contains { $0.role == .kicker && $0.text == "︶" })
    }

    @Test("vertical and horizontal layouts agree on the text: a screen's top offset is found in the other setting")
    func positionsShared() {
        let vertical = EditionLayout(
            edition: LayoutSample.edition, width: 100, height: 30, options: LayoutOptions(vertical: true))
        let horizontal = EditionLayout(edition: LayoutSample.edition, width: 100, height: 30)
        for article in LayoutSample.edition.articles.indices {
            for screen in 0..<vertical.articleScreenCount(article: article) {
                let top = vertical.position(atTopOf: article, screen: screen)
                let there = horizontal.screen(containing: top)
                #expect(horizontal.textRange(article: article, screen: there).contains(top.offset) || top.offset == 0)
                #expect(
                    vertical.screen(containing: top) == screen
                        || vertical.textRange(article: article, screen: screen).isEmpty)
            }
        }
    }

    @Test(
        "the vertical article screens of the bundled edition look as recorded",
        arguments: [(80, 24), (100, 30), (160, 45)])
    func snapshots(width: Int, height: Int) {
        let layout = EditionLayout(
            edition: LayoutSample.edition, width: width, height: height, options: LayoutOptions(vertical: true))
        let pages = (0..<min(3, layout.articleScreenCount(article: 1))).map {
            layout.articlePage(article: 1, screen: $0)
        }
        Snapshot.expect(PlainTextFormatter().format(pages), named: "vertical-article2-\(width)x\(height).txt")
    }

    @Test(
        "vertical front pages: runs inside the screen, no shared cells, every article's block once with its label",
        arguments: sizes)
    func frontPages(width: Int, height: Int) {
        let layout = EditionLayout(
            edition: LayoutSample.edition, width: width, height: height, options: LayoutOptions(vertical: true))
        let measure = DisplayWidth()
        for page in layout.pageNumbers {
            let screens = (0..<layout.frontPageScreenCount(page: page)).map { layout.frontPage(page: page, screen: $0) }
            let targets = screens.flatMap(\.targets)
            #expect(targets.map(\.article) == layout.articles(onPage: page))
            #expect(targets.map(\.label) == targets.indices.map { JumpTarget.label(forBlock: $0) })
            for screen in screens {
                var taken = Set<Int>()
                for run in screen.runs {
                    let w = measure.of(run.text)
                    #expect(run.row >= 0 && run.row < height && run.column >= 0 && run.column + w <= width)
                    for cell in run.column..<(run.column + w) {
                        #expect(
                            taken.insert(run.row * width + cell).inserted, "\(screen.content) at \(run.row):\(cell)")
                    }
                }
                // A block's label is inside its rectangle, at its top right.
                for target in screen.targets {
                    let label = screen.runs.first { $0.role == .jumpLabel && $0.text == target.label }
                    if let label {
                        #expect(target.contains(row: label.row, column: label.column))
                    }
                }
            }
        }
    }

    @Test(
        "with East Asian Ambiguous characters wide, vertical screens still fit and share no cell",
        arguments: [(80, 24), (100, 30), (41, 13)])
    func ambiguousWide(width: Int, height: Int) {
        let layout = EditionLayout(
            edition: LayoutSample.edition, width: width, height: height,
            options: LayoutOptions(ambiguous: .wide, vertical: true))
        let measure = DisplayWidth(ambiguous: .wide)
        var pages = (0..<layout.frontPageScreenCount(page: 1)).map { layout.frontPage(page: 1, screen: $0) }
        for article in LayoutSample.edition.articles.indices {
            pages += (0..<layout.articleScreenCount(article: article)).map {
                layout.articlePage(article: article, screen: $0)
            }
        }
        for page in pages {
            var taken = Set<Int>()
            for run in page.runs {
                let w = measure.of(run.text)
                #expect(run.row >= 0 && run.row < height && run.column >= 0 && run.column + w <= width)
                for cell in run.column..<(run.column + w) {
                    #expect(taken.insert(run.row * width + cell).inserted, "\(page.content) at \(run.row):\(cell)")
                }
            }
        }
    }

    @Test("a head that needs two columns gets two even ones, not one full and a character or two")
    func balancedHead() {
        let setter = VerticalColumnSetter(ambiguous: .narrow)
        let columns = setter.setBalanced("数字城市创新成果与实践案例发布", role: .headline, rows: 13)
        #expect(columns.count == 2)
        #expect(columns.map(\.runs.count) == [8, 7])
        #expect(setter.setBalanced("株洲日报", role: .headline, rows: 13).map(\.runs.count) == [4])
    }

    @Test("tall screens cut the body into tiers (段) of 18 to 30 rows, ruled off; the head runs the whole height")
    func tiers() {
        #expect(VerticalArticleBuilder.tierCount(rows: 24) == 1)
        #expect(VerticalArticleBuilder.tierCount(rows: 39) == 1)
        #expect(VerticalArticleBuilder.tierCount(rows: 44) == 2)
        #expect(VerticalArticleBuilder.tierCount(rows: 70) == 3)
        for rows in 40...120 {
            let tiers = VerticalArticleBuilder.tierCount(rows: rows)
            let tierRows = VerticalArticleBuilder.tierRows(rows: rows, tiers: tiers)
            #expect((18...30).contains(tierRows), "\(rows) rows: \(tiers) tiers of \(tierRows)")
        }
        let layout = EditionLayout(
            edition: LayoutSample.edition, width: 160, height: 45, options: LayoutOptions(vertical: true))
        let page = layout.articlePage(article: 1, screen: 0)
        let body = page.runs.filter { $0.source != nil }
        #expect(body.contains { $0.row < 22 } && body.contains { $0.row > 22 })
        #expect(!body.contains { $0.row == 22 })
        #expect(page.runs.contains { $0.role == .rule && $0.row == 22 && $0.text.hasPrefix("─") })
        #expect(page.runs.filter { $0.role == .rule && $0.text == "│" }.count == 45)
    }

    @Test(
        "the formatted screen draws every run at its own column (narrow letters and digits take one cell)",
        arguments: [(80, 24), (100, 30), (160, 45), (41, 13)])
    func drawnWhereLaid(width: Int, height: Int) {
        let layout = EditionLayout(
            edition: LayoutSample.edition, width: width, height: height, options: LayoutOptions(vertical: true))
        var pages = (0..<layout.frontPageScreenCount(page: 1)).map { layout.frontPage(page: 1, screen: $0) }
        for article in LayoutSample.edition.articles.indices {
            pages += (0..<layout.articleScreenCount(article: article)).map {
                layout.articlePage(article: article, screen: $0)
            }
        }
        let measure = DisplayWidth()
        for page in pages {
            let lines = PlainTextFormatter().format(page).split(separator: "\n", omittingEmptySubsequences: false)
            for run in page.runs where !run.isEmpty && run.row < lines.count {
                // The text found at the run's column on its row.
                var column = 0
                var found = ""
                for character in lines[run.row] {
                    if column >= run.column { found.append(character) }
                    column += measure.of(character)
                }
                #expect(found.hasPrefix(run.text), "\(page.content) row \(run.row) column \(run.column): '\(run.text)'")
            }
        }
    }
}
