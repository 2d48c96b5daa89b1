import Testing

@testable import ReaderCore

@Suite("Edition parser on small editions")
struct EditionParserTests {
    let parser = EditionParser()

    @Test(
        "page markers start pages and carry the section name",
        arguments: [
            "第01版：要闻\n\n## 甲文章\n\n正文一。\n\n第02版：经济\n\n## 乙文章\n\n正文二。\n",
            "## 第1版 要闻\n\n## 甲文章\n\n正文一。\n\n## 第2版 经济\n\n## 乙文章\n\n正文二。\n",
            "第一版:要闻\n\n## 甲文章\n\n正文一。\n\n第二版 经济\n\n## 乙文章\n\n正文二。\n",
        ])
    func pageMarkers(_ text: String) {
        let edition = parser.parse(text: text)
        #expect(edition.pages == [EditionPage(number: 1, name: "要闻"), EditionPage(number: 2, name: "经济")])
        #expect(edition.articles.map(\.headline) == ["甲文章", "乙文章"])
        #expect(edition.articles.map(\.page) == [1, 2])
        #expect(edition.articles(onPage: 2).map(\.headline) == ["乙文章"])
    }

    @Test("a mention of a page inside a sentence is not a page marker")
    func notAPageMarker() {
        let edition = parser.parse(text: "## 标题\n\n第2版刊登了这篇文章。\n")
        #expect(edition.pages == [EditionPage(number: 1)])
        #expect(edition.articles[0].blocks.map(\.text) == ["第2版刊登了这篇文章。"])
    }

    @Test(
        "plain Markdown opens with its first heading as title",
        arguments: [
            ("# 读书笔记\n\n第一段。\n\n## 第二节\n\n第二段。\n", "读书笔记", ["读书笔记", "第二节"]),
            ("前言文字。\n\n## 小节\n\n正文。\n", "小节", ["", "小节"]),
        ])
    func plainMarkdown(text: String, title: String, headlines: [String]) {
        let edition = parser.parse(text: text, name: "notes/读书.md")
        #expect(edition.masthead.title == title)
        #expect(edition.masthead.date == nil)
        #expect(edition.articles.map(\.headline) == headlines)
    }

    @Test("with no heading the title comes from the file name")
    func titleFromFileName() {
        let edition = parser.parse(text: "只有一段文字。\n", name: "/srv/editions/2023-03-30-晚报.md")
        #expect(edition.masthead.title == "2023-03-30-晚报")
        #expect(edition.articles.count == 1)
        #expect(edition.articles[0].blocks.map(\.text) == ["只有一段文字。"])
    }

    @Test("an empty file gives an empty edition of one page", arguments: ["", "\n\n\n", "   \n\u{3000}\n"])
    func empty(_ text: String) {
        let edition = parser.parse(text: text, name: "empty.md")
        #expect(edition.masthead.title == "empty")
        #expect(edition.articles.isEmpty)
        #expect(edition.repairs.isEmpty)
        #expect(edition.pages == [EditionPage(number: 1)])
    }

    @Test("a file with only a masthead has its fields and no articles")
    func onlyMasthead() {
        let edition = parser.parse(text: "# 株洲晚报\n\n2024年1月2日 星期二  \n甲辰年冬月廿一 第100期 今日四版\n")
        #expect(edition.masthead.title == "株洲晚报")
        #expect(edition.masthead.date == EditionDate(year: 2024, month: 1, day: 2))
        #expect(edition.masthead.weekday == "星期二")
        #expect(edition.masthead.lunarDate == "甲辰年冬月廿一")
        #expect(edition.masthead.issue == 100)
        #expect(edition.masthead.pageCount == 4)
        #expect(edition.masthead.lines == ["2024年1月2日 星期二", "甲辰年冬月廿一 第100期 今日四版"])
        #expect(edition.articles.isEmpty)
    }

    @Test("a masthead without Markdown takes its first line as title")
    func bareMasthead() {
        let edition = parser.parse(text: "株洲日报\n2023年3月29日 星期三\n\n## 标题\n\n正文。\n")
        #expect(edition.masthead.title == "株洲日报")
        #expect(edition.masthead.date == EditionDate(year: 2023, month: 3, day: 29))
        #expect(edition.articles.map(\.headline) == ["标题"])
    }

    @Test("10,000 one-line paragraphs parse quickly and stay separate")
    func manyParagraphs() {
        let text = (0..<10_000).map { "第\($0)段文字，内容完整。" }.joined(separator: "\n\n")
        let clock = ContinuousClock()
        var edition: Edition? = nil
        let elapsed = clock.measure { edition = parser.parse(text: "## 长文\n\n" + text) }
        #expect(edition?.articles.first?.blocks.count == 10_000)
        #expect(edition?.repairs.isEmpty == true)
        #expect(elapsed < .seconds(5))
    }

    @Test("100,000 headlines parse in time linear in their number, each its own article with a unique id")
    func manyHeadlines() {
        func parse(_ count: Int) -> (Edition, Duration) {
            let text = (0..<count).map { "## 标题\($0 % (count / 2))\n\n正文。" }.joined(separator: "\n\n")
            var edition: Edition? = nil
            let elapsed = ContinuousClock().measure { edition = parser.parse(text: text) }
            return (edition!, elapsed)
        }
        let (_, small) = parse(10_000)
        let (edition, large) = parse(100_000)
        #expect(edition.articles.count == 100_000)
        #expect(Set(edition.articles.map(\.id)).count == 100_000)
        #expect(edition.articles[50_000].id.hasSuffix("-2"))
        #expect(large < small * 25)
        #expect(large < .seconds(60))
    }

    @Test("seven or more # are text, and a huge run of # does not crash", arguments: [7, 12, 100_000])
    func deepHashes(_ count: Int) {
        let run = String(repeating: "#", count: count)
        let edition = parser.parse(text: "## 标题\n\n正文。\n\n\(run) 深层\n\n\(run)\n")
        #expect(edition.articles.count == 1)
        #expect(edition.articles[0].blocks.map(\.text) == ["正文。", "\(run) 深层", run])
    }

    @Test("heading levels three to six are subheads", arguments: ["###", "####", "#####", "######"])
    func subheads(_ marks: String) {
        let edition = parser.parse(text: "## 标题\n\n正文。\n\n\(marks) 小标题\n\n更多正文。\n")
        #expect(edition.articles[0].blocks.map(\.kind) == [.paragraph, .subhead, .paragraph])
    }

    @Test("a 5 MB line with no break is one paragraph")
    func hugeLine() {
        let line = String(repeating: "株洲日报的长段落", count: 220_000)
        let edition = parser.parse(text: "## 标题\n\n" + line)
        #expect(edition.articles[0].characterCount == line.unicodeScalars.count)
    }

    @Test("hard breaks join lines with one space; bylines split into lines")
    func hardBreaks() {
        let edition = parser.parse(text: "## 标题\n\n记者/张三  \n通讯员/李四\n\n正文第一行  \n正文第二行。\n\n软换行第一\n软换行第二。\n")
        let article = edition.articles[0]
        #expect(article.bylines == ["记者/张三", "通讯员/李四"])
        #expect(article.blocks.map(\.text) == ["正文第一行 正文第二行。", "软换行第一软换行第二。"])
    }

    @Test(
        "lines are classified by their form",
        arguments: [
            ("株洲日报全媒体记者/邹怡敏", "byline"), ("通讯员/刘晓欢 刘艺锋", "byline"), ("策划:董介 罗佳", "byline"),
            ("执行：株洲日报全媒体记者/易蓉", "byline"), ("本报记者 王五", "byline"),
            ("株洲日报全媒体记者/杨如摄", "caption"), ("（记者 张三 摄）", "caption"),
            ("记者从市应急管理局获悉，今年一季度全市安全。", "other"), ("他在现场拍摄。", "other"),
            ("新时代 新征程 新伟业", "rubric"), ("开栏语", "rubric"), ("项目攻坚在行动", "rubric"),
            ("胡长春在有关会议上强调", "kicker"), ("与省内外高校、", "other"),
        ])
    func classify(line: String, expected: String) {
        let c = LineClassifier()
        let kind =
            c.isCaption(line)
            ? "caption"
            : c.isByline(line)
                ? "byline"
                : c.isRubric(line)
                    ? "rubric"
                    : c.isKickerLike(line) ? "kicker" : "other"
        #expect(kind == expected)
    }

    @Test(
        "datelines are measured in scalars",
        arguments: [
            ("株洲日报讯(全媒体记者/马文章) 近日", 16), ("本报讯 近日", 3), ("新华社北京3月28日电（记者 张三）今天", 18),
            ("株洲日报讯近日召开", 0), ("近日,论坛在北京召开。", 0), ("讯(", 0),
        ])
    func datelines(text: String, length: Int) {
        #expect(LineClassifier().datelineLength(text) == length)
    }

    @Test("an editor's note label and its paragraph become one block")
    func editorsNote() {
        let edition = parser.parse(text: "## 标题\n\n【编者按】\n\n本报推出系列报道。\n\n记者/张三\n\n正文。\n")
        let article = edition.articles[0]
        #expect(article.blocks.map(\.kind) == [.editorsNote, .paragraph])
        #expect(article.blocks[0].text == "【编者按】本报推出系列报道。")
        #expect(article.bylines == ["记者/张三"])
    }

    @Test(
        "credit lines hard-broken onto text lines are split off",
        arguments: [
            ("记者/张三  \n本报讯 今天开会。", ["记者/张三"], ["本报讯 今天开会。"]),
            ("第一句，  \n第二句。  \n记者/张三", [], ["第一句， 第二句。", "记者/张三"]),
        ])
    func mixedBylines(body: String, bylines: [String], blocks: [String]) {
        let article = parser.parse(text: "## 标题\n\n" + body + "\n").articles[0]
        #expect(article.bylines == bylines)
        #expect(article.blocks.map(\.text) == blocks.map { PunctuationRepair().repair($0).text })
    }

    @Test("a byline after the body starts is a byline block")
    func bylineInBody() {
        let edition = parser.parse(text: "## 标题\n\n正文。\n\n记者/张三\n")
        #expect(edition.articles[0].blocks.map(\.kind) == [.paragraph, .byline])
        #expect(edition.articles[0].bylines.isEmpty)
    }

    @Test("every ideograph is kept in order in an edition without moves or duplicates")
    func everyCharacterInOrder() {
        let text = """
            # 株洲日报

            2023年3月29日 星期三

            引题文字在这里

            ## 主题文字

            ——副题文字

            记者/张三

            株洲日报讯(全媒体记者/李四) 正文第一段,没有结束

            而是在这里结束。

            ### 小标题

            图片说明 王五摄
            """
        let edition = parser.parse(text: text)
        let model = EditionFixtures.allText(edition).joined()
        #expect(EditionFixtures.ideographs(model) == EditionFixtures.ideographs(text))
        #expect(edition.repairs.map(\.kind) == [.joined, .punctuation])
    }

    @Test("duplicates are dropped once: verbatim and as a tail")
    func duplicates() {
        let long = "这是一个很长的段落，用来检验重复段落的识别是否准确无误。"
        let text = "## 标题\n\n前文。\(long)\n\n\(long)\n\n短句。\n\n短句。\n\n另一段完整的文字。\n\n另一段完整的文字。\n"
        let edition = parser.parse(text: text)
        #expect(edition.repairs.filter { $0.kind == .duplicateDropped }.count == 2)
        #expect(edition.articles[0].blocks.map(\.text) == ["前文。\(long)", "短句。", "短句。", "另一段完整的文字。"])
    }

    @Test("a headline splitting a sentence with no story start keeps the sentence with the article before")
    func movedHeadlineFallback() {
        let opening = "第一段的文字很长，一直写下去，写到这里还没有结束，这句话说到一半的时候说到了上游的水"
        let text = "## 甲\n\n\(opening)\n\n## 乙\n\n泥企业日子艰难。\n\n乙的正文。\n"
        let edition = parser.parse(text: text)
        #expect(edition.articles.map(\.headline) == ["甲", "乙"])
        #expect(edition.articles[0].blocks.map(\.text) == [opening + "泥企业日子艰难。"])
        #expect(edition.articles[1].blocks.map(\.text) == ["乙的正文。"])
        #expect(edition.repairs.first?.kind == .movedHeadline)
        #expect(edition.repairs.first?.article == 1)
    }
}
