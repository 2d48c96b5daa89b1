/// A place a reader marked to come back to.
public struct Bookmark: Codable, Hashable, Sendable, Identifiable {
    /// Random, UUID-shaped (`StateID`); merges across sessions go by it.
    public var id: String
    public var position: TextAnchor
    /// The article's headline when the bookmark was made.
    public var headline: String
    public var note: String?
    public var created: Timestamp
    /// Last change (creation or a note edit); the newer copy wins a merge.
    public var updated: Timestamp

    public init(id: String = StateID.make(), position: TextAnchor, headline: String,
                note: String? = nil, created: Timestamp, updated: Timestamp? = nil) {
        self.id = id
        self.position = position
        self.headline = headline
        self.note = note
        self.created = created
        self.updated = updated ?? created
    }

    /// The paper's title (from the edition id).
    public var paper: String { position.edition.title }
    /// The edition's ISO date, or "".
    public var date: String { position.edition.date }
}
