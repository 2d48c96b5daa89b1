// STUB (skeleton): replaced by the text engine (issue 2) with generated tables.

/// How East Asian Ambiguous characters (“ ” — … · ①) are measured.
public enum AmbiguousWidth: String, Sendable, Equatable, Codable, CaseIterable {
    case narrow
    case wide
}

/// Measures text in terminal cells.
public struct DisplayWidth: Sendable, Equatable {
    public var ambiguous: AmbiguousWidth

    public init(ambiguous: AmbiguousWidth = .narrow) {
        self.ambiguous = ambiguous
    }

    /// Cells taken by one scalar on its own: 0, 1 or 2.
    public func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v)
            || (0x20000...0x3FFFD).contains(v) { return 2 }
        return 1
    }

    /// Cells taken by one grapheme cluster.
    public func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        return of(first)
    }

    /// Cells taken by a string.
    public func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }
}
