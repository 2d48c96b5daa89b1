import Foundation
import TestSupport
import Testing

/// The reader on a terminal (tmux) with a saved e-paper folder, with a file of another
/// format, and in kiosk mode with an e-paper folder inside the library.
@Suite("Reader on e-paper folders and other formats", .serialized)
struct EPaperReaderE2ETests {
    static let folder = TestPaths.root + "/Tests/EPaperTests/Fixtures/rmrb-2025-01-01"

    @Test("the reader opens a saved e-paper folder on its front page, and J moves to the next 版")
    func reader() throws {
        let session = try TmuxPane.reader(width: 100, height: 30, arguments: ["--no-state", Self.folder])
        #expect(session.waitFor(text: "人　民　日　报"), "\(session.rows().joined(separator: "\n"))")
        #expect(session.waitFor(text: "国家主席习近平发表二〇二五年新年贺词"))
        try session.send("J")
        #expect(session.waitFor(text: "致敬每一个挺膺担当的奋斗者"), "\(session.rows().joined(separator: "\n"))")
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
    }

    @Test("on a terminal, a JSON file is named on stderr and the reader exits 65 before drawing")
    func foreignOnTerminal() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bs-e2e-\(UUID().uuidString).json")
            .path
        try "[{\"title\": \"致敬\"}]\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = try TmuxPane.reader(width: 120, height: 30, arguments: ["--no-state", path])
        #expect(session.waitFor(text: "EXIT=65"), "\(session.rows().joined(separator: "\n"))")
        #expect(session.rows().joined().contains("looks like JSON, not an edition"))
    }

    @Test("in kiosk mode an e-paper folder inside the library opens by its name")
    func kiosk() throws {
        let library = FileManager.default.temporaryDirectory.appendingPathComponent("bs-kiosk-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: library) }
        try FileManager.default.copyItem(atPath: Self.folder, toPath: library + "/rmrb-2025-01-01")
        let environment = ["BROADSHEET_LIBRARY": library, "BROADSHEET_SYSTEM_CONFIG": "/nonexistent/config.json"]
        let (status, out, err) = try OutlineModeTests.run(
            ["--kiosk", "--outline", "rmrb-2025-01-01"], environment: environment)
        #expect(status == 0, "\(err)")
        #expect(out.hasPrefix("masthead  人民日报\n"))
        let (outside, _, _) = try OutlineModeTests.run(["--kiosk", "--outline", Self.folder], environment: environment)
        #expect(outside == 1)
    }
}
