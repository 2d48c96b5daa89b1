/// What one set line costs in the paragraph-wide line-breaking programme. The cost
/// knows where the spare cells would land (`GapKind` order, as `Typesetter.place`
/// puts them): cells in spaces and at CJK–Latin boundaries are cheap, cells after
/// punctuation a little dearer, a line with a gap between two ideographs dear, and
/// spare cells no gap can take dearer still. A one-character last line and a Korean
/// line broken inside a word pay a penalty. The weights and the measurement behind
/// them are in docs/decisions/0101-paragraph-wide-line-breaking.md.
struct LineCost {
    /// Every line: the programme prefers fewer lines when gaps are equal.
    static let line = 10
    /// Per spare cell in an existing space or at a CJK–Latin boundary.
    static let spaceCell = 2
    /// Per spare cell after a closing or pause mark, before an opening mark, or beyond
    /// the first in a space between Latin words.
    static let punctuationCell = 3
    /// Per spare cell squared, of the cells in spaces, boundaries and punctuation gaps
    /// and stranded ones: spreads that spare over lines rather than piling it on one.
    static let spreadSquare = 1
    /// A line with a gap between two ideographs, and per cell there. Counted per line
    /// and not squared: spreading ideographic spare over more lines (each of which a
    /// reader sees letter-spaced) costs more, unless a line would stack cells in a gap.
    static let ideographicLine = 150
    static let ideographicCell = 20
    /// Per cell beyond one in any gap between two ideographs.
    static let ideographicStack = 80
    /// A line with spare cells no gap can take (pushed past the priority caps or padded),
    /// and per such cell.
    static let strandedLine = 400
    static let strandedCell = 100
    /// A paragraph's (or hard-broken piece's) last line holding one character (孤字).
    static let loneLastCharacter = 500
    /// A line broken between two Hangul syllables rather than at a space.
    static let hangulWordBreak = 400
    /// A line ended inside a token that is wider than any line (not at an opportunity).
    static let forcedBreak = 1000
    /// More when that break splits a run of narrow text (a number, a Latin word, 2022—2023).
    static let forcedBreakInWord = 3000
    /// A line whose closing mark hangs past the edge (cheap: print does it freely).
    static let hang = 1
    /// Spare cells past which shorter lines are not tried (the look-back window), unless
    /// no line from that start is tighter.
    static let window = 8

    /// Capacities of a line's gaps: cells the spaces and boundaries take, cells the
    /// punctuation gaps take, and how many ideographic gaps there are.
    var spaceCapacity: Int
    var punctuationCapacity: Int
    var ideographicGaps: Int

    /// The spare cells split by where they land: (spaces/boundaries, punctuation,
    /// ideographic, stranded).
    @inline(__always)
    func split(_ spare: Int) -> (Int, Int, Int, Int) {
        let a = min(spare, spaceCapacity)
        var rest = spare - a
        let b = min(rest, punctuationCapacity)
        rest -= b
        return ideographicGaps > 0 ? (a, b, rest, 0) : (a, b, 0, rest)
    }

    /// The least a line with `spare` cells can cost, whatever its gaps (for pruning):
    /// squared cells, or a line with ideographic gaps. Ragged lines pay the square.
    @inline(__always)
    static func floor(_ spare: Int, justify: Bool) -> Int {
        let square = spare * spare * spreadSquare
        return justify ? min(square, ideographicLine) : square
    }

    /// Cost of a justified line with `spare` cells to place.
    @inline(__always)
    func justified(_ spare: Int) -> Int {
        guard spare > 0 else { return 0 }
        let (a, b, c, u) = split(spare)
        let squared = a + b + u
        var cost = a * Self.spaceCell + b * Self.punctuationCell + squared * squared * Self.spreadSquare
        if c > 0 {
            cost +=
                Self.ideographicLine + c * Self.ideographicCell
                + max(0, c - ideographicGaps) * Self.ideographicStack
        }
        if u > 0 { cost += Self.strandedLine + u * Self.strandedCell }
        return cost
    }
}
