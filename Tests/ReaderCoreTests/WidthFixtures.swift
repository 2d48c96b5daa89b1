import Foundation
import TestSupport

/// Files and seeded randomness for the display width tests.
enum WidthFixtures {
    /// The package's root folder, found from this file's path.
    static var root: String { TestPaths.root }

    /// The vendored Unicode 15.0 data files (Tests/UnicodeData/15.0.0).
    static let ucd = TestPaths.unicodeData

    /// The text of a file under the package root.
    static func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
    }

    /// The text of a vendored Unicode data file.
    static func readUCD(_ relativePath: String) throws -> String {
        try String(contentsOfFile: ucd + "/" + relativePath, encoding: .utf8)
    }

}
