import ReaderCore
import TestSupport
import Testing

@testable import ReaderUI

@Suite("Hung marks in the cell buffer")
struct HungMarkCellTests {
    @Test(
        "the reader's cell buffer draws a mark hung past the column edge, as --dump does",
        arguments: [(100, 30), (80, 24)])
    func paintsHungMarks(width: Int, height: Int) {
        let layout = EditionLayout(edition: SampleEdition.edition, width: width, height: height)
        var compared = 0
        for article in SampleEdition.edition.articles.indices {
            for screen in 0..<layout.articleScreenCount(article: article) {
                let page = layout.articlePage(article: article, screen: screen)
                var buffer = CellBuffer(width: width, height: height)
                buffer.paint(page)
                let dump = PlainTextFormatter().format(page).split(separator: "\n", omittingEmptySubsequences: false)
                for (row, line) in buffer.lines().enumerated() where row < dump.count {
                    var drawn = line
                    while drawn.last == " " { drawn.removeLast() }
                    var expected = String(dump[row])
                    while expected.last == " " { expected.removeLast() }
                    #expect(
                        drawn == expected, "article \(article + 1) screen \(screen) row \(row) at \(width)×\(height)")
                    compared += 1
                }
            }
        }
        #expect(compared > 0)
    }
}
