import Foundation
import TestSupport
import Testing

/// The README shows what the reader looks like; that picture must be the program's own output.
@Suite("README sample screen")
struct ReadmeSampleTests {
    /// The command the README names above its sample screen.
    static let arguments = ["--dump", "--width", "80", "--height", "24", SampleEdition.path]

    /// The lines of the first ```text block under "## What it looks like".
    static func readmeScreen() throws -> [Substring] {
        let readme = try String(contentsOfFile: TestPaths.root + "/README.md", encoding: .utf8)
        let section = try #require(readme.range(of: "## What it looks like"), "no 'What it looks like' section")
        let open = try #require(readme.range(of: "```text\n", range: section.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "\n```", range: open.upperBound..<readme.endIndex))
        return readme[open.upperBound..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test("the README's sample screen is exactly --dump --width 80 --height 24 of the sample's front page")
    func readmeMatchesDump() throws {
        #expect(try Self.readmeScreen().count >= 10, "the README's sample screen is too short to say anything")
        let (status, out, err) = try OutlineModeTests.run(Self.arguments)
        #expect(status == 0, "\(err)")
        let page = out.components(separatedBy: "\n\u{0C}\n")[0]
        var dumped = page.split(separator: "\n", omittingEmptySubsequences: false)
        if dumped.last == "" { dumped.removeLast() }
        let shown = try Self.readmeScreen()
        guard shown != dumped else { return }
        let command = Self.arguments.dropLast().joined(separator: " ")
        let message =
            "README.md's sample screen differs from `broadsheet \(command)"
            + " Editions/…`; paste the new output into the README:\n"
            + Snapshot.diff(expected: shown.joined(separator: "\n"), actual: dumped.joined(separator: "\n"))
        Issue.record(Comment(rawValue: message))
    }
}
