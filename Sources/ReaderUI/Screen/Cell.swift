import ReaderCore

/// Marks laid over a cell's role: search matches, list selection.
public struct CellFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Part of a search match.
    public static let match = CellFlags(rawValue: 1 << 0)
    /// Part of the current search match.
    public static let currentMatch = CellFlags(rawValue: 1 << 1)
    /// Part of the selected row or block.
    public static let selection = CellFlags(rawValue: 1 << 2)
}

/// One terminal cell: a grapheme (lead cell) or the right half of a wide one.
///
/// Cells compare by the grapheme's UTF-8 bytes (not canonical equivalence), role,
/// flags and width: the diff compares thousands per frame, so the grapheme is also
/// kept packed into an integer (`packed`) and most comparisons are integer compares.
public struct Cell: Sendable, Equatable {
    /// The grapheme drawn from this cell; "" for a continuation cell.
    public var text: String {
        didSet { packed = Self.pack(text) }
    }
    /// Up to 7 UTF-8 bytes of `text` and their count in the top byte; `Self.long` beyond.
    private var packed: UInt64
    public var role: Role
    public var flags: CellFlags
    /// Cells the grapheme covers: 1 or 2 for a lead cell, 0 for a continuation.
    public var width: UInt8

    public init(text: String, role: Role, flags: CellFlags = [], width: UInt8 = 1) {
        self.text = text
        self.packed = Self.pack(text)
        self.role = role
        self.flags = flags
        self.width = width
    }

    /// An empty cell of `role`.
    public static func blank(_ role: Role = .body) -> Cell {
        Cell(text: " ", role: role)
    }

    /// Marks a grapheme of more than 7 UTF-8 bytes: compared as bytes of `text`.
    private static let long: UInt64 = .max

    /// Packs a short grapheme's UTF-8 bytes into an integer.
    @inline(__always)
    private static func pack(_ text: String) -> UInt64 {
        var value: UInt64 = 0
        var count: UInt64 = 0
        for byte in text.utf8 {
            if count == 7 { return long }
            value |= UInt64(byte) << (count * 8)
            count += 1
        }
        return value | count << 56
    }

    /// Equal when grapheme bytes, role, flags and width agree.
    @inline(__always)
    public static func == (lhs: Cell, rhs: Cell) -> Bool {
        guard lhs.packed == rhs.packed, lhs.role == rhs.role, lhs.flags == rhs.flags,
              lhs.width == rhs.width else { return false }
        return lhs.packed != long || lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
