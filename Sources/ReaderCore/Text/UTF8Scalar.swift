/// The one UTF-8 encoder of the text engine, `--dump` and the reader's cells: a code
/// point's bytes packed into an integer, first byte lowest, with their count in the top
/// byte, so callers copy them in one store or keep and compare them whole (`Cell`).
public enum UTF8Scalar {
    /// The UTF-8 bytes of code point `v` in the low four bytes (first lowest) and their
    /// count in the top byte.
    @inlinable @inline(__always)
    public static func packed(_ v: UInt32) -> UInt64 {
        let v = UInt64(v)
        if v < 0x80 { return 1 << 56 | v }
        if v < 0x800 { return 2 << 56 | (0x80 | v & 0x3F) << 8 | (0xC0 | v >> 6) }
        if v < 0x10000 {
            return 3 << 56 | (0x80 | v & 0x3F) << 16 | (0x80 | v >> 6 & 0x3F) << 8 | (0xE0 | v >> 12)
        }
        return 4 << 56 | (0x80 | v & 0x3F) << 24 | (0x80 | v >> 6 & 0x3F) << 16
            | (0x80 | v >> 12 & 0x3F) << 8 | (0xF0 | v >> 18)
    }

    /// Appends the UTF-8 of code point `v` to `out`.
    @inlinable @inline(__always)
    public static func append(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(truncatingIfNeeded: v))
            return
        }
        var bytes = packed(v)
        for _ in 0..<Int(bytes >> 56) {
            out.append(UInt8(truncatingIfNeeded: bytes))
            bytes >>= 8
        }
    }

    /// Writes the UTF-8 of code point `v` at `p`, which must have four bytes of room
    /// (all four are stored, in one go); returns how many belong to `v`.
    @inlinable @inline(__always)
    public static func write(_ v: UInt32, to p: UnsafeMutablePointer<UInt8>) -> Int {
        let bytes = packed(v)
        UnsafeMutableRawPointer(p).storeBytes(of: UInt32(truncatingIfNeeded: bytes).littleEndian, as: UInt32.self)
        return Int(truncatingIfNeeded: bytes >> 56)
    }

    /// The code point of the valid UTF-8 sequence at `p` and its length in bytes (the
    /// one decoder: a `String`'s UTF-8, and `Cell`'s packed bytes).
    @inlinable @inline(__always)
    public static func decode(_ p: UnsafePointer<UInt8>) -> (value: UInt32, length: Int) {
        let b0 = UInt32(p[0])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(p[1] & 0x3F) << 6 | UInt32(p[2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(p[1] & 0x3F) << 12 | UInt32(p[2] & 0x3F) << 6 | UInt32(p[3] & 0x3F), 4)
    }
}
