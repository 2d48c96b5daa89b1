/// The YAML front matter of a Markdown file: the `key: value` lines between a
/// first line `---` and the next `---`. Only flat scalar values are read (quoted or
/// bare); lists and nested maps are kept as their raw text and never shown.
struct FrontMatter: Sendable, Equatable {
    /// Keys as written, values unquoted.
    var fields: [String: String]

    /// The value of `key`, nil when absent or empty.
    subscript(key: String) -> String? {
        guard let value = fields[key], !value.isEmpty else { return nil }
        return value
    }

    /// Splits `text` into its front matter and the body after the closing fence;
    /// nil when the text does not open with a fenced block.
    static func split(_ text: String) -> (FrontMatter, body: Substring)? {
        var rest = text[...]
        if rest.unicodeScalars.first == "\u{FEFF}" { rest = rest.dropFirst() }
        guard rest.hasPrefix("---") else { return nil }
        var lines = rest.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard lines.count == 2, trimmed(lines[0]) == "---" else { return nil }
        var fields: [String: String] = [:]
        var remainder = lines[1]
        while !remainder.isEmpty {
            lines = remainder.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let line = lines[0]
            remainder = lines.count == 2 ? lines[1] : remainder[remainder.endIndex...]
            let bare = trimmed(line)
            if bare == "---" || bare == "..." { return (FrontMatter(fields: fields), remainder) }
            // `key: value` at the start of a line; indented lines belong to a nested value.
            guard let colon = line.firstIndex(of: ":"), line.first.map({ $0 != " " && $0 != "-" }) == true
            else { continue }
            let key = trimmed(line[..<colon])
            fields[key] = unquoted(trimmed(line[line.index(after: colon)...]))
        }
        return nil // no closing fence: not front matter
    }

    /// Whether `head` (the first bytes of a file) opens with front matter naming an
    /// article: a `title` and a `date`, `section` or `source_url`.
    static func namesArticle(_ head: String) -> Bool {
        guard let (matter, _) = split(head) else { return false }
        return matter["title"] != nil
            && (matter["date"] != nil || matter["section"] != nil || matter["source_url"] != nil)
    }

    /// A YAML scalar without its quotes (`"a \" b"` → `a " b`, `'it''s'` → `it's`).
    static func unquoted(_ value: String) -> String {
        let s = Array(value.unicodeScalars)
        guard s.count >= 2, let first = s.first, first == s.last, first == "\"" || first == "'" else {
            // A bare value may end in a comment.
            let v = Array(value.unicodeScalars)
            if let hash = v.indices.first(where: { v[$0] == "#" && $0 > 0 && v[$0 - 1] == " " }) {
                return trimmed(String(String.UnicodeScalarView(v[..<hash])))
            }
            return value
        }
        var out = String.UnicodeScalarView()
        var i = 1
        while i < s.count - 1 {
            if first == "\"" && s[i] == "\\" && i + 1 < s.count - 1 {
                switch s[i + 1] {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(s[i + 1])
                }
                i += 2
                continue
            }
            if first == "'" && s[i] == "'" && i + 1 < s.count - 1 && s[i + 1] == "'" { i += 1 }
            out.append(s[i])
            i += 1
        }
        return String(out)
    }

    /// `text` without surrounding spaces, tabs and carriage returns.
    private static func trimmed<S: StringProtocol>(_ text: S) -> String {
        let scalars = text.unicodeScalars
        func blank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\r" }
        guard let start = scalars.firstIndex(where: { !blank($0) }),
            let end = scalars.lastIndex(where: { !blank($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
