/// A front-page article block: its jump label and the rectangle it covers.
public struct JumpTarget: Sendable, Equatable, Hashable {
    /// "1"…"9", then letters the reader does not use as keys; nil past those.
    public var label: String?
    /// Index into `Edition.articles` (0-based).
    public var article: Int
    /// The block's rectangle on the screen page, in cells.
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(label: String?, article: Int, row: Int, column: Int, width: Int, height: Int) {
        self.label = label
        self.article = article
        self.row = row
        self.column = column
        self.width = width
        self.height = height
    }

    /// Whether the cell at (`row`, `column`) lies inside the block.
    public func contains(row r: Int, column c: Int) -> Bool {
        r >= row && r < row + height && c >= column && c < column + width
    }

    /// Labels in order: digits 1–9, then letters that are not reader keys
    /// (b f g h j k m n p q t are taken by navigation, v by vertical setting and z by the
    /// script, so they are skipped).
    public static let labels: [String] =
        (1...9).map(String.init) + "acdeilorsuwxy".map { String($0) }

    /// The jump label of the `index`-th block (0-based) of a 版, if there is one.
    public static func label(forBlock index: Int) -> String? {
        index >= 0 && index < labels.count ? labels[index] : nil
    }
}
