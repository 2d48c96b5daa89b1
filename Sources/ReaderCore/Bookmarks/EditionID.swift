/// An edition's stable identity: the paper's title and ISO date, plus the hash
/// of the file's bytes. Title + date say *which* edition; the hash says
/// whether the text is byte-for-byte the one a position was taken in.
public struct EditionID: Codable, Hashable, Sendable {
    /// The masthead title, e.g. 株洲日报.
    public var title: String
    /// yyyy-mm-dd, or "" when the masthead carries no date.
    public var date: String
    /// `EditionSource.contentHash` of the file the position was taken in.
    public var contentHash: String

    public init(title: String, date: String, contentHash: String) {
        self.title = title
        self.date = date
        self.contentHash = contentHash
    }

    /// The identity of `edition`.
    public init(_ edition: Edition) {
        self.init(
            title: edition.masthead.title,
            date: edition.masthead.date?.description ?? "",
            contentHash: edition.source.contentHash)
    }

    /// The key reading positions are stored under: title and date, so that a
    /// corrected file of the same edition resumes too. An undated edition falls
    /// back to its hash, so that two undated papers never share a position.
    public var key: String {
        date.isEmpty ? "\(title)#\(contentHash)" : "\(title) \(date)"
    }
}
