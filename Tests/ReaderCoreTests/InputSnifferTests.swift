import Foundation
import ReaderCore
import TestSupport
import Testing

/// What a file that is not an edition looks like.
@Suite("Input sniffer")
struct InputSnifferTests {
    @Test(
        "JSON, CSV, TSV, HTML, XML and PDF are told apart from editions",
        arguments: [
            ("[{\"title\": \"致敬每一个挺膺担当的奋斗者\"}]", "a.json", InputSniffer.Kind.json),
            ("{\n  \"articles\": []\n}", "day", .json),
            ("title,date,section,content\n致敬,2025-01-01,第02版,\"一起走过，春夏秋冬\"\n", "corpus.txt", .csv),
            ("标题,日期\n任何内容", "x.csv", .csv),
            ("title\tdate\tcontent\n致敬\t2025-01-01\t正文\n", "corpus", .tsv),
            ("<!DOCTYPE html>\n<html><body>x</body></html>", "page.html", .html),
            ("  <html lang=\"zh\">", "page", .html),
            ("<?xml version=\"1.0\"?><rss></rss>", "feed", .xml),
            ("%PDF-1.7\n%âãÏÓ", "paper.pdf", .pdf),
        ] as [(String, String, InputSniffer.Kind)])
    func foreign(text: String, path: String, kind: InputSniffer.Kind) {
        #expect(InputSniffer.kind(of: Array(text.utf8)[...], path: path) == kind)
    }

    @Test(
        "editions are never taken for another format",
        arguments: [
            "# 株洲日报\n\n2023年3月29日 星期三\n",
            "[链接](https://example.com) 开头的段落。\n第二行，有逗号,和,英文逗号。\n",
            "<br> 一行旧式换行\n正文。\n",
            "{{模板}} 不是 JSON\n",
            "a, b, c\n一句话，有中文逗号。\n",
        ])
    func editions(text: String) {
        #expect(InputSniffer.kind(of: Array(text.utf8)[...], path: "edition.md") == nil)
    }

    @Test("the bundled edition is an edition")
    func sample() throws {
        let bytes = try #require(FileManager.default.contents(atPath: TestPaths.sampleEdition)).map { $0 }
        #expect(InputSniffer.kind(of: bytes.prefix(4096), path: TestPaths.sampleEdition) == nil)
    }

    @Test("the message says what the file looks like and what is read")
    func message() {
        let text = EditionLoadError.unsupported(path: "x.json", kind: .json).description
        #expect(text.hasPrefix("x.json: looks like JSON, not an edition; broadsheet reads "))
        #expect(text.contains(".md") && text.contains("e-paper"))
        #expect(EditionLoadError.unsupported(path: "x", kind: .pdf).exitStatus == 65)
        #expect(EditionLoadError.notFound(path: "x").exitStatus == 1)
    }
}
