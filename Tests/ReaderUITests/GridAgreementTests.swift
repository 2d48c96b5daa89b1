import ReaderCore
import TestSupport
import Testing

@testable import ReaderUI

/// `--dump` paints screen pages into ReaderCore's `ScreenGrid`, the reader into ReaderUI's
/// `CellBuffer`, both through one `RunPainter`. This holds the two to the same text.
@Suite("--dump and the reader paint the same screens")
struct GridAgreementTests {
    /// A page's text as the reader's cell buffer holds it, trailing blank lines dropped as `--dump` does.
    static func readerText(_ page: ScreenPage) -> String {
        var buffer = CellBuffer(width: page.width, height: page.height)
        buffer.paint(page)
        var lines = buffer.lines()
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    @Test(
        "every front page and article screen of the sample is the same text through both grids",
        arguments: [(80, 24), (100, 30), (60, 20), (120, 40), (40, 12), (16, 4)])
    func sampleAgrees(width: Int, height: Int) {
        let layout = EditionLayout(edition: SampleEdition.edition, width: width, height: height)
        var pages: [ScreenPage] = []
        if layout.isTooSmall {
            pages.append(layout.tooSmallPage())
        } else {
            for number in layout.pageNumbers {
                for screen in 0..<layout.frontPageScreenCount(page: number) {
                    pages.append(layout.frontPage(page: number, screen: screen))
                }
            }
            for article in SampleEdition.edition.articles.indices {
                for screen in 0..<layout.articleScreenCount(article: article) {
                    pages.append(layout.articlePage(article: article, screen: screen))
                }
            }
        }
        #expect(pages.count >= (layout.isTooSmall ? 1 : 5))
        let formatter = PlainTextFormatter()
        for page in pages {
            let dumped = formatter.format(page)
            let shown = Self.readerText(page)
            if dumped != shown {
                Issue.record(
                    Comment(
                        rawValue: "\(page.content) at \(width)x\(height) differs (- --dump, + reader):\n"
                            + Snapshot.diff(expected: dumped, actual: shown)))
            }
        }
    }

    @Test(
        "a zero-width cluster joins the grapheme before it, the same through both grids",
        arguments: [
            ("a\u{200B}b", "a\u{200B}b"),
            ("株\u{200B}洲", "株\u{200B}洲"),
            ("\u{200B}ab", "ab"),
            ("ab\u{2060}", "ab\u{2060}"),
            ("日\u{1B}报", "日报"),
            ("x\u{0085}y", "xy"),
        ])
    func zeroWidthCluster(text: String, expected: String) {
        let page = ScreenPage(width: 10, height: 1, runs: [PlacedRun(row: 0, column: 0, text: text, role: .body)])
        #expect(PlainTextFormatter().format(page) == expected)
        #expect(Self.readerText(page) == expected)
    }

    @Test("zero-width scalars joined to one cell stop at the mark cap through both grids")
    func zeroWidthCap() {
        let text = "a" + String(repeating: "\u{200B}", count: DisplayWidth.marksPerCell + 5) + "b"
        let expected = "a" + String(repeating: "\u{200B}", count: DisplayWidth.marksPerCell) + "b"
        let page = ScreenPage(width: 10, height: 1, runs: [PlacedRun(row: 0, column: 0, text: text, role: .body)])
        #expect(PlainTextFormatter().format(page) == expected)
        #expect(Self.readerText(page) == expected)
    }
}
