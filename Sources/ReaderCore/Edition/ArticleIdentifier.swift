/// Gives articles ids that stay the same when the edition is parsed again.
///
/// id = FNV-1a 64 (hex) of the headline with spaces removed; the second and later
/// articles with the same headline get `-2`, `-3`…. An untitled article hashes the
/// first 64 scalars of its body instead. Ids depend on the text, not on the
/// article's position, so inserting an article elsewhere does not change them.
public struct ArticleIdentifier: Sendable {
    private var seen: [String: Int] = [:]

    public init() {}

    /// The id for the next article with this headline and first block.
    public mutating func id(headline: String, firstText: String?) -> String {
        let key: String
        if headline.isEmpty {
            key = "untitled:" + String((firstText ?? "").unicodeScalars.prefix(64))
        } else {
            key = LineClassifier.squeezed(headline)
        }
        let base = FNV1a.hex(of: key)
        let n = (seen[base] ?? 0) + 1
        seen[base] = n
        return n == 1 ? base : "\(base)-\(n)"
    }
}
