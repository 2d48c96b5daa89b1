import Foundation
import TestSupport
import Testing

/// `broadsheet --dump --vertical` run as a real process on the bundled sample.
@Suite("broadsheet --dump --vertical")
struct VerticalDumpTests {
    @Test(
        "--dump --vertical prints an article's screens set vertically, as recorded",
        arguments: [(80, 24), (100, 30), (160, 45)])
    func snapshot(width: Int, height: Int) throws {
        let (status, out, err) = try OutlineModeTests.run([
            "--dump", "--vertical", "--article", "1", "--page", "all",
            "--width", "\(width)", "--height", "\(height)", DumpModeTests.sample,
        ])
        #expect(status == 0, "\(err)")
        #expect(out.contains("︒") && out.contains("│"))
        #expect(!out.contains("。"))
        Snapshot.expect(out, named: "dump-vertical-article1-\(width)x\(height).txt", in: "EndToEndTests")
    }

    @Test(
        "--dump --vertical sets the front page's blocks vertically under the horizontal masthead, as recorded",
        arguments: [(80, 24), (100, 30), (160, 45)])
    func frontPage(width: Int, height: Int) throws {
        let plain = try OutlineModeTests.run([
            "--dump", "--width", "\(width)", "--height", "\(height)", DumpModeTests.sample,
        ])
        let (status, out, err) = try OutlineModeTests.run([
            "--dump", "--vertical", "--page", "all", "--width", "\(width)", "--height", "\(height)",
            DumpModeTests.sample,
        ])
        #expect(plain.0 == 0 && status == 0, "\(err)")
        // The masthead is the horizontal one, row for row, down to its double rule.
        let masthead = plain.1.split(separator: "\n").prefix { !$0.hasPrefix("═") }
        #expect(Array(out.split(separator: "\n").prefix(masthead.count)) == Array(masthead))
        #expect(out.contains("│") && out.contains("︙"))
        Snapshot.expect(out, named: "dump-vertical-front-\(width)x\(height).txt", in: "EndToEndTests")
    }

    @Test("the README's vertical screen is what --dump --vertical --article 2 prints at 80×24")
    func readmeSample() throws {
        let readme = try String(contentsOfFile: OutlineModeTests.root + "/README.md", encoding: .utf8)
        let marker =
            "--dump --vertical --article 2 --width 80 --height 24 Editions/2023-03-29-zhuzhou-daily.md`):\n\n```text\n"
        let start = try #require(readme.range(of: marker), "the README has no vertical sample screen")
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let (status, out, err) = try OutlineModeTests.run([
            "--dump", "--vertical", "--article", "2", "--width", "80", "--height", "24", DumpModeTests.sample,
        ])
        #expect(status == 0, "\(err)")
        /// The lines without trailing spaces or trailing blank lines.
        func lines(_ text: Substring) -> [Substring] {
            let trimmed = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.reversed().drop { $0 == " " }.reversed().map { String($0) }.joined()[...]
            }
            return Array(trimmed.reversed().drop { $0.isEmpty }.reversed())
        }
        #expect(
            lines(readme[start.upperBound..<end.lowerBound]) == lines(out[...]), "paste this into the README:\n\(out)")
    }
}
