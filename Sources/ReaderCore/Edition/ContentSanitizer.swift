// Makes edition text safe to reach a terminal, byte by byte.
//
// The reader runs as an ssh kiosk's forced command, so no byte of an edition
// may ever reach the terminal as a control sequence. Choices (see DECISIONS.md):
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

    /// Sanitises a buffer of valid UTF-8; nil when nothing had to change.
    private func sanitize(_ buf: UnsafeBufferPointer<UInt8>) -> Result? {
        let n = buf.count
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
        while i < n {
            let b = buf[i]
            if b >= 0x20 && b < 0x7F || b == 0x0A { i += 1; continue }
            var length = 0                 // input bytes replaced
            var replacement: [UInt8] = []  // what goes out instead
            var counts = true
            if b < 0x20 {
                length = 1
                if b == 0x0D {
                    counts = false
                    replacement = [0x0A]
                    if i + 1 < n && buf[i + 1] == 0x0A { length = 2 }
                } else if b == 0x09 {
                    counts = false
                    replacement = [0x20, 0x20, 0x20, 0x20]
                } else {
                    replacement = [0xE2, 0x90, 0x80 + b]     // U+2400 + b
                }
            } else if b == 0x7F {
                length = 1
                replacement = [0xE2, 0x90, 0xA1]            // U+2421 ␡
            } else if b == 0xC2 {
                if i + 1 < n && buf[i + 1] < 0xA0 { length = 2; replacement = Self.fffd }
            } else if b == 0xD8 {
                if i + 1 < n && buf[i + 1] == 0x9C { length = 2; replacement = Self.fffd }
            } else if b == 0xE2 {
                if i + 2 < n {
                    let b1 = buf[i + 1], b2 = buf[i + 2]
                    if b1 == 0x80 {
                        if b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE) {
                            length = 3; replacement = Self.fffd
                        } else if b2 == 0xA8 || b2 == 0xA9 {
                            length = 3; replacement = [0x0A]
                        }
                    } else if b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9 {
                        length = 3; replacement = Self.fffd
                    }
                }
            } else if b == 0xEF {
                if i + 2 < n {
                    let b1 = buf[i + 1], b2 = buf[i + 2]
                    if (b1 == 0xBB && b2 == 0xBF) || (b1 == 0xBF && b2 >= 0xB9 && b2 <= 0xBB) {
                        length = 3; replacement = Self.fffd
                    }
                }
            }
            if length == 0 { i += 1; continue }
            if !changed { changed = true; out.reserveCapacity(n + 64) }
            if copied < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[copied..<i])) }
            out.append(contentsOf: replacement)
            if counts { replaced += 1 }
            i += length
            copied = i
        }
        guard changed else { return nil }
        if copied < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[copied..<n])) }
        return Result(text: String(decoding: out, as: UTF8.self), replaced: replaced)
    }

    private static let fffd: [UInt8] = [0xEF, 0xBF, 0xBD]
}
