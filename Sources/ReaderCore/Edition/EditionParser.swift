/// Turns edition text into the `Edition` model: masthead, pages, articles, repairs.
///
/// Steps: `EditionLexer` (units) → masthead → article drafts (headers and body
/// blocks classified by `LineClassifier`) → `EditionRepairer` (moved headline,
/// duplicates, joins, punctuation, datelines) → stable ids (`ArticleIdentifier`).
/// Never fails: malformed input gives a best-effort model.
public struct EditionParser: Sendable {
    public var classifier: LineClassifier
    /// The paper's name for an edition that does not name it (config `paperName`;
    /// used by `ArticleFolderReader`).
    public var paperName: String?

    public init(classifier: LineClassifier = LineClassifier(), paperName: String? = nil) {
        self.classifier = classifier
        self.paperName = paperName
    }

    /// Parses in-memory text (it is sanitised first, like a file).
    public func parse(text: String, name: String = "") -> Edition {
        parse(EditionLoader.decode(Array(text.utf8), name: name))
    }

    /// Parses a loaded (decoded and sanitised) edition.
    public func parse(_ loaded: LoadedEdition) -> Edition {
        finish(structure(of: loaded.text, name: loaded.source.name), source: loaded.source)
    }

    /// An edition's masthead, pages and article drafts, before repair.
    struct Structure {
        var masthead: Masthead
        /// The masthead title came from the file name: no heading was met (a later
        /// heading, past the text given, would have given the title).
        var titleFromName: Bool
        var pages: [EditionPage]
        var drafts: [ArticleDraft]
    }

    /// Lexes `text` and sorts its units into masthead, pages and article drafts.
    func structure(of text: String, name: String) -> Structure {
        let units = EditionLexer().units(of: text)
        var index = 0
        let (masthead, titleFromName) = readMasthead(units, index: &index, name: name)

        var pages: [EditionPage] = []
        var currentPage = 1
        var drafts: [ArticleDraft] = []
        var draft: ArticleDraft? = nil
        var pendingNoteLabel: String? = nil

        func finish() {
            if let done = draft, !done.isEmpty { drafts.append(done) }
            draft = nil
        }
        func append(_ block: Block) {
            if draft == nil { draft = ArticleDraft(page: currentPage, headline: "") }
            draft!.blocks.append(block)
        }
        func flushNoteLabel() {
            if let label = pendingNoteLabel { append(Block(kind: .editorsNote, text: label)) }
            pendingNoteLabel = nil
        }

        while index < units.count {
            let unit = units[index]
            index += 1
            switch unit.kind {
            case .pageMarker(let page):
                flushNoteLabel()
                finish()
                currentPage = page.number
                Self.add(page, to: &pages)
            case .heading(let level) where level <= 2:
                flushNoteLabel()
                var header = ArticleDraft(page: currentPage, headline: unit.text)
                if var previous = draft {
                    takeHeader(from: &previous, into: &header)
                    draft = previous
                }
                finish()
                draft = header
            case .heading:
                flushNoteLabel()
                append(Block(kind: .subhead, text: unit.text))
                draft!.bodyStarted = true
            case .paragraph:
                if let label = pendingNoteLabel {
                    pendingNoteLabel = nil
                    append(Block(kind: .editorsNote, text: label + unit.text))
                    continue
                }
                addParagraph(unit, to: &draft, page: currentPage, pendingNoteLabel: &pendingNoteLabel)
            }
        }
        flushNoteLabel()
        finish()
        return Structure(
            masthead: masthead, titleFromName: titleFromName,
            pages: Self.completed(pages, drafts: drafts), drafts: drafts)
    }

    /// Repairs the drafts and builds the edition.
    func finish(_ structure: Structure, source: EditionSource) -> Edition {
        var repairer = EditionRepairer(classifier: classifier)
        let articles = repairer.repair(structure.drafts)
        return Edition(
            masthead: structure.masthead, pages: structure.pages, articles: articles,
            repairs: repairer.repairs, source: source)
    }

    /// Adds a page marker's 版 to the list: a repeated number only fills in a missing name.
    static func add(_ page: EditionPage, to pages: inout [EditionPage]) {
        if let at = pages.firstIndex(where: { $0.number == page.number }) {
            if pages[at].name == nil { pages[at].name = page.name }
        } else {
            pages.append(page)
        }
    }

    /// The marked pages, with 版 1 put first when text before any marker (on 版 1) has none.
    static func completed(_ pages: [EditionPage], drafts: [ArticleDraft]) -> [EditionPage] {
        if pages.isEmpty { return [EditionPage(number: 1)] }
        if drafts.contains(where: { $0.page == 1 }) && !pages.contains(where: { $0.number == 1 }) {
            return [EditionPage(number: 1)] + pages
        }
        return pages
    }

    /// Reads the masthead from the first units, advancing `index` past it.
    /// A `# ` title followed by a paragraph with a date, issue, page count or
    /// publisher line is a masthead; otherwise the first heading (else the file
    /// name) is the title and stays in the text as a headline.
    /// Also says whether the title came from the file name.
    private func readMasthead(_ units: [EditionUnit], index: inout Int, name: String) -> (Masthead, Bool) {
        let parser = MastheadParser()
        guard let first = units.first else { return (Masthead(title: Self.title(fromName: name)), true) }
        if case .heading(1) = first.kind, units.count > 1, units[1].kind == .paragraph,
            parser.isMastheadLike(units[1].segments)
        {
            var lines = units[1].segments
            index = 2
            while index < units.count, units[index].kind == .paragraph,
                parser.isMastheadLike(units[index].segments),
                !units[index].text.unicodeScalars.contains(where: EditionScalars.isFullStop)
            {
                lines += units[index].segments
                index += 1
            }
            return (parser.masthead(title: first.text, lines: lines), false)
        }
        if first.kind == .paragraph, first.segments.count > 1, parser.isMastheadLike(Array(first.segments.dropFirst())),
            !parser.isMastheadLike([first.segments[0]]),
            !first.text.unicodeScalars.contains(where: EditionScalars.isFullStop)
        {
            // A masthead without Markdown: its first line is the title.
            index = 1
            return (parser.masthead(title: first.segments[0], lines: Array(first.segments.dropFirst())), false)
        }
        if let heading = units.first(where: { if case .heading = $0.kind { return true } else { return false } }) {
            return (Masthead(title: heading.text), false)
        }
        return (Masthead(title: Self.title(fromName: name)), true)
    }

    /// A title from a file name: its last component without the extension.
    /// Sanitised too: a file name can hold control characters.
    static func title(fromName name: String) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? ""
        guard !last.isEmpty else { return "Untitled" }
        var title = last
        if let dot = last.lastIndex(of: "."), dot != last.startIndex {
            title = String(last[..<dot])
        }
        return ContentSanitizer().sanitize(title).text
    }

    /// Moves the kicker and rubric lines that end `previous` into `header`.
    private func takeHeader(from previous: inout ArticleDraft, into header: inout ArticleDraft) {
        // A trailing `X：Y` credit or label (版式设计：张芳曼, 案件編號：…) stays with its article.
        if let last = previous.blocks.last, last.kind == .paragraph, classifier.isKickerLike(last.text),
            !classifier.isRubric(last.text), !classifier.isLabelLine(last.text)
        {
            header.kicker = last.text
            previous.blocks.removeLast()
        }
        if let last = previous.blocks.last, last.kind == .rubric, !previous.blocks.isEmpty {
            header.rubric = last.text
            previous.blocks.removeLast()
        }
    }

    /// Classifies one paragraph unit and adds it to the draft's header or body.
    private func addParagraph(
        _ unit: EditionUnit, to draft: inout ArticleDraft?, page: Int,
        pendingNoteLabel: inout String?
    ) {
        if draft == nil { draft = ArticleDraft(page: page, headline: "") }
        let text = unit.text
        let inHeader = !draft!.headline.isEmpty && draft!.blocks.isEmpty && !draft!.bodyStarted
        if inHeader && draft!.bylines.isEmpty {
            if draft!.rubric == nil && classifier.isRubric(text) {
                draft!.rubric = text
                return
            }
            if draft!.deck == nil && unit.segments.count == 1 && classifier.isDeckLike(text) {
                draft!.deck = text
                return
            }
        }
        if let labelLength = classifier.editorsNoteLabelLength(text) {
            if text.unicodeScalars.count == labelLength {
                pendingNoteLabel = text
            } else {
                draft!.blocks.append(Block(kind: .editorsNote, text: text))
            }
            return
        }
        let bylineSegments = unit.segments.map(classifier.isByline)
        if bylineSegments.contains(true) && bylineSegments.contains(false) {
            // Credit lines hard-broken onto text lines: split into runs and add each.
            var start = 0
            for i in 1...bylineSegments.count
            where i == bylineSegments.count || bylineSegments[i] != bylineSegments[start] {
                addParagraph(unit.slice(start..<i), to: &draft, page: page, pendingNoteLabel: &pendingNoteLabel)
                start = i
            }
            return
        }
        if !bylineSegments.contains(false) {
            if draft!.bodyStarted {
                for segment in unit.segments { draft!.blocks.append(Block(kind: .byline, text: segment)) }
            } else {
                draft!.bylines += unit.segments
            }
            return
        }
        if classifier.isCaption(text) {
            draft!.blocks.append(Block(kind: .caption, text: text))
        } else if classifier.isRubric(text) {
            draft!.blocks.append(Block(kind: .rubric, text: text))
        } else if classifier.isPullQuote(unit.segments) {
            draft!.blocks.append(Block(kind: .pullQuote, text: text))
        } else {
            draft!.blocks.append(Block(kind: .paragraph, text: text))
            draft!.bodyStarted = true
        }
    }
}
