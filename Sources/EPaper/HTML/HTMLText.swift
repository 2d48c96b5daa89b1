/// White space in text taken from HTML: what the page's markup adds (line breaks and
/// indentation of the source) as opposed to what the text holds.
public enum HTMLText {
    /// HTML's own white space (space, tab, LF, FF, CR): collapsed when laid out.
    public static func isMarkupSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\u{0C}" || s == "\r"
    }

    /// Any space at a paragraph's edge: HTML's, no-break space and the ideographic space
    /// the pages indent paragraphs with (the typesetter indents them itself).
    public static func isEdgeSpace(_ s: Unicode.Scalar) -> Bool {
        isMarkupSpace(s) || s == "\u{A0}" || s == "\u{3000}"
    }

    /// `text` with each run of markup white space made one space; a run is dropped
    /// altogether when `previous` (the scalar before it) is already a space or a line feed.
    static func collapsed(_ text: String, after previous: Unicode.Scalar?) -> String.UnicodeScalarView {
        var out = String.UnicodeScalarView()
        var last = previous
        for s in text.unicodeScalars {
            if isMarkupSpace(s) {
                if last == nil || last == " " || last == "\n" { continue }
                out.append(" ")
                last = " "
            } else {
                out.append(s)
                last = s
            }
        }
        return out
    }

    /// `text` without edge spaces (see `isEdgeSpace`) at either end.
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isEdgeSpace($0) }),
            let end = scalars.lastIndex(where: { !isEdgeSpace($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// `text` split at line feeds into trimmed, non-empty lines. No-break spaces
    /// (`&nbsp;`, which pages use to space out names: `本报记者&nbsp;&nbsp;申智林`)
    /// become plain spaces, as the typesetter spaces text itself.
    public static func lines(_ text: String) -> [String] {
        var plain = String.UnicodeScalarView()
        plain.append(contentsOf: text.unicodeScalars.lazy.map { $0 == "\u{A0}" ? " " : $0 })
        return String(plain).split(separator: "\n").map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }
}
