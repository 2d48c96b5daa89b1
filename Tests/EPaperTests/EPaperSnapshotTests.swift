import EPaper
import Foundation
import ReaderCore
import TestSupport
import Testing

/// The e-paper fixtures as a reader sees them: the outline, the front page of the
/// first 版 and the first screen of an article at 80×24, compared with text files in
/// Tests/EPaperTests/Snapshots (`BROADSHEET_RECORD=1` re-records).
@Suite("Founder e-paper snapshots")
struct EPaperSnapshotTests {
    @Test(
        "outline and first screens of each fixture folder",
        arguments: [
            ("rmrb-2025-01-01", EPaperFixtures.current), ("rmrb-2014-12-04-gb2312", EPaperFixtures.older),
        ])
    func screens(name: String, folder: String) throws {
        let edition = try FounderEPaper.load(directory: folder)
        let layout = EditionLayout(edition: edition, width: 80, height: 24)
        let plain = PlainTextFormatter()
        var text = EditionOutline(edition).text()
        text +=
            "\n--- front page, first 版, 80×24\n"
            + plain.format(layout.frontPage(page: edition.pages[0].number, screen: 0))
        text +=
            "\n--- last article, first screen, 80×24\n"
            + plain.format(layout.articlePage(article: edition.articles.count - 1, screen: 0))
        Self.expect(text.replacingOccurrences(of: folder, with: "FIXTURE"), named: "\(name).txt")
    }

    /// Compares `actual` with the stored snapshot, recording it when asked or missing.
    static func expect(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = TestPaths.snapshots(of: "EPaperTests") + "/" + name
        let recording = ProcessInfo.processInfo.environment["BROADSHEET_RECORD"] == "1"
        let stored = try? String(contentsOfFile: path, encoding: .utf8)
        if recording || stored == nil {
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            if !recording {
                Issue.record("snapshot \(name) was missing and has been recorded", sourceLocation: sourceLocation)
            }
            return
        }
        let expected = stored!.components(separatedBy: "\n"), lines = actual.components(separatedBy: "\n")
        guard expected != lines else { return }
        let first =
            (0..<min(expected.count, lines.count)).first { expected[$0] != lines[$0] }
            ?? min(expected.count, lines.count)
        let shown = { (all: [String]) in all.indices.contains(first) ? all[first] : "(end)" }
        Issue.record(
            Comment(
                rawValue: "snapshot \(name) differs at line \(first + 1) (BROADSHEET_RECORD=1 re-records):\n"
                    + "- \(shown(expected))\n+ \(shown(lines))"), sourceLocation: sourceLocation)
    }
}
