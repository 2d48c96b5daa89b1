import Foundation
import ReaderCore
import TestSupport

/// The sample edition for reader tests, through the real loader and parser.
enum SampleEdition {
    /// The repo's `Editions/2023-03-29-zhuzhou-daily.md`, found from this file.
    static let path = TestPaths.sampleEdition

    /// The sample, parsed once.
    static let edition: Edition = {
        (try? EditionLoader().edition(atPath: path)) ?? EditionParser().parse(text: "", name: path)
    }()

    /// The sample cut into three 版 by page markers before two of its headlines.
    static let threePages: Edition = {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let marked = text
            .replacingOccurrences(of: "\n## 中车株洲所第三届科技节开幕", with: "\n第02版：要闻\n\n## 中车株洲所第三届科技节开幕")
            .replacingOccurrences(of: "\n## 种下香椿树 走上致富路", with: "\n第03版：综合\n\n## 种下香椿树 走上致富路")
        return EditionParser().parse(text: marked, name: "2023-03-29-zhuzhou-daily.md")
    }()
}
