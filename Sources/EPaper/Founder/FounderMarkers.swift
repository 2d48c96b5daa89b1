/// Signs in a page's first bytes that it comes from a Founder e-paper, for pages a
/// browser saved under their title (`致敬每一个挺膺担当的奋斗者.html`) rather than the
/// site's file name.
enum FounderMarkers {
    /// Markers of the Founder page templates, matched as ASCII bytes.
    private static let markers: [[UInt8]] = [
        "founder-content", "articleContent", "enpcontent", "enpproperty",
        "id=\"ozoom\"", "id=\"pageLink\"", "nbs.D1", "nw.D1",
    ].map { Array($0.utf8) }

    /// Bytes of the head looked at.
    static let headBytes = 16 << 10

    /// Whether a file name ends in .htm or .html.
    static func isHTMLName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
    }

    /// Whether `head` (a page's first bytes) holds one of the Founder markers.
    static func found(in head: ArraySlice<UInt8>) -> Bool {
        markers.contains { marker in
            guard let first = marker.first, head.count >= marker.count else { return false }
            var i = head.startIndex
            let last = head.endIndex - marker.count
            while i <= last {
                if head[i] == first, head[i..<(i + marker.count)].elementsEqual(marker) { return true }
                i += 1
            }
            return false
        }
    }

    /// The file name of the address a browser saved the page from: Chrome and Internet
    /// Explorer put `<!-- saved from url=(0077)http://…/content_30049278.html -->` first.
    static func savedFromName(_ root: HTMLNode) -> String? {
        for node in root.children where node.kind == .comment {
            let text = HTMLText.trimmed(node.text)
            guard text.hasPrefix("saved from url="), let close = text.firstIndex(of: ")") else { continue }
            let url = text[text.index(after: close)...].split(separator: " ").first.map(String.init) ?? ""
            return FounderLayoutPage.fileKey(url)
        }
        return nil
    }
}
