/// Edition text after reading, decoding and sanitising: ready for `EditionParser`.
public struct LoadedEdition: Sendable, Equatable {
    /// Sanitised text: valid Unicode, no control sequences, LF line ends.
    public var text: String
    /// Name, content hash and decoding counts.
    public var source: EditionSource

    public init(text: String, source: EditionSource) {
        self.text = text
        self.source = source
    }
}
