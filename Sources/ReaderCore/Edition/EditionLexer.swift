#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One structural unit of the source: a heading, a paragraph or a page marker.
struct EditionUnit: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `#`…`######` followed by a space; level 1–6.
        case heading(level: Int)
        /// Consecutive non-blank lines.
        case paragraph
        /// `第02版：要闻`, `## 第2版 要闻`.
        case pageMarker(EditionPage)
    }

    var kind: Kind
    /// The logical line: physical lines joined (see `EditionLexer`).
    var text: String
    /// The physical lines, trimmed, in order (masthead lines and bylines use them).
    var segments: [String]
    /// 1-based physical line number of the first line.
    var line: Int
    /// The separator put before each segment after the first (see `EditionLexer`).
    var separators: [String] = []

    /// The unit made of segments `range` only, joined as the lexer joined them.
    func slice(_ range: Range<Int>) -> EditionUnit {
        var text = segments[range.lowerBound]
        for i in range.dropFirst() { text += separators[i - 1] + segments[i] }
        return EditionUnit(
            kind: kind, text: text, segments: Array(segments[range]), line: line,
            separators: range.dropFirst().map { separators[$0 - 1] })
    }
}

/// Splits sanitised edition text into headings, paragraphs and page markers.
///
/// Markdown hard breaks (two or more trailing spaces) and soft breaks join the
/// physical lines of a paragraph into one logical line. Separator: one ASCII space
/// after a hard break (the source's own phrase separator, as in 王军讲话 曹慧泉致贺词);
/// after a soft break nothing when either side is CJK, else one space.
struct EditionLexer {
    /// Units of `text`, in order.
    func units(of text: String) -> [EditionUnit] {
        var units: [EditionUnit] = []
        var segments: [String] = []
        var separators: [String] = []
        var joined = ""
        var hardBreak = false
        var startLine = 0
        var lineNumber = 0

        func flush() {
            guard !segments.isEmpty else { return }
            if segments.count == 1, let page = Self.pageMarker(joined) {
                units.append(EditionUnit(kind: .pageMarker(page), text: joined, segments: segments, line: startLine))
            } else {
                units.append(
                    EditionUnit(
                        kind: .paragraph, text: joined, segments: segments, line: startLine,
                        separators: separators))
            }
            segments = []
            separators = []
            joined = ""
        }

        for (line, trailingSpaces) in Self.lines(of: text) {
            lineNumber += 1
            if line.isEmpty { flush(); continue }
            if let level = Self.headingLevel(line) {
                flush()
                let body = EditionScalars.trimmed(Substring(line.unicodeScalars.dropFirst(level)))
                if let page = Self.pageMarker(body) {
                    units.append(
                        EditionUnit(kind: .pageMarker(page), text: body, segments: [String(line)], line: lineNumber))
                } else {
                    units.append(
                        EditionUnit(
                            kind: .heading(level: level), text: body, segments: [String(line)],
                            line: lineNumber))
                }
                continue
            }
            let segment = String(line) // copies the bytes; no UTF-8 validation
            if segments.isEmpty {
                startLine = lineNumber
                joined = segment
            } else {
                let before = joined.unicodeScalars.last!, after = line.unicodeScalars.first!
                let separator = hardBreak || !(EditionScalars.isCJK(before) || EditionScalars.isCJK(after)) ? " " : ""
                separators.append(separator)
                joined += separator
                joined += segment
            }
            segments.append(segment)
            hardBreak = trailingSpaces >= 2
        }
        flush()
        return units
    }

    /// The physical lines of `text`, trimmed of spaces (ASCII, U+3000, U+00A0), each
    /// with its count of trailing ASCII spaces (2+ is a hard break). Works on the
    /// UTF-8 bytes with memchr: a 50 MB edition or a 5 MB line splits quickly.
    static func lines(of text: String) -> [(Substring, Int)] {
        var copy = text
        // Byte ranges first (memchr on the UTF-8), then substrings: no per-line copy or validation.
        let ranges = copy.withUTF8 { buffer -> [(Int, Int, Int)] in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return [(0, 0, 0)] }
            var lines: [(Int, Int, Int)] = []
            let n = buffer.count
            var start = 0
            while start <= n {
                var end = n
                if start < n, let hit = memchr(base + start, 0x0A, n - start) {
                    end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                lines.append(line(base, from: start, to: end))
                start = end + 1
            }
            return lines
        }
        let utf8 = text.utf8
        return ranges.map { a, b, trailing in
            (text[utf8.index(utf8.startIndex, offsetBy: a)..<utf8.index(utf8.startIndex, offsetBy: b)], trailing)
        }
    }

    /// The trimmed range of line `base[from..<to]` and its trailing ASCII spaces
    /// (`PageMarkerScan` trims the same way, so that both judge the same text).
    static func line(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> (Int, Int, Int) {
        var a = from, b = to
        var trailing = 0
        while b > a && p[b - 1] == 0x20 { b -= 1; trailing += 1 }
        while true { // other trailing spaces: U+3000, U+00A0, more ASCII
            if b - a >= 3 && p[b - 3] == 0xE3 && p[b - 2] == 0x80 && p[b - 1] == 0x80 {
                b -= 3
            } else if b - a >= 2 && p[b - 2] == 0xC2 && p[b - 1] == 0xA0 {
                b -= 2
            } else if b > a && p[b - 1] == 0x20 {
                b -= 1
            } else {
                break
            }
        }
        while true {
            if a < b && p[a] == 0x20 {
                a += 1
            } else if b - a >= 3 && p[a] == 0xE3 && p[a + 1] == 0x80 && p[a + 2] == 0x80 {
                a += 3
            } else if b - a >= 2 && p[a] == 0xC2 && p[a + 1] == 0xA0 {
                a += 2
            } else {
                break
            }
        }
        return (a, b, trailing)
    }

    /// The ATX heading level of a trimmed line (1–6), or nil. Seven or more `#`
    /// are text, as in CommonMark; counting stops there, so `#` runs stay cheap.
    static func headingLevel<S: StringProtocol>(_ line: S) -> Int? {
        var level = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: "#") {
                level += 1
                if level > 6 { return nil }
                continue
            }
            return (byte == 0x20 && level > 0) ? level : nil
        }
        return level > 0 ? level : nil // a bare `##` is an empty heading
    }

    /// A page marker such as `第02版：要闻`, `第2版 要闻` or `第二版`, or nil.
    static func pageMarker(_ text: String) -> EditionPage? {
        // Nearly every line fails here: 第 is E7 AC AC.
        var utf8 = text.utf8.makeIterator()
        guard utf8.next() == 0xE7, utf8.next() == 0xAC, utf8.next() == 0xAC else { return nil }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(40)
        for s in text.unicodeScalars {
            if scalars.count == 39 { return nil } // markers are short
            scalars.append(s)
        }
        guard let ban = scalars.firstIndex(of: "版"), ban > 1 else { return nil }
        let numeral = scalars[1..<ban].filter { !EditionScalars.isSpace($0) }
        guard let number = EditionScalars.number(scalars: numeral[...]), number > 0, number < 1000 else { return nil }
        var rest = scalars[(ban + 1)...]
        guard let first = rest.first else { return EditionPage(number: number) }
        guard isNameSeparator(first) else { return nil }
        while let s = rest.first, isNameSeparator(s) { rest = rest.dropFirst() }
        if rest.isEmpty { return EditionPage(number: number) }
        if rest.contains(where: EditionScalars.isSentencePunctuation) { return nil }
        while let s = rest.first, EditionScalars.isSpace(s) { rest = rest.dropFirst() }
        while let s = rest.last, EditionScalars.isSpace(s) { rest = rest.dropLast() }
        return EditionPage(number: number, name: EditionScalars.string(rest))
    }

    /// What may stand between `第N版` and the page's name.
    private static func isNameSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case " ", "\u{3000}", "：", ":", "·", "-", "—", "|", "｜": return true
        default: return false
        }
    }
}
