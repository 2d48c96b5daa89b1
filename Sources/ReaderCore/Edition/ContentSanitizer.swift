// Makes edition text safe to reach a terminal, byte by byte.
//
// The reader runs as an ssh kiosk's forced command, so no byte of an edition
// may ever reach the terminal as a control sequence. Choices (see decision record 0003, docs/decisions):
// - CR LF and lone CR become LF (line ends, not content). A leading BOM is dropped.
// - TAB becomes four spaces.
// - Other C0 controls (NUL, ESC, BEL, …) become their visible control pictures
//   U+2400–U+241F (ESC → ␛), DEL becomes ␡ (U+2421).
// - C1 controls (U+0080–U+009F, e.g. the 8-bit CSI) become U+FFFD.
// - Bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069), the bidi
//   marks U+200E, U+200F, U+061C, interlinear annotations (U+FFF9–U+FFFB) and a
//   BOM after the start become U+FFFD: visible, so nothing vanishes silently, and
//   nothing can reorder or hide text on screen.
// - U+2028/U+2029 (line/paragraph separators) become LF.
// Everything else passes through unchanged. The scan works on UTF-8 bytes and
// copies clean runs in bulk, so a 50 MB edition sanitises in one linear pass.

/// Replaces control and bidi-override characters with visible placeholders.
public struct ContentSanitizer: Sendable {
    /// Sanitised text and how many scalars were replaced by placeholders.
    public struct Result: Sendable, Equatable {
        public var text: String
        /// Controls, C1 and bidi/format characters replaced (CR, TAB and BOM not counted).
        public var replaced: Int
    }

    public init() {}

    /// Sanitises valid UTF-8 text.
    public func sanitize(_ text: String) -> Result {
        var copy = text
        let result = copy.withUTF8 { sanitize($0) }
        return result ?? Result(text: text, replaced: 0)
    }

    /// `text` made safe for one line of a terminal: the edition rules above, and then
    /// line breaks (kept by them) as spaces. For bookmark headlines, notes and papers,
    /// which come from files and from typing as well as from editions.
    public func line(_ text: String) -> String {
        let clean = sanitize(text).text
        guard clean.utf8.contains(0x0A) else { return clean }
        return String(String.UnicodeScalarView(clean.unicodeScalars.map { $0 == "\n" ? " " : $0 }))
    }

    /// Sanitises a buffer of valid UTF-8; nil when nothing had to change.
    private func sanitize(_ buf: UnsafeBufferPointer<UInt8>) -> Result? {
        let n = buf.count
        guard n > 0 else { return nil }
        var out: [UInt8] = []
        var copied = 0
        var replaced = 0
        var changed = false
        var i = 0
        // A BOM at the very start marks the encoding; it is not content.
        if n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF {
            changed = true
            out.reserveCapacity(n + 64)
            copied = 3
            i = 3
        }
        // Typed-pointer reads and plain integer operators: debug builds inline these
        // (not `UnsafeBufferPointer` subscripts or raw loads), and the edition tests
        // run in debug.
        let p = buf.baseAddress!
        let address = Int(bitPattern: p)
        while i < n {
            // Look at the aligned word holding i: jump to its first flagged byte
            // at or after i, or past the word when none is flagged.
            let word = (address &+ i) & ~7
            if word >= address && word &+ 8 <= address &+ n {
                var flags = Self.flags(UnsafePointer<UInt64>(bitPattern: word)!.pointee.littleEndian)
                let before = address &+ i &- word
                while flags != 0 && flags.trailingZeroBitCount >> 3 < before { flags &= flags &- 1 }
                if flags == 0 { i = word &- address &+ 8; continue }
                i = word &- address &+ flags.trailingZeroBitCount >> 3
            }
            let b = p[i]
            if b >= 0x20 && b < 0x7F || b == 0x0A { i &+= 1; continue }
            // Other non-ASCII bytes cannot start anything we replace.
            if b >= 0x80 && b != 0xC2 && b != 0xD8 && b != 0xE2 && b != 0xEF { i &+= 1; continue }
            // What replaces the bytes at i: length 0 means they stay.
            var length = 0
            var fffd = false, lineFeed = false, tab = false, picture: UInt8 = 0
            var counts = true
            if b < 0x20 {
                length = 1
                if b == 0x0D {
                    counts = false
                    lineFeed = true
                    if i &+ 1 < n && p[i &+ 1] == 0x0A { length = 2 }
                } else if b == 0x09 {
                    counts = false
                    tab = true
                } else {
                    picture = 0x80 &+ b // U+2400 + b
                }
            } else if b == 0x7F {
                length = 1
                picture = 0xA1 // U+2421 ␡
            } else if b == 0xC2 {
                if i &+ 1 < n && p[i &+ 1] < 0xA0 { length = 2; fffd = true }
            } else if b == 0xD8 {
                if i &+ 1 < n && p[i &+ 1] == 0x9C { length = 2; fffd = true }
            } else if i &+ 2 < n {
                let b1 = p[i &+ 1], b2 = p[i &+ 2]
                if b == 0xE2 {
                    if b1 == 0x80 {
                        if b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE) {
                            length = 3; fffd = true
                        } else if b2 == 0xA8 || b2 == 0xA9 {
                            length = 3; lineFeed = true
                        }
                    } else if b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9 {
                        length = 3; fffd = true
                    }
                } else if (b1 == 0xBB && b2 == 0xBF) || (b1 == 0xBF && b2 >= 0xB9 && b2 <= 0xBB) {
                    length = 3; fffd = true // 0xEF: U+FEFF, U+FFF9–U+FFFB
                }
            }
            if length == 0 { i &+= 1; continue }
            if !changed { changed = true; out.reserveCapacity(n + 64) }
            if copied < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[copied..<i])) }
            if fffd {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else if lineFeed {
                out.append(0x0A)
            } else if tab {
                out.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
            } else {
                out.append(contentsOf: [0xE2, 0x90, picture])
            }
            if counts { replaced += 1 }
            i &+= length
            copied = i
        }
        guard changed else { return nil }
        if copied < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[copied..<n])) }
        return Result(text: String(decoding: out, as: UTF8.self), replaced: replaced)
    }

    /// Whether eight bytes hold nothing the sanitiser may change: no byte below
    /// 0x20 and none of 0x7F, 0xC2, 0xD8, 0xE2, 0xEF (the lead bytes of DEL, C1,
    /// U+061C, U+200E–U+206F and U+FEFF/U+FFF9). LF is flagged too, and then
    /// looked at byte by byte. SWAR "has a zero byte" tests, all inline arithmetic.
    /// The high bit of each byte of `word` (little-endian) that may need a look.
    /// Never misses a byte; bytes above a flagged one may be false alarms, which
    /// the byte-wise check then passes.
    static func flags(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Written out (no helper calls): debug builds inline only operators.
        let below = (word &- 0x2020_2020_2020_2020) & ~word
        let del = word ^ 0x7F7F_7F7F_7F7F_7F7F
        let c2 = word ^ 0xC2C2_C2C2_C2C2_C2C2
        let e2 = word ^ 0xE2E2_E2E2_E2E2_E2E2
        let ef = word ^ 0xEFEF_EFEF_EFEF_EFEF
        let d8 = word ^ 0xD8D8_D8D8_D8D8_D8D8
        let found =
            below | ((del &- ones) & ~del) | ((c2 &- ones) & ~c2) | ((e2 &- ones) & ~e2)
            | ((ef &- ones) & ~ef) | ((d8 &- ones) & ~d8)
        return found & highs
    }
}
