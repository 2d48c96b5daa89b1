import ReaderCore

/// Finds a query in the body text of every article (scalar offsets).
public enum SearchIndex {
    /// At most this many matches are kept, so a huge edition stays bounded.
    public static let limit = 10_000

    /// Every non-overlapping occurrence of `query`, in reading order.
    public static func find(_ query: String, in edition: Edition) -> [SearchMatch] {
        let needle = Array(query.unicodeScalars)
        guard !needle.isEmpty else { return [] }
        var matches: [SearchMatch] = []
        for (index, article) in edition.articles.enumerated() {
            var hay: [Unicode.Scalar] = []
            hay.reserveCapacity(article.characterCount)
            for block in article.blocks { hay.append(contentsOf: block.text.unicodeScalars) }
            guard hay.count >= needle.count else { continue }
            var i = 0
            while i <= hay.count - needle.count {
                if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) {
                    matches.append(SearchMatch(article: index, range: i..<(i + needle.count)))
                    if matches.count >= limit { return matches }
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return matches
    }
}
