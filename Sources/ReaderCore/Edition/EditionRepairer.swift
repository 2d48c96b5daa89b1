#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Repairs conversion damage in article drafts and records each repair.
///
/// Order: moved headlines (across articles), then per article: duplicates dropped,
/// broken paragraphs joined, subheads printed as paragraphs marked (not a repair: not
/// recorded), punctuation set full-width, dateline marked. Nothing is dropped except a
/// duplicate paragraph, and that is recorded.
struct EditionRepairer {
    let classifier: LineClassifier
    /// Repairs made, in article order (article indices are final `Edition.articles` indices).
    private(set) var repairs: [Repair] = []
    /// Repairs keyed by draft index while drafts may still be removed.
    private var pending: [(draft: Int, kind: Repair.Kind, excerpt: String)] = []
    /// Whether a headline printed inside another article's sentence is moved out.
    /// Off when each article comes from its own file (a day folder): nothing to move.
    var movesHeadlines = true

    init(classifier: LineClassifier) {
        self.classifier = classifier
    }

    /// Repairs the drafts and returns the finished articles.
    mutating func repair(_ input: [ArticleDraft]) -> [Article] {
        var drafts = input
        if movesHeadlines { moveHeadlines(&drafts) }
        for i in drafts.indices {
            dropDuplicates(&drafts[i], draft: i)
            joinParagraphs(&drafts[i], draft: i)
            markSubheads(&drafts[i])
            repairPunctuation(&drafts[i], draft: i)
        }
        var articles: [Article] = []
        var newIndex: [Int: Int] = [:]
        var identifier = ArticleIdentifier()
        for (i, draft) in drafts.enumerated() where !draft.isEmpty {
            newIndex[i] = articles.count
            articles.append(article(from: draft, identifier: &identifier))
        }
        // By article, then kind (moved, dropped, joined, punctuation), then as found.
        let keyed = pending.enumerated().map { offset, entry in
            (key: (entry.draft, Self.rank(entry.kind), offset), entry: entry)
        }
        repairs = keyed.sorted { $0.key < $1.key }
            .map { Repair(kind: $0.entry.kind, article: newIndex[$0.entry.draft], excerpt: $0.entry.excerpt) }
        return articles
    }

    /// The order in which an article's repairs are listed.
    private static func rank(_ kind: Repair.Kind) -> Int {
        switch kind {
        case .movedHeadline: return 0
        case .duplicateDropped: return 1
        case .joined: return 2
        case .punctuation: return 3
        }
    }

    // MARK: - Moved headline

    /// A headline printed inside another article's sentence (水 / ## … / 泥企业) is
    /// moved out: the sentence is joined whole, and the moved headline's article
    /// takes the story it interrupted — from the start of that story in the
    /// previous article (after its last photo caption, else from its first rubric)
    /// to the end of the story after the headline. With no such start, the joined
    /// sentence stays with the previous article and the headline opens the text after it.
    private mutating func moveHeadlines(_ drafts: inout [ArticleDraft]) {
        guard drafts.count > 1 else { return }
        for i in 1..<drafts.count {
            var a = drafts[i - 1], b = drafts[i]
            guard b.kicker == nil, !b.headline.isEmpty, a.page == b.page,
                let first = b.blocks.first, first.kind == .paragraph,
                classifier.datelineLength(first.text) == 0,
                let head = first.text.unicodeScalars.first,
                EditionScalars.isIdeograph(head) || EditionScalars.isASCIIAlphanumeric(head),
                let last = a.blocks.last, last.kind == .paragraph,
                let tail = last.text.unicodeScalars.last,
                EditionScalars.isIdeograph(tail) || EditionScalars.isASCIIAlphanumeric(tail),
                Self.isProse(last.text)
            else { continue }
            let joined = Block(kind: .paragraph, text: Self.join(last.text, first.text))
            var start: Int? = nil
            if let caption = a.blocks.lastIndex(where: { $0.kind == .caption }) {
                start = caption + 1
            } else if let rubric = a.blocks.firstIndex(where: { $0.kind == .rubric }) {
                start = rubric
            }
            if let start, start < a.blocks.count {
                var moved = Array(a.blocks[start..<(a.blocks.count - 1)])
                moved.append(joined)
                a.blocks.removeSubrange(start...)
                if b.rubric == nil,
                    let r = moved.firstIndex(where: { $0.kind == .rubric && !classifier.isIntroRubric($0.text) })
                {
                    b.rubric = moved[r].text
                    moved.remove(at: r)
                }
                b.blocks = moved + b.blocks.dropFirst()
            } else {
                a.blocks[a.blocks.count - 1] = joined
                b.blocks.removeFirst()
            }
            drafts[i - 1] = a
            drafts[i] = b
            pending.append((i, .movedHeadline, Self.seam(last.text, first.text)))
        }
    }

    // MARK: - Duplicates

    /// Drops a paragraph repeated verbatim (8+ scalars) anywhere earlier in the
    /// article, or repeated as the tail (20+ scalars) of one of the 8 paragraphs before it.
    /// A short line without a sentence end (under 20 scalars: a credit such as
    /// 图片来源：新华社, a label) may repeat: two photos can have the same source.
    private mutating func dropDuplicates(_ draft: inout ArticleDraft, draft index: Int) {
        // Keyed by FNV-1a of the UTF-8: String hashing normalises (NFC), far slower.
        var seen: [UInt64: String] = [:]
        seen.reserveCapacity(draft.blocks.count)
        var recent: [String] = []
        var kept: [Block] = []
        kept.reserveCapacity(draft.blocks.count)
        for block in draft.blocks {
            guard block.kind == .paragraph else { kept.append(block); continue }
            let text = block.text
            let length = EditionScalars.count(text, upTo: 20)
            let key = Self.key(text)
            var duplicate = false
            if length >= 8, length >= 20 || text.unicodeScalars.contains(where: EditionScalars.isFullStop),
                let earlier = seen[key]
            {
                duplicate = Self.sameBytes(earlier, text)
            }
            if !duplicate && length >= 20 {
                duplicate = recent.contains { Self.hasProperSuffix($0, text) }
            }
            if duplicate {
                pending.append((index, .duplicateDropped, PunctuationRepair().repair(Self.prefix(text, 24)).text))
                continue
            }
            if seen[key] == nil { seen[key] = text }
            recent.append(text)
            if recent.count > 8 { recent.removeFirst() }
            kept.append(block)
        }
        draft.blocks = kept
    }

    /// A cheap key for spotting a repeated paragraph: FNV-1a of its length and of at
    /// most its first and last 32 bytes (equal keys are then compared in full).
    static func key(_ text: String) -> UInt64 {
        var hash = FNV1a()
        let count = text.utf8.count
        withUnsafeBytes(of: count) { hash.combine($0) }
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            if raw.count <= 64 {
                hash.combine(raw)
            } else {
                hash.combine(UnsafeRawBufferPointer(rebasing: raw[..<32]))
                hash.combine(UnsafeRawBufferPointer(rebasing: raw[(raw.count - 32)...]))
            }
        }
        if done == nil { hash.combine(text) }
        return hash.value
    }

    /// Whether two texts have the same UTF-8 bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        }.flatMap { $0 } ?? a.utf8.elementsEqual(b.utf8)
    }

    /// Whether `whole` ends with `tail` and is longer (compared as UTF-8).
    static func hasProperSuffix(_ whole: String, _ tail: String) -> Bool {
        let w = whole.utf8, t = tail.utf8
        guard w.count > t.count else { return false }
        // memcmp on the strings' storage: `elementsEqual` on the views cost ~700
        // instructions a call, and each paragraph is checked against the last eight.
        let compared = w.withContiguousStorageIfAvailable { x in
            t.withContiguousStorageIfAvailable { y in
                y.count == 0 || memcmp(x.baseAddress! + (x.count - y.count), y.baseAddress!, y.count) == 0
            }
        }
        if let compared = compared ?? nil { return compared }
        return w[w.index(w.endIndex, offsetBy: -t.count)...].elementsEqual(t)
    }

    // MARK: - Joins

    /// Joins a paragraph that stops mid-sentence (no closing mark, and it is
    /// prose) with the next paragraph of the same article.
    private mutating func joinParagraphs(_ draft: inout ArticleDraft, draft index: Int) {
        var out: [Block] = []
        out.reserveCapacity(draft.blocks.count)
        for block in draft.blocks {
            if block.kind == .paragraph, let previous = out.last, previous.kind == .paragraph,
                let tail = previous.text.unicodeScalars.last, !EditionScalars.isClosing(tail),
                let head = block.text.unicodeScalars.first,
                EditionScalars.isCJK(tail) || EditionScalars.isCJK(head) || tail == "," || head == "(",
                Self.isProse(previous.text), classifier.datelineLength(block.text) == 0,
                !Self.opensEntry(block.text)
            {
                out[out.count - 1].text = Self.join(previous.text, block.text)
                pending.append((index, .joined, Self.seam(previous.text, block.text)))
            } else {
                out.append(block)
            }
        }
        draft.blocks = out
    }

    // MARK: - Subheads

    /// Marks as subheads the short display lines that text without markup prints as
    /// paragraphs of their own (淋巴細胞減少屬警號): a subhead-like paragraph between a
    /// paragraph that ends a sentence and a paragraph, neither of them subhead-like (a run
    /// of short lines is a box of facts: 《大餓》（台灣） / 導演：謝沛如 / 演出：…). Not a
    /// repair: nothing is changed but the block's kind, and nothing is recorded.
    private func markSubheads(_ draft: inout ArticleDraft) {
        let blocks = draft.blocks
        guard blocks.count >= 3 else { return }
        for i in 1..<(blocks.count - 1) where blocks[i].kind == .paragraph {
            guard blocks[i - 1].kind == .paragraph, blocks[i + 1].kind == .paragraph,
                let tail = blocks[i - 1].text.unicodeScalars.last, Self.endsSentence(tail),
                let head = blocks[i + 1].text.unicodeScalars.first, !Kinsoku.forbidsLineStart(head),
                classifier.isSubheadLike(blocks[i].text),
                !classifier.isSubheadLike(blocks[i - 1].text), !classifier.isSubheadLike(blocks[i + 1].text)
            else { continue }
            draft.blocks[i].kind = .subhead
        }
    }

    /// Marks a sentence may end with: full stops, closing quotes and brackets.
    private static func endsSentence(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "!", "?", "…", "」", "』", "”", "’", "）", ")", "》": return true
        default: return false
        }
    }

    // MARK: - Punctuation

    /// Sets ASCII punctuation in CJK context full-width in every text of the article.
    private mutating func repairPunctuation(_ draft: inout ArticleDraft, draft index: Int) {
        let repair = PunctuationRepair()
        func fix(_ text: String) -> String {
            let result = repair.repair(text)
            if let excerpt = result.excerpt { pending.append((index, .punctuation, excerpt)) }
            return result.text
        }
        draft.kicker = draft.kicker.map(fix)
        draft.headline = fix(draft.headline)
        draft.deck = draft.deck.map(fix)
        draft.rubric = draft.rubric.map(fix)
        draft.bylines = draft.bylines.map(fix)
        for i in draft.blocks.indices { draft.blocks[i].text = fix(draft.blocks[i].text) }
    }

    // MARK: - Finishing

    /// The finished article: dateline marked, id given.
    private func article(from draft: ArticleDraft, identifier: inout ArticleIdentifier) -> Article {
        var blocks = draft.blocks
        var dateline: String? = nil
        if let first = blocks.firstIndex(where: { $0.kind == .paragraph }) {
            let length = classifier.datelineLength(blocks[first].text)
            if length > 0 {
                blocks[first].datelineLength = length
                dateline = String(blocks[first].text.unicodeScalars.prefix(length))
            }
        }
        let id = identifier.id(headline: draft.headline, firstText: blocks.first?.text)
        return Article(
            id: id, page: draft.page, kicker: draft.kicker, headline: draft.headline,
            deck: draft.deck, rubric: draft.rubric, bylines: draft.bylines,
            dateline: dateline, blocks: blocks)
    }

    // MARK: - Helpers

    /// Joins two parts of a broken sentence: nothing between, or a space between Latin words.
    static func join(_ a: String, _ b: String) -> String {
        if let x = a.unicodeScalars.last, let y = b.unicodeScalars.first,
            EditionScalars.isASCIIAlphanumeric(x) && EditionScalars.isASCIIAlphanumeric(y)
        {
            return a + " " + b
        }
        return a + b
    }

    /// Whether a paragraph opens a list entry or a note that stands on its own, never the
    /// rest of a broken sentence: a numeric date and a space (`26/02/2010 患有…`, as Hong Kong
    /// papers list past events) or a note label (`註：未包括昨日的一宗`).
    static func opensEntry(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        var groups: [Int] = [0]
        while let s = scalars.next(), groups.count <= 3 {
            if (0x30...0x39).contains(s.value) {
                groups[groups.count - 1] += 1
            } else if s == "/" && groups.last! > 0 && groups.count < 3 {
                groups.append(0)
            } else {
                if groups.count == 3, s == " ", groups[1] <= 2, groups[1] > 0,
                    (groups[0] <= 2 && (2...4).contains(groups[2]))
                        || (groups[0] == 4 && groups[2] <= 2 && groups[2] > 0)
                {
                    return true
                }
                break
            }
        }
        guard let first = text.unicodeScalars.first, first == "註" || first == "注" || first == "備" || first == "备"
        else { return false }
        return noteLabels.contains { text.utf8.starts(with: $0.utf8) }
    }

    /// Labels of a note that follows a list or table.
    private static let noteLabels = ["註：", "注：", "備註：", "备注：", "註:", "注:"]

    /// Whether text reads as a sentence (has sentence punctuation), not a label: a
    /// line whose only marks are a colon and enumeration marks (数据来源：国家发展改革委、…)
    /// is a label, and a label is not a broken sentence.
    static func isProse(_ text: String) -> Bool {
        var colon = false, enumeration = false
        for s in text.unicodeScalars where EditionScalars.isSentencePunctuation(s) {
            if EditionScalars.isColon(s) {
                colon = true
            } else if s == "、" || s == "…" {
                enumeration = true
            } else {
                return true
            }
        }
        return !colon && enumeration
    }

    /// `…the last 8 scalars / the first 8 scalars…` of a seam.
    /// Shown with punctuation already repaired, as the model's text reads.
    static func seam(_ a: String, _ b: String) -> String {
        let repair = PunctuationRepair()
        return repair.repair(String(a.unicodeScalars.suffix(8))).text + " / "
            + repair.repair(String(b.unicodeScalars.prefix(8))).text
    }

    /// The first `n` scalars, with … when cut.
    static func prefix(_ text: String, _ n: Int) -> String {
        let head = text.unicodeScalars.prefix(n)
        return head.endIndex < text.unicodeScalars.endIndex ? String(head) + "…" : String(head)
    }
}
