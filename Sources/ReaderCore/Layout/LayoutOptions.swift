/// What, besides the edition and the size, the layout depends on.
public struct LayoutOptions: Sendable, Equatable, Hashable {
    /// Text columns of the article view; nil picks them from the width.
    public var columns: Int?
    /// How East Asian Ambiguous characters (“ ” … ─ ═) are measured.
    public var ambiguous: AmbiguousWidth
    /// Articles set vertically (直排): columns of one character a row, read right to left.
    public var vertical: Bool

    public init(columns: Int? = nil, ambiguous: AmbiguousWidth = .narrow, vertical: Bool = false) {
        self.columns = columns
        self.ambiguous = ambiguous
        self.vertical = vertical
    }

    /// Columns for a width: 1 below 60 cells, 2 from 60, 3 from 120, 4 from 170.
    public static func automaticColumns(forWidth width: Int) -> Int {
        switch width {
        case ..<60: return 1
        case ..<120: return 2
        case ..<170: return 3
        default: return 4
        }
    }
}
