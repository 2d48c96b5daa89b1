import Foundation

/// Multi-版 editions built from the sample, as `Scripts/bench` builds its large one:
/// the masthead once, then `pages` copies of the sample's articles, each under a page
/// marker and with its headlines renamed (第N篇 …) so that ids differ.
public enum MultiPageEdition {
    /// How the page markers are written.
    public enum Marker: String, CaseIterable, Sendable {
        /// `## 第N版 要闻`, as in the bench edition.
        case heading
        /// `第0N版：要闻` alone between blank lines.
        case paragraph
    }

    /// The sample's masthead lines and body lines.
    public static func sampleParts() throws -> (masthead: [String], body: [String]) {
        let lines = try String(contentsOfFile: TestPaths.sampleEdition, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = lines.firstIndex { $0.hasPrefix("# ") } ?? 0
        i += 1
        while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
        while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
        var body = Array(lines[(i + 1)...])
        while body.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { body.removeLast() }
        return (Array(lines[...i]), body)
    }

    /// The marker line of 版 `page`.
    public static func markerLine(_ page: Int, _ marker: Marker) -> String {
        switch marker {
        case .heading: return "## 第\(page)版 要闻"
        case .paragraph: return "第" + (page < 10 ? "0" : "") + "\(page)版：要闻"
        }
    }

    /// The sample body with headlines renamed from article `first` on; returns the next number.
    public static func renamed(_ body: [String], from first: Int) -> ([String], Int) {
        var n = first
        let lines = body.map { line -> String in
            guard let space = line.firstIndex(of: " "), line[..<space].allSatisfy({ $0 == "#" }),
                (1...2).contains(line.distance(from: line.startIndex, to: space))
            else { return line }
            defer { n += 1 }
            return line[..<space] + " 第\(n)篇" + line[space...]
        }
        return (lines, n)
    }

    /// An edition of `pages` 版 (markers numbered by `numbers`, default 1…pages).
    public static func text(
        pages: Int, marker: Marker = .heading, numbers: [Int]? = nil,
        beforeFirstMarker: Bool = false
    ) throws -> String {
        let (masthead, body) = try sampleParts()
        var out = masthead.joined(separator: "\n") + "\n"
        var article = 1
        if beforeFirstMarker {
            let (lines, next) = renamed(body, from: article)
            article = next
            out += "\n" + lines.joined(separator: "\n") + "\n"
        }
        for index in 0..<pages {
            let (lines, next) = renamed(body, from: article)
            article = next
            out +=
                "\n" + markerLine(numbers?[index] ?? index + 1, marker) + "\n\n" + lines.joined(separator: "\n") + "\n"
        }
        return out
    }
}
