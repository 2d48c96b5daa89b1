import Foundation
import TestSupport
import Testing

/// Vertical setting (直排) in the real binary under tmux: the locale's wcwidth check passes
/// in C.UTF-8, `--vertical` starts in it, `v` toggles, ← turns to the next screen.
@Suite("Vertical setting in a real terminal (tmux)", .serialized)
struct VerticalReaderE2ETests {
    @Test(
        "--vertical opens vertical front pages and articles that fit the terminal; ← goes on, v turns back",
        arguments: [(80, 24, "xterm-256color"), (40, 12, "vt100")])
    func verticalSession(width: Int, height: Int, term: String) throws {
        let session = try TmuxPane.reader(
            width: width, height: height, arguments: ["--vertical", "--no-state", TestPaths.sampleEdition],
            term: term, environment: ["LANG": "C.UTF-8"])
        #expect(session.waitFor(text: "株　洲　日　报"), "\(session.rows().joined(separator: "\n"))")
        #expect(session.waitFor { _ in session.statusLine().contains("直排") }, "\(session.statusLine())")
        try session.send("2")
        #expect(session.waitFor { _ in session.statusLine().contains("文 2/") })
        let first = session.rows()
        #expect(first.contains { $0.contains("│") })
        #expect(first.joined().contains { "︐︒﹁﹂".contains($0) })
        for line in first { #expect(TmuxPane.width(line) <= width, "\(line)") }
        try session.send("Left")
        #expect(session.waitFor { rows in rows.dropLast() != first.dropLast() }, "← did not turn the screen")
        try session.send("Right")
        #expect(
            session.waitFor { rows in rows.dropLast() == first.dropLast() },
            "→ did not turn back:\n\(first.joined(separator: "\n"))\n----\n\(session.rows().joined(separator: "\n"))")
        try session.send("v")
        #expect(session.waitFor { _ in !session.statusLine().contains("直排") })
        #expect(session.waitFor { rows in rows.joined().contains { "，。“”".contains($0) } })
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
        session.close()
    }

    @Test("\"vertical\": true in config.json starts in vertical setting")
    func fromConfig() throws {
        let directory = FileManager.default.temporaryDirectory.path + "/bs-vertical-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = directory + "/config.json"
        #expect(FileManager.default.createFile(atPath: config, contents: Data(#"{"vertical": true}"#.utf8)))
        let session = try TmuxPane.reader(
            width: 80, height: 24, arguments: ["--config", config, "--no-state", TestPaths.sampleEdition],
            environment: ["LANG": "C.UTF-8"])
        #expect(session.waitFor { _ in session.statusLine().contains("直排") }, "\(session.statusLine())")
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
        session.close()
    }
}
