/// Sets ASCII `, ; : ! ? ( )` in Chinese text as the full-width marks print uses.
///
/// Rule (see DECISIONS.md): a mark is converted when a neighbouring scalar is CJK
/// (ideograph, kana, hangul, CJK or full-width punctuation), unless both
/// neighbours are ASCII letters or digits (inside a Latin or number run: `3:2`,
/// `1,000`). Parentheses pair up: when one of a matched pair is converted, so is
/// the other, so 系统(CESS)、 becomes 系统（CESS）、. Works on UTF-8 bytes (the
/// marks are single bytes), so long paragraphs and many of them stay cheap.
struct PunctuationRepair {
    /// The repaired text, an excerpt around the first change and the number of changes.
    struct Result {
        var text: String
        /// Up to 8 scalars before and after the first change; nil when nothing changed.
        var excerpt: String?
        var changes: Int
    }

    /// Whether the text has any of the ASCII marks.
    static func hasMark(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { buffer in
            guard let p = buffer.baseAddress else { return false }
            var i = 0
            while i < buffer.count {
                if isMark(p[i]) { return true }
                i &+= 1
            }
            return false
        }
    }

    /// One of `, ; : ! ? ( )`.
    static func isMark(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x28, 0x29, 0x2C, 0x3A, 0x3B, 0x3F: return true
        default: return false
        }
    }

    /// The full-width form's UTF-8 (all are U+FFxx: EF BC xx).
    static func fullWidthLastByte(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x2C: return 0x8C      // ，U+FF0C
        case 0x3B: return 0x9B      // ；U+FF1B
        case 0x3A: return 0x9A      // ：U+FF1A
        case 0x21: return 0x81      // ！U+FF01
        case 0x3F: return 0x9F      // ？U+FF1F
        case 0x28: return 0x88      // （U+FF08
        default: return 0x89        // ）U+FF09
        }
    }

    /// Repairs one line or paragraph.
    func repair(_ text: String) -> Result {
        guard Self.hasMark(text) else { return Result(text: text, excerpt: nil, changes: 0) }
        let bytes = Array(text.utf8)
        var convert: [Int] = []                 // byte offsets of marks to convert
        var decided: [Int: Bool] = [:]
        var openParens: [Int] = []
        var pairs: [(Int, Int)] = []
        for i in bytes.indices where Self.isMark(bytes[i]) {
            let before = Self.scalar(endingAt: i, in: bytes)
            let after = Self.scalar(startingAt: i + 1, in: bytes)
            let cjk = before.map(EditionScalars.isCJK) == true || after.map(EditionScalars.isCJK) == true
            let insideRun = before.map(EditionScalars.isASCIIAlphanumeric) == true
                && after.map(EditionScalars.isASCIIAlphanumeric) == true
            decided[i] = cjk && !insideRun
            if bytes[i] == 0x28 { openParens.append(i) }
            if bytes[i] == 0x29, let open = openParens.popLast() { pairs.append((open, i)) }
        }
        for (open, close) in pairs where decided[open] != decided[close] {
            decided[open] = true
            decided[close] = true
        }
        for (i, yes) in decided where yes { convert.append(i) }
        guard !convert.isEmpty else { return Result(text: text, excerpt: nil, changes: 0) }
        convert.sort()
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 2 * convert.count)
        var copied = 0
        var firstOut = 0
        for (n, i) in convert.enumerated() {
            out.append(contentsOf: bytes[copied..<i])
            if n == 0 { firstOut = out.count }
            out.append(contentsOf: [0xEF, 0xBC, Self.fullWidthLastByte(bytes[i])])
            copied = i + 1
        }
        out.append(contentsOf: bytes[copied...])
        // Excerpt: 8 scalars before the first change, it, and 8 after.
        var start = firstOut, end = firstOut + 3
        var k = 0
        while k < 8 && start > 0 { start -= 1; if out[start] & 0xC0 != 0x80 { k += 1 } }
        k = 0
        while end < out.count && (k < 8 || out[end] & 0xC0 == 0x80) {
            if out[end] & 0xC0 != 0x80 { k += 1 }
            end += 1
        }
        return Result(text: String(decoding: out, as: UTF8.self),
                      excerpt: String(decoding: out[start..<end], as: UTF8.self), changes: convert.count)
    }

    /// The scalar whose UTF-8 ends just before byte `i`, or nil at the start.
    static func scalar(endingAt i: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard i > 0 else { return nil }
        var start = i - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 && i - start < 4 { start -= 1 }
        return scalar(startingAt: start, in: bytes)
    }

    /// The scalar whose UTF-8 starts at byte `i`, or nil at the end.
    static func scalar(startingAt i: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard i < bytes.count else { return nil }
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return Unicode.Scalar(b0) }
        var length = 0, value: UInt32 = 0
        if b0 >= 0xF0 { length = 4; value = b0 & 0x07 }
        else if b0 >= 0xE0 { length = 3; value = b0 & 0x0F }
        else if b0 >= 0xC0 { length = 2; value = b0 & 0x1F }
        else { return nil }
        guard i + length <= bytes.count else { return nil }
        for j in 1..<length { value = value << 6 | UInt32(bytes[i + j] & 0x3F) }
        return Unicode.Scalar(value)
    }
}
