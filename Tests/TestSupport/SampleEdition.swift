import Foundation
import ReaderCore

/// The bundled sample edition, the one sample fixture of every test target: its path, its
/// text, its paragraphs and its model through the real loader and parser.
public enum SampleEdition {
    /// `Editions/2023-03-29-zhuzhou-daily.md` in the repository.
    public static let path = TestPaths.sampleEdition

    /// The sample's source text.
    public static func text() throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The sample through `EditionLoader` (sanitising, parsing, repairs), as the reader opens it.
    public static func load() throws -> Edition {
        try EditionLoader().edition(atPath: path)
    }

    /// The sample, loaded once; an empty edition if the file is missing, which every
    /// test that reads it then fails on (no article, no masthead).
    public static let edition: Edition = {
        (try? load()) ?? EditionParser().parse(text: "", name: path)
    }()

    /// The sample's paragraphs: its non-empty lines that are not `#` headings (none if missing).
    public static func paragraphs() -> [String] {
        guard let text = try? text() else { return [] }
        return text.split(separator: "\n").map(String.init)
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.allSatisfy { $0 == " " } }
    }

    /// The sample cut into three 版 by page markers before two of its headlines.
    public static let threePages: Edition = {
        let marked = ((try? text()) ?? "")
            .replacingOccurrences(of: "\n## 中车株洲所第三届科技节开幕", with: "\n第02版：要闻\n\n## 中车株洲所第三届科技节开幕")
            .replacingOccurrences(of: "\n## 种下香椿树 走上致富路", with: "\n第03版：综合\n\n## 种下香椿树 走上致富路")
        return EditionParser().parse(text: marked, name: "2023-03-29-zhuzhou-daily.md")
    }()
}
