/// A run of text placed at a row and column of a screen page.
/// Columns and widths are terminal cells, never Characters.
public struct PlacedRun: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var text: String
    public var role: Role
    /// For article body text: the article text offsets (scalars) that `text`
    /// draws, scalar for scalar. nil for headers, rules, labels and padding.
    public var source: Range<Int>?

    public init(row: Int, column: Int, text: String, role: Role, source: Range<Int>? = nil) {
        self.row = row
        self.column = column
        self.text = text
        self.role = role
        self.source = source
    }
}

/// One screen's worth of laid-out text: what `--dump` prints and the reader draws.
public struct ScreenPage: Sendable, Equatable {
    /// What a screen page shows.
    public enum Content: Sendable, Equatable, Hashable {
        case blank
        /// The size is below `EditionLayout.minimumWidth`×`minimumHeight`.
        case tooSmall
        /// Screen `screen` (0-based) of the front page of 版 `page` (1-based).
        case front(page: Int, screen: Int)
        /// Screen `screen` (0-based) of article `index` (0-based into `Edition.articles`).
        case article(index: Int, screen: Int)
    }

    public var width: Int
    public var height: Int
    public var runs: [PlacedRun]
    public var content: Content
    /// Front pages: one per article block (jump label, article, rectangle for clicks).
    public var targets: [JumpTarget]
    /// Article pages: the article text offsets (scalars) shown on this screen.
    public var textRange: Range<Int>?

    public init(width: Int, height: Int, runs: [PlacedRun] = [], content: Content = .blank,
                targets: [JumpTarget] = [], textRange: Range<Int>? = nil) {
        self.width = width
        self.height = height
        self.runs = runs
        self.content = content
        self.targets = targets
        self.textRange = textRange
    }

    /// The block whose rectangle holds the cell at (`row`, `column`), if any (mouse clicks).
    public func target(atRow row: Int, column: Int) -> JumpTarget? {
        targets.first { $0.contains(row: row, column: column) }
    }

    /// The block with jump label `label` ("1"…"9", then letters), if any.
    public func target(labelled label: String) -> JumpTarget? {
        targets.first { $0.label == label }
    }
}
