/// The selected row of a list: the table of contents, the bookmark list and the help
/// overlay's key list (whose "row" is the first key shown) move it the same way.
public struct ListCursor: Sendable, Equatable {
    /// The selected row (0-based).
    public var index: Int

    public init(_ index: Int = 0) {
        self.index = index
    }

    /// The cursor after a movement key, in a list of `count` rows of which `page` fit
    /// on screen; nil when `action` is not a movement. Kept inside 0..<count.
    func moved(_ action: Action, count: Int, page: Int) -> ListCursor? {
        let step = max(1, page)
        switch action {
        case .lineDown: return ListCursor(Self.clamp(index + 1, count))
        case .lineUp: return ListCursor(Self.clamp(index - 1, count))
        case .nextScreen: return ListCursor(Self.clamp(index + step, count))
        case .previousScreen: return ListCursor(Self.clamp(index - step, count))
        case .firstScreen: return ListCursor(0)
        case .lastScreen: return ListCursor(max(0, count - 1))
        default: return nil
        }
    }

    /// The cursor `step` rows on, kept inside 0..<count.
    func stepped(by step: Int, count: Int) -> ListCursor {
        ListCursor(Self.clamp(index + step, count))
    }

    /// The cursor kept inside 0..<count (a list that became shorter).
    func clamped(to count: Int) -> ListCursor {
        ListCursor(Self.clamp(index, count))
    }

    /// `index` kept inside 0..<count (0 for an empty list).
    static func clamp(_ index: Int, _ count: Int) -> Int {
        max(0, min(count - 1, index))
    }
}
