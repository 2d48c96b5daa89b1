import Foundation
import TestSupport
import Testing

/// The idle reset lists the library again, through the same confinement as the
/// start: a new edition that arrived meanwhile opens, a link out or a bad file does not.
@Suite("Kiosk library rescan at the idle reset")
struct KioskRescanTests {
    @Test("after the idle timeout the newest edition that arrived opens; a new link out and a PNG are passed over")
    func idleResetRescans() throws {
        let library = try KioskTerminalTests.library(extra: nil)
        let outside = KioskHarness.scratchPath("bs-outside")
        defer { for path in [library, outside] { try? FileManager.default.removeItem(atPath: path) } }
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try KioskLibrarySSHTests.edition(day: 31, headline: "外泄的秘密")
            .write(toFile: outside + "/secret.md", atomically: true, encoding: .utf8)
        let pane = try TmuxPane(
            command: ["exec '\(KioskHarness.binary)' --kiosk --no-state --idle-reset 0.05"],
            width: 100, height: 30,
            environment: ["BROADSHEET_LIBRARY": library, "LANG": "C.UTF-8"], remainOnExit: true)
        defer { pane.close() }
        try #require(pane.waitForMasthead(), "the front page; pane:\n\(pane.screen)")

        try FileManager.default.createSymbolicLink(
            atPath: library + "/2099-12-31-evil.md",
            withDestinationPath: outside + "/secret.md")
        let made = FileManager.default.createFile(
            atPath: library + "/2099-12-30-picture.md",
            contents: Data(KioskLibrarySSHTests.png))
        try #require(made)
        try KioskLibrarySSHTests.edition(day: 30, headline: "新到的一期")
            .write(toFile: library + "/2023-03-30-new.md", atomically: true, encoding: .utf8)
        #expect(pane.waitFor(text: "新到的一期", timeout: 15), "the new edition opened at the idle reset:\n\(pane.screen)")
        #expect(pane.screen.contains("skipped 2099-12-30-picture.md"), "the PNG is named:\n\(pane.screen)")
        #expect(!pane.screen.contains("外泄的秘密"))
        try pane.send("]")
        usleep(500_000)
        #expect(!pane.screen.contains("外泄的秘密"), "] did not reach the link:\n\(pane.screen)")
    }
}
