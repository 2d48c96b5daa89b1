/// A record that a bookmark was deleted, so that merging with a session
/// that still holds it does not bring it back.
public struct Tombstone: Codable, Hashable, Sendable {
    public var id: String
    public var deleted: Timestamp

    public init(id: String, deleted: Timestamp) {
        self.id = id
        self.deleted = deleted
    }
}
