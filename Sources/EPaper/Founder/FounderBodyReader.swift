import ReaderCore

/// Turns an article body's HTML into blocks: each `<p>` (or heading, list item, table
/// cell) is one block per `<br>`-separated line; text that stands loose between them
/// is a block too, so no text of the body is lost.
struct FounderBodyReader {
    let classifier: LineClassifier

    /// Elements that hold one block of text.
    private static let leaves: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dd", "dt",
        "blockquote", "pre", "figcaption", "caption",
    ]
    /// Elements that break the flow without being a block themselves.
    private static let containers: Set<String> = [
        "div", "section", "article", "table", "tbody", "thead", "tr",
        "ul", "ol", "dl", "figure", "center", "founder-content",
    ]

    /// The blocks of `body`, in document order.
    func blocks(of body: HTMLNode) -> [Block] {
        var blocks: [Block] = []
        var loose: [HTMLNode] = []
        /// Emits the loose inline nodes gathered so far as one block.
        func flush() {
            guard !loose.isEmpty else { return }
            emit(HTMLNode(kind: .element, name: "span", children: loose), into: &blocks)
            loose.removeAll()
        }
        /// Walks `node`'s children, emitting leaves and gathering inline runs.
        func walk(_ node: HTMLNode) {
            for child in node.children {
                guard child.kind == .element else {
                    if child.kind == .text { loose.append(child) }
                    continue
                }
                if Self.leaves.contains(child.name) && !Self.holdsBlocks(child) {
                    flush()
                    emit(child, into: &blocks)
                } else if Self.containers.contains(child.name) || Self.holdsBlocks(child) {
                    flush()
                    walk(child)
                    flush()
                } else if !["script", "style", "noscript"].contains(child.name) {
                    loose.append(child)
                }
            }
        }
        walk(body)
        flush()
        return blocks
    }

    /// Whether `node` has a block element (a leaf or a container) among its descendants.
    private static func holdsBlocks(_ node: HTMLNode) -> Bool {
        node.children.contains { child in
            child.kind == .element
                && (leaves.contains(child.name) || containers.contains(child.name) || holdsBlocks(child))
        }
    }

    /// Appends the blocks of one block element: a line each, kind by its look.
    private func emit(_ node: HTMLNode, into blocks: inout [Block]) {
        let lines = HTMLText.lines(node.textContent)
        guard !lines.isEmpty else { return }
        let heading = node.name.count == 2 && node.name.hasPrefix("h") && node.name != "hr"
        let emphasised = heading || Self.isAllStrong(node)
        for line in lines {
            let kind: Block.Kind
            if emphasised && lines.count == 1 {
                kind = .subhead
            } else if classifier.isCaption(line) {
                kind = .caption
            } else if classifier.isByline(line) {
                kind = .byline
            } else {
                kind = .paragraph
            }
            blocks.append(Block(kind: kind, text: line))
        }
    }

    /// Whether all of `node`'s text sits inside `<strong>` or `<b>` (a subhead).
    private static func isAllStrong(_ node: HTMLNode) -> Bool {
        var strong = ""
        node.visit { child in
            if child.isElement("strong") || child.isElement("b") {
                strong += child.textContent
                return false
            }
            return true
        }
        let whole = HTMLText.trimmed(node.textContent)
        return !whole.isEmpty && HTMLText.trimmed(strong) == whole
    }
}
