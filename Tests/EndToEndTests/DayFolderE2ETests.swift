import Foundation
import TestSupport
import Testing

/// A library mixing a single-file edition and a day folder of article files, in the
/// real binary: the newest (the day folder) opens first, `[` `]` move between them,
/// and a bookmark in the day folder opens it again from the bookmark list.
@Suite("Day folders in a real terminal (tmux)", .serialized)
struct DayFolderE2ETests {
    @Test("the newest day folder opens first; [ ] and the bookmark list treat it like a file")
    func mixedLibrary() throws {
        let dir = BookmarkReaderE2ETests.stateDir()
        let library = dir + "-library"
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: library)
        }
        let files = FileManager.default
        try files.createDirectory(atPath: library, withIntermediateDirectories: true)
        try files.copyItem(atPath: TestPaths.sampleEdition, toPath: library + "/2023-03-29-zhuzhou-daily.md")
        try files.copyItem(
            atPath: TestPaths.root + "/Tests/ReaderCoreTests/Fixtures/rmrb/2025-01-02",
            toPath: library + "/2025-01-02")
        let session = try TmuxPane.reader(width: 100, height: 30, arguments: ["--state-dir", dir, library])
        #expect(session.waitFor { _ in session.statusLine().contains("2025-01-02") }, "\(session.statusLine())")
        #expect(session.waitFor(text: "乘长风破万里浪"))
        try session.send("m")
        try session.send("Enter")
        #expect(session.waitFor(text: "bookmarked"), "\(session.statusLine())")
        try session.send("[")
        #expect(session.waitFor { _ in session.statusLine().contains("2023-03-29") }, "\(session.statusLine())")
        try session.send("]")
        #expect(session.waitFor { _ in session.statusLine().contains("2025-01-02") }, "\(session.statusLine())")
        try session.send("[")
        #expect(session.waitFor { _ in session.statusLine().contains("2023-03-29") })
        try session.send("B")
        #expect(session.waitFor(text: "书签 Bookmarks · 1"))
        #expect(session.waitFor(text: "人民日报"))
        try session.send("Enter")
        #expect(session.waitFor { _ in session.statusLine().contains("2025-01-02") }, "\(session.statusLine())")
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
    }

    @Test("the kiosk opens a day folder in its library by name, and refuses a folder that is no edition")
    func kioskDayFolder() throws {
        let library = BookmarkReaderE2ETests.stateDir() + "-kiosk-library"
        defer { try? FileManager.default.removeItem(atPath: library) }
        try FileManager.default.createDirectory(atPath: library + "/other", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestPaths.root + "/Tests/ReaderCoreTests/Fixtures/rmrb/2025-01-03",
            toPath: library + "/2025-01-03")
        let environment = ["BROADSHEET_LIBRARY": library]
        let (status, out, _) = try OutlineModeTests.run(
            ["--kiosk", "--no-state", "--outline", "2025-01-03"],
            environment: environment)
        #expect(status == 0)
        #expect(out.hasPrefix("masthead  人民日报"))
        let (refused, _, err) = try OutlineModeTests.run(
            ["--kiosk", "--no-state", "--outline", "other"],
            environment: environment)
        #expect(refused != 0)
        #expect(err.contains("no edition other"))
    }
}
