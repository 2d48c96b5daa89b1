// Only the test targets use snapshots; a plain `swift build` (which builds this target
// too, without the Testing module on its search path) leaves the helper out.
#if canImport(Testing)
import Foundation
import Testing

/// Text snapshots under `Tests/<target>/Snapshots/`, the one snapshot helper of every test
/// target. A mismatch fails with a line diff; `BROADSHEET_RECORD=1` re-records, and a
/// missing file is recorded and fails, so a new snapshot is looked at before it passes.
public enum Snapshot {
    /// Compares `actual` with the snapshot `name` of test target `target`, recording it when
    /// asked to or when missing; a write that fails is a test failure, never ignored.
    public static func expect(
        _ actual: String, named name: String, in target: String = "ReaderCoreTests",
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let directory = URL(fileURLWithPath: TestPaths.snapshots(of: target))
        let url = directory.appendingPathComponent(name)
        let recording = ProcessInfo.processInfo.environment["BROADSHEET_RECORD"] == "1"
        let stored = try? String(contentsOf: url, encoding: .utf8)
        if recording || stored == nil {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot write snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            if stored == nil, !recording {
                Issue.record(
                    "snapshot \(name) was missing and has been recorded; run again", sourceLocation: sourceLocation)
            }
            return
        }
        guard let stored, stored != actual else { return }
        let message =
            "snapshot \(name) differs (BROADSHEET_RECORD=1 re-records):\n" + diff(expected: stored, actual: actual)
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// A readable line diff: "-" expected lines, "+" actual lines, with line numbers.
    public static func diff(expected: String, actual: String) -> String {
        let a = expected.components(separatedBy: "\n")
        let b = actual.components(separatedBy: "\n")
        // Longest common subsequence table, small inputs only (screen pages).
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                i += 1; j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                out.append("+\(j + 1)| \(b[j])"); j += 1
            } else {
                out.append("-\(i + 1)| \(a[i])"); i += 1
            }
        }
        return out.prefix(80).joined(separator: "\n")
    }
}
#endif
