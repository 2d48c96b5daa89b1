import Foundation

@testable import ReaderCore

/// Where wrapped display lines (kickers, headlines, decks, bylines) break on the screens
/// of an edition: every front-page screen and every article's first screen, at a width.
/// A break is judged by ICU's word boundaries over the whole field; a break after a space
/// is a phrase break.
enum HeadlineBreakSurvey {
    /// One break between two rows of one field.
    struct Break: Equatable {
        var role: Role
        var text: String
        /// Scalar offset in `text` where the second row starts (spaces before it included).
        var offset: Int
        var atSpace: Bool
        var insideWord: Bool
    }

    static let roles: Set<Role> = [.kicker, .headline, .deck, .byline]

    /// The breaks of every wrapped display field on the screens of `edition` at `width`.
    static func breaks(_ edition: Edition, width: Int, height: Int = 60) -> [Break] {
        let layout = EditionLayout(edition: edition, width: width, height: height)
        var found: [Break] = []
        for page in edition.pages.map(\.number) {
            for screen in 0..<layout.frontPageScreenCount(page: page) {
                let shown = layout.frontPage(page: page, screen: screen)
                found += breaks(on: shown, edition: edition)
            }
        }
        for article in edition.articles.indices {
            found += breaks(on: layout.articlePage(article: article, screen: 0), edition: edition)
        }
        return found
    }

    /// The breaks of the display fields drawn on one screen page.
    static func breaks(on page: ScreenPage, edition: Edition) -> [Break] {
        // Rows of each (block, role): on a front page the block is the jump target holding the run.
        var rows: [String: [Int: [PlacedRun]]] = [:]
        var articleOf: [String: Int] = [:]
        for run in page.runs where roles.contains(run.role) && !run.isEmpty {
            let article: Int?
            switch page.content {
            case .article(let index, _): article = index
            default: article = page.targets.first { $0.contains(row: run.row, column: run.column) }?.article
            }
            guard let article else { continue }
            let key = "\(article)/\(run.role.rawValue)"
            rows[key, default: [:]][run.row, default: []].append(run)
            articleOf[key] = article
        }
        var found: [Break] = []
        for (key, byRow) in rows {
            guard let article = articleOf[key], byRow.count > 1 else { continue }
            let role = byRow.values.first!.first!.role
            let fields = self.fields(of: edition.articles[article], role: role)
            let texts = byRow.keys.sorted().map { row in
                byRow[row]!.sorted { $0.column < $1.column }.map(\.text).joined()
            }
            found += breaks(rows: texts, fields: fields, role: role)
        }
        return found
    }

    /// The texts a role's rows draw, in order.
    static func fields(of article: Article, role: Role) -> [String] {
        switch role {
        case .kicker: return article.kicker.map { [$0] } ?? []
        case .headline: return [article.headline]
        case .deck: return article.deck.map { [$0] } ?? []
        case .byline: return [article.bylines.filter { !$0.isEmpty }.joined(separator: " ")]
        default: return []
        }
    }

    /// Breaks between consecutive `rows` that together draw `fields` (matched without spaces).
    static func breaks(rows: [String], fields: [String], role: Role) -> [Break] {
        guard let text = fields.first, !text.isEmpty else { return [] }
        let scalars = Array(text.unicodeScalars)
        let isSpace = scalars.map { $0 == " " || $0 == "\u{3000}" }
        let positions = scalars.indices.filter { !isSpace[$0] } // non-space scalars, in order
        let words = WordSegmenter().boundaries(scalars)
        var found: [Break] = []
        var consumed = 0
        for (n, row) in rows.enumerated() {
            consumed += row.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }.count
            guard n < rows.count - 1, consumed < positions.count else { continue }
            let offset = positions[consumed]
            let atSpace = offset > 0 && isSpace[offset - 1]
            found.append(
                Break(
                    role: role, text: text, offset: offset, atSpace: atSpace,
                    insideWord: !atSpace && !words[offset]))
        }
        return found
    }
}
