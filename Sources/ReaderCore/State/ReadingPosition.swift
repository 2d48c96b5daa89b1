/// Where the reader was in one edition, saved as they read.
public struct ReadingPosition: Codable, Hashable, Sendable {
    public var position: TextPosition
    public var updated: Timestamp

    public init(position: TextPosition, updated: Timestamp) {
        self.position = position
        self.updated = updated
    }
}
