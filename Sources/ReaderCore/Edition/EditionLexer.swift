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
        var joined = ""
        var hardBreak = false
        var startLine = 0
        var lineNumber = 0

        func flush() {
            guard !segments.isEmpty else { return }
            if segments.count == 1, let page = Self.pageMarker(joined) {
                units.append(EditionUnit(kind: .pageMarker(page), text: joined, segments: segments, line: startLine))
            } else {
                units.append(EditionUnit(kind: .paragraph, text: joined, segments: segments, line: startLine))
            }
            segments = []
            joined = ""
        }

        for raw in Self.lines(of: text) {
            lineNumber += 1
            let trailingSpaces = Self.trailingASCIISpaces(raw)
            let line = EditionScalars.trimmed(raw)
            if line.isEmpty { flush(); continue }
            if let level = Self.headingLevel(line) {
                flush()
                let body = EditionScalars.trimmed(String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(level))))
                if let page = Self.pageMarker(body) {
                    units.append(EditionUnit(kind: .pageMarker(page), text: body, segments: [line], line: lineNumber))
                } else {
                    units.append(EditionUnit(kind: .heading(level: level), text: body, segments: [line], line: lineNumber))
                }
                continue
            }
            if segments.isEmpty {
                startLine = lineNumber
                joined = line
            } else if hardBreak {
                joined += " " + line
            } else {
                let before = joined.unicodeScalars.last!, after = line.unicodeScalars.first!
                joined += (EditionScalars.isCJK(before) || EditionScalars.isCJK(after)) ? line : " " + line
            }
            segments.append(line)
            hardBreak = trailingSpaces >= 2
        }
        flush()
        return units
    }

    /// The physical lines of `text`, split on LF bytes (not Characters: fast on 50 MB).
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            if utf8[i] == 0x0A {
                lines.append(text[start..<i])
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    /// ASCII spaces at the end of a raw line.
    static func trailingASCIISpaces(_ raw: Substring) -> Int {
        var n = 0
        for byte in raw.utf8.reversed() {
            guard byte == 0x20 else { break }
            n += 1
        }
        return n
    }

    /// The ATX heading level of a trimmed line (1–6), or nil. Seven or more `#`
    /// are text, as in CommonMark; counting stops there, so `#` runs stay cheap.
    static func headingLevel(_ line: String) -> Int? {
        var level = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: "#") {
                level += 1
                if level > 6 { return nil }
                continue
            }
            return (byte == 0x20 && level > 0) ? level : nil
        }
        return level > 0 ? level : nil      // a bare `##` is an empty heading
    }

    /// A page marker such as `第02版：要闻`, `第2版 要闻` or `第二版`, or nil.
    static func pageMarker(_ text: String) -> EditionPage? {
        let scalars = Array(text.unicodeScalars.prefix(40))
        guard scalars.count < 40, scalars.first == "第" else { return nil }
        guard let ban = scalars.firstIndex(of: "版"), ban > 1 else { return nil }
        let numeral = String(String.UnicodeScalarView(scalars[1..<ban].filter { !EditionScalars.isSpace($0) }))
        guard let number = EditionScalars.number(numeral), number > 0, number < 1000 else { return nil }
        var rest = scalars[(ban + 1)...]
        guard let first = rest.first else { return EditionPage(number: number) }
        let separators: Set<Unicode.Scalar> = [" ", "\u{3000}", "：", ":", "·", "-", "—", "|", "｜"]
        guard separators.contains(first) else { return nil }
        while let s = rest.first, separators.contains(s) { rest = rest.dropFirst() }
        let name = String(String.UnicodeScalarView(rest))
        if name.unicodeScalars.contains(where: EditionScalars.isSentencePunctuation) { return nil }
        return EditionPage(number: number, name: name.isEmpty ? nil : EditionScalars.trimmed(name))
    }
}
