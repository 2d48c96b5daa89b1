import ReaderCore

/// One saved 版 (layout) page of a Founder e-paper: its number and name, the names of
/// the other 版 it links to, and its articles in the order the page lists them.
///
/// The page list is a row of `<a id="pageLink" href="node_02.html">02版：要闻</a>`
/// links; the articles are the links to content pages in `ul.news-list` (current) or
/// `#titleList` (older). Any link whose file name is a content page's counts, in
/// document order.
struct FounderLayoutPage: Sendable {
    var number: Int
    var name: String?
    /// 版 names from the page list, by number.
    var pageNames: [Int: String]
    /// The linked content pages' file names (lower case), in order, without repeats.
    var links: [String]

    /// Reads a layout page whose file name gave 版 `number`.
    init(document root: HTMLNode, number: Int) {
        self.number = number
        var names: [Int: String] = [:]
        var links: [String] = []
        for anchor in root.all(where: { $0.isElement("a") }) {
            guard let href = anchor.attributes["href"] else { continue }
            let key = Self.fileKey(href)
            guard let linked = FounderFileName(key) else { continue }
            switch linked.role {
            case .content:
                if !links.contains(key) { links.append(key) }
            case .layout:
                if let label = FounderLabels.pageLabel(anchor.textContent), let name = label.name {
                    names[label.number] = names[label.number] ?? name
                } else if let page = linked.page, let name = Optional(HTMLText.trimmed(anchor.textContent)),
                    !name.isEmpty, name.unicodeScalars.count <= 12
                {
                    names[page] = names[page] ?? name
                }
            }
        }
        pageNames = names
        self.links = links
        name = names[number]
    }

    /// The lower-cased file name an `href` points to, without query or fragment.
    static func fileKey(_ href: String) -> String {
        var path = Substring(href)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        return (path.split(separator: "/").last.map(String.init) ?? "").lowercased()
    }
}
