/// The exact correspondence between a source text and its conversion, in scalar offsets.
///
/// Both texts split into the same sequence of pieces: most are one scalar for one (the
/// identity, not stored), a few are a phrase whose conversion has another length
/// (U盘 → 隨身碟), stored as `Piece`s in order. Offsets at piece boundaries map exactly
/// both ways; an offset inside a changed piece maps to the same place in the other
/// text's piece, clamped to its last scalar, and a range is widened to whole pieces.
public struct OffsetMap: Sendable, Equatable {
    /// One converted phrase whose length changed.
    public struct Piece: Sendable, Equatable {
        public var source: Int
        public var sourceLength: Int
        public var converted: Int
        public var convertedLength: Int
    }

    /// The changed pieces, ascending in both texts.
    public private(set) var pieces: [Piece] = []
    public private(set) var sourceLength = 0
    public private(set) var convertedLength = 0

    /// The identity map of a text `length` scalars long.
    public init(identity length: Int = 0) {
        sourceLength = length
        convertedLength = length
    }

    /// True when every offset maps to itself.
    public var isIdentity: Bool { pieces.isEmpty && sourceLength == convertedLength }

    /// Extends the map by `length` scalars that convert one for one.
    public mutating func appendIdentity(_ length: Int) {
        sourceLength += length
        convertedLength += length
    }

    /// Extends the map by a phrase of `sourceLength` scalars converted to `convertedLength`.
    public mutating func appendPhrase(sourceLength: Int, convertedLength: Int) {
        if sourceLength == convertedLength {
            appendIdentity(sourceLength)
            return
        }
        pieces.append(
            Piece(
                source: self.sourceLength, sourceLength: sourceLength,
                converted: self.convertedLength, convertedLength: convertedLength))
        self.sourceLength += sourceLength
        self.convertedLength += convertedLength
    }

    /// Extends the map by another text's map (the next block of an article).
    public mutating func append(_ other: OffsetMap) {
        for piece in other.pieces {
            var moved = piece
            moved.source += sourceLength
            moved.converted += convertedLength
            pieces.append(moved)
        }
        sourceLength += other.sourceLength
        convertedLength += other.convertedLength
    }

    /// The converted offset of source offset `offset`.
    public func converted(_ offset: Int) -> Int {
        guard let piece = last(where: { $0.source <= offset }) else { return offset }
        if offset < piece.source + piece.sourceLength {
            return piece.converted + min(offset - piece.source, max(0, piece.convertedLength - 1))
        }
        return offset - (piece.source + piece.sourceLength) + piece.converted + piece.convertedLength
    }

    /// The source offset of converted offset `offset`.
    public func source(_ offset: Int) -> Int {
        guard let piece = last(where: { $0.converted <= offset }) else { return offset }
        if offset < piece.converted + piece.convertedLength {
            return piece.source + min(offset - piece.converted, max(0, piece.sourceLength - 1))
        }
        return offset - (piece.converted + piece.convertedLength) + piece.source + piece.sourceLength
    }

    /// The converted scalars that show source `range` (widened to whole changed phrases).
    public func converted(_ range: Range<Int>) -> Range<Int> {
        let lower = boundary(range.lowerBound, up: false, key: \.source, length: \.sourceLength)
        let upper = boundary(range.upperBound, up: true, key: \.source, length: \.sourceLength)
        return lower..<max(lower, upper)
    }

    /// The source scalars shown by converted `range` (widened to whole changed phrases).
    public func source(_ range: Range<Int>) -> Range<Int> {
        let lower = boundary(range.lowerBound, up: false, key: \.converted, length: \.convertedLength)
        let upper = boundary(range.upperBound, up: true, key: \.converted, length: \.convertedLength)
        return lower..<max(lower, upper)
    }

    /// The other text's offset of a boundary at `offset` (measured by `key`), moved to
    /// the start (or, `up`, the end) of a changed phrase it falls inside.
    private func boundary(
        _ offset: Int, up: Bool, key: KeyPath<Piece, Int>, length: KeyPath<Piece, Int>
    ) -> Int {
        let other: KeyPath<Piece, Int> = key == \Piece.source ? \.converted : \.source
        let otherLength: KeyPath<Piece, Int> = key == \Piece.source ? \.convertedLength : \.sourceLength
        guard let piece = last(where: { $0[keyPath: key] < offset }) else { return offset }
        let end = piece[keyPath: key] + piece[keyPath: length]
        if offset < end { return piece[keyPath: other] + (up ? piece[keyPath: otherLength] : 0) }
        return offset - end + piece[keyPath: other] + piece[keyPath: otherLength]
    }

    /// The last piece for which `isBefore` holds (pieces are ascending), by bisection.
    private func last(where isBefore: (Piece) -> Bool) -> Piece? {
        var low = 0
        var high = pieces.count
        while low < high {
            let mid = (low + high) / 2
            if isBefore(pieces[mid]) { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : pieces[low - 1]
    }
}
