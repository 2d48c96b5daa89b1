import Foundation
import TestSupport
import Testing

@testable import ReaderCore

/// Anchors taken in the real sample edition, resolved in a corrected re-issue of it.
/// The edition is cut into articles crudely here (a heading starts one, every other
/// line is a paragraph), so that this does not depend on the parser.
@Suite("Anchors in the sample edition")
struct SampleAnchorTests {
    static let sample = TestPaths.sampleEdition

    /// Articles from markdown text: each `#` heading starts one, ids are the headings.
    static func edition(_ text: String, hash: String) -> Edition {
        var articles: [Article] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") {
                let headline = trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                articles.append(Article(id: headline, page: 1, headline: headline))
            } else if !trimmed.isEmpty, !articles.isEmpty {
                articles[articles.count - 1].blocks.append(Block(kind: .paragraph, text: trimmed))
            }
        }
        return Edition(
            masthead: Masthead(title: "株洲日报", date: EditionDate(year: 2023, month: 3, day: 29)),
            pages: [], articles: articles, repairs: [],
            source: EditionSource(name: "sample", contentHash: hash))
    }

    /// The folded text at `offset` in article `index`, `count` scalars long.
    static func text(_ edition: Edition, _ index: Int, _ offset: Int, _ count: Int = 12) -> String {
        let scalars = Array(edition.articles[index].blocks.map(\.text).joined().unicodeScalars)
        let end = min(scalars.count, offset + count)
        return String(String.UnicodeScalarView(scalars[offset..<end].map(ArticleText.fold)))
    }

    static let resizes: [((Int, Int), (Int, Int))] = [
        ((200, 60), (80, 24)), ((80, 24), (200, 60)), ((120, 40), (60, 20)), ((60, 20), (200, 50)),
    ]

    @Test("a bookmark made at one window size opens on the page holding its text at another", arguments: resizes)
    func survivesResize(from: (Int, Int), to: (Int, Int)) throws {
        let edition = Self.edition(try String(contentsOfFile: Self.sample, encoding: .utf8), hash: "h")
        let dir = StateFixtures.scratchDirectory()
        let before = EditionLayout(edition: edition, width: from.0, height: from.1)
        var marked: [(Bookmark, String)] = []
        let writer = BookmarkStore.open(.directory(dir))
        var tops = 0
        for article in edition.articles.indices {
            // The top of every screen (what `m` marks), and text inside screens too.
            var offsets = (0..<before.articleScreenCount(article: article)).map {
                before.position(atTopOf: article, screen: $0).offset
            }
            tops += offsets.count
            offsets += stride(from: 17, to: edition.articles[article].characterCount, by: 301)
            for offset in offsets where offset < edition.articles[article].characterCount {
                let top = TextPosition(article: article, offset: offset)
                marked.append((writer.addBookmark(in: edition, at: top), Self.text(edition, article, offset, 8)))
            }
        }
        if from.1 <= 24 { #expect(tops > edition.articles.count, "some article should span several screens") }
        let after = before.resized(width: to.0, height: to.1)
        let reader = BookmarkStore.open(.directory(dir))
        for (mark, text) in marked {
            guard let saved = reader.bookmark(id: mark.id), let found = saved.position.resolve(in: edition) else {
                Issue.record("bookmark \(mark.headline) @\(mark.position.offset) lost")
                continue
            }
            #expect(found.match == .exact)
            let screen = after.screen(containing: found.textPosition)
            let shown = after.textRange(article: found.articleIndex, screen: screen)
            #expect(shown.contains(found.offset), "\(mark.headline) @\(found.offset) not on screen \(screen) \(shown)")
            #expect(Self.text(edition, found.articleIndex, found.offset, 8) == text)
        }
    }

    @Test("every anchor in the sample finds its text in a corrected re-issue")
    func survivesReissue() throws {
        let original = try String(contentsOfFile: Self.sample, encoding: .utf8)
        // The re-issue: ASCII commas and brackets repaired, a broken paragraph joined,
        // and a correction notice at the head of every article.
        var corrected = original.replacingOccurrences(of: ",", with: "，")
            .replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
            .replacingOccurrences(of: "主\n\n办", with: "主办")
        corrected = corrected.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("#") ? line + "\n\n（本文有更正）" : String(line)
        }.joined(separator: "\n")
        let before = Self.edition(original, hash: "old"), after = Self.edition(corrected, hash: "new")
        #expect(before.articles.count == after.articles.count && before.articles.count > 5)

        var checked = 0, missed: [String] = []
        for (index, article) in before.articles.enumerated() {
            for offset in stride(from: 0, to: article.characterCount, by: 37) {
                let anchor = TextAnchor(in: before, articleIndex: index, offset: offset)
                let want = Self.text(before, index, offset)
                checked += 1
                guard let found = anchor.resolve(in: after), found.match == .quote,
                    Self.text(after, found.articleIndex, found.offset) == want
                else {
                    missed.append("\(article.headline) @\(offset): \(want)")
                    continue
                }
            }
        }
        #expect(checked > 100)
        #expect(missed.isEmpty, "\(missed.count) of \(checked) anchors lost: \(missed.prefix(5))")
    }
}
