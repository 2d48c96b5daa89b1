import Foundation
import TestSupport
import Testing

@testable import ReaderCore

/// The Traditional test edition: 蘋果日報 of 2020-03-01 from the public apple-daily-corpus
/// (Fixtures/appledaily, see its README), and the Traditional and Hong Kong forms its lines
/// take. Each table row is a line of that day's text unless its comment says otherwise.
enum TraditionalEdition {
    static let directory = TestPaths.fixtures + "/appledaily"
    static let path = directory + "/2020-03-01-apple-daily.md"

    /// The edition, parsed as a file is.
    static let edition: Edition = {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return EditionParser().parse(text: text, name: path)
    }()

    /// The `text` column of the CSV rows the edition was made from.
    static let sourceTexts: [String] = {
        guard let csv = try? String(contentsOfFile: directory + "/20200301-rows.csv", encoding: .utf8) else {
            return []
        }
        return CSVRows.parse(csv).dropFirst().compactMap { $0.count == 5 ? $0[4] : nil }
    }()
}

/// A small RFC 4180 reader for the fixture's CSV rows (quoted fields, doubled quotes).
enum CSVRows {
    /// The rows of `text`, each a list of fields.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = chars.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

@Suite("The Traditional edition (蘋果日報, apple-daily-corpus)")
struct TraditionalEditionTests {
    let classifier = LineClassifier()

    @Test("every text of the edition is the corpus's text, byte for byte, and nothing is repaired")
    func verbatim() {
        let edition = TraditionalEdition.edition
        #expect(edition.articles.count == 15)
        #expect(TraditionalEdition.sourceTexts.count == 15)
        #expect(edition.repairs.isEmpty, "\(edition.repairs)")
        var texts: [String] = []
        for article in edition.articles {
            texts += [article.rubric, article.headline, article.deck].compactMap { $0 } + article.bylines
            texts += article.blocks.map(\.text)
        }
        for text in texts {
            #expect(TraditionalEdition.sourceTexts.contains { $0.contains(text) }, "not in the corpus: \(text)")
        }
        // Nothing lost: leaving out the ASCII spaces that joined the corpus's lines, each
        // article's heads, credits and blocks hold as many scalars as its row's text.
        func scalars(_ text: String) -> Int { text.unicodeScalars.filter { $0 != " " }.count }
        for article in edition.articles {
            let source = TraditionalEdition.sourceTexts.first { $0.hasPrefix(article.headline) } ?? ""
            let texts =
                [article.headline, article.deck, article.rubric].compactMap { $0 } + article.bylines
                + article.blocks.map(\.text)
            #expect(texts.map(scalars).reduce(0, +) == scalars(source), "\(article.headline)")
        }
    }

    @Test("the masthead reads 蘋果日報 of Sunday 1 March 2020, and the seven 版 are named")
    func masthead() {
        let edition = TraditionalEdition.edition
        #expect(edition.masthead.title == "蘋果日報")
        #expect(edition.masthead.date == EditionDate(year: 2020, month: 3, day: 1))
        #expect(edition.masthead.weekday == "星期日")
        #expect(edition.pages.map(\.name) == ["要聞", "要聞", "港聞", "國際", "兩岸", "財經", "娛樂"])
    }

    struct Expected: Sendable, CustomTestStringConvertible {
        var headline: String
        var deck: String? = nil
        var rubric: String? = nil
        var dateline: String? = nil
        var credits: [String] = []
        var subheads: [String] = []
        var testDescription: String { headline }
    }

    static let expected: [Expected] = [
        Expected(
            headline: "國際關注黎智英三人被捕　美促停政治檢控", deck: "彭定康斥中共扼殺港自由", dateline: "【本報訊】",
            credits: ["記者：姚國雄"], subheads: ["民運人士：為抗爭埋種子", "律政司：沒有事實根據"]),
        Expected(
            headline: "集會市民斥濫捕：警圖嚇抗爭者", dateline: "【本報訊】", credits: ["■記者黎家駒"],
            subheads: ["指8.31真相未明仍會上街"]),
        Expected(
            headline: "近兩成患者 X光　CT 正常", deck: "中港研究　56%入院無發燒", dateline: "【本報訊】",
            credits: ["■記者梁麗兒"], subheads: ["淋巴細胞減少屬警號"]),
        Expected(
            headline: "物流署僅剩3.7萬件", deck: "警索4.4萬保護衣超庫存", rubric: "【肺炎大爆發】", dateline: "【本報訊】",
            credits: ["記者：潘柏林"], subheads: ["警辯稱謹慎分配裝備"]),
        Expected(
            headline: "3.25億工程無招標批予五公司", dateline: "【本報訊】", credits: ["■記者 鄭啟源"],
            subheads: ["兩國企接手"]),
        Expected(
            headline: "魔鬼山一小時撿20袋垃圾", dateline: "【本報訊】", credits: ["■記者袁楚雙、周詠雯"],
            subheads: ["義工慨嘆：下一代要還"]),
        Expected(
            headline: "男生准保　須在家裝CCTV", rubric: "【管有爆炸品案】", dateline: "【本報訊】", subheads: ["已還柙3個月"]),
        Expected(headline: "單日增813確診創新高", credits: ["中央社/路透社"], subheads: ["73歲婦出院後復發"]),
        Expected(headline: "世衞提升全球風險至最高級別", credits: ["路透社/美聯社"], subheads: ["伊朗嚴峻　BBC指210死"]),
        Expected(headline: "台醫院爆疫　三醫護一清潔工中招", credits: ["台灣蘋果新聞網"], subheads: ["新增五宗確診"]),
        Expected(headline: "湖北以外零確診　上海專家質疑", dateline: "【本報訊】", subheads: ["「這麼多人進來怎會是零？」"]),
        Expected(
            headline: "內地PMI史上最差", deck: "上月低見35.7　供應鏈料斷裂", dateline: "【本報綜合報道】",
            credits: ["記者：伍詠雯"], subheads: ["人行降準憧憬升溫", "V形復蘇機會渺茫"]),
        Expected(headline: "愛海頌全日僅沽3伙", dateline: "【本報訊】", subheads: ["美孚新邨兩個月跌4%"]),
        Expected(
            headline: "400嘉賓疫情籠「罩」賀新人", deck: "劉坤銘再婚　前妻羅霖送祝福三子冇到",
            credits: ["採訪、攝影：黃曉程、朱志聰、唐如"], subheads: ["前半生崎嶇", "前妻向前看"]),
        Expected(headline: "李珊珊受甘比鼓勵落區派罩", credits: ["撰文：翁可人"]),
    ]

    @Test("each article has its deck, rubric, dateline, credits and subheads, and no kicker", arguments: expected)
    func article(_ want: Expected) throws {
        let article = try #require(TraditionalEdition.edition.articles.first { $0.headline == want.headline })
        #expect(article.kicker == nil)
        #expect(article.deck == want.deck)
        #expect(article.rubric == want.rubric)
        #expect(article.dateline == want.dateline)
        let credits = article.bylines + article.blocks.filter { $0.kind == .byline }.map(\.text)
        #expect(credits == want.credits)
        #expect(article.blocks.filter { $0.kind == .subhead }.map(\.text) == want.subheads)
    }

    @Test(
        "a Hong Kong closing credit is a byline: a bullet before the role, or 撰文/採訪 as the role",
        arguments: ["■記者黎家駒", "■記者梁麗兒", "■記者袁楚雙、周詠雯", "■記者 鄭啟源", "撰文：翁可人", "採訪：何永寧"])
    func closingCredits(line: String) {
        #expect(classifier.isByline(line))
        #expect(!classifier.isKickerLike(line))
    }

    @Test(
        "wire and source credits closing an article are bylines",
        arguments: [
            "中央社/路透社", "路透社/美聯社", "美聯社/路透社/法新社", "共同社/日本放送協會", "台灣蘋果新聞網",
            "《深圳晚報》/搜狐網", "新浪網", "路透社", "路透社/俄羅斯《莫斯科時報》",
            // From the corpus's 2010-06-01 file, closing a list and a table.
            "資料來源：《蘋果》資料室", "資料來源：衞生防護中心",
        ])
    func sourceCredits(line: String) {
        #expect(classifier.isSourceCredit(line))
        #expect(classifier.isByline(line))
        #expect(!classifier.isKickerLike(line))
    }

    @Test(
        "short lines that only look like credits are not (constructed kickers and phrases)",
        arguments: [
            "農民專業合作社", "织密防护网", "北京/上海", "記者節", "■重點新聞", "他說：記者會", "资金来源不光靠补贴",
            "資料來源：政府文件顯示，物流署庫存不足。",
        ])
    func notSourceCredits(line: String) {
        #expect(!classifier.isSourceCredit(line))
        #expect(!classifier.isByline(line))
    }

    @Test(
        "a trailing credit stays with its article and is never the next article's kicker",
        arguments: ["■記者梁麗兒", "中央社/路透社", "台灣蘋果新聞網", "■記者袁楚雙、周詠雯", "資料來源：《蘋果》資料室"])
    func trailingCredit(line: String) {
        let text = "## 第一篇\n\n正文一段。\n\n\(line)\n\n## 第二篇\n\n正文二段。\n"
        let edition = EditionParser().parse(text: text)
        #expect(edition.articles.count == 2)
        #expect(edition.articles[1].kicker == nil)
        #expect(edition.articles[0].blocks.last == Block(kind: .byline, text: line))
    }

    @Test(
        "datelines cover a compiled report's 【本報綜合報道】 and a wire's （中央社記者…電）",
        arguments: [
            ("【本報綜合報道】武漢肺炎疫情重創中國經濟。", "【本報綜合報道】"),
            ("【本报综合报道】", "【本报综合报道】"),
            // CNA wire openings as the agency publishes them (not from the corpus, which has none).
            ("（中央社記者戴雅真台北29日電）台北市政府今天公布星級商圈分級認證，", "（中央社記者戴雅真台北29日電）"),
            ("（中央社記者郭建伸、王揚宇台北10日電）立法院全院委員會今天審查大法官人事同意權，", "（中央社記者郭建伸、王揚宇台北10日電）"),
            ("【本報訊】警方前日以涉嫌參與去年8.31「非法集結」為名，", "【本報訊】"),
        ])
    func datelines(text: String, dateline: String) {
        #expect(classifier.datelineLength(text) == dateline.unicodeScalars.count)
    }

    @Test(
        "bracketed labels and parentheses that open a paragraph are not datelines",
        arguments: [
            "【第70屆柏林電影節】柏林影展以表揚LGBTQ題材電影的泰迪熊獎，", "【峯迴路轉】在馬來西亞公演一周的「權力遊戲」，",
            "（18歲，圖），於去年11月29日首度提堂", "【肺炎大爆發】", "（上接第1版）記者昨日致電",
        ])
    func notDatelines(text: String) {
        #expect(classifier.datelineLength(text) == 0)
    }

    @Test(
        "a bracketed label standing alone is a rubric; datelines, notes and titled lines are not",
        arguments: [
            ("【肺炎大爆發】", true), ("【管有爆炸品案】", true), ("【本報訊】", false), ("【編者按】", false),
            ("【本報綜合報道】", false), ("【後記】變到唔靚仔", false), ("【拆局】資金背景神秘 　或涉中共權鬥", false),
        ])
    func bracketedRubrics(line: String, rubric: Bool) {
        #expect(classifier.isRubric(line) == rubric)
    }

    @Test("a bracketed label under the headline is the article's rubric, not its deck")
    func rubricInHeader() {
        let text = "## 男生准保　須在家裝CCTV\n\n【管有爆炸品案】\n\n【本報訊】明愛馬鞍山中學去年11月疑有學生藏俗稱「TATP」的爆炸品。\n"
        let article = EditionParser().parse(text: text).articles[0]
        #expect(article.rubric == "【管有爆炸品案】")
        #expect(article.deck == nil)
    }

    @Test(
        "short display lines are subheads: a phrase, a colon label or a question in quotes",
        arguments: [
            "民運人士：為抗爭埋種子", "律政司：沒有事實根據", "指8.31真相未明仍會上街", "淋巴細胞減少屬警號", "73歲婦出院後復發",
            "伊朗嚴峻　BBC指210死", "「這麼多人進來怎會是零？」", "義工慨嘆：下一代要還", "美孚新邨兩個月跌4%", "V形復蘇機會渺茫",
        ])
    func subheadLike(line: String) {
        #expect(classifier.isSubheadLike(line))
    }

    @Test(
        "credits, labels, sign-offs, lead-ins and sentences are not subheads",
        arguments: [
            "案件編號：STCC369/19", "記者：姚國雄", "■記者黎家駒", "中央社/路透社", "【肺炎大爆發】", "——编  者",
            "湖南常德种粮大户戴宏——", "她表示：", "這是一句話。", "「真係好嘔心。」", "研究結果刊載在國際權威醫學期刊《新英倫醫學雜誌 》，患者年齡的中位數為47歲",
        ])
    func notSubheadLike(line: String) {
        #expect(!classifier.isSubheadLike(line))
    }

    @Test(
        "a subhead-like line is a subhead only between a finished sentence and a paragraph",
        arguments: [
            ("正文第一段。\n\n淋巴細胞減少屬警號\n\n研究由中文大學醫學院與內地專家共同撰寫。", true),
            ("正文第一段，說到\n\n淋巴細胞減少屬警號\n\n研究由中文大學醫學院與內地專家共同撰寫。", false),
            ("正文第一段。\n\n研究由中文大學醫學院與內地專家共同撰寫。\n\n淋巴細胞減少屬警號", false),
            ("淋巴細胞減少屬警號\n\n研究由中文大學醫學院與內地專家共同撰寫。", false),
        ])
    func subheadInContext(body: String, subhead: Bool) {
        let article = EditionParser().parse(text: "## 標題\n\n" + body + "\n").articles[0]
        let marked = article.blocks.contains { $0.kind == .subhead && $0.text == "淋巴細胞減少屬警號" }
        #expect(marked == subhead, "\(article.blocks)")
        // Nothing is lost: first under the headline, the line is the deck.
        #expect(([article.deck ?? ""] + article.blocks.map(\.text)).joined().contains("淋巴細胞減少屬警號"))
    }

    @Test("a run of short lines (a film's facts, from the same day's paper) is no subhead")
    func factBox() {
        let lines = [
            "她們不是商業電影中的超級女英雄，而是用自己儘管微小的力量，勇敢地面對世界。", "《大餓》（台灣）", "導演：謝沛如",
            "演出：蔡嘉茵、張耀仁", "姜映娟（蔡嘉茵飾），體重105公斤，愛吃，也愛煮嘢食，一直相信「能力跟身材是兩回事」。",
        ]
        let article = EditionParser().parse(text: "## 標題\n\n正文一段。\n\n" + lines.joined(separator: "\n\n") + "\n")
            .articles[0]
        #expect(!article.blocks.contains { $0.kind == .subhead }, "\(article.blocks)")
        #expect(article.blocks.map(\.text) == ["正文一段。"] + lines)
    }

    // From the corpus's 2010-06-01 file: a list of past cases, each opening with its date,
    // then a note and the source.
    static let caseList = [
        "近年家長與子女部份同死慘劇",
        "26/02/2010 患有精神病的38歲單親媽媽不堪壓力，到學校接走7歲兒子放學後在青衣南橋跳橋自殺同死",
        "07/02/2010 41歲婦人為女兒升學與夫爭執，在深水埗西九龍中心7樓掟4歲女落樓，女童被救生網托住受傷，婦人喪生",
        "14/10/2007 36歲精神病婦不堪照顧患癌丈夫壓力，在天水圍天耀邨將12歲女兒和9歲兒子掟落樓，再跳樓慘死",
        "註：未包括昨日的一宗",
    ]

    @Test("a dated list entry or a note is never joined to the entry before it as a broken sentence")
    func datedEntries() {
        let text =
            "## 畫中母女灑淚同赴死\n\n正文一段。\n\n" + Self.caseList.joined(separator: "\n\n")
            + "\n\n資料來源：《蘋果》資料室\n"
        let edition = EditionParser().parse(text: text)
        #expect(edition.repairs.filter { $0.kind == .joined }.isEmpty, "\(edition.repairs)")
        #expect(edition.articles[0].blocks.map(\.text) == ["正文一段。"] + Self.caseList + ["資料來源：《蘋果》資料室"])
    }

    @Test(
        "list entries open with a numeric date and a space, or a note label; a sentence's rest does not",
        arguments: [
            ("26/02/2010 患有精神病的38歲單親媽媽", true), ("2010/02/26 患有精神病", true), ("註：未包括昨日的一宗", true),
            ("3/2 比分", false), ("2010年2月26日，患有精神病", false), ("岗位三万个。", false), ("1/2/3", false),
        ])
    func entryOpenings(text: String, entry: Bool) {
        #expect(EditionRepairer.opensEntry(text) == entry)
    }

    // The corpus keeps no photo captions, so these are the forms Hong Kong and Taiwan papers print.
    @Test(
        "Traditional photo credits are captions",
        arguments: [
            "記者林熊攝", "（記者林熊攝）", "中央社記者王飛華攝", "陳俊強攝（資料圖片）", "新華社發", "中央社發", "資料圖片",
            "路透社圖片", "受訪者提供圖片", "（美聯社圖片）",
        ])
    func captions(line: String) {
        #expect(classifier.isCaption(line))
        #expect(!classifier.isKickerLike(line))
    }

    @Test(
        "the Traditional editor's note label opens an editor's note",
        arguments: [("【編者按】", 5), ("編者按：武漢肺炎疫情持續", 4), ("【编者按】", 5)])
    func editorsNote(line: String, label: Int) {
        #expect(classifier.editorsNoteLabelLength(line) == label)
        let text = "## 標題\n\n\(line)\n\n正文一段。\n"
        #expect(EditionParser().parse(text: text).articles[0].blocks.first?.kind == .editorsNote)
    }

    @Test(
        "︰ is a colon: a paragraph that ends in it is finished and is not joined to the quote after it",
        arguments: [
            ("李卓斌指處理的元素較前作多︰", "「有製冰毒過程、黑幫活動同槍戰場面，當中亦有唔少疑幻疑真場面。」"),
            ("碰巧去年反送中運動如火如荼，導演便將不少新拍片段加入戲中，更攜同這個新版本赴電影節，他說︰", "「《散後》講的是一群年輕大學生。」"),
        ])
    func fullWidthColonVariant(first: String, second: String) {
        let edition = EditionParser().parse(text: "## 標題\n\n正文一段。\n\n\(first)\n\n\(second)\n")
        #expect(edition.articles[0].blocks.map(\.text) == ["正文一段。", first, second])
        #expect(edition.repairs.isEmpty)
    }

    @Test("a Hong Kong deck with ︰ under the headline is still the deck")
    func colonVariantDeck() {
        let text = "## 海航自救失敗遭政府接管\n\n專家︰趁疫出手整頓私企\n\n【本報訊】中國最大民營航空公司海南航空的母企海航集團。\n"
        #expect(EditionParser().parse(text: text).articles[0].deck == "專家︰趁疫出手整頓私企")
    }

    @Test(
        "Hong Kong punctuation is kept as it is: 「」『』, full-width ％, numbers and codes",
        arguments: [
            "羅霖昨日被《蘋果》問到前夫再婚，她說：「我都係『守』嗰個，已經係向前看。」", "只能滿足部門19.5％需求。",
            "共1,099名來自552間醫院", "昨日是8.31事件半周年", "「這麼多人進來怎會是零？」", "案件編號：STCC369/19",
            "美國國務院發言人奧特加斯（Morgan Ortagus）發表聲明", "他說︰「最難演係角色有毒癮」",
        ])
    func punctuationKept(line: String) {
        let result = PunctuationRepair().repair(line)
        #expect(result.text == line)
        #expect(result.changes == 0)
    }

    @Test(
        "a line never starts with a Hong Kong or Taiwan closing mark",
        arguments: ["」", "』", "﹂", "﹄", "〞", "〟", "︰", "‧", "："] as [Unicode.Scalar])
    func lineStart(mark: Unicode.Scalar) {
        #expect(Kinsoku.forbidsLineStart(mark))
    }

    @Test(
        "a line never ends with a Hong Kong or Taiwan opening mark",
        arguments: ["「", "『", "﹁", "﹃", "〝", "（", "《"] as [Unicode.Scalar])
    func lineEnd(mark: Unicode.Scalar) {
        #expect(Kinsoku.forbidsLineEnd(mark))
    }

    @Test("the Simplified sample's JSON outline stays as recorded: the Traditional rules change none of its lines")
    func sampleUnchanged() throws {
        // Named as `broadsheet --outline --json Editions/2023-03-29-zhuzhou-daily.md` names it.
        let sample = EditionParser().parse(text: try SampleEdition.text(), name: "Editions/2023-03-29-zhuzhou-daily.md")
        Snapshot.expect(EditionOutline(sample).json(), named: "outline-sample.json")
    }

    @Test("the outline reads as recorded")
    func outline() {
        Snapshot.expect(EditionOutline(TraditionalEdition.edition).text(), named: "appledaily-outline.txt")
    }

    @Test("each 版's front page at 80×24 looks as recorded")
    func frontPages() {
        let layout = EditionLayout(edition: TraditionalEdition.edition, width: 80, height: 24)
        let pages = layout.pageNumbers.flatMap { page in
            (0..<layout.frontPageScreenCount(page: page)).map { layout.frontPage(page: page, screen: $0) }
        }
        Snapshot.expect(PlainTextFormatter().format(pages), named: "appledaily-front-80x24.txt")
    }

    @Test("the first article at 80×24 looks as recorded: deck, dateline, credit, subheads")
    func firstArticle() {
        let layout = EditionLayout(edition: TraditionalEdition.edition, width: 80, height: 24)
        let pages = (0..<layout.articleScreenCount(article: 0)).map { layout.articlePage(article: 0, screen: $0) }
        Snapshot.expect(PlainTextFormatter().format(pages), named: "appledaily-article1-80x24.txt")
    }

    @Test(
        "laid out at 80×24, credits, datelines and subheads carry their roles and quotes reach the screen",
        arguments: [
            (1, "■記者黎家駒", Role.byline), (7, "中央社/路透社", .byline), (14, "撰文：翁可人", .byline),
            (11, "【本報綜合報道】", .dateline), (10, "「這麼多人進來怎會是零？」", .subhead),
            (3, "【肺炎大爆發】", .rubric), (13, "『守』", .body),
        ])
    func roles(article: Int, text: String, role: Role) {
        let layout = EditionLayout(edition: TraditionalEdition.edition, width: 80, height: 24)
        let runs = (0..<layout.articleScreenCount(article: article)).flatMap {
            layout.articlePage(article: article, screen: $0).runs
        }
        let found = runs.filter { $0.text.contains(text) }
        #expect(!found.isEmpty, "\(text) is not on screen")
        #expect(found.allSatisfy { $0.role == role }, "\(found.map { ($0.text, $0.role) })")
    }
}
