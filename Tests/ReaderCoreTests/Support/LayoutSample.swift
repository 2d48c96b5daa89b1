import Foundation
import TestSupport

@testable import ReaderCore

/// The sample edition from the repository's `Editions/` folder.
enum LayoutSample {
    static let url = URL(fileURLWithPath: TestPaths.sampleEdition)

    /// The loaded sample (TestSupport's `SampleEdition`).
    static var edition: Edition { SampleEdition.edition }
}
