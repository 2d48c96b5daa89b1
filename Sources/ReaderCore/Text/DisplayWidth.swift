/// How East Asian Ambiguous characters (“ ” — … · ①) are measured.
public enum AmbiguousWidth: String, Sendable, Equatable, Codable, CaseIterable {
    case narrow
    case wide
}

/// Measures text in terminal cells, following UAX #11 and emoji presentation,
/// in agreement with glibc's `wcwidth` (which ncursesw uses to place characters).
///
/// Widths come from `WidthTable` (generated from the Unicode 15.0 data by
/// `Scripts/gen-unicode-tables.py`), decoded once into a two-stage table.
/// Control characters (C0, DEL, C1, U+2028, U+2029) measure 0 cells; they must
/// never reach the terminal, and the sanitizer removes them before layout.
public struct DisplayWidth: Sendable {
    public var ambiguous: AmbiguousWidth
    /// The decoded table, fetched once here so the hot path skips the lazy-global check.
    private let table: Table

    public init(ambiguous: AmbiguousWidth = .narrow) {
        self.ambiguous = ambiguous
        self.table = Table.shared
    }

    /// The Unicode version of the width data.
    public static var unicodeVersion: String { WidthTable.unicodeVersion }

    /// Cells taken by one scalar on its own: 0, 1 or 2.
    @inline(__always)
    public func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v &- 0x20 < 0x5F { return 1 }  // printable ASCII, the common case
        return cells(table.byte(v))
    }

    /// Cells taken by one grapheme cluster.
    @inline(__always)
    public func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        if iterator.next() == nil { return of(first) }
        return clusterCells(scalars)
    }

    /// Cells taken by a string: the sum of its grapheme clusters' widths.
    @_specialize(exported: true, where S == String)
    @_specialize(exported: true, where S == Substring)
    public func of<S: StringProtocol>(_ text: S) -> Int {
        let scalars = text.unicodeScalars
        let end = scalars.endIndex
        var index = scalars.startIndex
        var total = 0
        // The last scalar that is a cluster start (a boundary is known before it),
        // and the cells already counted for it.
        var safeStart = index
        var safeCells = 0
        while index < end {
            let byte = table.byte(scalars[index].value)
            if byte & Table.joins == 0 {
                // Two scalars that join no neighbour always have a cluster boundary
                // between them (UAX #29), so they are measured one by one.
                let cells = cells(byte)
                total += cells
                safeStart = index
                safeCells = cells
                scalars.formIndex(after: &index)
                continue
            }
            // A joining scalar (mark, ZWJ, jamo, regional indicator…): re-measure by
            // grapheme clusters from the last known boundary until a lone
            // non-joining scalar past this one.
            let joining = index
            total -= safeCells
            safeCells = 0
            let rest = text[safeStart...]
            var cluster = rest.startIndex
            index = end
            while cluster < rest.endIndex {
                let next = rest.index(after: cluster)
                let character = rest[cluster]
                let cells = of(character)
                total += cells
                let clusterScalars = character.unicodeScalars
                if cluster > joining, clusterScalars.count == 1,
                   table.byte(clusterScalars[clusterScalars.startIndex].value) & Table.joins == 0 {
                    safeStart = cluster
                    safeCells = cells
                    index = next
                    break
                }
                cluster = next
            }
        }
        return total
    }

    /// Cells for a table byte's width kind.
    @inline(__always)
    private func cells(_ byte: UInt8) -> Int {
        let kind = byte & Table.kindMask
        if kind == Table.ambiguous { return ambiguous == .wide ? 2 : 1 }
        return kind == Table.control ? 0 : Int(kind)
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
                emoji = true  // a pictograph joined by ZWJ shares the sequence's cells
            } else if (0x1F3FB...0x1F3FF).contains(v), previousByte & Table.emoji != 0 {
                emoji = true  // skin tone modifier
            } else if Self.isRegionalIndicator(v), Self.isRegionalIndicator(previous) {
                emoji = true  // flag
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
    /// `WidthTable.runs` decoded into a two-stage lookup: one byte per code point.
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

        /// The one decoded table, built on first use and never changed.
        static let shared = Table(runs: WidthTable.runs)

        /// Block size is 1 << blockShift code points.
        private static let blockShift: UInt32 = 7
        /// Block number of each block of code points.
        private let blocks: [UInt16]
        /// The distinct blocks, one byte per code point.
        private let bytes: [UInt8]
        /// How many runs were decoded (checked against `WidthTable.runCount` in tests).
        let runCount: Int

        /// Decodes "<start hex>:<byte hex>" records separated by spaces or newlines.
        init(runs: String) {
            var starts: [UInt32] = []
            var values: [UInt8] = []
            var number: UInt32 = 0
            var start: UInt32 = 0
            var inValue = false
            var hasDigits = false
            for c in runs.utf8 {
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    number = number << 4 | UInt32(c - UInt8(ascii: "0")); hasDigits = true
                case UInt8(ascii: "a")...UInt8(ascii: "f"):
                    number = number << 4 | UInt32(c - UInt8(ascii: "a") + 10); hasDigits = true
                case UInt8(ascii: ":"):
                    start = number; number = 0; inValue = true; hasDigits = false
                default:
                    if inValue && hasDigits {
                        starts.append(start); values.append(UInt8(truncatingIfNeeded: number))
                    }
                    number = 0; inValue = false; hasDigits = false
                }
            }
            if inValue && hasDigits { starts.append(start); values.append(UInt8(truncatingIfNeeded: number)) }
            runCount = starts.count

            let blockSize = 1 << Int(Self.blockShift)
            let blockCount = 0x110000 >> Int(Self.blockShift)
            var blocks = [UInt16](repeating: 0, count: blockCount)
            var bytes: [UInt8] = []
            var known: [[UInt8]: UInt16] = [:]
            var block = [UInt8](repeating: 0, count: blockSize)
            var run = 0
            for b in 0..<blockCount {
                let first = UInt32(b << Int(Self.blockShift))
                for i in 0..<blockSize {
                    let cp = first + UInt32(i)
                    while run + 1 < starts.count && starts[run + 1] <= cp { run += 1 }
                    block[i] = starts.isEmpty ? 1 : values[run]
                }
                if let number = known[block] {
                    blocks[b] = number
                } else {
                    let number = UInt16(known.count)
                    known[block] = number
                    blocks[b] = number
                    bytes.append(contentsOf: block)
                }
            }
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
