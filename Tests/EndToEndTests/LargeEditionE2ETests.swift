import Foundation
import TestSupport
import Testing

/// The real binary on an edition large enough to open on its first 版 alone (the
/// rest is parsed on a thread after the first frame): the first screen, then every
/// 版, the contents, and resuming on a late 版.
@Suite("The reader on a large edition (tmux)", .serialized)
struct LargeEditionE2ETests {
    /// A 40-版 edition (about 800 KB) in a fresh directory: the sample's masthead,
    /// then under each `## 第N版 要闻` the sample's articles, headlines numbered.
    static func makeEdition() throws -> (directory: String, path: String) {
        let out = try MultiPageEdition.text(pages: 40)
        let directory = FileManager.default.temporaryDirectory.path + "/broadsheet-large-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/2023-03-29-large.md"
        try out.write(toFile: path, atomically: true, encoding: .utf8)
        return (directory, path)
    }

    /// The "n/N" pair after `label` in the status line ("版 2/40" → (2, 40)).
    func counter(_ label: String, in status: String) -> (Int, Int)? {
        guard let range = status.range(of: label + " ") else { return nil }
        let rest = status[range.upperBound...].prefix { $0.isNumber || $0 == "/" }
        let parts = rest.split(separator: "/").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    @Test("the first screen shows 版 1 of 40, then J, K, t and q work on the whole edition")
    func browse() throws {
        let (directory, path) = try Self.makeEdition()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let session = try TmuxPane.reader(width: 100, height: 30, arguments: [path])
        #expect(session.waitFor(text: "株洲日报"))
        #expect(
            session.waitFor { _ in counter("版", in: session.statusLine()).map { $0 == (1, 40) } ?? false },
            "\(session.statusLine())")
        try session.send("J")
        #expect(session.waitFor { _ in counter("版", in: session.statusLine()).map { $0 == (2, 40) } ?? false })
        #expect(session.waitFor(text: "第9篇"))
        try session.send("K")
        #expect(session.waitFor { _ in counter("版", in: session.statusLine())?.0 == 1 })
        try session.send("t")
        try session.send("G")
        #expect(session.waitFor(text: "第320篇"), "the contents list every article")
        try session.send("q")
        try session.send("q")
        #expect(session.waitFor(text: "EXIT=0"))
    }

    @Test(
        "a reading position on a late 版 resumes there: the reader waits for the whole edition",
        arguments: [true, false])
    func resumeLate(inArticle: Bool) throws {
        let (directory, path) = try Self.makeEdition()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/state"
        let environment = ["XDG_STATE_HOME": state]
        do {
            let session = try TmuxPane.reader(width: 100, height: 30, arguments: [path], environment: environment)
            #expect(session.waitFor(text: "株洲日报"))
            for _ in 1..<30 { try session.send("J") }
            #expect(session.waitFor { _ in counter("版", in: session.statusLine())?.0 == 30 })
            if inArticle {
                try session.send("Enter")
                #expect(session.waitFor { _ in counter("文", in: session.statusLine()) != nil })
            }
            try session.send("q")
            #expect(session.waitFor(text: "EXIT=0"))
        }
        let again = try TmuxPane.reader(width: 100, height: 30, arguments: [path], environment: environment)
        #expect(again.waitFor(text: "Resumed"), "\(again.rows().joined(separator: "\n"))")
        #expect(again.waitFor { _ in counter("版", in: again.statusLine())?.0 == 30 }, "\(again.statusLine())")
        try again.send("q")
        #expect(again.waitFor(text: "EXIT=0"))
    }
}
