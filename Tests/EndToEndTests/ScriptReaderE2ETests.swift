import Foundation
import TestSupport
import Testing

/// 繁简 in the real binary, in tmux: `--script`, `z`, search across scripts, and the
/// reading position kept across a restart in another script.
@Suite(
    "繁简 in a real terminal (tmux)", .serialized,
    .enabled(if: SystemRequirement.openCC, Comment(rawValue: SystemRequirement.openCCReason)))
struct ScriptReaderE2ETests {
    @Test("--script traditional opens in 繁; z goes to the original and back; /记者 finds 記者")
    func cycle() throws {
        let session = try TmuxPane.reader(
            width: 100, height: 30, arguments: ["--script", "traditional", TestPaths.sampleEdition])
        #expect(session.waitFor(text: "株洲日報"), "\(session.rows().joined(separator: "\n"))")
        #expect(session.statusLine().contains("株洲日報 · 繁"))
        try session.send("z")
        #expect(session.waitFor { _ in session.statusLine().contains("原文") })
        #expect(session.rows().joined().contains("株　洲　日　报"))
        try session.send("z")
        #expect(session.waitFor { _ in session.statusLine().contains("株洲日報 · 繁") })
        try session.send("/")
        try session.send("记者")
        try session.send("Enter")
        #expect(session.waitFor { _ in session.statusLine().contains("记者: 1/") })
        #expect(session.rows().joined().contains("記者"))
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
    }

    @Test("the reading position saved in 繁 resumes in the original script")
    func positionAcrossRestart() throws {
        let state = FileManager.default.temporaryDirectory.path + "/bs-script-e2e-\(UUID().uuidString)"
        let first = try TmuxPane.reader(
            width: 80, height: 24, arguments: ["--script", "traditional", TestPaths.sampleEdition],
            environment: ["XDG_STATE_HOME": state])
        #expect(first.waitFor(text: "株洲日報"))
        try first.send("2")
        #expect(first.waitFor { _ in first.statusLine().contains("文 2/") })
        try first.send("Space")
        #expect(first.waitFor { _ in first.statusLine().contains("頁 2/") })
        #expect(first.rows()[0].contains("創業熱土（續）"))
        let shown = first.rows()[2...6].joined()
        try first.send("q")
        #expect(first.waitFor(text: "EXIT=0"))
        let second = try TmuxPane.reader(
            width: 80, height: 24, arguments: [TestPaths.sampleEdition], environment: ["XDG_STATE_HOME": state])
        #expect(second.waitFor(text: "Resumed where you left off"), "\(second.rows().joined(separator: "\n"))")
        // Article 2's second screen, in the original script.
        #expect(second.rows()[0].contains("创业热土（续）"))
        // The same text, now as printed: the 繁 screen's characters converted back.
        let again = second.rows()[2...6].joined()
        #expect(again != shown)
        #expect(again.unicodeScalars.count == shown.unicodeScalars.count)
        try second.send("q")
        #expect(second.waitFor(text: "EXIT=0"))
    }
}
