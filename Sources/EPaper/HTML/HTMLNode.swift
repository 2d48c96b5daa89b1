/// One node of a parsed HTML page: an element with its attributes and children, a
/// run of text, or a comment. Built by `HTMLDocument`; everything else in EPaper reads
/// pages through this small tree, never through libxml2.
public struct HTMLNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case element
        case text
        case comment
    }

    public var kind: Kind
    /// The tag name in lower case for an element (`#document` for the root); "" otherwise.
    public var name: String
    /// Attribute names in lower case, values with entities resolved.
    public var attributes: [String: String]
    /// The text of a text or comment node, entities resolved and sanitised.
    public var text: String
    public var children: [HTMLNode]

    public init(
        kind: Kind, name: String = "", attributes: [String: String] = [:], text: String = "",
        children: [HTMLNode] = []
    ) {
        self.kind = kind
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// Whether this is an element named `name` (lower case).
    public func isElement(_ name: String) -> Bool {
        kind == .element && self.name == name
    }

    /// The element's `id` attribute.
    public var id: String? { attributes["id"] }

    /// Whether the element's `class` attribute lists `name`.
    public func hasClass(_ name: String) -> Bool {
        guard let classes = attributes["class"] else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { $0 == name }
    }

    /// The first node, in document order, that satisfies `match` (this node included).
    public func first(where match: (HTMLNode) -> Bool) -> HTMLNode? {
        if match(self) { return self }
        for child in children {
            if let found = child.first(where: match) { return found }
        }
        return nil
    }

    /// Every node, in document order, that satisfies `match` (this node included); the
    /// descendants of a match are searched too.
    public func all(where match: (HTMLNode) -> Bool) -> [HTMLNode] {
        var found: [HTMLNode] = []
        visit { node in
            if match(node) { found.append(node) }
            return true
        }
        return found
    }

    /// Visits nodes in document order; `visitor` returns false to skip a node's children.
    public func visit(_ visitor: (HTMLNode) -> Bool) {
        guard visitor(self) else { return }
        for child in children { child.visit(visitor) }
    }

    /// The text of this node and its descendants as a browser would lay it out on one
    /// line: runs of HTML white space become one space, `<br>` becomes a line feed,
    /// scripts, styles and comments are left out. Not trimmed.
    public var textContent: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    /// Appends this node's laid-out text (see `textContent`) to `out`.
    private func appendText(to out: inout String) {
        switch kind {
        case .comment:
            return
        case .text:
            out.unicodeScalars.append(contentsOf: HTMLText.collapsed(text, after: out.unicodeScalars.last))
        case .element:
            if name == "script" || name == "style" || name == "noscript" { return }
            if name == "br" { out.append("\n"); return }
            for child in children { child.appendText(to: &out) }
        }
    }
}
