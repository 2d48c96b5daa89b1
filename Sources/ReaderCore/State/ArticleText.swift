/// An article's body as one run of scalars, the way offsets count it:
/// its blocks in order with no separators.
struct ArticleText {
    let scalars: [Unicode.Scalar]

    /// Concatenates the body blocks of `article`.
    init(_ article: Article) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(article.characterCount)
        for block in article.blocks { scalars.append(contentsOf: block.text.unicodeScalars) }
        self.scalars = scalars
    }

    var count: Int { scalars.count }

    /// The text of `range` (clamped to the body).
    func string(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, count))
        let upper = max(lower, min(range.upperBound, count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }

    /// Whether `needle` occurs at `offset`.
    func matches(_ needle: [Unicode.Scalar], at offset: Int) -> Bool {
        guard offset >= 0, offset + needle.count <= count else { return false }
        for i in 0..<needle.count where scalars[offset + i] != needle[i] { return false }
        return true
    }

    /// Every offset at which `needle` occurs.
    func occurrences(of needle: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, needle.count <= count else { return [] }
        var found: [Int] = []
        let first = needle[0]
        for start in 0...(count - needle.count) where scalars[start] == first {
            if matches(needle, at: start) { found.append(start) }
        }
        return found
    }
}
