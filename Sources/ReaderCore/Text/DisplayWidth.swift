/// How East Asian Ambiguous characters (“ ” — … · ①) are measured.
public enum AmbiguousWidth: String, Sendable, Equatable, Codable, CaseIterable {
    case narrow
    case wide
}

/// Measures text in terminal cells, following UAX #11 and emoji presentation,
/// in agreement with glibc's `wcwidth` (which ncursesw uses to place characters).
///
/// Widths come from `WidthTable`, a two-stage table generated from the Unicode
/// 15.0 data by `Scripts/gen-unicode-tables.py` and laid out at compile time.
/// Control characters (C0, DEL, C1, U+2028, U+2029) measure 0 cells; they must
/// never reach the terminal, and the sanitizer removes them before layout.
public struct DisplayWidth: Sendable {
    public var ambiguous: AmbiguousWidth {
        didSet { kindCells = Self.kindCells(ambiguous) }
    }
    /// The decoded table, fetched once here so the hot path skips the lazy-global check.
    private let table: Table
    /// Cells of each width kind, one byte per kind (kind 3, ambiguous, follows `ambiguous`).
    private var kindCells: UInt64

    public init(ambiguous: AmbiguousWidth = .narrow) {
        self.ambiguous = ambiguous
        self.table = Table.shared
        self.kindCells = Self.kindCells(ambiguous)
    }

    /// Cells of the width kinds 0 zero, 1 narrow, 2 wide, 3 ambiguous, 4 control, packed.
    private static func kindCells(_ ambiguous: AmbiguousWidth) -> UInt64 {
        let cells: [UInt64] = [0, 1, 2, ambiguous == .wide ? 2 : 1, 0, 1, 1, 1]
        return cells.enumerated().reduce(0) { $0 | $1.element << (UInt64($1.offset) * 8) }
    }

    /// The Unicode version of the width data.
    public static var unicodeVersion: String { WidthTable.unicodeVersion }

    /// Cells taken by one scalar on its own: 0, 1 or 2.
    @inline(__always)
    public func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v &- 0x20 < 0x5F { return 1 } // printable ASCII, the common case
        return cells(table.byte(v))
    }

    /// Cells taken by one grapheme cluster: 0, 1 or 2, more only for spacing marks.
    @inline(__always)
    public func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        if iterator.next() == nil { return of(first) }
        return clusterCells(scalars)
    }

    /// Cells taken by a string: the sum of its grapheme clusters' widths.
    @_specialize(exported:true,where S == String)
    @_specialize(exported:true,where S == Substring)
    public func of<S: StringProtocol>(_ text: S) -> Int {
        if let cells = text.utf8.withContiguousStorageIfAvailable({ utf8Cells(text, $0) }) {
            return cells
        }
        return scalarCells(text)
    }

    /// `of(text)` over the text's UTF-8 bytes: the fast path for native strings.
    ///
    /// Two scalars that join no neighbour always have a grapheme cluster boundary
    /// between them (UAX #29), so runs of such scalars are measured one by one.
    /// At a joining scalar (mark, ZWJ, jamo, regional indicator…) the text is
    /// measured by clusters from the last scalar known to start a cluster.
    private func utf8Cells<S: StringProtocol>(_ text: S, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var offset = 0
        var total = 0
        // The last scalar known to start a cluster, and the cells counted for it.
        var safeOffset = 0
        var safeCells = 0
        while offset < count {
            let lead = bytes[offset]
            if lead &- 0x20 < 0x5F { // printable ASCII, the common case
                total += 1
                safeOffset = offset
                safeCells = 1
                offset += 1
                continue
            }
            let (value, length) = UTF8Scalar.decode(bytes.baseAddress! + offset)
            let byte = table.byte(value)
            if byte & Table.joins == 0 {
                let cells = cells(byte)
                total += cells
                safeOffset = offset
                safeCells = cells
                offset += length
                continue
            }
            let utf8 = text.utf8
            let run = clusterRun(
                text, from: utf8.index(utf8.startIndex, offsetBy: safeOffset),
                past: utf8.index(utf8.startIndex, offsetBy: offset))
            total += run.cells - safeCells
            guard let next = run.next else { break }
            safeOffset = utf8.distance(from: utf8.startIndex, to: run.safe)
            safeCells = run.safeCells
            offset = utf8.distance(from: utf8.startIndex, to: next)
        }
        return total
    }

    /// `of(text)` scalar by scalar, for text without contiguous UTF-8.
    func scalarCells<S: StringProtocol>(_ text: S) -> Int {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var total = 0
        var safeStart = index
        var safeCells = 0
        while index < scalars.endIndex {
            let byte = table.byte(scalars[index].value)
            if byte & Table.joins == 0 {
                let cells = cells(byte)
                total += cells
                safeStart = index
                safeCells = cells
                scalars.formIndex(after: &index)
                continue
            }
            let run = clusterRun(text, from: safeStart, past: index)
            total += run.cells - safeCells
            guard let next = run.next else { break }
            safeStart = run.safe
            safeCells = run.safeCells
            index = next
        }
        return total
    }

    /// Measures `text` by grapheme clusters from `start` (a cluster start) until a
    /// lone non-joining scalar after `joining`: the cells of all those clusters,
    /// that scalar's position and cells, and where to go on (nil at the end).
    private func clusterRun<S: StringProtocol>(
        _ text: S, from start: String.Index, past joining: String.Index
    ) -> (cells: Int, safe: String.Index, safeCells: Int, next: String.Index?) {
        let rest = text[start...]
        var cluster = rest.startIndex
        var total = 0
        while cluster < rest.endIndex {
            let next = rest.index(after: cluster)
            let character = rest[cluster]
            let cells = of(character)
            total += cells
            let scalars = character.unicodeScalars
            if cluster > joining, scalars.count == 1,
                table.byte(scalars[scalars.startIndex].value) & Table.joins == 0
            {
                return (total, cluster, cells, next)
            }
            cluster = next
        }
        return (total, cluster, 0, nil)
    }

    /// Cells for a table byte's width kind.
    @inline(__always)
    private func cells(_ byte: UInt8) -> Int {
        Int(truncatingIfNeeded: kindCells &>> (UInt64(byte & Table.kindMask) &<< 3)) & 0xFF
    }

    /// Cells taken by a cluster of two or more scalars.
    ///
    /// Emoji sequences (VS16, skin tones, ZWJ sequences, flags) take 2 cells, VS15
    /// asks for the text width; Hangul jamo sequences form one syllable of 2 cells.
    /// Other clusters sum their scalars: marks add 0, while spacing marks (Indic
    /// vowel signs, conjuncts, halfwidth kana sound marks) add their own cells, as
    /// every wcwidth-based terminal advances for them. Only those exceed 2 cells.
    private func clusterCells(_ scalars: Character.UnicodeScalarView) -> Int {
        var iterator = scalars.makeIterator()
        guard let base = iterator.next() else { return 0 }
        let baseByte = table.byte(base.value)
        var total = cells(baseByte)
        var emoji = false
        var textPresentation = false
        let syllable = Self.isHangul(base.value) && !Self.isHangulVowelOrFinal(base.value)
        var previous = base.value
        var previousByte = baseByte
        var afterJoiner = false
        var position = 0
        while let scalar = iterator.next() {
            let v = scalar.value
            let byte = table.byte(v)
            position += 1
            defer { previous = v; previousByte = byte }
            if v == 0xFE0F, previousByte & Table.emoji != 0 {
                emoji = true
            } else if v == 0xFE0E, position == 1, baseByte & Table.emoji != 0 {
                textPresentation = true
            } else if v == 0x200D {
                afterJoiner = true
                continue
            } else if afterJoiner, byte & Table.pictographic != 0 {
                emoji = true // a pictograph joined by ZWJ shares the sequence's cells
            } else if (0x1F3FB...0x1F3FF).contains(v), previousByte & Table.emoji != 0 {
                emoji = true // skin tone modifier
            } else if Self.isRegionalIndicator(v), Self.isRegionalIndicator(previous) {
                emoji = true // flag
            } else if syllable, Self.isHangul(v) {
                // Further jamo complete the syllable block that the first one opened.
            } else {
                total += cells(byte)
            }
            afterJoiner = false
        }
        if emoji { return 2 }
        if textPresentation {
            return baseByte & Table.kindMask == Table.ambiguous && ambiguous == .wide ? 2 : 1
        }
        return total
    }

    /// Whether a code point is a regional indicator (half of a flag).
    @inline(__always)
    private static func isRegionalIndicator(_ v: UInt32) -> Bool {
        v &- 0x1F1E6 < 26
    }

    /// Whether a code point is a Hangul jamo or precomposed syllable.
    @inline(__always)
    private static func isHangul(_ v: UInt32) -> Bool {
        (0x1100...0x11FF).contains(v) || (0xA960...0xA97F).contains(v) || (0xAC00...0xD7FF).contains(v)
    }

    /// Whether a code point is a Hangul medial vowel or final consonant jamo.
    @inline(__always)
    private static func isHangulVowelOrFinal(_ v: UInt32) -> Bool {
        (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v)
    }
}

extension DisplayWidth: Equatable {
    public static func == (lhs: DisplayWidth, rhs: DisplayWidth) -> Bool {
        lhs.ambiguous == rhs.ambiguous
    }
}

extension DisplayWidth {
    /// `WidthTable`'s two-stage lookup: one byte per code point.
    final class Table: Sendable {
        /// Width kinds in the low bits of a byte.
        static let kindMask: UInt8 = 0x07
        static let ambiguous: UInt8 = 3
        static let control: UInt8 = 4
        /// Joins a neighbour in a grapheme cluster.
        static let joins: UInt8 = 0x08
        /// Has the Emoji property (takes VS15/VS16).
        static let emoji: UInt8 = 0x10
        /// Extended_Pictographic (joins ZWJ sequences).
        static let pictographic: UInt8 = 0x20

        /// The one table. Its arrays are the generated literals, which Swift -O
        /// initialises statically: nothing is decoded at start-up.
        static let shared = Table(blocks: WidthTable.blocks, bytes: WidthTable.bytes)

        /// Block size is 1 << blockShift code points.
        private static let blockShift = WidthTable.blockShift
        /// Block number of each block of code points.
        private let blocks: [UInt16]
        /// The distinct blocks, one byte per code point.
        private let bytes: [UInt8]

        /// A table over `blocks` (one per 1 << blockShift code points up to 0x10FFFF)
        /// and the distinct blocks they number.
        init(blocks: [UInt16], bytes: [UInt8]) {
            // Block numbers are checked by the tests; a bad one would trap on lookup.
            precondition(blocks.count == 0x110000 >> Int(Self.blockShift), "a block number per block of code points")
            self.blocks = blocks
            self.bytes = bytes
        }

        /// The table byte of a code point (0…0x10FFFF).
        @inline(__always)
        func byte(_ v: UInt32) -> UInt8 {
            let block = Int(blocks[Int(v >> Self.blockShift)])
            return bytes[block << Int(Self.blockShift) | Int(v & ((1 << Self.blockShift) - 1))]
        }
    }
}
