import EPaper
import Foundation
import ReaderCore
import Testing

/// Saved 方正 e-paper folders read as editions.
@Suite("Founder e-paper folders")
struct FounderEPaperTests {
    @Test(
        "the 版 list comes from the layout pages and the content pages' citations; 今日N版 from the page lists",
        arguments: [
            (
                EPaperFixtures.current,
                [
                    EditionPage(number: 1, name: "要闻"), EditionPage(number: 2, name: "要闻"),
                    EditionPage(number: 3, name: "要闻"),
                ], 4
            ),
            (EPaperFixtures.older, [EditionPage(number: 6, name: "综合")], 2),
            (EPaperFixtures.browser, [EditionPage(number: 2, name: "要闻"), EditionPage(number: 3, name: "要闻")], 2),
        ])
    func pages(folder: String, expected: [EditionPage], printed: Int) throws {
        let edition = try FounderEPaper.load(directory: folder)
        #expect(edition.pages == expected)
        #expect(edition.masthead.pageCount == printed)
    }

    @Test(
        "headlines, kickers and decks come from the title block, in the layout pages' order",
        arguments: [
            (
                EPaperFixtures.current, ["国家主席习近平发表二〇二五年新年贺词", "致敬每一个挺膺担当的奋斗者", "新征程上每一个人都是主角"],
                [nil, nil, nil] as [String?],
                [nil, "——习近平主席二〇二五年新年贺词启示录①", "——习近平主席新年贺词鼓舞广大干部群众坚定信心、拼搏奋斗"] as [String?]
            ),
            (EPaperFixtures.older, ["智能机器人研究室主任张新华"], ["创新者"], [nil]),
            (
                EPaperFixtures.browser, ["致敬每一个挺膺担当的奋斗者", "新征程上每一个人都是主角"], [nil, nil],
                ["——习近平主席二〇二五年新年贺词启示录①", "——习近平主席新年贺词鼓舞广大干部群众坚定信心、拼搏奋斗"]
            ),
        ])
    func titles(folder: String, headlines: [String], kickers: [String?], decks: [String?]) throws {
        let edition = try FounderEPaper.load(directory: folder)
        #expect(edition.articles.map(\.headline) == headlines)
        #expect(edition.articles.map(\.kicker) == kickers)
        #expect(edition.articles.map(\.deck) == decks)
    }

    @Test("the masthead takes the paper from the citation and the date from the folders")
    func masthead() throws {
        let current = try FounderEPaper.load(directory: EPaperFixtures.current)
        #expect(current.masthead.title == "人民日报")
        #expect(current.masthead.date == EditionDate(year: 2025, month: 1, day: 1))
        #expect(current.masthead.weekday == "星期三")
        let older = try FounderEPaper.load(directory: EPaperFixtures.older)
        #expect(older.masthead.date == EditionDate(year: 2014, month: 12, day: 4))
        #expect(older.masthead.weekday == "星期四")
    }

    @Test("bylines: p.sec before the citation (the citation dropped), and credit lines in the body")
    func bylines() throws {
        let edition = try FounderEPaper.load(directory: EPaperFixtures.current)
        #expect(edition.articles[0].bylines == [])
        #expect(edition.articles[1].bylines == ["本报评论员"])
        let body = edition.articles[2].blocks.filter { $0.kind == .byline }.map(\.text)
        #expect(body == ["本报记者  申智林"])
        #expect(!EPaperFixtures.texts(of: edition).contains { $0.contains("《人民日报》") })
    }

    @Test("the dateline opens the first paragraph; strong-only paragraphs are subheads")
    func datelineAndSubheads() throws {
        let edition = try FounderEPaper.load(directory: EPaperFixtures.current)
        #expect(edition.articles[0].dateline == "新华社北京12月31日电")
        #expect(edition.articles[0].blocks[0].datelineLength == "新华社北京12月31日电".unicodeScalars.count)
        #expect(
            edition.articles[2].blocks.filter { $0.kind == .subhead }.map(\.text)
                == ["湖南常德种粮大户戴宏——", "科学种田，中国碗装更多中国粮", "留言板"])
    }

    @Test(
        "no HTML tag, entity, comment or metadata reaches the text",
        arguments: [EPaperFixtures.current, EPaperFixtures.older, EPaperFixtures.browser])
    func noMarkup(folder: String) throws {
        let edition = try FounderEPaper.load(directory: folder)
        for text in EPaperFixtures.texts(of: edition) {
            #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"), "\(text)")
            #expect(!text.contains("enpproperty") && !text.contains("nbsp") && !text.contains("articleid"), "\(text)")
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{A0}" }, "\(text)")
        }
    }

    @Test(
        "the body's character count going in equals what comes out",
        arguments:
            EPaperFixtures.contentPages(in: EPaperFixtures.current)
            + EPaperFixtures.contentPages(in: EPaperFixtures.older))
    func characterCount(page: String) throws {
        let folder = page.contains("/rmrb-2014") ? EPaperFixtures.older : EPaperFixtures.current
        let source = try EPaperFixtures.text(ofPage: page)
        let headline = try #require(
            source.components(separatedBy: "<h1>").dropFirst().first?.components(separatedBy: "</h1>").first)
        let edition = try FounderEPaper.load(directory: folder)
        let article = try #require(edition.articles.first { $0.headline == headline })
        let expected = EPaperFixtures.sourceBodyCount(source)
        #expect(expected > 100)
        #expect(EPaperFixtures.bodyCount(article) == expected)
    }

    @Test("a GB2312 page that declares its charset is decoded, not refused")
    func gb2312() throws {
        let raw = try Data(contentsOf: URL(fileURLWithPath: EPaperFixtures.olderContent))
        #expect(String(data: raw, encoding: .utf8) == nil) // the fixture really is GB2312
        let edition = try FounderEPaper.load(directory: EPaperFixtures.older)
        #expect(edition.source.replacedInvalidBytes == 0)
        let first = try #require(edition.articles.first?.blocks.first?.text)
        #expect(first.hasPrefix("印刷机器人、切割机器人、装配机器人"))
        #expect(first.contains("“旋转、拨动、夹持、定位……”"))
    }

    @Test("a folder holding two saved days opens the newest")
    func newestDay() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("epaper-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        try FileManager.default.copyItem(atPath: EPaperFixtures.current, toPath: temporary + "/a")
        try FileManager.default.copyItem(atPath: EPaperFixtures.older, toPath: temporary + "/b")
        let edition = try FounderEPaper.load(directory: temporary)
        #expect(edition.masthead.date == EditionDate(year: 2025, month: 1, day: 1))
        #expect(edition.articles.count == 3)
    }

    @Test(
        "a single saved page stands for the folder that holds the site's layout and content folders",
        arguments: [
            ("/x/rmrb/pc/content/202501/01/content_30049278.html", "/x/rmrb/pc"),
            ("/x/rmrb/pc/layout/202501/01/node_02.html", "/x/rmrb/pc"),
            ("/x/html/2014-12/04/nw.D110000renmrb_20141204_6-06.htm", "/x/html/2014-12/04"),
            ("saved/node_01.html", "saved"),
            ("node_01.html", "."),
        ])
    func folderOfPage(path: String, folder: String) {
        #expect(FounderEPaper.folder(ofPage: path) == folder)
    }

    @Test(
        "file names: layout and content pages of both schemes, and others",
        arguments: [
            ("node_03.html", FounderFileName(role: .layout, page: 3)),
            ("content_30049278.html", FounderFileName(role: .content, order: 30049278)),
            ("nbs.D110000renmrb_06.htm", FounderFileName(role: .layout, page: 6)),
            (
                "nw.D110000renmrb_20141204_6-06.htm",
                FounderFileName(role: .content, page: 6, order: 6, date: EditionDate(year: 2014, month: 12, day: 4))
            ),
            ("index.html", nil),
            ("node_x.html", nil),
            ("content_12.md", nil),
        ] as [(String, FounderFileName?)])
    func fileNames(name: String, expected: FounderFileName?) {
        #expect(FounderFileName(name) == expected)
    }

    @Test("a folder without saved pages is not taken for an e-paper")
    func notRecognised() {
        #expect(!FounderEPaper.recognises(directory: EPaperFixtures.directory + "/../../ReaderCoreTests"))
        #expect(FounderEPaper.recognises(directory: EPaperFixtures.current))
        #expect(FounderEPaper.recognises(directory: EPaperFixtures.browser))
    }

    @Test(
        "a page a browser saved under its title is a page by its markers; other HTML is not",
        arguments: [
            ("/rmrb-2025-01-01-browser/新征程上每一个人都是主角--人民日报.html", true),
            ("/rmrb-2025-01-01-browser/致敬每一个挺膺担当的奋斗者_files/content.css", false),
            ("/README.md", false),
        ])
    func markers(path: String, isPage: Bool) {
        #expect(FounderEPaper.isPage(EPaperFixtures.directory + path) == isPage)
    }
}

/// What a saved folder may not make the reader read.
@Suite("Founder e-paper folders: confinement")
struct FounderEPaperConfinementTests {
    @Test("a page that is a symbolic link is not followed, even when it points at a real page")
    func symlinks() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("epaper-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let page = EPaperFixtures.current + "/pc/content/202501/01/content_30049278.html"
        try FileManager.default.createSymbolicLink(atPath: temporary + "/content_1.html", withDestinationPath: page)
        #expect(!FounderEPaper.recognises(directory: temporary))
        #expect(throws: EditionLoadError.noArticles(path: temporary)) { try FounderEPaper.load(directory: temporary) }
    }

    @Test(
        "broken or hostile pages read without a crash",
        arguments: [
            String(repeating: "<div>", count: 5000) + "深" + String(repeating: "</div>", count: 10),
            "<div id=\"articleContent\"><p>" + String(repeating: "字", count: 200_000) + "</p>",
            "<founder-content><p>未闭合<b>粗<p>下一段</founder-content></p></b>",
            "\u{0}\u{1}<html>\u{FF}\u{FE}<founder-content>&#0;&#xD800;&bogus;<p>x",
        ])
    func hostile(html: String) throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("epaper-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        try html.write(toFile: temporary + "/content_1.html", atomically: true, encoding: .utf8)
        do {
            let edition = try FounderEPaper.load(directory: temporary)
            for text in EPaperFixtures.texts(of: edition) {
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 }, "\(text.prefix(40))")
            }
        } catch {
            #expect(error == .noArticles(path: temporary))
        }
    }
}
