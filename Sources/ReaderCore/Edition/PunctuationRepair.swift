/// Sets ASCII `, ; : ! ? ( )` in Chinese text as the full-width marks print uses.
///
/// Rule (see decision record 0007, docs/decisions): a mark is converted when a neighbouring scalar is CJK
/// (ideograph, kana, CJK or full-width punctuation), unless both neighbours are
/// ASCII letters or digits (inside a Latin or number run: `3:2`, `1,000`) or one
/// is Hangul (Korean sets these marks narrow). Parentheses pair up: when one of a
/// matched pair is converted, so is the other, so 系统(CESS)、 becomes 系统（CESS）、;
/// a pair whose opening mark is attached to a Latin or number token (`4(1)(a)`)
/// stays narrow, both marks. Works on UTF-8 bytes (the
/// marks are single bytes), so long paragraphs and many of them stay cheap.
struct PunctuationRepair {
    /// The repaired text, an excerpt around the first change and the number of changes.
    struct Result {
        var text: String
        /// Up to 8 scalars before and after the first change; nil when nothing changed.
        var excerpt: String?
        var changes: Int
    }

    /// Hangul syllables and jamo.
    static func isHangul(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0xAC00...0xD7AF).contains(v) || (0x1100...0x11FF).contains(v) || (0x3130...0x318F).contains(v)
    }

    /// A scalar that makes a context for full-width marks: CJK, except Hangul.
    static func isChineseContext(_ s: Unicode.Scalar) -> Bool {
        EditionScalars.isCJK(s) && !isHangul(s)
    }

    /// One of `, ; : ! ? ( )`.
    static func isMark(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x28, 0x29, 0x2C, 0x3A, 0x3B, 0x3F: return true
        default: return false
        }
    }

    /// Repairs one line or paragraph. Works in place on the string's UTF-8 (a native
    /// string's storage), copying only when something changes.
    func repair(_ text: String) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable({ repair(text, bytes: $0) }) { return result }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { repair(text, bytes: $0) }
    }

    /// `repair` of `text`, whose UTF-8 is `bytes`.
    private func repair(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> Result {
        // Each mark: its byte offset, whether it is converted, and (an opening
        // parenthesis) whether it is part of a Latin or number token such as 4(1)(a).
        var marks: [(at: Int, convert: Bool, inToken: Bool)] = []
        var openParens: [Int] = [] // indices into `marks`
        var pairs: [(Int, Int)] = []
        func mark(_ i: Int) {
            let before = Self.scalar(endingAt: i, in: bytes)
            let after = Self.scalar(startingAt: i + 1, in: bytes)
            // Korean sets its commas and parentheses narrow: Hangul makes no CJK context,
            // and a mark touching Hangul stays as it is (계승하고, 조국의).
            let hangul = before.map(Self.isHangul) == true || after.map(Self.isHangul) == true
            let cjk = before.map(Self.isChineseContext) == true || after.map(Self.isChineseContext) == true
            let insideRun =
                before.map(EditionScalars.isASCIIAlphanumeric) == true
                && after.map(EditionScalars.isASCIIAlphanumeric) == true
            // Room for a paragraph's usual marks at once, not growth by doubling from one.
            if marks.isEmpty { marks.reserveCapacity(16) }
            var inToken = false
            if bytes[i] == 0x28 {
                openParens.append(marks.count)
                inToken = before.map { EditionScalars.isASCIIAlphanumeric($0) || $0 == ")" } == true
            }
            if bytes[i] == 0x29, let open = openParens.popLast() { pairs.append((open, marks.count)) }
            marks.append((i, cjk && !insideRun && !hangul, inToken))
        }
        guard let p = bytes.baseAddress else { return Result(text: text, excerpt: nil, changes: 0) }
        let n = bytes.count
        var i = 0
        // Eight bytes at a time: the marks are all below 0x40, and Chinese text has
        // long runs of bytes at or above 0x80 (flags: a byte with bits 7 and 6 clear).
        while i + 8 <= n {
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self).littleEndian
            if ~(word | word << 1) & 0x8080_8080_8080_8080 != 0 {
                for k in i..<(i + 8) where Self.isMark(p[k]) { mark(k) }
            }
            i += 8
        }
        while i < n {
            if Self.isMark(p[i]) { mark(i) }
            i += 1
        }
        for (open, close) in pairs {
            if marks[open].inToken {
                // Inside one token (4(1)(a), Windows(R)): both stay narrow.
                marks[open].convert = false
                marks[close].convert = false
            } else if marks[open].convert != marks[close].convert {
                marks[open].convert = true
                marks[close].convert = true
            }
        }
        let changes = marks.reduce(0) { $0 + ($1.convert ? 1 : 0) }
        guard changes > 0 else { return Result(text: text, excerpt: nil, changes: 0) }
        // Written as UTF-8 in one buffer: appending slices and marks to a String cost
        // ~350 instructions an append (~10 per byte to validate the result is cheaper).
        var firstOut = -1
        var out = String(unsafeUninitializedCapacity: n + 2 * changes) { buffer -> Int in
            guard let o = buffer.baseAddress else { return 0 }
            var written = 0
            var copied = 0
            for mark in marks where mark.convert {
                (o + written).update(from: p + copied, count: mark.at - copied)
                written += mark.at - copied
                if firstOut < 0 { firstOut = written }
                // U+FF01…U+FF1F, the full-width forms of ASCII 0x21…0x3F: EF BC 80+(byte−0x20).
                o[written] = 0xEF
                o[written + 1] = 0xBC
                o[written + 2] = 0x80 | (p[mark.at] &- 0x20)
                written += 3
                copied = mark.at + 1
            }
            (o + written).update(from: p + copied, count: n - copied)
            return written + n - copied
        }
        // Excerpt: 8 scalars before the first change, it, and 8 after.
        let (start, end) = out.withUTF8 { out -> (Int, Int) in
            var start = firstOut, end = firstOut + 3
            var k = 0
            while k < 8 && start > 0 { start -= 1; if out[start] & 0xC0 != 0x80 { k += 1 } }
            k = 0
            while end < out.count && (k < 8 || out[end] & 0xC0 == 0x80) {
                if out[end] & 0xC0 != 0x80 { k += 1 }
                end += 1
            }
            return (start, end)
        }
        let o = out.utf8
        let excerpt = String(out[o.index(o.startIndex, offsetBy: start)..<o.index(o.startIndex, offsetBy: end)])
        return Result(text: out, excerpt: excerpt, changes: changes)
    }

    /// The full-width form of an ASCII mark.
    static func fullWidth(_ byte: UInt8) -> String {
        switch byte {
        case 0x2C: return "，"
        case 0x3B: return "；"
        case 0x3A: return "："
        case 0x21: return "！"
        case 0x3F: return "？"
        case 0x28: return "（"
        default: return "）"
        }
    }

    /// The scalar whose UTF-8 ends just before byte `i`, or nil at the start.
    static func scalar(endingAt i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard i > 0 else { return nil }
        var start = i - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 && i - start < 4 { start -= 1 }
        return scalar(startingAt: start, in: bytes)
    }

    /// The scalar whose UTF-8 starts at byte `i`, or nil at the end.
    static func scalar(startingAt i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard i < bytes.count else { return nil }
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return Unicode.Scalar(b0) }
        var length = 0, value: UInt32 = 0
        if b0 >= 0xF0 {
            length = 4; value = b0 & 0x07
        } else if b0 >= 0xE0 {
            length = 3; value = b0 & 0x0F
        } else if b0 >= 0xC0 {
            length = 2; value = b0 & 0x1F
        } else {
            return nil
        }
        guard i + length <= bytes.count else { return nil }
        for j in 1..<length { value = value << 6 | UInt32(bytes[i + j] & 0x3F) }
        return Unicode.Scalar(value)
    }
}
