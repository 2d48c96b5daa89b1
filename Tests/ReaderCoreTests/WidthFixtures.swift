import Foundation
import TestSupport

/// Files and seeded randomness for the display width tests.
enum WidthFixtures {
    /// The package's root folder, found from this file's path.
    static var root: String { TestPaths.root }

    /// The UCD folder of Debian's unicode-data package.
    static let ucd = "/usr/share/unicode"

    /// The text of a file under the package root.
    static func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
    }

    /// The text of a Unicode data file (install unicode-data if missing).
    static func readUCD(_ relativePath: String) throws -> String {
        try String(contentsOfFile: ucd + "/" + relativePath, encoding: .utf8)
    }

}
