/// Where the reader was in one edition, saved as they read.
public struct ReadingPosition: Codable, Hashable, Sendable {
    public var position: TextAnchor
    public var updated: Timestamp

    public init(position: TextAnchor, updated: Timestamp) {
        self.position = position
        self.updated = updated
    }
}
