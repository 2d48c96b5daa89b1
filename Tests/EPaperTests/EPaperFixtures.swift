import EPaper
import Foundation
import ReaderCore
import TestSupport

/// The saved e-paper folders under Tests/EPaperTests/Fixtures (see its README) and an
/// independent count of the body text they hold.
enum EPaperFixtures {
    static let directory = TestPaths.root + "/Tests/EPaperTests/Fixtures"
    /// 人民日报 2025-01-01, current layout (pc/layout, pc/content), UTF-8.
    static let current = directory + "/rmrb-2025-01-01"
    /// 人民日报 2014-12-04, older layout (nbs.…htm, nw.…htm), GB2312-encoded.
    static let older = directory + "/rmrb-2014-12-04-gb2312"
    /// Two of the 2025-01-01 content pages as a browser saves them: named by their title,
    /// one with Chrome's `saved from url` comment, one (Firefox) without.
    static let browser = directory + "/rmrb-2025-01-01-browser"
    static let olderContent = older + "/html/2014-12/04/nw.D110000renmrb_20141204_6-06.htm"

    /// The content pages of a fixture folder.
    static func contentPages(in folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix("content_") || name.hasPrefix("nw.") { found.append(folder + "/" + path) }
        }
        return found.sorted()
    }

    /// A page's text as UTF-8, converted by the iconv program when the page is GB2312:
    /// independent of the code under test.
    static func text(ofPage path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if let text = String(data: data, encoding: .utf8) { return text }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "GB2312", "-t", "UTF-8", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let converted = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: converted, as: UTF8.self)
    }

    /// Non-space characters of the article body in a page's source: the text between
    /// `<!--enpcontent-->` and `<!--/enpcontent-->` or inside `<founder-content>`, with
    /// tags skipped and each entity counted as the one character it stands for
    /// (`&nbsp;` as a space). A plain scan, so it cannot share a mistake with libxml2.
    static func sourceBodyCount(_ page: String) -> Int {
        let markers = [("<!--enpcontent-->", "<!--/enpcontent-->"), ("<founder-content>", "</founder-content>")]
        guard let (open, close) = markers.first(where: { page.contains($0.0) }),
            let start = page.range(of: open)?.upperBound,
            let end = page.range(of: close, range: start..<page.endIndex)?.lowerBound
        else { return -1 }
        var count = 0
        var inTag = false
        var entity: String?
        for c in page[start..<end].unicodeScalars {
            if inTag { if c == ">" { inTag = false }; continue }
            if var name = entity {
                if c == ";" {
                    if name != "nbsp" { count += 1 }
                    entity = nil
                } else {
                    name.unicodeScalars.append(c)
                    entity = name
                }
                continue
            }
            switch c {
            case "<": inTag = true
            case "&": entity = ""
            default: if !isSpace(c) { count += 1 }
            }
        }
        return count
    }

    /// Non-space characters of an article as read: headline block aside, its body blocks.
    static func bodyCount(_ article: Article) -> Int {
        article.blocks.reduce(0) { $0 + $1.text.unicodeScalars.filter { !isSpace($0) }.count }
    }

    /// Space of any kind: ASCII, no-break, ideographic.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{A0}" || c == "\u{3000}"
    }

    /// Every piece of text an edition shows.
    static func texts(of edition: Edition) -> [String] {
        var texts = [edition.masthead.title] + edition.masthead.lines + edition.pages.compactMap(\.name)
        for article in edition.articles {
            texts += [article.headline] + [article.kicker, article.deck, article.dateline].compactMap { $0 }
            texts += article.bylines + article.blocks.map(\.text)
        }
        return texts
    }
}
