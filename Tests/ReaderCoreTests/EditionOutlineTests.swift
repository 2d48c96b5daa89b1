import Foundation
import TestSupport
import Testing

@testable import ReaderCore

@Suite("Edition outline")
struct EditionOutlineTests {
    struct OutlineJSON: Decodable {
        struct Masthead: Decodable {
            var title: String; var date: String?; var weekday: String?; var issue: Int?; var pages: Int?;
            var lines: [String]
        }
        struct Article: Decodable {
            var id: String; var page: Int; var kicker: String?; var headline: String; var deck: String?
            var bylines: [String]; var dateline: String?; var rubric: String?; var subheads: [String]
            var paragraphs: Int; var characters: Int
        }
        struct Repair: Decodable { var kind: String; var article: Int?; var excerpt: String }
        var masthead: Masthead
        var articles: [Article]
        var repairs: [Repair]
    }

    @Test("the JSON outline of the sample decodes into the documented masthead, article and repair fields")
    func json() throws {
        let edition = try EditionFixtures.sample()
        let outline = try JSONDecoder().decode(OutlineJSON.self, from: Data(EditionOutline(edition).json().utf8))
        #expect(outline.masthead.title == "株洲日报")
        #expect(outline.masthead.date == "2023-03-29")
        #expect(outline.masthead.weekday == "星期三")
        #expect(outline.masthead.issue == 23259)
        #expect(outline.masthead.pages == 8)
        #expect(outline.masthead.lines.count == 4)
        #expect(outline.articles.count == 8)
        let third = outline.articles[3]
        #expect(third.kicker == "3个国家重点实验室揭牌、一批重大新产品新技术发布")
        #expect(third.deck == "王军讲话 曹慧泉致贺词")
        #expect(third.dateline == "株洲日报讯（全媒体记者/胡文洁）")
        #expect(third.rubric == nil)
        #expect(third.characters == edition.articles[3].characterCount)
        #expect(outline.articles[1].subheads == ["串珠成“链” 促产业聚“链”成群", "平台赋能 助企业茁壮成长"])
        #expect(outline.repairs.count == edition.repairs.count)
        #expect(Set(outline.repairs.map(\.kind)) == ["joined", "moved-headline", "duplicate-dropped", "punctuation"])
    }

    @Test("an empty edition's JSON has nulls and empty lists")
    func emptyJSON() throws {
        let edition = EditionParser().parse(text: "", name: "空.md")
        let outline = try JSONDecoder().decode(OutlineJSON.self, from: Data(EditionOutline(edition).json().utf8))
        #expect(outline.masthead.title == "空")
        #expect(outline.masthead.date == nil && outline.masthead.issue == nil && outline.masthead.pages == nil)
        #expect(outline.articles.isEmpty && outline.repairs.isEmpty)
    }

    @Test(
        "JSON strings are escaped",
        arguments: [
            ("株洲", "\"株洲\""), ("a\"b", "\"a\\\"b\""), ("a\\b", "\"a\\\\b\""), ("a\nb", "\"a\\nb\""),
            ("\u{1}", "\"\\u0001\""), ("\u{2028}", "\"\\u2028\""),
        ])
    func quoting(text: String, json: String) {
        #expect(EditionOutline.quote(text) == json)
    }

    @Test("the text outline of the sample matches its snapshot")
    func textSnapshot() throws {
        let text = EditionOutline(try EditionFixtures.sample()).text()
        Snapshot.expect(text, named: "outline-sample.txt")
    }
}
