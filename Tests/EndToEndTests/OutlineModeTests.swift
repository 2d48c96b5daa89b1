import Foundation
import Testing

/// `broadsheet --outline` run as a real process.
@Suite("broadsheet --outline")
struct OutlineModeTests {
    /// The package root, from this file's path.
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3) // Tests/EndToEndTests/OutlineModeTests.swift
        return parts.joined(separator: "/")
    }()

    /// The built binary next to the test bundle (debug or release, whichever ran).
    static var binary: String {
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("broadsheet").path
        if FileManager.default.isExecutableFile(atPath: bundle) { return bundle }
        return root + "/.build/debug/broadsheet"
    }

    /// Runs broadsheet with `arguments`; returns exit status, stdout, stderr.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }

    @Test("--outline --json reads a day folder of article files as one edition")
    func jsonDayFolder() throws {
        let day = Self.root + "/Tests/ReaderCoreTests/Fixtures/rmrb/2025-01-02"
        let (status, out, _) = try Self.run(["--outline", "--json", day])
        #expect(status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        let masthead = object?["masthead"] as? [String: Any]
        #expect(masthead?["title"] as? String == "人民日报")
        #expect(masthead?["date"] as? String == "2025-01-02")
        let articles = object?["articles"] as? [[String: Any]] ?? []
        #expect(articles.map { $0["page"] as? Int } == [1, 1, 2, 4, 5, 7])
        #expect(articles.first?["headline"] as? String == "乘长风破万里浪")
        #expect(!out.contains("source_url") && !out.contains("**"))
    }

    @Test("--outline --json prints the sample's masthead, articles and repairs")
    func json() throws {
        let (status, out, _) = try Self.run([
            "--outline", "--json", Self.root + "/Editions/2023-03-29-zhuzhou-daily.md",
        ])
        #expect(status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        let masthead = object?["masthead"] as? [String: Any]
        #expect(masthead?["title"] as? String == "株洲日报")
        #expect(masthead?["date"] as? String == "2023-03-29")
        #expect((object?["articles"] as? [Any])?.count == 8)
        #expect(((object?["repairs"] as? [[String: Any]]) ?? []).contains { $0["kind"] as? String == "moved-headline" })
    }

    @Test("--outline with no edition reads the bundled one")
    func bundled() throws {
        let (status, out, _) = try Self.run(["--outline"], environment: ["HOME": "/nonexistent", "XDG_DATA_HOME": ""])
        #expect(status == 0)
        #expect(out.hasPrefix("masthead  株洲日报\n"))
    }

    @Test(
        "a bad edition argument prints one line on stderr and exits 1",
        arguments: [
            ("/nonexistent/edition.md", "broadsheet: /nonexistent/edition.md: no such file or directory\n"),
            ("/bin/sh", "broadsheet: /bin/sh: not a text edition (looks like an ELF executable)\n"),
        ])
    func errors(path: String, message: String) throws {
        let (status, out, err) = try Self.run(["--outline", path])
        #expect(status == 1)
        #expect(out.isEmpty)
        #expect(err == message)
    }
}
