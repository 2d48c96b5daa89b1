/// A run of text placed at a row and column of a screen page.
/// Columns and widths are terminal cells, never Characters.
///
/// Set text keeps its scalars in the paragraph's shared buffer and becomes a `String`
/// only when `text` is read (the formatters paint from the buffer directly).
public struct PlacedRun: Sendable, Equatable {
    public var row: Int
    public var column: Int
    /// What the run draws. Reading it from set text builds a `String` each time.
    public var text: String {
        get { content.string }
        set { content = .string(newValue) }
    }
    public var role: Role
    /// For article body text: the article text offsets (scalars) that `text`
    /// draws, scalar for scalar. nil for headers, rules, labels and padding.
    public var source: Range<Int>?
    /// The text, as a `String` or as a range of shared scalars.
    @usableFromInline var content: RunText

    public init(row: Int, column: Int, text: String, role: Role, source: Range<Int>? = nil) {
        self.row = row
        self.column = column
        self.content = .string(text)
        self.role = role
        self.source = source
    }

    /// A run drawing scalars `range` of `scalars` (a simple `ScalarText`).
    init(row: Int, column: Int, scalars: ScalarText, range: Range<Int>, role: Role, source: Range<Int>? = nil) {
        self.row = row
        self.column = column
        self.content = .scalars(scalars, range)
        self.role = role
        self.source = source
    }

    /// True when the run draws nothing (without building its `String`).
    public var isEmpty: Bool { content.isEmpty }

    /// Cells the text takes, as `measure.of(text)`.
    func width(measure: DisplayWidth) -> Int {
        switch content {
        case .string(let text):
            return measure.of(text)
        case .scalars(let text, let range):
            return text.ambiguous == measure.ambiguous ? text.width(range) : measure.of(text.string(range))
        }
    }

    /// Runs are equal when they draw the same text at the same place, however it is stored.
    public static func == (a: PlacedRun, b: PlacedRun) -> Bool {
        a.row == b.row && a.column == b.column && a.role == b.role && a.source == b.source && a.text == b.text
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

    public init(
        width: Int, height: Int, runs: [PlacedRun] = [], content: Content = .blank,
        targets: [JumpTarget] = [], textRange: Range<Int>? = nil
    ) {
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
