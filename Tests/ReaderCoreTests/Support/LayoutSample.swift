import Foundation
@testable import ReaderCore

/// The sample edition from the repository's `Editions/` folder.
enum LayoutSample {
    static let url: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Editions/2023-03-29-zhuzhou-daily.md")

    /// The parsed and repaired sample.
    static let edition: Edition = {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return EditionParser().parse(text: text, name: url.lastPathComponent)
    }()
}

/// A small reproducible generator (SplitMix64) for property tests.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
