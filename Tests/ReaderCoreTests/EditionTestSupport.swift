import Foundation
import TestSupport

@testable import ReaderCore

/// Helpers for the edition tests: temporary files and the model's text (the sample itself
/// is TestSupport's `SampleEdition`; these names forward to it).
enum EditionFixtures {
    /// The repository root, found from this file's path.
    static let root = TestPaths.root

    /// Path of the sample edition.
    static let samplePath = SampleEdition.path

    /// The sample edition, loaded.
    static func sample() throws -> Edition {
        try SampleEdition.load()
    }

    /// The sample's source text.
    static func sampleText() throws -> String {
        try SampleEdition.text()
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "broadsheet-edition-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes bytes to `name` in `directory`; returns the path.
    @discardableResult
    static func write(_ bytes: [UInt8], to name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every string in the model, in model order: masthead, then each article's
    /// rubric, kicker, headline, deck, bylines and blocks. The title counts only
    /// for a real masthead (otherwise it repeats a headline or the file name).
    static func allText(_ edition: Edition) -> [String] {
        var texts = (edition.masthead.lines.isEmpty ? [] : [edition.masthead.title]) + edition.masthead.lines
        for article in edition.articles {
            texts += [article.rubric, article.kicker, article.headline, article.deck].compactMap { $0 }
            texts += article.bylines
            texts += article.blocks.map(\.text)
        }
        return texts
    }

    /// The ideographs of a text, in order.
    static func ideographs(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter(EditionScalars.isIdeograph)
    }
}
