import Foundation
import ReaderCore

/// The sample edition for reader tests, through the real loader and parser.
enum SampleEdition {
    /// The repo's `Editions/2023-03-29-zhuzhou-daily.md`, found from this file.
    static let path: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Editions/2023-03-29-zhuzhou-daily.md"
    }()

    /// The sample, parsed once.
    static let edition: Edition = {
        (try? EditionLoader().edition(atPath: path)) ?? EditionParser().parse(text: "", name: path)
    }()
}
