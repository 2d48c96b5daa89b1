@testable import ReaderCore
import TestSupport
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The test target's Snapshots folder, found from this file.
private let typesetSnapshotFolder = TestPaths.snapshots(of: "ReaderCoreTests")

/// Compares `text` with the snapshot `name` (re-recorded when BROADSHEET_RECORD=1),
/// returning a readable line diff of the first differences, or nil when they agree.
private func typesetSnapshotDifference(_ name: String, _ text: String) -> String? {
    let path = typesetSnapshotFolder + "/" + name
    if ProcessInfo.processInfo.environment["BROADSHEET_RECORD"] == "1" {
        try? FileManager.default.createDirectory(atPath: typesetSnapshotFolder, withIntermediateDirectories: true)
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return nil
    }
    guard let recorded = try? String(contentsOfFile: path, encoding: .utf8) else {
        return "no snapshot at \(path): run with BROADSHEET_RECORD=1 to record it"
    }
    if recorded == text { return nil }
    let want = recorded.split(separator: "\n", omittingEmptySubsequences: false)
    let got = text.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [String] = []
    for row in 0..<max(want.count, got.count) where lines.count < 24 {
        let a = row < want.count ? String(want[row]) : "(none)"
        let b = row < got.count ? String(got[row]) : "(none)"
        if a != b { lines.append("line \(row + 1)\n  - \(a)\n  + \(b)") }
    }
    return "\(name) differs from its snapshot:\n" + lines.joined(separator: "\n")
}

@Suite("Typesetter snapshots")
struct TypesetSnapshotTests {
    @Test("the sample edition set in a column looks as recorded", arguments: [24, 31, 40])
    func sampleEdition(width: Int) {
        let paragraphs = SampleEdition.paragraphs()
        #expect(!paragraphs.isEmpty)
        let setter = Typesetter(options: TypesetOptions(width: width))
        let text = paragraphs.map { paragraph in
            setter.set(paragraph).map { "|" + $0.text + "|" }.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
        if let difference = typesetSnapshotDifference("typeset-sample-\(width).txt", text) {
            Issue.record(Comment(rawValue: difference))
        }
    }
}
