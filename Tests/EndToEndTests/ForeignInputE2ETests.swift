import Foundation
import Testing

/// The binary on input that is not an edition it reads (JSON, CSV, HTML of no known
/// layout, PDF): one clear line on stderr and exit 65, in every mode; and a saved
/// e-paper folder, which it does read.
@Suite("broadsheet on other formats")
struct ForeignInputE2ETests {
    /// Files of other formats, written to a fresh folder, with what the message must say.
    static let samples: [(name: String, bytes: String, says: String)] = [
        ("articles.json", "[{\"title\": \"致敬每一个挺膺担当的奋斗者\", \"date\": \"2025-01-01\"}]\n", "looks like JSON"),
        ("corpus.csv", "title,date,content\n致敬,2025-01-01,\"一起走过春夏秋冬\"\n", "looks like CSV (comma-separated values)"),
        (
            "page.html", "<!DOCTYPE html>\n<html><body><div class=\"x\">一段</div></body></html>\n",
            "looks like an HTML page of no known layout"
        ),
        ("paper.pdf", "%PDF-1.4\n1 0 obj << >> endobj\n", "looks like a PDF document"),
    ]

    /// A folder holding the sample files.
    static let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-foreign-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for sample in samples {
            #expect(FileManager.default.createFile(atPath: path + "/" + sample.name, contents: Data(sample.bytes.utf8)))
        }
        return path
    }()

    @Test(
        "each other format is named, with what is read, and exits 65 (EX_DATAERR)",
        arguments: samples.indices, [[String](), ["--dump"], ["--outline"], ["--outline", "--json"]])
    func refused(index: Int, mode: [String]) throws {
        let sample = Self.samples[index]
        let path = Self.folder + "/" + sample.name
        let (status, out, err) = try OutlineModeTests.run(mode + [path])
        #expect(status == 65)
        #expect(out.isEmpty)
        #expect(err.hasPrefix("broadsheet: \(path): \(sample.says), not an edition; broadsheet reads "))
        #expect(err.contains("(.md, .markdown, .txt)") && err.contains("e-paper"))
        #expect(err.hasSuffix("\n") && err.dropLast().split(separator: "\n").count == 1)
    }

    @Test("--outline --json reads a folder of saved 方正 e-paper pages")
    func ePaperOutline() throws {
        let folder = OutlineModeTests.root + "/Tests/EPaperTests/Fixtures/rmrb-2025-01-01"
        let (status, out, _) = try OutlineModeTests.run(["--outline", "--json", folder])
        #expect(status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        let masthead = object?["masthead"] as? [String: Any]
        #expect(masthead?["title"] as? String == "人民日报")
        #expect(masthead?["date"] as? String == "2025-01-01")
        let pages = (object?["pages"] as? [[String: Any]])?.map { "\($0["number"] ?? "")\($0["name"] ?? "")" }
        #expect(pages == ["1要闻", "2要闻", "3要闻"])
        let articles = object?["articles"] as? [[String: Any]]
        #expect(
            articles?.map { $0["headline"] as? String } == [
                "国家主席习近平发表二〇二五年新年贺词", "致敬每一个挺膺担当的奋斗者",
                "新征程上每一个人都是主角",
            ])
        #expect((articles?[1]["bylines"] as? [String]) == ["本报评论员"])
    }

    @Test(
        "one saved page opens its folder's edition; --dump shows the front page",
        arguments: [
            "/Tests/EPaperTests/Fixtures/rmrb-2025-01-01/pc/content/202501/01/content_30049278.html",
            "/Tests/EPaperTests/Fixtures/rmrb-2014-12-04-gb2312/html/2014-12/04/nbs.D110000renmrb_06.htm",
        ])
    func onePage(page: String) throws {
        let (status, out, err) = try OutlineModeTests.run([
            "--dump", "--width", "80", "--height", "24",
            OutlineModeTests.root + page,
        ])
        #expect(status == 0, "\(err)")
        #expect(out.contains("人　民　日　报"))
        #expect(!out.contains("<") && !out.contains("&"))
    }
}
