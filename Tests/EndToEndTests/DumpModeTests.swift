import Foundation
import Testing

/// `broadsheet --dump` run as a real process on the bundled sample.
@Suite("broadsheet --dump")
struct DumpModeTests {
    static let sample = OutlineModeTests.root + "/Editions/2023-03-29-zhuzhou-daily.md"

    @Test(
        "the default dump is the masthead and front page, at most 30 lines",
        arguments: [[String](), ["--front"], ["--page", "1"]])
    func frontPage(extra: [String]) throws {
        let (status, out, err) = try OutlineModeTests.run(["--dump"] + extra + [Self.sample])
        #expect(status == 0, "\(err)")
        #expect(out.contains("株　洲　日　报"))
        #expect(out.contains("═══"))
        #expect(out.hasSuffix("\n"))
        #expect(out.split(separator: "\n", omittingEmptySubsequences: false).count <= 31)
    }

    @Test("the README's sample screen is what --dump prints at 80×24")
    func readmeSample() throws {
        let readme = try String(contentsOfFile: OutlineModeTests.root + "/README.md", encoding: .utf8)
        let marker = "--dump --width 80 --height 24 Editions/2023-03-29-zhuzhou-daily.md`):\n\n```text\n"
        guard let start = readme.range(of: marker),
            let end = readme.range(of: "\n```", range: start.upperBound..<readme.endIndex)
        else {
            Issue.record("the README has no 80×24 sample screen")
            return
        }
        let shown = String(readme[start.upperBound..<end.lowerBound])
        let (status, out, err) = try OutlineModeTests.run(["--dump", "--width", "80", "--height", "24", Self.sample])
        #expect(status == 0, "\(err)")
        func lines(_ text: String) -> [Substring] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var line = line[...]
                while line.last == " " { line = line.dropLast() }
                return line
            }.reversed().drop { $0.isEmpty }.reversed()
        }
        #expect(lines(shown) == lines(out), "re-run the command and paste its output into the README:\n\(out)")
    }

    @Test(
        "every page of --page all fits the height, pages separated by a form-feed line",
        arguments: [(80, 24, "--front"), (60, 20, "--all-articles"), (120, 40, "--all-articles")])
    func pagesFit(width: Int, height: Int, view: String) throws {
        let (status, out, _) = try OutlineModeTests.run([
            "--dump", "--width", "\(width)", "--height", "\(height)",
            "--page", "all", view, Self.sample,
        ])
        #expect(status == 0)
        let pages = out.components(separatedBy: "\n\u{0C}\n")
        #expect(pages.count > 1)
        for page in pages {
            #expect(page.split(separator: "\n", omittingEmptySubsequences: false).count <= height)
        }
    }

    @Test("--columns 1 --all-articles is the linear paper, first article to last sentence")
    func linear() throws {
        let (status, out, _) = try OutlineModeTests.run(["--dump", "--columns", "1", "--all-articles", Self.sample])
        #expect(status == 0)
        let joined = out.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "\u{3000}", with: "")
        #expect(joined.contains("株洲日报讯"))
        #expect(joined.contains("至少转机已经出现。"))
    }

    @Test("--color adds ANSI styles; plain output has none")
    func color() throws {
        let (_, plain, _) = try OutlineModeTests.run(["--dump", Self.sample])
        let (_, colored, _) = try OutlineModeTests.run(["--dump", "--color", Self.sample])
        #expect(!plain.contains("\u{1B}["))
        #expect(colored.contains("\u{1B}[1m"))
    }

    @Test("a tiny size prints a clear too-small page", arguments: [(10, 5), (19, 30), (80, 7)])
    func tooSmall(width: Int, height: Int) throws {
        let (status, out, _) = try OutlineModeTests.run([
            "--dump", "--width", "\(width)", "--height", "\(height)", Self.sample,
        ])
        #expect(status == 0)
        #expect(out.contains("窗口太小"))
    }

    @Test(
        "bad arguments and missing files give one clear error and a non-zero exit",
        arguments: [
            ["--article", "99"], ["--page", "0"], ["--page", "999"], ["--width", "0"], ["--columns", "0"],
            ["--front", "--all-articles"],
        ])
    func badArguments(extra: [String]) throws {
        let (status, out, err) = try OutlineModeTests.run(["--dump"] + extra + [Self.sample])
        #expect(status != 0)
        #expect(out.isEmpty)
        #expect(err.contains("Error:"))
    }

    @Test("a missing edition file is one line on stderr and exit 1")
    func missingFile() throws {
        let (status, out, err) = try OutlineModeTests.run(["--dump", "/nonexistent/edition.md"])
        #expect(status == 1)
        #expect(out.isEmpty)
        #expect(err.split(separator: "\n").count == 1)
    }
}
