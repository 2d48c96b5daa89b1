#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the page markers (版) of an edition in one quick pass over its UTF-8,
/// without lexing or parsing it: the lines `EditionLexer` would turn into
/// `.pageMarker` units, in order, with the byte offset of each marker's line.
///
/// Exact for sanitised text (`LoadedEdition.text`). Also exact for the raw file
/// bytes when `isRawScannable` holds (no CR, TAB, U+2028 or U+2029): the
/// sanitiser then changes no line break and no space, only swaps content for
/// other content, so blank lines, headings and markers sit where they will sit.
/// Only lines that start with `#` or 第 and hold 版 are decoded and checked by
/// `EditionLexer.pageMarker` itself.
struct PageMarkerScan {
    /// One page marker: the 版 and where its line starts.
    struct Marker: Equatable {
        /// Byte offset of the first byte of the marker's line.
        var offset: Int
        var page: EditionPage
    }

    /// What a physical line is to the lexer.
    private enum Shape: Equatable {
        case blank
        case heading
        case text
    }

    /// The page markers of `bytes`, in order.
    ///
    /// One `memchr` per line; a line is looked at only when its first byte could
    /// start a marker (`#`, 第, or a space before one), and its neighbours only when
    /// it is a one-line paragraph that reads as a marker.
    static func markers(in bytes: UnsafeBufferPointer<UInt8>) -> [Marker] {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return [] }
        let n = bytes.count
        var markers: [Marker] = []
        // A leading BOM is dropped by the sanitiser: the first line starts after it.
        var start = n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
        var previous = (start: -1, end: -1) // the line before (-1: none)
        // A one-line paragraph that reads as a marker: one if the next line ends the paragraph.
        var pending: Marker? = nil
        while start <= n {
            var end = n
            if start < n, let hit = memchr(p + start, 0x0A, n - start) {
                end = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            if let marker = pending {
                if shape(p, start, end) != .text { markers.append(marker) }
                pending = nil
            }
            let first = start < end ? p[start] : 0
            if first == 0x23 || first == 0xE7 || first == 0x20 || first == 0xE3 || first == 0xC2 {
                let (a, b) = trimmed(p, start, end)
                if a < b, let level = headingLevel(p, a, b) {
                    // After the `#`s comes a space or the end (`##` alone: an empty heading).
                    if a + level < b, let page = candidate(p, trimmed(p, a + level, b)) {
                        markers.append(Marker(offset: start, page: page))
                    }
                } else if a < b, let page = candidate(p, (a, b)),
                    previous.start < 0 || shape(p, previous.start, previous.end) != .text
                {
                    pending = Marker(offset: start, page: page)
                }
            }
            previous = (start, end)
            start = end + 1
        }
        if let marker = pending { markers.append(marker) }
        return markers
    }

    /// What the line `p[start..<end]` is to the lexer.
    private static func shape(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Shape {
        let (a, b) = trimmed(p, start, end)
        if a == b { return .blank }
        return headingLevel(p, a, b) == nil ? .text : .heading
    }

    /// Whether the raw bytes can be scanned as they are: no CR, TAB, U+2028 or U+2029
    /// (the sanitiser turns those into line breaks or spaces).
    static func isRawScannable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return true }
        let n = bytes.count
        if memchr(p, 0x0D, n) != nil || memchr(p, 0x09, n) != nil { return false }
        var i = 0
        while i < n, let hit = memchr(p + i, 0xE2, n - i) {
            let at = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if at + 2 < n && p[at + 1] == 0x80 && (p[at + 2] == 0xA8 || p[at + 2] == 0xA9) { return false }
            i = at + 1
        }
        return true
    }

    /// Line `p[from..<to]` without its leading and trailing spaces, trimmed
    /// exactly as `EditionLexer` trims a line.
    private static func trimmed(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> (Int, Int) {
        let (a, b, _) = EditionLexer.line(p, from: from, to: to)
        return (a, b)
    }

    /// `EditionLexer.headingLevel` of the trimmed line `p[a..<b]`.
    private static func headingLevel(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> Int? {
        var level = 0
        var i = a
        while i < b {
            if p[i] == 0x23 {
                level += 1
                if level > 6 { return nil }
                i += 1
                continue
            }
            return (p[i] == 0x20 && level > 0) ? level : nil
        }
        return level > 0 ? level : nil
    }

    /// The page of a trimmed marker candidate `p[a..<b]`, or nil. Cheap rejections
    /// first (starts with 第, short, holds 版), then the lexer's own test on the
    /// sanitised text.
    private static func candidate(_ p: UnsafePointer<UInt8>, _ range: (Int, Int)) -> EditionPage? {
        let (a, b) = range
        // `pageMarker` looks at fewer than 40 scalars: at most 39 × 4 bytes.
        guard b - a >= 6, b - a <= 39 * 4, p[a] == 0xE7, p[a + 1] == 0xAC, p[a + 2] == 0xAC else { return nil }
        // 版 is E7 89 88: look for its last byte, then check the two before it.
        var i = a + 5
        var hasBan = false
        while i < b, let hit = memchr(p + i, 0x88, b - i) {
            let at = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if p[at - 2] == 0xE7 && p[at - 1] == 0x89 { hasBan = true; break }
            i = at + 1
        }
        guard hasBan else { return nil }
        return EditionLexer.pageMarker(
            EditionLoader.text(of: Array(UnsafeBufferPointer(start: p + a, count: b - a))).text)
    }
}
