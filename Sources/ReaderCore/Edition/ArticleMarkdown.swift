/// One article file of a day folder (see `ArticleFolderReader`), read into a draft:
/// front matter for the 版, order and byline; Markdown for the headline block and body.
///
/// Header, before the first body line: `### X` before `# title` is the kicker (引题),
/// `# title` the headline, `## …` after it the deck (副题), a `>` line the byline with
/// the `《人民日报》（…第 NN 版）` citation dropped (a `>` line that is no byline is the
/// rubric). `author` fills the byline when no `>` line gives one. Body: a whole-line
/// `**bold**` or a heading is a subhead; other lines are classified like any
/// edition's (captions, credit lines, editor's notes); `**`, HTML tags and link
/// syntax are removed from the text, never shown.
struct ArticleMarkdown {
    let classifier: LineClassifier

    /// An article read from one file.
    struct Article {
        var draft: ArticleDraft
        var pageName: String?
        /// The content id in `source_url` (`content_30049369.html` → 30049369).
        var contentID: Int?
        var date: EditionDate?
        /// The paper named by `source_url`'s path, if known.
        var paper: String?
    }

    /// Reads `text` (decoded, sanitised); `folder` is the 版 folder's name (`01-要闻`) or "".
    /// Nil when the text has no front matter.
    func read(_ text: String, folder: String) -> Article? {
        guard let (matter, body) = FrontMatter.split(text) else { return nil }
        let (folderNumber, folderName) = Self.pageFolder(folder)
        let page = matter["section"].flatMap(Self.pageNumber) ?? folderNumber ?? 1
        var draft = ArticleDraft(page: page, headline: "")
        readBody(body, into: &draft)
        if draft.headline.isEmpty { draft.headline = matter["title"] ?? "" }
        if draft.bylines.isEmpty, let author = matter["author"] { draft.bylines = [author] }
        let source = matter["source_url"]
        return Article(
            draft: draft, pageName: matter["section_name"] ?? folderName,
            contentID: source.flatMap(Self.contentID),
            date: matter["date"].flatMap { MastheadParser.date(in: Array($0.unicodeScalars)) },
            paper: source.flatMap(Self.paper))
    }

    /// Fills the draft's header and blocks from the Markdown body.
    private func readBody(_ body: Substring, into draft: inout ArticleDraft) {
        var inBody = false
        var lines: [String] = [] // the paragraph being gathered

        func flush() {
            guard !lines.isEmpty else { return }
            let joined = lines.dropFirst().reduce(lines[0]) { EditionRepairer.join($0, $1) }
            lines = []
            add(paragraph: joined, to: &draft)
        }

        for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = EditionScalars.trimmed(Self.withoutCR(raw))
            if line.isEmpty { flush(); continue }
            if Self.isThematicBreak(line) { flush(); continue }
            if let (level, text) = Self.heading(line) {
                flush()
                let clean = Self.inline(text)
                if inBody || clean.isEmpty {
                    if !clean.isEmpty { draft.blocks.append(Block(kind: .subhead, text: clean)) }
                } else if draft.headline.isEmpty {
                    if level == 1 {
                        draft.headline = clean
                    } else {
                        draft.kicker = draft.kicker.map { $0 + " " + clean } ?? clean
                    }
                } else if draft.deck == nil && draft.bylines.isEmpty && draft.rubric == nil {
                    draft.deck = clean
                } else {
                    inBody = true
                    draft.blocks.append(Block(kind: .subhead, text: clean))
                }
                continue
            }
            if line.hasPrefix(">") {
                flush()
                let text = Self.inline(Self.unquoted(line))
                if text.isEmpty { continue }
                if inBody {
                    add(paragraph: text, to: &draft)
                } else {
                    header(quote: text, into: &draft)
                }
                continue
            }
            inBody = true
            lines.append(line)
        }
        flush()
    }

    /// A `>` line in the header: byline (citation dropped), citation alone, or rubric.
    private func header(quote text: String, into draft: inout ArticleDraft) {
        let credit = Self.withoutCitation(text)
        if credit.isEmpty { return }
        if credit != text || classifier.isByline(credit) {
            draft.bylines.append(credit)
        } else if draft.rubric == nil {
            draft.rubric = credit.hasPrefix("系列：") ? String(credit.dropFirst(3)) : credit
        } else {
            draft.blocks.append(Block(kind: .rubric, text: credit))
        }
    }

    /// Adds one body paragraph, classified.
    private func add(paragraph raw: String, to draft: inout ArticleDraft) {
        if let bold = Self.wholeBold(raw) {
            draft.blocks.append(Block(kind: .subhead, text: Self.inline(bold)))
            return
        }
        let text = Self.inline(raw)
        guard !text.isEmpty else { return }
        let kind: Block.Kind
        if classifier.editorsNoteLabelLength(text) != nil {
            kind = .editorsNote
        } else if classifier.isCaption(text) {
            kind = .caption
        } else if classifier.isByline(text) {
            kind = .byline
        } else if classifier.isRubric(text) {
            kind = .rubric
        } else {
            kind = .paragraph
        }
        draft.blocks.append(Block(kind: kind, text: text))
    }

    // MARK: - Markdown

    /// `#`…`######` and a space: the level and the text (closing `#`s removed).
    static func heading(_ line: String) -> (Int, String)? {
        let s = line.unicodeScalars
        var level = 0
        var i = s.startIndex
        while i < s.endIndex, s[i] == "#", level < 7 { level += 1; i = s.index(after: i) }
        guard (1...6).contains(level), i < s.endIndex, s[i] == " " || s[i] == "\t" else { return nil }
        var text = EditionScalars.trimmed(String(String.UnicodeScalarView(s[i...])))
        while text.hasSuffix("#") && (text.hasSuffix(" #") || text.allSatisfy({ $0 == "#" })) {
            text = EditionScalars.trimmed(String(text.dropLast()))
        }
        return (level, text)
    }

    /// `***`, `---`, `___`, `* * *`: three or more of one mark and spaces only.
    static func isThematicBreak(_ line: String) -> Bool {
        guard let mark = line.unicodeScalars.first, mark == "*" || mark == "-" || mark == "_" else { return false }
        var count = 0
        for s in line.unicodeScalars {
            if s == mark { count += 1 } else if !EditionScalars.isSpace(s) { return false }
        }
        return count >= 3
    }

    /// A `>` line without its markers (`> > text` → `text`).
    static func unquoted(_ line: String) -> String {
        var s = Substring(line)
        while let first = s.unicodeScalars.first, first == ">" || EditionScalars.isSpace(first) {
            s = Substring(s.unicodeScalars.dropFirst())
        }
        return String(s)
    }

    /// The inside of a line that is bold as a whole (`**X**`), else nil.
    static func wholeBold(_ line: String) -> String? {
        guard line.hasPrefix("**"), line.hasSuffix("**"), line.unicodeScalars.count > 4 else { return nil }
        let inner = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(2).dropLast(2)))
        return inner.contains("**") ? nil : EditionScalars.trimmed(inner)
    }

    /// Text without inline markup: `**`, HTML tags, images; links keep their text;
    /// the common entities are decoded.
    static func inline(_ text: String) -> String {
        guard text.contains(where: { "*<[!&".contains($0) }) else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "*", i + 1 < s.count, s[i + 1] == "*" { i += 2; continue }
            if c == "<", let end = tagEnd(s, from: i) { i = end; continue }
            if c == "!", i + 1 < s.count, s[i + 1] == "[", let (_, end) = link(s, from: i + 1) { i = end; continue }
            if c == "[", let (label, end) = link(s, from: i) { out.append(contentsOf: label); i = end; continue }
            if c == "&", let (decoded, end) = entity(s, from: i) { out.append(decoded); i = end; continue }
            out.append(c)
            i += 1
        }
        return EditionScalars.trimmed(String(out))
    }

    /// The index after an HTML tag opening at `i` (`<br>`, `</p>`, `<img …/>`), else nil.
    private static func tagEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        var j = i + 1
        if j < s.count, s[j] == "/" { j += 1 }
        guard j < s.count, (0x41...0x5A).contains(s[j].value) || (0x61...0x7A).contains(s[j].value) else { return nil }
        while j < s.count, j - i < 400 {
            if s[j] == ">" { return j + 1 }
            if s[j] == "<" { return nil }
            j += 1
        }
        return nil
    }

    /// `[label](target)` at `i`: the label's scalars and the index after it.
    private static func link(_ s: [Unicode.Scalar], from i: Int) -> ([Unicode.Scalar], Int)? {
        guard let close = s[i...].firstIndex(of: "]"), close + 1 < s.count, s[close + 1] == "(",
            let end = s[(close + 1)...].firstIndex(of: ")")
        else { return nil }
        guard !s[(close + 2)..<end].contains(where: { $0 == " " }) else { return nil }
        return (Array(s[(i + 1)..<close]), end + 1)
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` `&nbsp;` at `i`: the character and the index after.
    private static func entity(_ s: [Unicode.Scalar], from i: Int) -> (Unicode.Scalar, Int)? {
        let names: [(String, Unicode.Scalar)] = [
            ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""),
            ("&#39;", "'"), ("&nbsp;", " "),
        ]
        for (name, value) in names {
            let n = Array(name.unicodeScalars)
            if i + n.count <= s.count, Array(s[i..<(i + n.count)]) == n { return (value, i + n.count) }
        }
        return nil
    }

    // MARK: - Front matter fields

    /// `第01版` → 1 (also `第 1 版`, `01`).
    static func pageNumber(_ section: String) -> Int? {
        let digits = section.unicodeScalars.filter { (0x30...0x39).contains($0.value) }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        return Int(String(String.UnicodeScalarView(digits)))
    }

    /// A 版 folder's name: `01-要闻` → (1, 要闻), also `第01版-要闻`, `01版 要闻`, `01`;
    /// other names (a date such as `2025-01-02`) give (nil, nil).
    static func pageFolder(_ name: String) -> (Int?, String?) {
        let s = Array(name.unicodeScalars)
        var i = s.first == "第" ? 1 : 0
        let start = i
        while i < s.count, (0x30...0x39).contains(s[i].value) { i += 1 }
        guard (1...3).contains(i - start) else { return (nil, nil) }
        let number = Int(String(String.UnicodeScalarView(s[start..<i])))
        if i < s.count, s[i] == "版" { i += 1 } else if start == 1 { return (nil, nil) }
        guard
            i == s.count || s[i] == "-" || s[i] == "_" || s[i] == " " || s[i] == "：" || s[i] == ":"
                || s[i - 1] == "版"
        else { return (nil, nil) }
        while i < s.count, s[i] == "-" || s[i] == "_" || s[i] == " " || s[i] == "：" || s[i] == ":" { i += 1 }
        let rest = EditionScalars.trimmed(String(String.UnicodeScalarView(s[i...])))
        return (number, rest.isEmpty ? nil : rest)
    }

    /// Whether a folder name is a 版 folder (`01-要闻`), not a date or anything else.
    static func isPageFolder(_ name: String) -> Bool {
        pageFolder(name).0 != nil
    }

    /// The number in `content_30049369.html` (or the last run of 5+ digits in the path).
    static func contentID(_ url: String) -> Int? {
        let s = Array(url.unicodeScalars)
        var best: Int? = nil
        var i = 0
        while i < s.count {
            guard (0x30...0x39).contains(s[i].value) else { i += 1; continue }
            var j = i
            while j < s.count, (0x30...0x39).contains(s[j].value) { j += 1 }
            if j - i >= 5, j - i <= 18 { best = Int(String(String.UnicodeScalarView(s[i..<j]))) }
            i = j
        }
        return best
    }

    /// The paper a `source_url` path names: `/rmrb/` → 人民日报.
    static func paper(_ url: String) -> String? {
        let papers: [(String, String)] = [("/rmrbhwb/", "人民日报海外版"), ("/rmrb/", "人民日报")]
        return papers.first { url.contains($0.0) }?.1
    }

    /// Drops a trailing `《人民日报》（2025年01月02日第 04 版）` citation; the rest, trimmed.
    static func withoutCitation(_ text: String) -> String {
        guard text.hasSuffix("版）") || text.hasSuffix("版)") else { return text }
        let s = Array(text.unicodeScalars)
        guard let open = s.lastIndex(of: "《"), let close = s[open...].firstIndex(of: "》"),
            close + 1 < s.count, s[close + 1] == "（" || s[close + 1] == "("
        else { return text }
        return EditionScalars.trimmed(String(String.UnicodeScalarView(s[..<open])))
    }

    /// A line without a trailing carriage return.
    private static func withoutCR(_ line: Substring) -> String {
        line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
    }
}
