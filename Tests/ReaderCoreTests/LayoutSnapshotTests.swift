import TestSupport
import Testing

@testable import ReaderCore

@Suite("Layout snapshots of the sample edition")
struct LayoutSnapshotTests {
    static let sizes: [(Int, Int)] = [(80, 24), (100, 30), (160, 45)]

    @Test("the front page looks as recorded", arguments: sizes)
    func frontPage(width: Int, height: Int) {
        let layout = EditionLayout(edition: LayoutSample.edition, width: width, height: height)
        let text = PlainTextFormatter().format([layout.frontPage(page: 1, screen: 0)])
        Snapshot.expect(text, named: "front-\(width)x\(height).txt")
    }

    // Article 2 has an editor's note and subheads; article 3 opens with a dateline.
    @Test("the first page of an article looks as recorded", arguments: sizes, [1, 2])
    func articleFirstPage(size: (Int, Int), article: Int) {
        let layout = EditionLayout(edition: LayoutSample.edition, width: size.0, height: size.1)
        let text = PlainTextFormatter().format([layout.articlePage(article: article, screen: 0)])
        Snapshot.expect(text, named: "article\(article + 1)-\(size.0)x\(size.1).txt")
    }

    @Test("the coloured front page styles each role as recorded")
    func colouredFrontPage() {
        let layout = EditionLayout(edition: LayoutSample.edition, width: 100, height: 30)
        let text = ANSIFormatter().format([layout.frontPage(page: 1, screen: 0)])
        Snapshot.expect(text, named: "front-100x30.ansi.txt")
    }
}
