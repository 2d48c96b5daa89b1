import Foundation
import ReaderCore
import TestSupport
import Testing

/// `broadsheet --dump --script …` run as a real process: the screens a reader of the
/// bundled (Simplified) paper sees in Traditional, and a Traditional paper in Simplified.
@Suite(
    "broadsheet --dump --script",
    .enabled(if: SystemRequirement.openCC, Comment(rawValue: SystemRequirement.openCCReason)))
struct ScriptDumpTests {
    static let sample = DumpModeTests.sample

    @Test(
        "--script traditional prints the converted screens as recorded",
        arguments: [
            (80, 24, ["--front"]), (100, 30, ["--front"]), (160, 45, ["--front"]),
            (80, 24, ["--article", "2"]), (100, 30, ["--article", "3"]),
        ])
    func traditionalSnapshots(width: Int, height: Int, view: [String]) throws {
        let (status, out, err) = try OutlineModeTests.run(
            ["--dump", "--script", "traditional", "--width", "\(width)", "--height", "\(height)"] + view + [Self.sample]
        )
        #expect(status == 0, "\(err)")
        let name = view == ["--front"] ? "front" : "article\(view[1])"
        Snapshot.expect(out, named: "traditional-\(name)-\(width)x\(height).txt", in: "EndToEndTests")
    }

    @Test(
        "the bundled paper reads as a Traditional paper: masthead, heads, bylines, body",
        arguments: ["traditional", "tw", "hk"])
    func readsRight(script: String) throws {
        let (status, out, err) = try OutlineModeTests.run(
            ["--dump", "--script", script, "--width", "100", "--height", "30", Self.sample])
        #expect(status == 0, "\(err)")
        let squeezed = out.replacingOccurrences(of: " ", with: "")
        for word in ["株　洲　日　報", "株洲日報訊", "全媒體記者", "數字城市創新成果", "應急管理局", "國內統一連續出版物號"] {
            #expect(squeezed.contains(word.replacingOccurrences(of: " ", with: "")), "\(word)")
        }
        for word in ["株洲日报", "记者", "数字"] {
            #expect(!squeezed.contains(word), "\(word)")
        }
    }

    @Test(
        "a script the paper is already in, and the original, print the plain dump byte for byte",
        arguments: ["simplified", "original"])
    func sameScript(script: String) throws {
        let plain = try OutlineModeTests.run(["--dump", "--all-articles", Self.sample])
        let same = try OutlineModeTests.run(["--dump", "--all-articles", "--script", script, Self.sample])
        #expect(same.0 == 0)
        #expect(same.1 == plain.1)
    }

    @Test("a Traditional paper is recognised and shown in Simplified")
    func traditionalPaper() throws {
        let text = try SampleEdition.text()
        let traditional = try OpenCCConverter(config: "s2t").convert(text)
        let path = FileManager.default.temporaryDirectory.path + "/bs-trad-\(UUID().uuidString).md"
        try traditional.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let asPrinted = try OutlineModeTests.run(["--dump", "--width", "100", "--height", "30", path])
        #expect(asPrinted.1.contains("株　洲　日　報"))
        let (status, out, err) = try OutlineModeTests.run(
            ["--dump", "--script", "simplified", "--width", "100", "--height", "30", path])
        #expect(status == 0, "\(err)")
        #expect(out.contains("株　洲　日　报"))
        #expect(out.replacingOccurrences(of: " ", with: "").contains("全媒体记者"))
    }

    @Test(
        "an unknown --script is refused with the values it takes",
        arguments: [["--script", "klingon"], ["--script=繁"]])
    func unknownScript(arguments: [String]) throws {
        let (status, _, err) = try OutlineModeTests.run(["--dump"] + arguments + [Self.sample])
        #expect(status == 64)
        #expect(err.contains("traditional"))
    }
}
