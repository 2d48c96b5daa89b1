import Foundation
import Testing
@testable import ReaderCore

/// Anchors taken in the real sample edition, resolved in a corrected re-issue of it.
/// The edition is cut into articles crudely here (a heading starts one, every other
/// line is a paragraph), so that this does not depend on the parser.
@Suite("Anchors in the sample edition")
struct SampleAnchorTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Editions/2023-03-29-zhuzhou-daily.md").path

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
        return Edition(masthead: Masthead(title: "株洲日报", date: EditionDate(year: 2023, month: 3, day: 29)),
                       pages: [], articles: articles, repairs: [],
                       source: EditionSource(name: "sample", contentHash: hash))
    }

    /// The folded text at `offset` in article `index`, `count` scalars long.
    static func text(_ edition: Edition, _ index: Int, _ offset: Int, _ count: Int = 12) -> String {
        let scalars = Array(edition.articles[index].blocks.map(\.text).joined().unicodeScalars)
        let end = min(scalars.count, offset + count)
        return String(String.UnicodeScalarView(scalars[offset..<end].map(ArticleText.fold)))
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
                      Self.text(after, found.articleIndex, found.offset) == want else {
                    missed.append("\(article.headline) @\(offset): \(want)")
                    continue
                }
            }
        }
        #expect(checked > 100)
        #expect(missed.isEmpty, "\(missed.count) of \(checked) anchors lost: \(missed.prefix(5))")
    }
}
