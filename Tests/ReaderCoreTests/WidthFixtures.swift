import Foundation

/// Files and seeded randomness for the display width tests.
enum WidthFixtures {
    /// The package's root folder, found from this file's path.
    static var root: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/ReaderCoreTests/<file>
        return parts.joined(separator: "/")
    }

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

    /// A seeded SplitMix64 generator, so random tests repeat.
    struct Random {
        private var state: UInt64
        init(seed: UInt64) { state = seed }

        /// The next 64 random bits.
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
