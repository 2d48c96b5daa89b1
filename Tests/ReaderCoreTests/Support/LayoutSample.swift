import Foundation
@testable import ReaderCore
import TestSupport

/// The sample edition from the repository's `Editions/` folder.
enum LayoutSample {
    static let url = URL(fileURLWithPath: TestPaths.sampleEdition)

    /// The parsed and repaired sample.
    static let edition: Edition = {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return EditionParser().parse(text: text, name: url.lastPathComponent)
    }()
}

