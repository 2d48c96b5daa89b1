// FNV-1a 64: a tiny, stable hash for content hashes and article ids.
// Not cryptographic; it only has to be stable across runs and platforms
// (Swift's Hasher is seeded per process, so it cannot be used for ids).

/// FNV-1a 64-bit hash of bytes or text, rendered as 16 lowercase hex digits.
public struct FNV1a: Sendable, Equatable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Folds bytes into the hash.
    public mutating func combine(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        let prime: UInt64 = 0x0000_0100_0000_01b3
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let n = buffer.count
        var h = value
        var i = 0
        // Bytes up to an 8-byte boundary, then aligned words through a typed pointer:
        // debug builds inline operators and typed `pointee`, not raw loads, so a
        // 50 MB edition still hashes in a fraction of a second.
        let address = Int(bitPattern: base)
        while i < n && (address + i) & 7 != 0 {
            h = (h ^ UInt64(bytes[i])) &* prime
            i &+= 1
        }
        if i + 8 <= n {
            var word = UnsafePointer<UInt64>(bitPattern: address + i)!
            let end = UnsafePointer<UInt64>(bitPattern: address + i + (n - i) & ~7)!
            while word < end {
                let w = word.pointee.littleEndian
                h = (h ^ (w & 0xFF)) &* prime
                h = (h ^ ((w >> 8) & 0xFF)) &* prime
                h = (h ^ ((w >> 16) & 0xFF)) &* prime
                h = (h ^ ((w >> 24) & 0xFF)) &* prime
                h = (h ^ ((w >> 32) & 0xFF)) &* prime
                h = (h ^ ((w >> 40) & 0xFF)) &* prime
                h = (h ^ ((w >> 48) & 0xFF)) &* prime
                h = (h ^ (w >> 56)) &* prime
                word += 1
            }
            i = Int(bitPattern: end) - address
        }
        while i < n {
            h = (h ^ UInt64(bytes[i])) &* prime
            i &+= 1
        }
        value = h
    }

    /// Folds the UTF-8 of a string into the hash.
    public mutating func combine(_ text: String) {
        var copy = text
        copy.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    /// The hash as 16 lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Hex hash of a byte array.
    public static func hex(of bytes: [UInt8]) -> String {
        var hash = FNV1a()
        bytes.withUnsafeBytes { hash.combine($0) }
        return hash.hex
    }

    /// Hex hash of a string's UTF-8.
    public static func hex(of text: String) -> String {
        var hash = FNV1a()
        hash.combine(text)
        return hash.hex
    }
}
