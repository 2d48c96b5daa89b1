/// Where a full-screen list (contents, bookmarks) and the help box sit for a window
/// size: the numbers both the views (to draw) and the reducers (to page and to take a
/// click) need, so that the reducers never ask a view.
public struct ListGeometry: Sendable, Equatable {
    /// The first screen row of the list (under the title and its rule).
    public static let top = 2

    /// Rows of the list that fit in the body.
    public let rows: Int

    /// The geometry for a body of `bodyHeight` rows.
    public init(bodyHeight: Int) {
        rows = max(1, bodyHeight - Self.top)
    }

    /// The first row shown, keeping `selection` in the middle where the list allows.
    public func firstShown(selection: Int, count: Int) -> Int {
        max(0, min(selection - rows / 2, count - rows))
    }

    /// The list row on screen row `row`, if there is one.
    public func index(atRow row: Int, selection: Int, count: Int) -> Int? {
        let index = firstShown(selection: selection, count: count) + row - Self.top
        guard row >= Self.top, row < Self.top + rows, (0..<count).contains(index) else { return nil }
        return index
    }

    /// The rows a page key moves in the contents: a screen less two rows of overlap.
    static func contentsPage(bodyHeight: Int) -> Int { max(1, bodyHeight - 4) }

    /// Key rows the help box shows, of `count`, in a body of `bodyHeight` rows.
    static func helpRows(count: Int, bodyHeight: Int) -> Int {
        max(1, min(count, bodyHeight - 2))
    }
}
