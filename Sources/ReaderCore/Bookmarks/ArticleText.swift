/// An article's body as one run of scalars, the way offsets count it:
/// its blocks in order with no separators.
struct ArticleText {
    let scalars: [Unicode.Scalar]
    /// `scalars` through `fold`, for finding quotes.
    private let folded: [Unicode.Scalar]

    /// Concatenates the body blocks of `article`.
    init(_ article: Article) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(article.characterCount)
        for block in article.blocks { scalars.append(contentsOf: block.text.unicodeScalars) }
        self.scalars = scalars
        self.folded = scalars.map(ArticleText.fold)
    }

    /// ASCII punctuation as its full-width form, so that a quote taken before the
    /// parser repaired `,` to `，` (or after) still matches. One scalar for one,
    /// so offsets are unchanged.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case ",", "(", ")", ":", ";", "!", "?":
            return Unicode.Scalar(scalar.value + 0xFEE0)!
        default:
            return scalar
        }
    }

    /// `text` folded for matching.
    static func folded(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.map(fold)
    }

    var count: Int { scalars.count }

    /// The scalars of `range` in `article`'s body (clamped), decoding only the
    /// blocks the range touches: an anchor is taken on every save, and an article
    /// can be long.
    static func excerpt(of article: Article, _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        var blockStart = 0
        for block in article.blocks {
            guard blockStart < range.upperBound else { break }
            let scalars = block.text.unicodeScalars
            let count = scalars.count
            defer { blockStart += count }
            guard blockStart + count > range.lowerBound else { continue }
            let lower = max(range.lowerBound - blockStart, 0)
            let upper = min(range.upperBound - blockStart, count)
            let from = scalars.index(scalars.startIndex, offsetBy: lower)
            let to = scalars.index(from, offsetBy: upper - lower)
            view.append(contentsOf: scalars[from..<to])
        }
        return String(view)
    }

    /// The text of `range` (clamped to the body).
    func string(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, count))
        let upper = max(lower, min(range.upperBound, count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }

    /// Whether folded `needle` occurs at `offset`.
    func matches(_ needle: [Unicode.Scalar], at offset: Int) -> Bool {
        guard offset >= 0, offset + needle.count <= count else { return false }
        for i in 0..<needle.count where folded[offset + i] != needle[i] { return false }
        return true
    }

    /// Every offset at which folded `needle` occurs.
    func occurrences(of needle: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, needle.count <= count else { return [] }
        var found: [Int] = []
        let first = needle[0]
        for start in 0...(count - needle.count) where folded[start] == first {
            if matches(needle, at: start) { found.append(start) }
        }
        return found
    }
}
