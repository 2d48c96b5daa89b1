// The typed model of one daily edition, after parsing and repair.
//
// Offsets: every "offset" in this model counts Unicode scalars, never
// Characters or UTF-8 bytes. An article's text offset runs across its body
// blocks in order, with no separators (see `Article.blockStarts`).

/// One daily edition: masthead, pages (版), articles in reading order, repairs.
public struct Edition: Sendable, Equatable {
    public var masthead: Masthead
    public var pages: [EditionPage]
    public var articles: [Article]
    public var repairs: [Repair]
    /// Where the edition came from, and a hash of its bytes (for stable ids).
    public var source: EditionSource
    /// False for the first 版 of a large edition opened in two steps (`EditionOpening`):
    /// `masthead` and `pages` are the whole edition's, `articles` and `repairs` are
    /// those of the first 版 only (with their final indices), and `source.contentHash`
    /// is not known yet (""). Only the reader's first frame may use such an edition.
    public var isComplete = true

    public init(
        masthead: Masthead, pages: [EditionPage], articles: [Article],
        repairs: [Repair], source: EditionSource
    ) {
        self.masthead = masthead
        self.pages = pages
        self.articles = articles
        self.repairs = repairs
        self.source = source
    }

    /// The articles on page `number` (1-based), in reading order.
    public func articles(onPage number: Int) -> [Article] {
        articles.filter { $0.page == number }
    }

    /// The indices into `articles` of those on page `number` (1-based), in reading order.
    public func articleIndices(onPage number: Int) -> [Int] {
        articles.indices.filter { articles[$0].page == number }
    }
}

/// 报头: the paper's title block.
public struct Masthead: Sendable, Equatable {
    public var title: String
    public var date: EditionDate?
    public var weekday: String?
    public var lunarDate: String?
    public var issue: Int?
    public var pageCount: Int?
    /// Every masthead line after the title, verbatim, including the ones not understood.
    public var lines: [String]

    public init(
        title: String, date: EditionDate? = nil, weekday: String? = nil,
        lunarDate: String? = nil, issue: Int? = nil, pageCount: Int? = nil,
        lines: [String] = []
    ) {
        self.title = title
        self.date = date
        self.weekday = weekday
        self.lunarDate = lunarDate
        self.issue = issue
        self.pageCount = pageCount
        self.lines = lines
    }
}

/// A calendar date, ISO-formatted as yyyy-mm-dd.
public struct EditionDate: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: EditionDate, b: EditionDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// 版: one printed page of the edition.
public struct EditionPage: Sendable, Equatable {
    /// 1-based page number.
    public var number: Int
    /// The page's section name, such as 要闻, when the marker gives one.
    public var name: String?

    public init(number: Int, name: String? = nil) {
        self.number = number
        self.name = name
    }
}

/// One article: its headline block and its body.
public struct Article: Sendable, Equatable, Identifiable {
    /// Stable across re-parses of the same text: derived from the headline.
    public var id: String
    /// The page (版) it is printed on, 1-based.
    public var page: Int
    public var kicker: String? // 引题
    public var headline: String // 主题
    public var deck: String? // 副题
    public var rubric: String? // column label, e.g. 项目攻坚在行动
    public var bylines: [String] // 记者/通讯员/策划/执行 lines
    public var dateline: String? // 电头, also kept as the run opening the first paragraph
    public var blocks: [Block]

    public init(
        id: String, page: Int, kicker: String? = nil, headline: String,
        deck: String? = nil, rubric: String? = nil, bylines: [String] = [],
        dateline: String? = nil, blocks: [Block] = []
    ) {
        self.id = id
        self.page = page
        self.kicker = kicker
        self.headline = headline
        self.deck = deck
        self.rubric = rubric
        self.bylines = bylines
        self.dateline = dateline
        self.blocks = blocks
    }

    /// The text offset at which each block starts (scalars, no separators).
    public var blockStarts: [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(blocks.count)
        var offset = 0
        for block in blocks {
            starts.append(offset)
            offset += block.text.unicodeScalars.count
        }
        return starts
    }

    /// Body scalar count.
    public var characterCount: Int {
        blocks.reduce(0) { $0 + EditionScalars.count($1.text) }
    }
}

/// One block of an article body.
public struct Block: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case paragraph
        case subhead // 小标题
        case editorsNote // 编者按 body
        case caption // photo caption, ends in 摄
        case byline // a credit line inside the body
        case pullQuote // short display lines set apart
        case rubric // a column label met inside the body (开栏语)
    }

    public var kind: Kind
    public var text: String
    /// Scalars at the start of `text` that form the dateline (电头) run; 0 if none.
    public var datelineLength: Int

    public init(kind: Kind, text: String, datelineLength: Int = 0) {
        self.kind = kind
        self.text = text
        self.datelineLength = datelineLength
    }
}

/// One repair of conversion damage, recorded so that `--outline` can list it.
public struct Repair: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case joined
        case movedHeadline = "moved-headline"
        case duplicateDropped = "duplicate-dropped"
        case punctuation
    }

    public var kind: Kind
    /// Index into `Edition.articles` (0-based), or nil for the masthead.
    public var article: Int?
    public var excerpt: String

    public init(kind: Kind, article: Int?, excerpt: String) {
        self.kind = kind
        self.article = article
        self.excerpt = excerpt
    }
}

/// Where an edition was read from.
public struct EditionSource: Sendable, Equatable {
    /// File name or path as given; "" for in-memory text.
    public var name: String
    /// FNV-1a 64 of the source bytes, hex. Part of the edition's stable id.
    public var contentHash: String
    /// Invalid UTF-8 sequences replaced by U+FFFD while reading.
    public var replacedInvalidBytes: Int
    /// Control, C1 and bidi-override characters replaced by visible placeholders
    /// (see `ContentSanitizer`).
    public var replacedControls: Int

    public init(
        name: String, contentHash: String, replacedInvalidBytes: Int = 0,
        replacedControls: Int = 0
    ) {
        self.name = name
        self.contentHash = contentHash
        self.replacedInvalidBytes = replacedInvalidBytes
        self.replacedControls = replacedControls
    }
}
