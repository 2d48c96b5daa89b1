import TestSupport
import Testing

@testable import ReaderCore

/// Random sizes from 20×8 to 240×70, seeded so a failure names its size and reproduces.
@Suite("Layout properties over random sizes")
struct LayoutPropertyTests {
    /// Lines may not start with these (closing punctuation) …
    static let noStart: Set<Unicode.Scalar> = Set("。，、：；！？）》」』”’〉】〕…・．,.:;!?)]}".unicodeScalars)
    /// … nor end with these (opening punctuation).
    static let noEnd: Set<Unicode.Scalar> = Set("“‘「『（《〈【〔([{".unicodeScalars)

    static let sizes: [(Int, Int)] = {
        var random = SeededRandom(seed: 20230329)
        return (0..<10).map { _ in (Int.random(in: 20...240, using: &random), Int.random(in: 8...70, using: &random)) }
    }()

    @Test("no page is wider than W or taller than H, front pages and articles", arguments: sizes)
    func pagesFit(width: Int, height: Int) {
        let layout = EditionLayout(edition: LayoutSample.edition, width: width, height: height)
        var pages: [ScreenPage] = []
        for page in layout.pageNumbers {
            pages += (0..<layout.frontPageScreenCount(page: page)).map { layout.frontPage(page: page, screen: $0) }
        }
        for article in LayoutSample.edition.articles.indices {
            pages += (0..<layout.articleScreenCount(article: article)).map {
                layout.articlePage(article: article, screen: $0)
            }
        }
        let measure = DisplayWidth()
        for page in pages {
            let lines = PlainTextFormatter().format(page).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count <= height, "\(page.content) at \(width)×\(height) has \(lines.count) lines")
            for line in lines {
                #expect(measure.of(line) <= width, "\(page.content) at \(width)×\(height): \(line)")
            }
            for run in page.runs {
                #expect(
                    run.column >= 0 && run.column + measure.of(run.text) <= width,
                    "\(page.content) at \(width)×\(height): run '\(run.text)' at \(run.column) overflows")
            }
        }
    }

    @Test("no column line of an article starts with a closing or ends with an opening mark", arguments: sizes)
    func kinsoku(width: Int, height: Int) {
        let layout = EditionLayout(edition: LayoutSample.edition, width: width, height: height)
        let count = layout.columnCount
        let grid = ColumnGrid(
            count: count, width: width, gutter: count > 1 ? ArticleBuilder.gutter : 0,
            reserve: ColumnGrid.hangingRoom)
        var violations: [String] = []
        for article in LayoutSample.edition.articles.indices {
            for screen in 0..<layout.articleScreenCount(article: article) {
                let page = layout.articlePage(article: article, screen: screen)
                var lines: [String: [PlacedRun]] = [:]
                for run in page.runs where run.source != nil {
                    let column = grid.lefts.lastIndex { $0 <= run.column } ?? 0
                    lines["\(run.row):\(column)", default: []].append(run)
                }
                for (key, runs) in lines {
                    let text = runs.sorted { $0.column < $1.column }.map(\.text).joined()
                    let scalars = text.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }
                    guard let first = scalars.first, let last = scalars.last else { continue }
                    if Self.noStart.contains(first) || Self.noEnd.contains(last) {
                        violations.append("article \(article + 1) screen \(screen) row:column \(key): \(text)")
                    }
                }
            }
        }
        #expect(
            violations.isEmpty,
            "\(violations.count) kinsoku breaks at \(width)×\(height), e.g.\n\(violations.prefix(5).joined(separator: "\n"))"
        )
    }

    @Test(
        "a hung full stop never touches the next column", arguments: sizes + [(100, 30), (160, 45), (80, 24), (58, 20)])
    func hungMarksKeepClear(width: Int, height: Int) {
        let layout = EditionLayout(edition: LayoutSample.edition, width: width, height: height)
        let count = layout.columnCount
        let grid = ColumnGrid(
            count: count, width: width, gutter: count > 1 ? ArticleBuilder.gutter : 0,
            reserve: ColumnGrid.hangingRoom)
        let measure = DisplayWidth()
        var hung = 0
        for article in LayoutSample.edition.articles.indices {
            for screen in 0..<layout.articleScreenCount(article: article) {
                let page = layout.articlePage(article: article, screen: screen)
                for run in page.runs where run.source != nil {
                    let column = grid.lefts.lastIndex { $0 <= run.column } ?? 0
                    let end = run.column + measure.of(run.text)
                    let edge = grid.lefts[column] + grid.columnWidth
                    if end > edge { hung += 1 }
                    // At most one mark (2 cells) past the edge, and a blank cell before the next column.
                    #expect(
                        end <= edge + ColumnGrid.hangingRoom && end <= width,
                        "article \(article + 1) at \(width)×\(height): '\(run.text)' ends at \(end), edge \(edge)")
                    if column + 1 < count {
                        #expect(
                            end < grid.lefts[column + 1], "'\(run.text)' touches the next column at \(width)×\(height)")
                    }
                }
            }
        }
        #expect(hung > 0, "no mark hangs anywhere at \(width)×\(height)")
        // Front pages: body text never reaches the rule between blocks.
        for number in layout.pageNumbers {
            for screen in 0..<layout.frontPageScreenCount(page: number) {
                let page = layout.frontPage(page: number, screen: screen)
                let rules = Set(
                    page.runs.filter { $0.role == .rule && $0.text == "│" }.map { "\($0.row):\($0.column)" })
                for run in page.runs where run.role != .rule {
                    let end = run.column + measure.of(run.text)
                    #expect(
                        !rules.contains("\(run.row):\(end)") && end <= width,
                        "front \(number) at \(width)×\(height): '\(run.text)' touches a rule")
                }
            }
        }
    }

    @Test("the linear form holds every body character, in order", arguments: sizes)
    func linearFormIsComplete(width: Int, height: Int) {
        let edition = LayoutSample.edition
        let layout = EditionLayout(edition: edition, width: width, height: height, options: LayoutOptions(columns: 1))
        #expect(layout.columnCount == 1)
        for (index, article) in edition.articles.enumerated() {
            var shown = String.UnicodeScalarView()
            var covered = 0
            for screen in 0..<layout.articleScreenCount(article: index) {
                let page = layout.articlePage(article: index, screen: screen)
                let body = page.runs.filter { $0.source != nil }.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
                for run in body { shown.append(contentsOf: run.text.unicodeScalars) }
                let range = layout.textRange(article: index, screen: screen)
                #expect(
                    range.lowerBound == covered,
                    "article \(index + 1) screen \(screen) starts at \(range.lowerBound), not \(covered)")
                covered = range.upperBound
            }
            #expect(
                covered == article.characterCount,
                "article \(index + 1) ends at \(covered) of \(article.characterCount)")
            let expected = article.blocks.map(\.text).joined().unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }
            let actual = shown.filter { $0 != " " && $0 != "\u{3000}" }
            #expect(
                String(String.UnicodeScalarView(actual)) == String(String.UnicodeScalarView(expected)),
                "article \(index + 1) at \(width)×\(height) loses or reorders text")
        }
    }

    @Test("every article of a 版 has one block on its front pages", arguments: sizes)
    func frontPageShowsEveryArticle(width: Int, height: Int) {
        let layout = EditionLayout(edition: LayoutSample.edition, width: width, height: height)
        for page in layout.pageNumbers {
            let targets = (0..<layout.frontPageScreenCount(page: page)).flatMap {
                layout.frontPage(page: page, screen: $0).targets
            }
            #expect(targets.map(\.article) == layout.articles(onPage: page))
            for target in targets {
                #expect(target.row >= 0 && target.row + target.height <= height)
                #expect(target.column >= 0 && target.column + target.width <= width)
            }
        }
    }

    @Test("a position maps to a screen and back", arguments: sizes)
    func positionRoundTrip(width: Int, height: Int) {
        let edition = LayoutSample.edition
        let layout = EditionLayout(edition: edition, width: width, height: height)
        var random = SeededRandom(seed: UInt64(width * 1000 + height))
        for (index, article) in edition.articles.enumerated() {
            for screen in 0..<layout.articleScreenCount(article: index) {
                let top = layout.position(atTopOf: index, screen: screen)
                #expect(layout.screen(containing: top) == screen, "article \(index + 1) screen \(screen)")
            }
            guard article.characterCount > 0 else { continue }
            for _ in 0..<20 {
                let offset = Int.random(in: 0..<article.characterCount, using: &random)
                let screen = layout.screen(containing: TextPosition(article: index, offset: offset))
                #expect(layout.textRange(article: index, screen: screen).contains(offset))
            }
        }
    }
}
