#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Character classes the edition parser and repairs decide by (on scalars).
enum EditionScalars {
    /// CJK ideographs (unified, extension A–H, compatibility).
    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x3FFFF).contains(v)
            || v == 0x3007
    }

    /// Scalars that make a CJK context for punctuation: ideographs, kana, hangul,
    /// CJK symbols and punctuation, full-width forms. Curly quotes are not counted:
    /// Latin text uses them too.
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x2E80 { return false }
        return isIdeograph(s) || (0x3000...0x30FF).contains(v) || (0x3100...0x33FF).contains(v)
            || (0xAC00...0xD7AF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFFEF).contains(v) || (0x2E80...0x2FDF).contains(v)
    }

    /// ASCII letters and digits: the inside of a Latin or number run.
    static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }

    /// Marks after which a paragraph may end: full stops, closing quotes and brackets.
    static func isClosing(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "!", "?", ".", "…", "；", ";", "：", ":", "︰", "”", "’", "」", "』",
            "）", ")", "》", "〉", "】", "〕", "]", "\"", "'", "—":
            return true
        default:
            return false
        }
    }

    /// Whether `needle` occurs in `text`, found on UTF-8 bytes with memchr and memcmp.
    /// `String.contains(String)` comes from the string-processing library, whose first
    /// use costs a start about 0.6 M instructions of generic set-up (3% of the first frame).
    static func occurs(_ needle: String, in text: String) -> Bool {
        var needle = needle
        var text = text
        return needle.withUTF8 { n in
            text.withUTF8 { t in
                guard let first = n.first, let needleBase = n.baseAddress else { return true }
                guard n.count <= t.count, let base = t.baseAddress else { return false }
                let last = t.count - n.count // the last offset a match can start at
                var start = 0
                while start <= last, let hit = memchr(base + start, Int32(first), last - start + 1) {
                    let i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if memcmp(base + i, needleBase, n.count) == 0 { return true }
                    start = i + 1
                }
                return false
            }
        }
    }

    /// Whether `scalar` is among the first `count` scalars of `text` (no substring built).
    static func holds(_ scalar: Unicode.Scalar, in text: String, within count: Int) -> Bool {
        var left = count
        for s in text.unicodeScalars {
            if s == scalar { return true }
            left -= 1
            if left == 0 { break }
        }
        return false
    }

    /// Marks that show a line is prose (a sentence), not a label.
    static func isSentencePunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", "。", "、", "；", "：", "！", "？", ",", ";", "!", "?", "…", "︰":
            return true
        default:
            return false
        }
    }

    /// A colon: full-width, ASCII, or ︰ (U+FE30), which Hong Kong and Taiwan text sets as
    /// its colon (專家︰趁疫出手整頓私企).
    static func isColon(_ s: Unicode.Scalar) -> Bool {
        s == "：" || s == ":" || s == "︰"
    }

    /// Sentence-ending marks: a line containing one is not a kicker or deck.
    static func isFullStop(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "!", "?":
            return true
        default:
            return false
        }
    }

    /// Spaces a line may be trimmed of: ASCII space and the ideographic space.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\u{3000}" || s == "\u{A0}"
    }

    /// Text with leading and trailing spaces removed.
    static func trimmed(_ text: String) -> String {
        trimmed(text[...])
    }

    /// `trimmed` of a substring (copies its UTF-8 once, no scalar-by-scalar append).
    static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }

    /// Number of scalars, stopping early past `limit` (cheap on huge lines): the
    /// UTF-8 bytes that are not continuation bytes.
    static func count(_ text: String, upTo limit: Int) -> Int {
        // More bytes than 4 × limit: more scalars than limit, whatever they are.
        if text.utf8.count > 4 * (limit + 1) { return limit + 1 }
        if let n = text.utf8.withContiguousStorageIfAvailable({ bytes -> Int in
            var n = 0
            for byte in bytes where byte & 0xC0 != 0x80 {
                n += 1
                if n > limit { break }
            }
            return n
        }) {
            return n
        }
        var n = 0
        for _ in text.unicodeScalars {
            n += 1
            if n > limit { break }
        }
        return n
    }

    /// Number of scalars: the UTF-8 bytes that are not continuation bytes (no index walk).
    static func count(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var n = 0
            for byte in bytes where byte & 0xC0 != 0x80 { n += 1 }
            return n
        } ?? text.unicodeScalars.count
    }

    /// Calls `body` with the first `limit` scalars of `text` (all of them when it is
    /// shorter), copied into a stack buffer: no array to allocate per line.
    static func withPrefix<R>(_ text: String, _ limit: Int, _ body: (UnsafeBufferPointer<Unicode.Scalar>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: limit) { buffer in
            var n = 0
            for s in text.unicodeScalars {
                if n == limit { break }
                buffer.initializeElement(at: n, to: s)
                n += 1
            }
            return body(UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// Parses ASCII, full-width or simple Chinese numerals (up to 99) as an integer.
    static func number<S: StringProtocol>(_ text: S) -> Int? {
        number(scalars: Array(text.unicodeScalars)[...])
    }

    /// `number` of a run of scalars.
    static func number(scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        var value = 0
        var sawDigit = false
        for s in scalars {
            if (0x30...0x39).contains(s.value) {
                value = value * 10 + Int(s.value - 0x30); sawDigit = true
            } else if (0xFF10...0xFF19).contains(s.value) {
                value = value * 10 + Int(s.value - 0xFF10); sawDigit = true
            } else {
                break
            }
            if value > 1_000_000_000 { return nil }
        }
        if sawDigit { return value }
        var total = 0
        var current = -1
        for s in scalars {
            if let d = chineseDigit(s) {
                current = d
            } else if s == "十" {
                total += (current < 0 ? 1 : current) * 10
                current = -1
            } else {
                return nil
            }
        }
        if current >= 0 { total += current }
        return scalars.isEmpty ? nil : total
    }

    /// The value of a Chinese digit (零〇一二两三四五六七八九), or nil.
    static func chineseDigit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇": return 0
        case "一": return 1
        case "二", "两": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    /// A String of `scalars`, built from their UTF-8 in one go
    /// (`String.UnicodeScalarView.append` goes scalar by scalar through generic code).
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for s in scalars {
            UTF8Scalar.append(s.value, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
