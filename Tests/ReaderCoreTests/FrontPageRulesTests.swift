import Testing

@testable import ReaderCore

@Suite("Front-page rules")
struct FrontPageRulesTests {
    /// Every front-page screen of the sample at a size.
    static func screens(width: Int, height: Int, ambiguous: AmbiguousWidth = .narrow) throws -> [ScreenPage] {
        let edition = try EditionFixtures.sample()
        let layout = EditionLayout(
            edition: edition, width: width, height: height,
            options: LayoutOptions(ambiguous: ambiguous))
        return (0..<layout.frontPageScreenCount(page: 1)).map { layout.frontPage(page: 1, screen: $0) }
    }

    /// A test row that is the first line of a paragraph (`true`) or goes on with one.
    static func body(_ opens: [Bool]) -> [LaidRow] {
        opens.map { _ in LaidRow(runs: [PlacedRun(row: 0, column: 0, text: "株洲", role: .body)], source: nil) }
    }

    @Test(
        "right-hand columns and blocks start on even cells, for either width of the rule",
        arguments: [AmbiguousWidth.narrow, .wide], Array(stride(from: 40, through: 200, by: 9)))
    func evenColumns(ambiguous: AmbiguousWidth, width: Int) throws {
        let gutter = FrontPageBuilder.gutter(ruleWidth: DisplayWidth(ambiguous: ambiguous).of(Character("│")))
        #expect(gutter % 2 == 0)
        #expect(gutter >= 4)
        for page in try Self.screens(width: width, height: 30, ambiguous: ambiguous) {
            for target in page.targets {
                #expect(target.column % 2 == 0, "block \(target.article) at \(target.column), width \(width)")
            }
        }
    }

    @Test("the lead block's columns are parted by a rule, never by a bare gap", arguments: [80, 100, 120, 150])
    func leadRule(width: Int) throws {
        let page = try Self.screens(width: width, height: 30)[0]
        let lead = try #require(page.targets.first)
        #expect(lead.width > 60)
        // Rows of the lead that draw body text in its second column.
        let second = lead.column + lead.width / 2
        let rows = Set(
            page.runs.filter { run in
                run.role == .body && run.column > second && lead.contains(row: run.row, column: run.column)
            }.map(\.row))
        #expect(!rows.isEmpty)
        for row in rows {
            let ruled = page.runs.contains {
                $0.row == row && $0.text == "┊" && lead.contains(row: row, column: $0.column)
            }
            #expect(ruled, "row \(row) at \(width)")
        }
    }

    @Test(
        "a truncation mark never follows a full stop",
        arguments: Array(stride(from: 40, through: 200, by: 4)), [16, 24, 30, 40])
    func noMarkAfterFullStop(width: Int, height: Int) throws {
        let measure = DisplayWidth()
        for page in try Self.screens(width: width, height: height) {
            for mark in page.runs where mark.role == .truncation {
                let before = page.runs.first { $0.row == mark.row && $0.column + measure.of($0.text) == mark.column }
                let stop = before?.text.unicodeScalars.last
                #expect(
                    stop.map { !LaidRow.fullStops.contains($0) } ?? true,
                    "\(before?.text ?? "")… at \(width)×\(height)")
            }
        }
    }

    @Test(
        "a full stop before a truncation mark gives way to it",
        arguments: [
            ("胡长春出席并讲话。", "胡长春出席并讲话…"),
            ("胡长春出席并讲话", "胡长春出席并讲话…"),
            ("他说：“好！”", "他说：“好！”…"),
        ])
    func stopGivesWay(text: String, shown: String) {
        let row = LaidRow(runs: [PlacedRun(row: 0, column: 0, text: text, role: .body)], source: nil)
        let cut = row.truncated(to: 40, mark: "…", role: .truncation, measure: DisplayWidth())
        #expect(cut.runs.map(\.text).joined() == shown)
    }

    @Test(
        "a block's columns never leave a paragraph's line alone at a foot or a head",
        arguments: [
            // Paragraph starts, columns, rows a column holds, rows each column shows.
            ([true, false, true, false, true, false, false, false], 2, 4, [0..<4, 4..<8]),
            // No 1 + 1 at rows 3–4.
            ([true, false, false, true, false, true, false, false], 2, 4, [0..<3, 3..<7]),
            // No first line alone at row 4.
            ([true, false, false, false, true, false, false, false], 2, 5, [0..<4, 4..<8]),
            // A widow of a longer paragraph is kept when cutting text is the price.
            ([true, false, false, false, false, true, true, false], 2, 4, [0..<4, 4..<8]),
        ])
    func noLoneLines(opens: [Bool], span: Int, perColumn: Int, expected: [Range<Int>]) {
        let columns = FrontPageBuilder.columns(of: Self.body(opens), opens: opens, span: span, perColumn: perColumn)
        #expect(columns == expected)
    }

    @Test("the masthead never breaks inside the issue number or the date", arguments: Array(20...80))
    func mastheadItems(width: Int) throws {
        let page = try Self.screens(width: width, height: 24)[0]
        let text = PlainTextFormatter().format(page)
        #expect(text.contains("第23259期"))
        #expect(text.contains("2023年3月29日"))
    }
}
