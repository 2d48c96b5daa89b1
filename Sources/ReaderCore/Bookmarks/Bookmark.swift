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

    public init(
        id: String = StateID.make(), position: TextAnchor, headline: String,
        note: String? = nil, created: Timestamp, updated: Timestamp? = nil
    ) {
        self.id = id
        self.position = position
        self.headline = headline
        self.note = note
        self.created = created
        self.updated = updated ?? created
    }

    private enum CodingKeys: String, CodingKey { case id, position, headline, note, created, updated }

    /// Decodes a bookmark with its headline, note, paper and date made safe for a
    /// terminal (`ContentSanitizer.line`): state and import files may come from anywhere.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let clean = ContentSanitizer()
        id = try c.decode(String.self, forKey: .id)
        position = try c.decode(TextAnchor.self, forKey: .position)
        position.edition.title = clean.line(position.edition.title)
        position.edition.date = clean.line(position.edition.date)
        headline = clean.line(try c.decode(String.self, forKey: .headline))
        note = try c.decodeIfPresent(String.self, forKey: .note).map(clean.line)
        created = try c.decode(Timestamp.self, forKey: .created)
        updated = try c.decode(Timestamp.self, forKey: .updated)
    }

    /// The paper's title (from the edition id).
    public var paper: String { position.edition.title }
    /// The edition's ISO date, or "".
    public var date: String { position.edition.date }
}
