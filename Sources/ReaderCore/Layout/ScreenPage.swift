/// A run of text placed at a row and column of a screen page.
/// Columns and widths are terminal cells, never Characters.
public struct PlacedRun: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var text: String
    public var role: Role

    public init(row: Int, column: Int, text: String, role: Role) {
        self.row = row
        self.column = column
        self.text = text
        self.role = role
    }
}

/// One screen's worth of laid-out text: what `--dump` prints and the reader draws.
public struct ScreenPage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var runs: [PlacedRun]

    public init(width: Int, height: Int, runs: [PlacedRun] = []) {
        self.width = width
        self.height = height
        self.runs = runs
    }
}
