import Foundation
import ReaderCore

/// The sample edition for reader tests, read with a tiny markdown reader so these
/// tests do not depend on the real parser's repairs (headings → articles,
/// `###` → subheads, a short line before a heading → its kicker).
enum SampleEdition {
    /// The repo's `Editions/2023-03-29-zhuzhou-daily.md`, found from this file.
    static let path: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Editions/2023-03-29-zhuzhou-daily.md"
    }()

    /// The sample, parsed once.
    static let edition: Edition = {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return read(text)
    }()

    /// Reads markdown text into an edition.
    static func read(_ text: String) -> Edition {
        var title = ""
        var mastheadLines: [String] = []
        var articles: [Article] = []
        var pending: [String] = []   // paragraphs not yet given to an article
        var inMasthead = true
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if inMasthead, !title.isEmpty, !mastheadLines.isEmpty { inMasthead = false }
                continue
            }
            if title.isEmpty, line.hasPrefix("# ") {
                title = String(line.dropFirst(2))
                continue
            }
            if inMasthead {
                mastheadLines.append(line)
                continue
            }
            if line.hasPrefix("### ") {
                flush(&pending, into: &articles)
                if !articles.isEmpty {
                    articles[articles.count - 1].blocks.append(Block(kind: .subhead, text: String(line.dropFirst(4))))
                }
            } else if line.hasPrefix("#") {
                var kicker: String?
                if let last = pending.last, last.count <= 30 { kicker = last; pending.removeLast() }
                flush(&pending, into: &articles)
                let headline = String(line.drop { $0 == "#" }.drop { $0 == " " })
                articles.append(Article(id: "a\(articles.count + 1)", page: 1, kicker: kicker, headline: headline))
            } else if line.hasPrefix("——"), let last = articles.indices.last, articles[last].blocks.isEmpty,
                      pending.isEmpty {
                articles[last].deck = line
            } else {
                pending.append(line)
            }
        }
        flush(&pending, into: &articles)
        let date = EditionDate(year: 2023, month: 3, day: 29)
        return Edition(masthead: Masthead(title: title, date: date, lines: mastheadLines),
                       pages: [EditionPage(number: 1)], articles: articles, repairs: [],
                       source: EditionSource(name: path, contentHash: "test"))
    }

    /// Moves pending paragraphs into the last article.
    private static func flush(_ pending: inout [String], into articles: inout [Article]) {
        guard let last = articles.indices.last else { pending = []; return }
        for text in pending { articles[last].blocks.append(Block(kind: .paragraph, text: text)) }
        pending = []
    }
}
