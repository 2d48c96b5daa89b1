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
/// The grapheme is kept as its UTF-8 bytes packed into an integer (`packed`), not as a
/// `String`: views fill thousands of cells per frame and the diff compares them all, so
/// making a cell from a scalar and comparing two cells are integer operations. Only a
/// grapheme of more than 7 UTF-8 bytes (emoji sequences, stacked marks) keeps a `String`.
/// Cells compare by the grapheme's UTF-8 bytes (not canonical equivalence), role, flags
/// and width.
public struct Cell: Sendable, Equatable {
    /// Up to 7 UTF-8 bytes of the grapheme and their count in the top byte; `Self.long` beyond.
    private var packed: UInt64
    /// The grapheme when it does not fit `packed`; nil otherwise.
    private var spill: String?
    public var role: Role
    public var flags: CellFlags
    /// Cells the grapheme covers: 1 or 2 for a lead cell, 0 for a continuation.
    public var width: UInt8

    /// The grapheme drawn from this cell; "" for a continuation cell.
    public var text: String {
        get { spill ?? Self.unpack(packed) }
        set {
            packed = Self.pack(newValue)
            spill = packed == Self.long ? Self.capped(newValue) : nil
        }
    }

    /// A cell drawing `text`; a cluster of more than `DisplayWidth.marksPerCell` scalars
    /// after its first is drawn with the first ones only.
    public init(text: String, role: Role, flags: CellFlags = [], width: UInt8 = 1) {
        let packed = Self.pack(text)
        self.packed = packed
        self.spill = packed == Self.long ? Self.capped(text) : nil
        self.role = role
        self.flags = flags
        self.width = width
    }

    /// A cell drawing one scalar (a grapheme cluster of its own), built without a `String`.
    @inline(__always)
    public init(scalar: Unicode.Scalar, role: Role, flags: CellFlags = [], width: UInt8) {
        self.packed = Self.pack(scalar.value)
        self.spill = nil
        self.role = role
        self.flags = flags
        self.width = width
    }

    /// Adds a zero-width scalar to the grapheme, unless it already has
    /// `DisplayWidth.marksPerCell` scalars after its first (a continuation cell takes none).
    public mutating func join(_ scalar: Unicode.Scalar) {
        guard !isContinuation else { return }
        var scalars = text.unicodeScalars
        guard scalars.count <= DisplayWidth.marksPerCell else { return }
        scalars.append(scalar)
        text = String(scalars)
    }

    /// The right half of a wide grapheme.
    @inline(__always)
    public static func continuation(_ role: Role, flags: CellFlags = []) -> Cell {
        Cell(packed: 0, role: role, flags: flags, width: 0)
    }

    @inline(__always)
    private init(packed: UInt64, role: Role, flags: CellFlags, width: UInt8) {
        self.packed = packed
        self.spill = nil
        self.role = role
        self.flags = flags
        self.width = width
    }

    /// An empty cell of `role`.
    public static func blank(_ role: Role = .body) -> Cell {
        Cell(packed: spacePacked, role: role, flags: [], width: 1)
    }

    /// Marks a grapheme of more than 7 UTF-8 bytes: compared as bytes of `spill`.
    private static let long: UInt64 = .max
    /// `packed` of a single space.
    private static let spacePacked: UInt64 = 1 << 56 | 0x20
    /// `packed` of U+3000 IDEOGRAPHIC SPACE (E3 80 80).
    private static let ideographicSpacePacked: UInt64 = 3 << 56 | 0x8080E3

    /// `text` cut after its first scalar and `DisplayWidth.marksPerCell` more: what a
    /// terminal keeps of a stack of combining marks, without sending the rest every frame.
    private static func capped(_ text: String) -> String {
        let kept = DisplayWidth.marksPerCell + 1
        var end = text.unicodeScalars.startIndex
        var count = 0
        while end != text.unicodeScalars.endIndex {
            if count == kept { return String(text.unicodeScalars[..<end]) }
            text.unicodeScalars.formIndex(after: &end)
            count += 1
        }
        return text
    }

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

    /// Packs one scalar's UTF-8 bytes (the layout `UTF8Scalar.packed` gives).
    @inline(__always)
    private static func pack(_ v: UInt32) -> UInt64 { UTF8Scalar.packed(v) }

    /// The `String` of packed bytes.
    private static func unpack(_ packed: UInt64) -> String {
        let count = Int(packed >> 56)
        if count == 0 { return "" }
        return withUnsafeBytes(of: packed.littleEndian) { raw in
            String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<count]), as: UTF8.self)
        }
    }

    /// Equal when grapheme bytes, role, flags and width agree.
    @inline(__always)
    public static func == (lhs: Cell, rhs: Cell) -> Bool {
        guard lhs.packed == rhs.packed, lhs.role == rhs.role, lhs.flags == rhs.flags,
            lhs.width == rhs.width
        else { return false }
        return lhs.packed != long || lhs.spill == rhs.spill
    }

    /// True for the right half of a wide grapheme.
    @inline(__always)
    public var isContinuation: Bool { width == 0 }

    /// True when the cell draws a single space.
    @inline(__always)
    public var isSpace: Bool { packed == Self.spacePacked }

    /// True when the cell draws U+3000 IDEOGRAPHIC SPACE.
    @inline(__always)
    public var isIdeographicSpace: Bool { packed == Self.ideographicSpacePacked }

    /// The first scalar's code point when the grapheme is exactly one scalar; nil otherwise.
    @inline(__always)
    public var singleScalar: UInt32? {
        let count = Int(packed >> 56)
        guard count > 0, count <= 4 else { return nil }
        let (value, length) = withUnsafeBytes(of: packed.littleEndian) { raw in
            UTF8Scalar.decode(raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        return length == count ? value : nil
    }

    /// Bytes `appendUTF8` appends.
    @inline(__always)
    public var utf8Count: Int {
        packed == Self.long ? (spill?.utf8.count ?? 0) : Int(packed >> 56)
    }

    /// Appends the grapheme's UTF-8 bytes to `out`.
    @inline(__always)
    public func appendUTF8(to out: inout [UInt8]) {
        if packed == Self.long {
            out.append(contentsOf: (spill ?? "").utf8)
            return
        }
        var bytes = packed
        for _ in 0..<Int(packed >> 56) {
            out.append(UInt8(truncatingIfNeeded: bytes))
            bytes >>= 8
        }
    }
}
