import Testing

@testable import ReaderCore

/// Repairs must not invent damage on real text: each case is a line seen in real
/// 人民日报 or 蘋果日報 text that a repair used to get wrong.
@Suite("Repairs on real text")
struct RealTextRepairTests {
    let classifier = LineClassifier()

    @Test(
        "a paragraph whose only sentence mark is a colon is a label and is not joined to the next",
        arguments: [
            "数据来源：国家发展改革委、…国家统计局等",
            "数据来源：国家发展改革委、国家统计局等",
            "做法：因地制宜建观鸟点",
        ])
    func colonLabel(line: String) {
        let text = "## 标题\n\n正文第一段。\n\n\(line)\n\n下一段正文，说明数据。\n"
        let edition = EditionParser().parse(text: text)
        #expect(edition.repairs.filter { $0.kind == .joined }.isEmpty)
        #expect(edition.articles[0].blocks.map(\.text).contains(line))
    }

    @Test("a sentence broken without a closing mark is still joined")
    func brokenSentenceJoined() {
        let edition = EditionParser().parse(text: "## 标题\n\n今年，全市新增就业\n\n岗位三万个。\n")
        #expect(edition.articles[0].blocks.map(\.text) == ["今年，全市新增就业岗位三万个。"])
    }

    @Test(
        "photo credits with an agency or a note are captions",
        arguments: [
            "施国辉摄（人民视觉）", "新华社发", "资料图片", "新华社记者 李贺摄（新华社）", "本报记者 王浩摄", "中新社发 张三摄",
        ])
    func credits(line: String) {
        #expect(classifier.isCaption(line))
        #expect(!classifier.isKickerLike(line))
    }

    @Test(
        "two photos by the same photographer or source keep both credits",
        arguments: [
            "施国辉摄（人民视觉）", "图片来源：新华社资料图片库", "本报记者 王浩摄（新华社）",
        ])
    func sameCreditTwice(credit: String) {
        let text = "## 标题\n\n图为夜景。\n\n\(credit)\n\n正文一段。\n\n图为日出。\n\n\(credit)\n"
        let edition = EditionParser().parse(text: text)
        #expect(edition.repairs.filter { $0.kind == .duplicateDropped }.isEmpty)
        #expect(edition.articles[0].blocks.filter { $0.text == credit }.count == 2)
    }

    @Test("a repeated sentence is still dropped as a duplicate")
    func repeatedSentenceDropped() {
        let text = "## 标题\n\n今天召开了全市大会。\n\n其他内容一段。\n\n今天召开了全市大会。\n"
        let edition = EditionParser().parse(text: text)
        #expect(edition.repairs.filter { $0.kind == .duplicateDropped }.count == 1)
    }

    @Test(
        "a trailing short X：Y line stays in its own article, never the next one's kicker",
        arguments: [
            "版式设计：张芳曼", "案件編號：HCCC 1234/2021",
        ])
    func trailingLabel(line: String) {
        let text = "## 第一篇\n\n正文一段。\n\n\(line)\n\n## 第二篇\n\n正文二段。\n"
        let edition = EditionParser().parse(text: text)
        #expect(edition.articles.count == 2)
        #expect(edition.articles[1].kicker == nil)
        let first = edition.articles[0]
        #expect(first.blocks.map(\.text).contains(line) || first.bylines.contains(line))
    }

    @Test("a short kicker without a colon label is still taken by the next headline")
    func kickerStillTaken() {
        let edition = EditionParser().parse(text: "## 第一篇\n\n正文一段。\n\n贵州：大力实施红色文化重点建设工程\n\n## 第二篇\n\n正文。\n")
        #expect(edition.articles[1].kicker == "贵州：大力实施红色文化重点建设工程")
    }

    @Test(
        "bylines cover commentators, layout credits and Traditional reporters",
        arguments: [
            "本报评论员", "人民日报评论员", "版式设计：张芳曼", "本报记者  杨文明", "本報記者 陳家明", "記者 林志強",
        ])
    func bylines(line: String) {
        #expect(classifier.isByline(line))
    }

    @Test(
        "datelines cover 【本报讯】, 本報訊（記者…） and …電",
        arguments: [
            ("【本报讯】近日，全省冬季旅游推介会举行。", "【本报讯】"),
            ("本報訊（記者 陳家明）昨日立法會通過議案。", "本報訊（記者 陳家明）"),
            ("中央社台北5日電 行政院今天通過預算。", "中央社台北5日電"),
            ("本报北京1月2日电  （记者王浩）近日，《嘉陵江流域综合规划》获水利部批复。", "本报北京1月2日电  （记者王浩）"),
            ("株洲日报讯（全媒体记者/马文章） 近日，", "株洲日报讯（全媒体记者/马文章）"),
        ])
    func datelines(text: String, dateline: String) {
        #expect(classifier.datelineLength(text) == dateline.unicodeScalars.count)
    }

    @Test("an ISO date (2025-01-05) is read as the masthead date")
    func isoDate() {
        let edition = EditionParser().parse(text: "# 人民日报\n\n2025-01-05 星期日\n\n## 标题\n\n正文。\n")
        #expect(edition.masthead.date == EditionDate(year: 2025, month: 1, day: 5))
        #expect(MastheadParser.date(in: Array("编号12025-01-051".unicodeScalars)) == nil)
    }

    @Test(
        "parentheses keep one width inside a token; Korean commas and parentheses stay narrow",
        arguments: [
            ("根据第4(1)(a)条规定", "根据第4(1)(a)条规定"),
            ("依照《条例》第4(1)(a)条，", "依照《条例》第4(1)(a)条，"),
            ("系统(CESS)、平台", "系统（CESS）、平台"),
            ("计划(一)实施", "计划（一）实施"),
            ("계승하고, 조국의", "계승하고, 조국의"),
            ("계승하 고, 조국의 (통일)을", "계승하 고, 조국의 (통일)을"),
            ("中国,韩国", "中国，韩国"),
        ])
    func punctuation(input: String, output: String) {
        #expect(PunctuationRepair().repair(input).text == output)
    }
}
