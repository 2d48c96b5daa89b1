/// What, besides the edition and the size, the layout depends on.
public struct LayoutOptions: Sendable, Equatable, Hashable {
    /// Text columns of the article view; nil picks them from the width.
    public var columns: Int?
    /// How East Asian Ambiguous characters (“ ” … ─ ═) are measured.
    public var ambiguous: AmbiguousWidth
    /// Articles set vertically (直排): columns of one character a row, read right to left.
    public var vertical: Bool
    /// The words the layout adds to the edition's own text, in the script shown.
    public var words = LayoutWords()

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

/// The few words the layout writes itself (not the edition's text): given in the
/// script the edition is shown in, so a Traditional screen says （續）, not （续）.
public struct LayoutWords: Sendable, Equatable, Hashable {
    /// After the headline or folio of a continued screen.
    public var continued = "（续）"
    /// On a 版 without articles.
    public var emptyPage = "本版没有文章"

    public init() {}

    /// These words through `convert` (an OpenCC conversion).
    public func converted(_ convert: (String) -> String) -> LayoutWords {
        var out = self
        out.continued = convert(continued)
        out.emptyPage = convert(emptyPage)
        return out
    }
}
