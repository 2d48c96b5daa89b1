import TestSupport
import Testing

@testable import ReaderCore

/// Random, hostile editions: long unbreakable runs, emoji, combining marks, empty
/// fields, every block kind. Seeded, so a failure reproduces.
@Suite("Layout of hostile editions")
struct LayoutRobustnessTests {
    static let pieces: [String] = [
        "株洲", "日报", "。", "，", "“", "”", "（", "）", "《", "》", "——", "……", " ",
        "\u{3000}", "abc", "https://example.com/a/very/long/path/without/breaks",
        "2023", "👨‍👩‍👧", "é", "e\u{0301}", "한국", "ｶﾀｶﾅ", "\t", "・", "！", "？", "𠀀",
    ]

    /// A random string of `count` pieces.
    static func text(_ count: Int, _ random: inout SeededRandom) -> String {
        (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
    }

    /// A random edition of a few articles over a few 版.
    static func edition(seed: UInt64) -> Edition {
        var random = SeededRandom(seed: seed)
        let kinds: [Block.Kind] = [.paragraph, .subhead, .editorsNote, .caption, .byline, .pullQuote, .rubric]
        let articles = (0..<Int.random(in: 1...6, using: &random)).map { n -> Article in
            let blocks = (0..<Int.random(in: 0...8, using: &random)).map { _ -> Block in
                let text = Self.text(Int.random(in: 0...60, using: &random), &random)
                let dateline = Int.random(in: 0...3, using: &random) == 0 ? min(4, text.unicodeScalars.count) : 0
                return Block(
                    kind: kinds[Int.random(in: 0..<kinds.count, using: &random)], text: text, datelineLength: dateline)
            }
            return Article(
                id: "r\(n)", page: Int.random(in: 1...3, using: &random),
                kicker: Bool.random(using: &random) ? Self.text(5, &random) : nil,
                headline: Self.text(Int.random(in: 0...12, using: &random), &random),
                deck: Bool.random(using: &random) ? Self.text(8, &random) : "",
                rubric: Bool.random(using: &random) ? Self.text(3, &random) : nil,
                bylines: Bool.random(using: &random) ? [Self.text(4, &random), ""] : [],
                dateline: Bool.random(using: &random) ? "株洲日报讯" : nil, blocks: blocks)
        }
        return Edition(
            masthead: Masthead(
                title: Self.text(Int.random(in: 0...4, using: &random), &random),
                lines: [Self.text(10, &random)]),
            pages: [], articles: articles, repairs: [], source: EditionSource(name: "random", contentHash: ""))
    }

    @Test("random editions lay out within the size and keep every body character", arguments: 0..<12)
    func randomEdition(seed: Int) {
        let edition = Self.edition(seed: UInt64(seed))
        var random = SeededRandom(seed: UInt64(1000 + seed))
        let width = Int.random(in: 20...200, using: &random)
        let height = Int.random(in: 8...60, using: &random)
        let columns: Int? = Bool.random(using: &random) ? nil : 1
        let layout = EditionLayout(
            edition: edition, width: width, height: height, options: LayoutOptions(columns: columns))
        let measure = DisplayWidth()
        var pages: [ScreenPage] = []
        for page in layout.pageNumbers {
            pages += (0..<layout.frontPageScreenCount(page: page)).map { layout.frontPage(page: page, screen: $0) }
        }
        for (index, article) in edition.articles.enumerated() {
            var shown = String.UnicodeScalarView()
            for screen in 0..<layout.articleScreenCount(article: index) {
                let page = layout.articlePage(article: index, screen: screen)
                pages.append(page)
                for run in page.runs.filter({ $0.source != nil }).sorted(by: {
                    ($0.row, $0.column) < ($1.row, $1.column)
                }) {
                    shown.append(contentsOf: run.text.unicodeScalars)
                }
                let top = layout.position(atTopOf: index, screen: screen)
                #expect(
                    layout.textRange(article: index, screen: layout.screen(containing: top)).lowerBound == top.offset
                        || layout.textRange(article: index, screen: screen).isEmpty)
            }
            if columns == 1 {
                let blank: Set<Unicode.Scalar> = [" ", "\u{3000}", "\t"]
                let expected = String(
                    String.UnicodeScalarView(
                        article.blocks.map(\.text).joined().unicodeScalars.filter { !blank.contains($0) }))
                let actual = String(String.UnicodeScalarView(shown.filter { !blank.contains($0) }))
                #expect(actual == expected, "seed \(seed), article \(index + 1) at \(width)×\(height)")
            }
        }
        for page in pages {
            let lines = PlainTextFormatter().format(page).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count <= height, "seed \(seed): \(page.content)")
            for line in lines { #expect(measure.of(line) <= width, "seed \(seed): \(page.content): \(line)") }
        }
    }
}
