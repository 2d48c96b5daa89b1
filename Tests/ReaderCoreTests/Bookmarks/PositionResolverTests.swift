import Testing

@testable import ReaderCore

@Suite("Text positions and re-anchoring")
struct PositionResolverTests {
    typealias F = StateFixtures

    /// The position at the first occurrence of `needle` in article `index` of `edition`.
    func position(of needle: String, article index: Int, in edition: Edition) -> TextAnchor {
        let body = edition.articles[index].blocks.map(\.text).joined()
        let offset = body.unicodeScalars.distance(
            from: body.unicodeScalars.startIndex,
            to: body.range(of: needle)!.lowerBound.samePosition(in: body.unicodeScalars)!)
        return TextAnchor(in: edition, articleIndex: index, offset: offset)
    }

    /// The article text from `resolved` on, `count` scalars.
    func text(at resolved: ResolvedPosition, in edition: Edition, count: Int = 6) -> String {
        let scalars = Array(edition.articles[resolved.articleIndex].blocks.map(\.text).joined().unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[resolved.offset..<min(scalars.count, resolved.offset + count)])
        return String(view)
    }

    @Test("a position records its edition, article, offset and a quote of the text there")
    func makesPosition() {
        let p = position(of: "会议指出", article: 0, in: F.original)
        #expect(p.edition == EditionID(title: "株洲日报", date: "2023-03-29", contentHash: "aaaa"))
        #expect(p.article == "project-meeting")
        #expect(p.offset == F.firstParagraph.unicodeScalars.count)
        #expect(p.quote.unicodeScalars.count == TextAnchor.quoteLength)
        #expect(p.quote.hasPrefix("会议指出，要坚持项目为王"))
    }

    @Test("near the end of an article the quote starts before the offset")
    func quoteNearEnd() {
        let p = position(of: "高峰", article: 1, in: F.original)
        #expect(p.quoteOffset < p.offset)
        #expect(p.quote.hasSuffix("管护高峰。"))
        #expect(p.resolve(in: F.original) == ResolvedPosition(articleIndex: 1, offset: p.offset, match: .exact))
    }

    @Test("in the unchanged edition a position resolves exactly")
    func exact() {
        let p = position(of: "推动经济", article: 0, in: F.original)
        #expect(p.resolve(in: F.original) == ResolvedPosition(articleIndex: 0, offset: p.offset, match: .exact))
    }

    /// Edited versions of the original, and the text the position must land on.
    static let edits: [(String, Edition)] = [
        (
            "a paragraph inserted before it",
            F.edition(
                hash: "bbbb",
                articles: [
                    (
                        "project-meeting", "全市项目建设推进会召开",
                        ["编者按：项目是发展的生命线。", F.firstParagraph, F.secondParagraph]
                    ),
                    ("yanling-peach", "炎陵黄桃春管忙", [F.otherParagraph]),
                ])
        ),
        (
            "a duplicated paragraph dropped before it",
            F.edition(
                hash: "cccc",
                articles: [
                    ("project-meeting", "全市项目建设推进会召开", [F.secondParagraph]),
                    ("yanling-peach", "炎陵黄桃春管忙", [F.otherParagraph]),
                ])
        ),
        (
            "its article moved to the end of the paper",
            F.edition(
                hash: "dddd",
                articles: [
                    ("yanling-peach", "炎陵黄桃春管忙", [F.otherParagraph]),
                    ("project-meeting", "全市项目建设推进会召开", [F.firstParagraph, F.secondParagraph]),
                ])
        ),
        (
            "its headline corrected, so its article id changed",
            F.edition(
                hash: "eeee",
                articles: [
                    ("project-meeting-2", "全市项目建设推进大会召开", [F.firstParagraph, F.secondParagraph]),
                    ("yanling-peach", "炎陵黄桃春管忙", [F.otherParagraph]),
                ])
        ),
        (
            "a sentence inserted a few characters after it",
            F.edition(
                hash: "gggg",
                articles: [
                    (
                        "project-meeting", "全市项目建设推进会召开",
                        [F.firstParagraph, "会议指出，要坚持", "（此处有删节）", "项目为王，以更大力度抓招商、上项目、优服务，推动经济高质量发展。"]
                    ),
                    ("yanling-peach", "炎陵黄桃春管忙", [F.otherParagraph]),
                ])
        ),
        (
            "a word changed inside the quote's second half",
            F.edition(
                hash: "ffff",
                articles: [
                    (
                        "project-meeting", "全市项目建设推进会召开",
                        [F.firstParagraph, "会议指出，要坚持项目为王，以更强力度抓招商、上项目、优服务，推动经济高质量发展。"]
                    ),
                    ("yanling-peach", "炎陵黄桃春管忙", [F.otherParagraph]),
                ])
        ),
    ]

    @Test("a position finds its text again in an edited edition", arguments: edits)
    func reanchors(_ label: String, edited: Edition) {
        let p = position(of: "会议指出", article: 0, in: F.original)
        let resolved = p.resolve(in: edited)
        #expect(resolved?.match == .quote, "\(label)")
        #expect(resolved.map { text(at: $0, in: edited, count: 4) } == "会议指出", "\(label)")
        #expect(resolved.map { edited.articles[$0.articleIndex].headline.contains("推进") } == true)
    }

    @Test("the same bytes cut differently by a newer parser are found by the quote")
    func sameHashNewOffsets() {
        let reparsed = F.edition(
            hash: "aaaa",
            articles: [
                ("project-meeting", "全市项目建设推进会召开", ["（本报讯）", F.firstParagraph, F.secondParagraph])
            ])
        let p = position(of: "会议指出", article: 0, in: F.original)
        let resolved = p.resolve(in: reparsed)
        #expect(resolved?.match == .quote)
        #expect(resolved.map { text(at: $0, in: reparsed, count: 4) } == "会议指出")
    }

    @Test("a repeated phrase re-anchors to the occurrence nearest the old offset")
    func nearestOccurrence() {
        let phrase = "项目建设是头等大事，必须抓紧抓实。"
        let original = F.edition(hash: "1", articles: [("a", "甲", [phrase, "中间一段。", phrase])])
        let p = TextAnchor(
            in: original, articleIndex: 0,
            offset: phrase.unicodeScalars.count + "中间一段。".unicodeScalars.count)
        let edited = F.edition(hash: "2", articles: [("a", "甲", ["新增一句。", phrase, "中间一段。", phrase])])
        let resolved = p.resolve(in: edited)
        #expect(resolved?.offset == p.offset + "新增一句。".unicodeScalars.count)
    }

    @Test("when the quote is gone the article's start is used, and nil when the article is gone too")
    func fallbacks() {
        let p = position(of: "会议指出", article: 0, in: F.original)
        let rewritten = F.edition(
            hash: "9",
            articles: [
                ("project-meeting", "全市项目建设推进会召开", ["全文重写，原句已不复存在。"])
            ])
        #expect(p.resolve(in: rewritten) == ResolvedPosition(articleIndex: 0, offset: 0, match: .articleStart))
        let other = F.edition(hash: "9", articles: [("weather", "今日天气", ["晴转多云。"])])
        #expect(p.resolve(in: other) == nil)
    }

    @Test("an offset past the end of the body is clamped when the position is made")
    func clamps() {
        let p = TextAnchor(in: F.original, articleIndex: 1, offset: 10_000)
        #expect(p.offset == F.otherParagraph.unicodeScalars.count)
        #expect(p.resolve(in: F.original)?.match == .exact)
    }
}
