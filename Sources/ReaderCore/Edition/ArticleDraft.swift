/// An article while it is being parsed and repaired (becomes an `Article`).
struct ArticleDraft: Sendable {
    var page: Int
    var kicker: String?
    var headline: String
    var deck: String?
    var rubric: String?
    var bylines: [String] = []
    var blocks: [Block] = []
    /// A regular paragraph or subhead has been met: bylines after it are body blocks.
    var bodyStarted = false

    /// Nothing at all in it.
    var isEmpty: Bool {
        kicker == nil && headline.isEmpty && deck == nil && rubric == nil && bylines.isEmpty && blocks.isEmpty
    }
}
