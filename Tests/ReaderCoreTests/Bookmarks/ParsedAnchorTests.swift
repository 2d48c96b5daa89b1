import Foundation
import Testing

@testable import ReaderCore

/// Anchors in the sample edition as the real parser reads it, resolved in an
/// edited copy of the file.
@Suite("Anchors in the parsed sample edition")
struct ParsedAnchorTests {
    /// The folded text at `offset` of article `index`, `count` scalars long.
    static func text(_ edition: Edition, _ index: Int, _ offset: Int, _ count: Int) -> String {
        SampleAnchorTests.text(edition, index, offset, count)
    }

    /// Edits a re-issue might make, each keeping every article's text.
    static let edits: [(String, @Sendable (String) -> String)] = [
        (
            "ASCII punctuation repaired at the source",
            {
                $0.replacingOccurrences(of: ",", with: "，").replacingOccurrences(of: "(", with: "（")
                    .replacingOccurrences(of: ")", with: "）")
            }
        ),
        (
            "a correction paragraph added before every third paragraph",
            { text in
                var count = 0
                return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                    guard line.count > 40, !line.hasPrefix("#") else { return String(line) }
                    count += 1
                    return count % 3 == 0 ? "更正：本报昨日报道中的一处数字有误，特此更正。\n\n" + line : String(line)
                }.joined(separator: "\n")
            }
        ),
        (
            "trailing spaces and blank lines changed",
            {
                $0.replacingOccurrences(of: "  \n", with: "\n").replacingOccurrences(of: "\n\n", with: "\n\n\n")
            }
        ),
    ]

    @Test("every anchor in the parsed sample finds its text in an edited file", arguments: edits)
    func survivesEdit(label: String, edit: @Sendable (String) -> String) throws {
        let original = try String(contentsOfFile: SampleAnchorTests.sample, encoding: .utf8)
        let before = EditionParser().parse(text: original, name: "2023-03-29-zhuzhou-daily.md")
        let after = EditionParser().parse(text: edit(original), name: "2023-03-29-zhuzhou-daily.md")
        #expect(before.source.contentHash != after.source.contentHash)
        #expect(before.articles.count > 5)
        var checked = 0
        var lost: [String] = []
        for (index, article) in before.articles.enumerated() {
            for offset in stride(from: 0, to: article.characterCount, by: 53) {
                let anchor = TextAnchor(in: before, articleIndex: index, offset: offset)
                checked += 1
                // The anchor must land on its own words — unless the edit went through
                // them, in which case any place the resolver found near them will do.
                let want = Self.text(before, index, offset, 6)
                guard let found = anchor.resolve(in: after) else {
                    lost.append("\(article.headline) @\(offset): nowhere")
                    continue
                }
                let got = Self.text(after, found.articleIndex, found.offset, 6)
                let survived = Self.text(after, found.articleIndex, 0, Int.max / 2).contains(want)
                if got != want && (survived || found.match == .articleStart) {
                    lost.append("\(article.headline) @\(offset): [\(want)] → [\(got)]")
                }
            }
        }
        #expect(checked > 100)
        #expect(lost.isEmpty, "\(label): \(lost.count) of \(checked) anchors lost, e.g. \(lost.prefix(4))")
    }

    @Test("in the unchanged file every anchor resolves exactly")
    func unchanged() throws {
        let edition = try EditionLoader().edition(atPath: SampleAnchorTests.sample)
        for (index, article) in edition.articles.enumerated() {
            let anchor = TextAnchor(in: edition, articleIndex: index, offset: article.characterCount / 2)
            #expect(
                anchor.resolve(in: edition)
                    == ResolvedPosition(articleIndex: index, offset: anchor.offset, match: .exact))
        }
    }
}
