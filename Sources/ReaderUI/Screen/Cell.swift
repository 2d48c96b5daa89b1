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
public struct Cell: Sendable, Equatable {
    /// The grapheme drawn from this cell; "" for a continuation cell.
    public var text: String
    public var role: Role
    public var flags: CellFlags
    /// Cells the grapheme covers: 1 or 2 for a lead cell, 0 for a continuation.
    public var width: UInt8

    public init(text: String, role: Role, flags: CellFlags = [], width: UInt8 = 1) {
        self.text = text
        self.role = role
        self.flags = flags
        self.width = width
    }

    /// An empty cell of `role`.
    public static func blank(_ role: Role = .body) -> Cell {
        Cell(text: " ", role: role)
    }

    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
