import Foundation
import TestSupport
import Testing

@testable import ReaderCore

/// Day folders of per-article Markdown (the scraped 人民日报 archive layout), read
/// from the real fixtures in Fixtures/rmrb (see its README for the source).
@Suite("Article day folders")
struct ArticleFolderTests {
    static let days = ["2025-01-01", "2025-01-02", "2025-01-03"]

    static func path(_ day: String) -> String { TestPaths.fixtures + "/rmrb/" + day }

    static func edition(_ day: String) throws -> Edition {
        try EditionLoader().edition(atPath: path(day))
    }

    @Test("a day folder is recognised as one; its parent is a library, a file a file")
    func detection() {
        #expect(EditionFormat.detect(atPath: Self.path("2025-01-02")) == .articleFolder)
        #expect(EditionFormat.detect(atPath: Self.path("2025-01-02") + "/") == .articleFolder)
        #expect(EditionFormat.detect(atPath: TestPaths.fixtures + "/rmrb") == .library)
        #expect(EditionFormat.detect(atPath: TestPaths.sampleEdition) == .markdownFile)
        #expect(EditionFormat.detect(atPath: Self.path("2025-01-02") + "/01-要闻") == .articleFolder)
    }

    @Test("the masthead is the paper named by source_url and the front-matter date")
    func masthead() throws {
        let edition = try Self.edition("2025-01-02")
        #expect(edition.masthead.title == "人民日报")
        #expect(edition.masthead.date == EditionDate(year: 2025, month: 1, day: 2))
        #expect(edition.masthead.weekday == "星期四")
        #expect(try Self.edition("2025-01-03").masthead.weekday == "星期五")
    }

    @Test(
        "the 版 are the sections present, numbered and named from the front matter",
        arguments: [
            ("2025-01-02", [1, 2, 4, 5, 7], ["要闻", "要闻", "要闻", "评论", "要闻"]),
            ("2025-01-03", [1, 6, 11], ["要闻", "要闻", "政治"]),
            ("2025-01-01", [3], ["要闻"]),
        ])
    func pages(day: String, numbers: [Int], names: [String]) throws {
        let edition = try Self.edition(day)
        #expect(edition.pages.map(\.number) == numbers)
        #expect(edition.pages.map(\.name) == names)
        #expect(edition.articles.map(\.page) == edition.articles.map(\.page).sorted())
    }

    @Test("headlines come in 版 order, by content id within a 版 (乘长风 … is content_30049364)")
    func headlines() throws {
        #expect(
            try Self.edition("2025-01-02").articles.map(\.headline) == [
                "乘长风破万里浪", "《实施弹性退休制度暂行办法》发布", "为何制定？有何规定？", "飞鸟翔集致富路",
                "着力提升农民工就业质量（人民时评）", "办好暖心餐  三招解难题（探访）",
            ])
        #expect(
            try Self.edition("2025-01-03").articles.map(\.headline) == [
                "满怀信心  埋头实干", "嘉陵江流域综合规划获批", "机构“瘦身”  效能提升",
            ])
    }

    @Test(
        "the > line is the byline with the 《人民日报》 citation dropped; a citation alone gives none",
        arguments: [
            ("2025-01-02", [["新华社记者"], [], ["新华社记者  姜  琳"], ["本报记者  杨文明"], ["邱超奕"], ["本报记者  白光迪"]]),
            ("2025-01-03", [["本报记者  钱一彬  林小溪  刘雨瑞"], [], ["本报记者  李中文  刘军国"]]),
            ("2025-01-01", [[]]),
        ])
    func bylines(day: String, expected: [[String]]) throws {
        #expect(try Self.edition(day).articles.map(\.bylines) == expected)
    }

    @Test("### is the kicker, ## —— the deck, a > series line the rubric, **bold** lines the subheads")
    func headerBlocks() throws {
        let articles = try Self.edition("2025-01-02").articles
        #expect(articles[0].deck == "——以习近平同志为核心的党中央引领中国式现代化迈出新的坚实步伐")
        #expect(articles[3].kicker == "云南省盈江县因地制宜发展观鸟产业，同时带动生态旅游——")
        #expect(articles[3].rubric == "深阅读·人与自然和谐共生的现代化")
        #expect(articles[3].deck == nil)
        #expect(
            articles[5].blocks.filter { $0.kind == .subhead }.map(\.text).prefix(2)
                == ["场地点位如何选？", "助餐小院设在农户家，乡亲吃饭更省心，群众增收有路径"])
        #expect(articles[3].blocks.contains(Block(kind: .caption, text: "尹以祜摄")))
        #expect(articles[1].dateline == "据新华社北京1月1日电  （记者姜琳）")
        #expect(try Self.edition("2025-01-03").articles[1].dateline == "本报北京1月2日电  （记者王浩）")
    }

    @Test("credit lines inside the body of a compiled report stay credit lines in their place")
    func bodyBylines() throws {
        let article = try #require(try Self.edition("2025-01-01").articles.first)
        let texts = article.blocks.map(\.text)
        let credit = try #require(texts.firstIndex(of: "本报记者  申智林"))
        #expect(article.blocks[credit].kind == .byline)
        #expect(texts[credit - 1] == "科学种田，中国碗装更多中国粮")
        #expect(texts[credit - 2] == "湖南常德种粮大户戴宏——")
        #expect(article.blocks.contains(Block(kind: .subhead, text: "留言板")))
        #expect(texts.contains("——编  者"))
    }

    @Test("no front-matter key, **, >, HTML tag or citation reaches the text", arguments: days)
    func noMarkup(day: String) throws {
        let edition = try Self.edition(day)
        let forbidden = [
            "**", ">", "<", "title:", "section:", "section_name", "source_url", "keywords",
            "word_count", "category:", "---", "《人民日报》（",
        ]
        for article in edition.articles {
            let texts =
                [article.kicker, article.headline, article.deck, article.rubric].compactMap { $0 }
                + article.bylines + article.blocks.map(\.text)
            for text in texts {
                for mark in forbidden {
                    #expect(!text.contains(mark), "\(mark) in \(text)")
                }
            }
        }
    }

    @Test("the body's character count going in equals what comes out", arguments: days)
    func bodyCount(day: String) throws {
        let edition = try Self.edition(day)
        var expected = 0
        for file in ArticleFolderReader.articleFiles(in: Self.path(day)) {
            expected += Self.bodyCharacters(try String(contentsOfFile: file.path, encoding: .utf8))
        }
        let out = edition.articles.reduce(0) { sum, article in
            sum + article.blocks.reduce(0) { $0 + Self.visible($1.text) }
        }
        #expect(expected > 500)
        #expect(out == expected)
    }

    /// Visible scalars of an article file's body, counted independently of the reader:
    /// front matter, the header lines (`#`, `>` before the first text line) and thematic
    /// breaks left out, `**` removed, spaces not counted.
    static func bodyCharacters(_ file: String) -> Int {
        let parts = file.components(separatedBy: "\n---\n")
        let body = parts.dropFirst().joined(separator: "\n---\n")
        var inBody = false
        var count = 0
        for raw in body.split(separator: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.allSatisfy({ $0 == "*" || $0 == " " }) { continue }
            if !inBody && (line.hasPrefix("#") || line.hasPrefix(">")) { continue }
            inBody = true
            while line.hasPrefix("#") { line.removeFirst() }
            count += visible(line.replacingOccurrences(of: "**", with: ""))
        }
        return count
    }

    /// Scalars that are not spaces.
    static func visible(_ text: String) -> Int {
        text.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" }.count
    }

    @Test("author fills the byline when there is no > line; the title fills a missing # line")
    func authorFallback() {
        let text = "---\ntitle: \"标题\"\ndate: 2025-01-04\nsection: \"第03版\"\nauthor: \"王  浩\"\n---\n\n正文第一段。\n"
        let article = ArticleMarkdown(classifier: LineClassifier()).read(text, folder: "03-要闻")
        #expect(article?.draft.headline == "标题")
        #expect(article?.draft.bylines == ["王  浩"])
        #expect(article?.draft.page == 3)
        #expect(article?.pageName == "要闻")
        #expect(article?.date == EditionDate(year: 2025, month: 1, day: 4))
        #expect(ArticleMarkdown(classifier: LineClassifier()).read("# 标题\n\n正文。\n", folder: "") == nil)
    }

    @Test(
        "inline markup is removed: bold, HTML tags, images; links keep their text",
        arguments: [
            ("这是**重点**内容", "这是重点内容"), ("第一行<br>第二行", "第一行第二行"),
            ("见<a href=\"x\">链接</a>。", "见链接。"), ("![图](a.jpg)图为夜景。", "图为夜景。"),
            ("详见[人民网](https://people.com.cn)。", "详见人民网。"), ("A&amp;B 1<2", "A&B 1<2"),
        ])
    func inlineMarkup(raw: String, clean: String) {
        #expect(ArticleMarkdown.inline(raw) == clean)
    }

    @Test("without source_url: ordered by file name; the paper from config, else the folder's name")
    func fallbacks() throws {
        let dir = try EditionFixtures.temporaryDirectory() + "/晚报-2025-01-04"
        try FileManager.default.createDirectory(atPath: dir + "/01-要闻", withIntermediateDirectories: true)
        func article(_ title: String) -> [UInt8] {
            Array("---\ntitle: \"\(title)\"\ndate: 2025-01-04\nsection: \"第01版\"\n---\n\n# \(title)\n\n正文。\n".utf8)
        }
        try EditionFixtures.write(article("乙"), to: "b.md", in: dir + "/01-要闻")
        try EditionFixtures.write(article("甲"), to: "a.md", in: dir + "/01-要闻")
        let plain = try ArticleFolderReader().edition(atPath: dir)
        #expect(plain.articles.map(\.headline) == ["甲", "乙"])
        #expect(plain.masthead.title == "晚报-2025-01-04")
        #expect(try ArticleFolderReader(paperName: "北京晚报").edition(atPath: dir).masthead.title == "北京晚报")
    }

    @Test("--outline JSON works on a day folder")
    func outlineJSON() throws {
        let json = EditionOutline(try Self.edition("2025-01-03")).json()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let articles = object?["articles"] as? [[String: Any]]
        #expect(articles?.count == 3)
        #expect(articles?.first?["headline"] as? String == "满怀信心  埋头实干")
    }
}

extension ArticleFolderTests {
    @Test("symbolic links inside a day folder are not followed")
    func symlinksInside() throws {
        let dir = try EditionFixtures.temporaryDirectory() + "/2025-01-02"
        try FileManager.default.copyItem(atPath: Self.path("2025-01-02"), toPath: dir)
        let outside = try EditionFixtures.temporaryDirectory()
        let secret = "---\ntitle: \"外面\"\ndate: 2025-01-02\nsection: \"第03版\"\n---\n\n# 外面\n\n库外的文字。\n"
        try EditionFixtures.write(Array(secret.utf8), to: "secret.md", in: outside)
        try FileManager.default.createSymbolicLink(
            atPath: dir + "/01-要闻/链接.md", withDestinationPath: outside + "/secret.md")
        try FileManager.default.createSymbolicLink(atPath: dir + "/03-外面", withDestinationPath: outside)
        let edition = try EditionLoader().edition(atPath: dir)
        #expect(!edition.articles.contains { $0.headline == "外面" })
        #expect(edition.articles.count == 6)
    }
}

extension ArticleFolderTests {
    @Test(
        "broken or hostile article files read without a crash and without markup",
        arguments: [
            "---\ntitle: \"x\"\n", // no closing fence: not an article
            "---\ntitle: \"标题\"\ndate: 2025-01-02\n---\n", // no body at all
            "---\ntitle: '它''s'\nsection: 第\n---\n# \n## \n> \n**\n****\n<\n<b\n[\n](\n![x](\n&amp\n#\n",
            "---\ntitle: \"t\"\ndate: 2025-99-99\n---\n# 标题 ##\n正文**未闭合\n\n***  ***\n- - -\n<p>段落</p>\n",
        ])
    func hostile(text: String) {
        let reader = ArticleMarkdown(classifier: LineClassifier())
        guard let article = reader.read(text, folder: "1x") else { return }
        let texts = [article.draft.headline] + article.draft.bylines + article.draft.blocks.map(\.text)
        for text in texts {
            #expect(!text.contains("**") && !text.contains("<p>") && !text.contains("</p>"), "\(text)")
        }
        #expect(article.draft.page >= 1)
    }
}

extension ArticleFolderTests {
    @Test(
        "版 folder names give the number and name; a date is no 版 folder",
        arguments: [
            ("01-要闻", 1, "要闻"), ("11-政治", 11, "政治"), ("第01版-要闻", 1, "要闻"), ("01版 要闻", 1, "要闻"),
            ("07", 7, nil), ("2025-01-02", nil, nil), ("要闻", nil, nil), ("第一版", nil, nil), ("1234-x", nil, nil),
        ] as [(String, Int?, String?)])
    func pageFolders(name: String, number: Int?, title: String?) {
        let (n, t) = ArticleMarkdown.pageFolder(name)
        #expect(n == number && t == title)
    }
}
