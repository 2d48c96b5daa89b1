/// Decides what a line of an edition is: byline, caption, rubric, kicker, deck, dateline.
///
/// The rules are heuristics taken from the printed daily (see decision record 0006, docs/decisions); each
/// is a small function so that tests can pin it down.
public struct LineClassifier: Sendable {
    /// Known rubric (column) labels, compared with spaces removed.
    public var rubrics: Set<String> { didSet { rubricHeads = Self.heads(rubrics, introRubrics) } }
    /// Rubrics that introduce a column's text rather than name it (开栏语).
    public var introRubrics: Set<String> { didSet { rubricHeads = Self.heads(rubrics, introRubrics) } }
    /// The first scalar of every rubric: most lines are turned away by it before
    /// being squeezed and hashed.
    private var rubricHeads: Set<Unicode.Scalar>

    public init(rubrics: Set<String> = LineClassifier.defaultRubrics,
                introRubrics: Set<String> = LineClassifier.defaultIntroRubrics) {
        self.rubrics = Set(rubrics.map(Self.squeezed))
        self.introRubrics = Set(introRubrics.map(Self.squeezed))
        rubricHeads = Self.heads(self.rubrics, self.introRubrics)
    }

    /// The first non-space scalars of `sets`' strings.
    private static func heads(_ sets: Set<String>...) -> Set<Unicode.Scalar> {
        Set(sets.joined().compactMap { $0.unicodeScalars.first { !EditionScalars.isSpace($0) } })
    }

    /// Whether `text` may be one of the rubrics: its first non-space scalar starts one.
    private func mayBeRubric(_ text: String) -> Bool {
        guard let head = text.unicodeScalars.first(where: { !EditionScalars.isSpace($0) }) else {
            return rubrics.contains("") || introRubrics.contains("")
        }
        return rubricHeads.contains(head)
    }

    /// Column labels of the daily.
    public static let defaultRubrics: Set<String> = [
        "新时代 新征程 新伟业", "项目攻坚在行动", "高手在民间 答案在基层",
        "记者手记", "短评", "一线调查", "权威发布", "今日关注",
    ]
    /// Labels that open a column's first text.
    public static let defaultIntroRubrics: Set<String> = ["开栏语", "开栏的话", "编后", "编后语"]

    /// Text without spaces (rubrics are matched this way).
    static func squeezed(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: EditionScalars.isSpace) else { return text }
        // Lazily: `filter` on the scalar view builds a String scalar by scalar (~450
        // instructions a scalar); `string` encodes the kept scalars in one buffer.
        return EditionScalars.string(text.unicodeScalars.lazy.filter { !EditionScalars.isSpace($0) })
    }

    /// A rubric (column label), either kind.
    public func isRubric(_ text: String) -> Bool {
        guard EditionScalars.count(text, upTo: 30) <= 30, mayBeRubric(text) else { return false }
        let key = Self.squeezed(text)
        return rubrics.contains(key) || introRubrics.contains(key)
    }

    /// An intro rubric such as 开栏语.
    public func isIntroRubric(_ text: String) -> Bool {
        guard EditionScalars.count(text, upTo: 30) <= 30, mayBeRubric(text) else { return false }
        return introRubrics.contains(Self.squeezed(text))
    }

    /// A credit line: 记者/通讯员/策划/执行…, maybe after a short prefix such as
    /// 株洲日报全媒体记者, followed by `/`, `:`, `：` or a space.
    public func isByline(_ text: String) -> Bool {
        // More than 240 bytes is more than 60 scalars: a paragraph, not a credit line.
        guard !text.isEmpty, text.utf8.count <= 240 else { return false }
        let credit = EditionScalars.withPrefix(text, 61) { s -> Bool in
            guard s.count <= 60 else { return false }
            for c in s where c == "。" || c == "，" || c == "," { return false }
            for start in 0..<min(s.count, 13) {
                for role in Self.roles where role[0] == s[start] && start + role.count < s.count {
                    // 文 and 图 alone are roles only at the very start (文/张三).
                    if role.count == 1 && start > 0 { continue }
                    var same = true
                    for k in 1..<role.count where s[start + k] != role[k] {
                        same = false
                        break
                    }
                    if same && Self.isBylineSeparator(s[start + role.count]) { return true }
                }
            }
            return false
        }
        return credit && !isCaption(text)
    }

    /// What follows a role in a credit line: `/`, `:`, or a space.
    private static func isBylineSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "/", "／", ":", "：", " ", "\u{3000}": return true
        default: return false
        }
    }

    private static let roles: [[Unicode.Scalar]] = ["记者", "通讯员", "策划", "执行", "摄影", "编辑", "撰稿", "文/图", "图/文", "文", "图"]
        .map { Array($0.unicodeScalars) }
    private static let noteLabels = ["【编者按】", "［编者按］", "[编者按]", "编者按：", "编者按:", "编者按"]

    /// A photo caption: the line ends in 摄 (maybe inside closing brackets).
    public func isCaption(_ text: String) -> Bool {
        var scalars = text.unicodeScalars[...]
        while let last = scalars.last, last == "）" || last == ")" || last == "]" || last == "】" || EditionScalars.isSpace(last) {
            scalars = scalars.dropLast()
        }
        guard scalars.last == "摄" else { return false }
        let before = scalars.dropLast().last
        return before != "拍" && before != "航"
    }

    /// 【编者按】 (or 编者按：) opening the line; returns the label's scalar length.
    public func editorsNoteLabelLength(_ text: String) -> Int? {
        guard text.utf8.first == 0xE3 || text.utf8.first == 0xEF || text.utf8.first == 0x5B || text.utf8.first == 0xE7
        else { return nil }     // 【 ［ [ 编: cheap rejection before hasPrefix
        // Byte prefix first: `hasPrefix` compares by Characters, with normalisation.
        for label in Self.noteLabels where text.utf8.starts(with: label.utf8) && text.hasPrefix(label) {
            return label.unicodeScalars.count
        }
        return nil
    }

    /// A short display line with no sentence end: a kicker when it sits just before a headline.
    public func isKickerLike(_ text: String) -> Bool {
        isShortPhrase(text, limit: 40) && !isByline(text) && !isCaption(text)
            && datelineLength(text) == 0 && editorsNoteLabelLength(text) == nil
    }

    /// A deck (副题): starts with —— or is a short phrase.
    public func isDeckLike(_ text: String) -> Bool {
        if text.hasPrefix("——") || text.hasPrefix("—") || text.hasPrefix("--") {
            return EditionScalars.count(text, upTo: 80) <= 80
        }
        // A short-phrase deck has no comma or clause mark: that would be a sentence.
        if text.unicodeScalars.contains(where: { $0 == "，" || $0 == "," || $0 == "；" || $0 == ";" || $0 == "：" || $0 == ":" }) {
            return false
        }
        return isShortPhrase(text, limit: 30) && !isByline(text) && !isCaption(text)
            && datelineLength(text) == 0 && editorsNoteLabelLength(text) == nil
    }

    /// Display lines set apart (打造“三个高地” / 走在前列): two or more hard-broken
    /// short lines without sentence punctuation.
    public func isPullQuote(_ segments: [String]) -> Bool {
        guard segments.count >= 2 else { return false }
        return segments.allSatisfy { segment in
            EditionScalars.count(segment, upTo: 24) <= 24
                && !segment.unicodeScalars.contains(where: EditionScalars.isSentencePunctuation)
                && !isByline(segment)
        }
    }

    /// At most `limit` scalars, no full stop anywhere, not ending in a comma or pause.
    func isShortPhrase(_ text: String, limit: Int) -> Bool {
        let n = EditionScalars.count(text, upTo: limit)
        guard n >= 2, n <= limit else { return false }
        if text.unicodeScalars.contains(where: EditionScalars.isFullStop) { return false }
        if let last = text.unicodeScalars.last, last == "，" || last == "、" || last == "," || last == ";" || last == "；" {
            return false
        }
        return true
    }

    /// Scalars of the dateline (电头) opening a paragraph: `株洲日报讯（全媒体记者/马文章）`,
    /// `本报讯`, `新华社北京3月28日电（记者 …）`. 0 when there is none.
    public func datelineLength(_ text: String) -> Int {
        // Read as a stream: nearly every paragraph is turned away within a few scalars.
        var scalars = text.unicodeScalars.makeIterator()
        var i = 0
        var c = scalars.next()
        // The agency part: up to 20 scalars without punctuation, ending in 讯 or 电.
        while let x = c, i < 20 {
            if x == "讯" || x == "电" { break }
            if EditionScalars.isSpace(x) || EditionScalars.isSentencePunctuation(x) || x == "(" || x == "（" { return 0 }
            i += 1
            c = scalars.next()
        }
        guard i > 0, let mark = c, i < 20 else { return 0 }
        let end = i + 1
        guard let next = scalars.next() else { return mark == "讯" ? end : 0 }
        if next == "(" || next == "（" {
            var j = end + 1
            while j - end <= 40, let x = scalars.next() {
                if x == ")" || x == "）" { return j + 1 }
                if x == "。" { return 0 }
                j += 1
            }
            return 0
        }
        return EditionScalars.isSpace(next) ? end : 0
    }
}
