import Testing

@testable import ReaderCore

/// A cluster of thousands of combining marks is drawn with its first few only.
@Suite("Combining marks per drawn cell")
struct ClusterCapTests {
    static let storm = "e" + String(repeating: "\u{301}", count: 50_000)

    /// An edition whose headline and body hold `cluster`.
    static func edition(_ cluster: String) -> Edition {
        let text = "# 株洲日报\n\n2023年3月29日 星期三\n\n## 风暴" + cluster + "标题\n\n正文" + cluster + "继续。\n"
        return EditionParser().parse(EditionLoader.decode(Array(text.utf8), name: "storm.md"))
    }

    @Test(
        "--dump sends a 50,000-mark cluster with 16 marks, and the text keeps all of them",
        arguments: [(80, 24), (40, 12)])
    func dumpIsCapped(width: Int, height: Int) throws {
        let edition = Self.edition(Self.storm)
        let layout = EditionLayout(edition: edition, width: width, height: height)
        let pages = [
            layout.frontPage(page: layout.pageNumbers[0], screen: 0), layout.articlePage(article: 0, screen: 0),
        ]
        let dumped = PlainTextFormatter().format(pages)
        #expect(dumped.utf8.count < 8_000, "\(dumped.utf8.count) bytes")
        let capped = "e" + String(repeating: "\u{301}", count: DisplayWidth.marksPerCell)
        #expect(dumped.unicodeScalars.filter { $0 == "\u{301}" }.count >= DisplayWidth.marksPerCell)
        #expect(dumped.contains(capped))
        // The model is untouched: offsets count every mark.
        let body = try #require(edition.articles.first?.blocks.first?.text)
        #expect(body.unicodeScalars.filter { $0 == "\u{301}" }.count == 50_000)
    }

    @Test(
        "short clusters are drawn whole",
        arguments: ["é", "e\u{301}\u{302}\u{303}", "👨‍👩‍👧‍👦", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"])
    func shortClustersWhole(cluster: String) {
        let layout = EditionLayout(edition: Self.edition(cluster), width: 80, height: 24)
        let dumped = PlainTextFormatter().format([layout.articlePage(article: 0, screen: 0)])
        #expect(dumped.contains(cluster))
    }
}
