import Testing

@testable import ReaderCore

/// A closing mark hung past its column's edge, followed through everything downstream.
@Suite("Hung marks downstream")
struct HungMarkTests {
    /// Every hung mark of the sample's articles at a size: article, screen, run.
    static func hungRuns(_ layout: EditionLayout) -> [(article: Int, screen: Int, run: PlacedRun)] {
        let count = layout.columnCount
        let grid = ColumnGrid(
            count: count, width: layout.width, gutter: count > 1 ? ArticleBuilder.gutter : 0,
            reserve: ColumnGrid.hangingRoom)
        let measure = DisplayWidth()
        var found: [(Int, Int, PlacedRun)] = []
        for article in layout.edition.articles.indices {
            for screen in 0..<layout.articleScreenCount(article: article) {
                for run in layout.articlePage(article: article, screen: screen).runs where run.source != nil {
                    let column = grid.lefts.lastIndex { $0 <= run.column } ?? 0
                    if run.column + measure.of(run.text) > grid.lefts[column] + grid.columnWidth {
                        found.append((article, screen, run))
                    }
                }
            }
        }
        return found
    }

    @Test(
        "a hung mark is drawn by --dump where its run ends and mapped back to its screen",
        arguments: [(100, 30), (80, 24), (58, 20)])
    func downstream(width: Int, height: Int) {
        let layout = EditionLayout(edition: LayoutSample.edition, width: width, height: height)
        let hung = Self.hungRuns(layout)
        #expect(!hung.isEmpty)
        let measure = DisplayWidth()
        for (article, screen, run) in hung.prefix(20) {
            guard let source = run.source, let mark = run.text.unicodeScalars.last else { continue }
            let offset = source.upperBound - 1
            let markColumn = run.column + measure.of(run.text) - measure.of(mark)
            // The text ↔ screen mapping finds the screen holding the mark.
            #expect(layout.screen(containing: TextPosition(article: article, offset: offset)) == screen)
            // --dump draws it where the run ends.
            let page = layout.articlePage(article: article, screen: screen)
            let rows = PlainTextFormatter().format(page).split(separator: "\n", omittingEmptySubsequences: false)
            let row = Array(String(rows[run.row]).unicodeScalars)
            var column = 0
            var drawn: Unicode.Scalar?
            for scalar in row {
                if column == markColumn { drawn = scalar; break }
                column += measure.of(scalar)
            }
            #expect(
                drawn == mark,
                "row \(run.row) of article \(article + 1) at \(width)×\(height): \(String(rows[run.row]))")
        }
    }
}
