/// Tells, from a file's first bytes and name, what a file that is not an edition
/// looks like: JSON, CSV or TSV, HTML, XML or PDF. The loader refuses those with a
/// message that says what the file looks like and what broadsheet reads, instead of
/// setting their markup as text.
///
/// The tests are deliberately narrow, so that an edition is never refused: JSON must
/// open with `{` + `"`/`}` or `[` + a JSON value; CSV needs a `.csv`/`.tsv` name or a
/// header without Chinese sentence marks and a second line with the same number (at
/// least two) of separators outside quotes; HTML opens with `<` and names html, head or body early on.
public enum InputSniffer {
    /// What a non-edition file looks like.
    public enum Kind: String, Sendable, Equatable {
        case json = "JSON"
        case csv = "CSV (comma-separated values)"
        case tsv = "TSV (tab-separated values)"
        case html = "an HTML page of no known layout"
        case xml = "XML"
        case pdf = "a PDF document"
    }

    /// What broadsheet reads, for messages: one entry per format.
    public static let accepted: [String] = [
        "a Markdown or plain-text edition (.md, .markdown, .txt)",
        "a folder of such editions (the newest opens)",
        "a folder of saved 方正 e-paper pages (pc/layout/…/node_NN.html and pc/content/…/content_N.html, "
            + "or nbs.*_NN.htm and nw.*.htm)",
    ]

    /// What the file at `path` whose first bytes are `head` looks like, or nil when it
    /// may be an edition.
    public static func kind(of head: ArraySlice<UInt8>, path: String) -> Kind? {
        var bytes = head
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".tsv") { return .tsv }
        let start = bytes.drop(while: isSpace)
        guard let first = start.first else { return nil }
        switch first {
        case UInt8(ascii: "{"):
            let next = start.dropFirst().first(where: { !isSpace($0) })
            return next == nil || next == UInt8(ascii: "\"") || next == UInt8(ascii: "}") ? .json : nil
        case UInt8(ascii: "["):
            guard let next = start.dropFirst().first(where: { !isSpace($0) }) else { return .json }
            return "{[\"]-0123456789".utf8.contains(next) ? .json : nil
        case UInt8(ascii: "<"):
            return markup(start.prefix(1024))
        default:
            return separated(start.prefix(4096))
        }
    }

    /// The message part that follows "PATH: ": what the file looks like and what is read.
    public static func message(for kind: Kind) -> String {
        "looks like \(kind.rawValue), not an edition; broadsheet reads " + accepted.joined(separator: "; ")
    }

    /// HTML when the opening names html, head, body or an HTML doctype; other `<?xml`
    /// documents are XML. Anything else opening with `<` may be an edition.
    private static func markup(_ head: ArraySlice<UInt8>) -> Kind? {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        if text.contains("<!doctype html") || text.contains("<html") || text.contains("<head")
            || text.contains("<body") || text.contains("<meta ")
        {
            return .html
        }
        return text.hasPrefix("<?xml") ? .xml : nil
    }

    /// CSV or TSV when the first two lines hold the same number (two or more) of commas
    /// or tabs outside quotes and the first (the header) no Chinese full stop or comma.
    private static func separated(_ head: ArraySlice<UInt8>) -> Kind? {
        let lines = head.split(separator: UInt8(ascii: "\n"), maxSplits: 2, omittingEmptySubsequences: true)
        guard lines.count >= 2 else { return nil }
        let header = String(decoding: lines[0], as: UTF8.self)
        if header.unicodeScalars.contains(where: { $0 == "。" || $0 == "，" }) { return nil }
        for (separator, kind) in [(UInt8(ascii: ","), Kind.csv), (UInt8(ascii: "\t"), Kind.tsv)] {
            let first = fields(lines[0], separator), second = fields(lines[1], separator)
            if first >= 2 && first == second { return kind }
        }
        return nil
    }

    /// Separators outside double quotes in one line.
    private static func fields(_ line: ArraySlice<UInt8>, _ separator: UInt8) -> Int {
        var quoted = false
        var count = 0
        for byte in line {
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == separator && !quoted { count += 1 }
        }
        return count
    }

    /// ASCII white space.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
