/// What a `PlacedRun` draws: its own `String`, or a range of a paragraph's shared
/// scalars (body text and anything else the typesetter set), made a `String` only
/// when someone asks for `PlacedRun.text`.
@usableFromInline
enum RunText: Sendable {
    case string(String)
    /// Scalars `range` of a simple `ScalarText` (no hidden scalars, one cluster each).
    case scalars(ScalarText, Range<Int>)

    /// The text as a `String`.
    var string: String {
        switch self {
        case .string(let text): return text
        case .scalars(let text, let range): return text.string(range)
        }
    }

    /// True when nothing is drawn.
    var isEmpty: Bool {
        switch self {
        case .string(let text): return text.isEmpty
        case .scalars(_, let range): return range.isEmpty
        }
    }
}
