import ReaderCore

/// Finds a query in every article: its headline block (kicker, headline, deck)
/// and its body text (scalar offsets). Matching folds full-width ASCII forms to
/// ASCII and Latin capitals to small letters, so `,` finds `，`, `（` finds `(`
/// and `ＣＥＳＳ` finds `CESS`, the way the paper's repaired and unrepaired
/// punctuation both appear. With a `ScriptFold` it also folds Traditional forms to
/// Simplified ones on both sides, so 资料 finds 資料 and the other way round, in
/// whatever script the edition is shown: offsets are always the original text's.
public enum SearchIndex {
    /// At most this many matches are kept, so a huge edition stays bounded.
    public static let limit = 10_000

    /// Every non-overlapping occurrence of `query`, in reading order: an article's
    /// headline block first (one match, at offset 0), then its body.
    public static func find(_ query: String, in edition: Edition, scripts: ScriptFold? = nil) -> [SearchMatch] {
        let fold = Folding(scripts: scripts)
        let needle = query.unicodeScalars.map(fold.callAsFunction)
        guard !needle.isEmpty else { return [] }
        var matches: [SearchMatch] = []
        var hay: [Unicode.Scalar] = []
        for (index, article) in edition.articles.enumerated() {
            let heads = [article.kicker, article.headline, article.deck].compactMap { $0 }
            if heads.contains(where: { contains($0.unicodeScalars.map(fold.callAsFunction), needle) }) {
                matches.append(SearchMatch(article: index, range: 0..<0, inHeadline: true))
                if matches.count >= limit { return matches }
            }
            hay.removeAll(keepingCapacity: true)
            for block in article.blocks {
                hay.append(contentsOf: block.text.unicodeScalars.lazy.map(fold.callAsFunction))
            }
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

    /// The whole fold: `fold` below, then the script fold when there is one. A struct,
    /// not a closure, so that the loop over a 10 MB edition inlines it.
    struct Folding {
        let scripts: ScriptFold?

        /// `scalar` as matching sees it.
        @inline(__always)
        func callAsFunction(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            let folded = SearchIndex.fold(scalar)
            guard let scripts else { return folded }
            return scripts.fold(folded)
        }
    }

    /// A scalar as matching sees it; always one scalar for one, so offsets hold.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        var value = scalar.value
        if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 } // ，（：Ａ１ → ,(:A1
        if (0x41...0x5A).contains(value) { value += 0x20 } // A → a
        return Unicode.Scalar(value) ?? scalar
    }

    /// Whether `needle` occurs in `hay`.
    private static func contains(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard hay.count >= needle.count else { return false }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
            if hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
