import Foundation
import Testing

@testable import ReaderCore

/// Stored positions from a state file someone crafted: every number is clamped on
/// the way in, and resolving never traps.
@Suite("Hostile numbers in stored positions")
struct HostileAnchorTests {
    typealias F = StateFixtures

    /// A stored anchor in `article` with the given numbers, as JSON text.
    static func json(
        article: String, offset: String, quoteOffset: String, page: String = "null",
        quote: String = "会议指出，要坚持项目为王"
    ) -> String {
        """
        {"edition": {"title": "株洲日报", "date": "2023-03-29", "contentHash": "zzzz"},
         "article": "\(article)", "offset": \(offset), "quote": "\(quote)",
         "quoteOffset": \(quoteOffset), "page": \(page)}
        """
    }

    static let extremes: [(String, String)] = [
        ("9223372036854775807", "-9223372036854775808"),
        ("-9223372036854775808", "9223372036854775807"),
        ("9223372036854775807", "9223372036854775807"),
        ("-1", "-9223372036854775808"),
    ]

    @Test("offsets at Int.max and Int.min decode clamped into 0…maximumOffset", arguments: extremes)
    func decodingClamps(offset: String, quoteOffset: String) throws {
        let text = Self.json(
            article: "project-meeting", offset: offset, quoteOffset: quoteOffset,
            page: "-9223372036854775808")
        let anchor = try JSONDecoder().decode(TextAnchor.self, from: Data(text.utf8))
        #expect((0...TextAnchor.maximumOffset).contains(anchor.offset))
        #expect((0...TextAnchor.maximumOffset).contains(anchor.quoteOffset))
        #expect(anchor.page == 0)
        #expect(anchor.article == "project-meeting")
    }

    @Test(
        "a crafted anchor resolves inside its article (found by quote, or at its start), in memory or decoded",
        arguments: extremes, ["project-meeting", "yanling-peach", "gone"])
    func resolvingNeverTraps(numbers: (String, String), article: String) throws {
        let text = Self.json(article: article, offset: numbers.0, quoteOffset: numbers.1)
        let decoded = try JSONDecoder().decode(TextAnchor.self, from: Data(text.utf8))
        var raw = decoded
        raw.offset = Int(numbers.0)!
        raw.quoteOffset = Int(numbers.1)!
        for anchor in [decoded, raw] {
            guard let resolved = PositionResolver.resolve(anchor, in: F.original) else {
                #expect(article == "gone" || F.original.articles.isEmpty)
                continue
            }
            let count = ArticleText(F.original.articles[resolved.articleIndex]).count
            #expect((0...count).contains(resolved.offset), "offset \(resolved.offset) outside 0…\(count)")
        }
    }

    @Test("a sane stored anchor decodes unchanged and round-trips")
    func saneAnchorRoundTrips() throws {
        let anchor = TextAnchor(in: F.original, articleIndex: 0, offset: 12)
        let data = try JSONEncoder().encode(anchor)
        #expect(try JSONDecoder().decode(TextAnchor.self, from: data) == anchor)
    }
}
