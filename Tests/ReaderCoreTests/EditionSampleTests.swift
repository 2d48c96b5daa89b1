import Testing

@testable import ReaderCore

@Suite("The sample edition")
struct EditionSampleTests {
    @Test("the masthead gives title, date, weekday, lunar date, issue and page count")
    func masthead() throws {
        let m = try EditionFixtures.sample().masthead
        #expect(m.title == "株洲日报")
        #expect(m.date == EditionDate(year: 2023, month: 3, day: 29))
        #expect(m.weekday == "星期三")
        #expect(m.lunarDate == "癸卯年二月初八")
        #expect(m.issue == 23259)
        #expect(m.pageCount == 8)
        #expect(
            m.lines == [
                "2023年3月29日 星期三", "癸卯年二月初八 第23259期 今日8版", "掌上株洲 客户端",
                "中共株洲市委主管 主办 国内统一连续出版物号 CN 43-0005",
            ])
    }

    struct Header: Sendable, CustomTestStringConvertible {
        var headline: String
        var kicker: String?
        var deck: String?
        var rubric: String?
        var testDescription: String { headline }
    }

    static let headers: [Header] = [
        Header(headline: "“市应急指挥管理系统”上榜", kicker: "2022—2023 数字城市创新成果与实践案例发布"),
        Header(headline: "追“高”逐“新”的创业热土", deck: "——“投资兴业看绿口”系列报道之一", rubric: "新时代 新征程 新伟业"),
        Header(headline: "以坚决态度全力抓好生态环境问题整改", kicker: "副省长李建中在株洲督导环保等工作"),
        Header(
            headline: "中车株洲所第三届科技节开幕", kicker: "3个国家重点实验室揭牌、一批重大新产品新技术发布",
            deck: "王军讲话 曹慧泉致贺词"),
        Header(headline: "深入推进市域社会治理现代化", kicker: "胡长春在有关会议上强调"),
        Header(headline: "长株潭先进硬质材料产业园交易会会展中心封顶", rubric: "项目攻坚在行动"),
        Header(headline: "种下香椿树 走上致富路"),
        Header(headline: "校企携手，让“精”专利变身“金”专利 一家民企的“回春术”", rubric: "高手在民间 答案在基层"),
    ]

    @Test("the sample has exactly these eight articles, in order")
    func headlines() throws {
        #expect(try EditionFixtures.sample().articles.map(\.headline) == Self.headers.map(\.headline))
    }

    @Test("each headline has its kicker, deck and rubric", arguments: headers)
    func header(_ expected: Header) throws {
        let article = try #require(try EditionFixtures.sample().articles.first { $0.headline == expected.headline })
        #expect(article.kicker == expected.kicker)
        #expect(article.deck == expected.deck)
        #expect(article.rubric == expected.rubric)
        #expect(article.page == 1)
    }

    @Test(
        "bylines and datelines are found",
        arguments: [
            (1, ["株洲日报全媒体记者/邹怡敏", "通讯员/刘晓欢 刘艺锋"], nil),
            (0, [], "株洲日报讯（全媒体记者/马文章）"),
            (5, [], "株洲日报讯（全媒体记者/俞强年 通讯员/漆小丽）"),
            (7, ["策划：董介 罗佳", "执行：株洲日报全媒体记者/易蓉"], nil),
        ] as [(Int, [String], String?)])
    func credits(index: Int, bylines: [String], dateline: String?) throws {
        let article = try EditionFixtures.sample().articles[index]
        #expect(article.bylines == bylines)
        #expect(article.dateline == dateline)
        if let dateline {
            let first = try #require(article.blocks.first { $0.kind == .paragraph })
            #expect(first.datelineLength == dateline.unicodeScalars.count)
            #expect(first.text.hasPrefix(dateline + " "))
        }
    }

    @Test("subheads, the editor's note, the caption, the pull quote and 开栏语 are typed blocks")
    func blockKinds() throws {
        let articles = try EditionFixtures.sample().articles
        let kinds = articles.map {
            $0.blocks.filter { $0.kind != .paragraph }.map { "\($0.kind.rawValue):\($0.text.prefix(8))" }
        }
        #expect(kinds[1] == ["editorsNote:【编者按】汇聚绿", "subhead:串珠成“链” 促", "subhead:平台赋能 助企业"])
        #expect(kinds[3] == ["pullQuote:打造“三个高地”"])
        #expect(kinds[6] == ["caption:株洲日报全媒体记"])
        #expect(kinds[7] == ["rubric:开栏语", "subhead:我市最早混凝土企", "subhead:校企携手 让“精"])
        #expect(articles[3].blocks.first { $0.kind == .pullQuote }?.text == "打造“三个高地” 走在前列")
    }

    /// The repairs other than punctuation, exactly: none missing, none invented.
    static let structuralRepairs: [(Repair.Kind, Int, String)] = [
        (.joined, 0, "由中国信息协会主 / 办，来自国家部委"),
        (.joined, 1, "力、市场影响力和 / 行业话语权的龙头"),
        (.joined, 2, "有关情况汇报。他 / 指出，要提高政治"),
        (.duplicateDropped, 3, "后首次到地方调研，第一站就来到了株洲，来到了美丽…"),
        (.duplicateDropped, 3, "本届中车株洲所科技节活动包括交通与能源创新融合高…"),
        (.joined, 3, "源、中车储能系统 / （CESS）、时"),
        (.joined, 3, "力的原创技术策源 / 地，为中车保持基"),
        (.joined, 4, "进“一条心”，高 / 标准做好迎检各项"),
        (.joined, 5, "质合金生产基地， / 株洲硬质合金产业"),
        (.movedHeadline, 7, "，让身为上游的水 / 泥企业日子越发艰"),
        (.joined, 7, "银力混凝土公司一 / 家企业的危机。"),
        (.joined, 7, "者以“一种金属治 / 炼废渣衍生物及其"),
    ]

    @Test("the joins, the duplicates and the moved headline are exactly those of the sample")
    func repairs() throws {
        let found = try EditionFixtures.sample().repairs.filter { $0.kind != .punctuation }
        #expect(
            found.map { "\($0.kind.rawValue) \($0.article ?? -1) \($0.excerpt)" }
                == Self.structuralRepairs.map { "\($0.0.rawValue) \($0.1) \($0.2)" })
    }

    @Test("the paragraph ending 与省内外高校、 is not joined across the next kicker")
    func noJoinAcrossKicker() throws {
        let articles = try EditionFixtures.sample().articles
        #expect(articles[1].blocks.last?.text.hasSuffix("与省内外高校、") == true)
        #expect(articles[2].kicker == "副省长李建中在株洲督导环保等工作")
    }

    @Test("the moved headline's article reads the interrupted sentence whole and owns the story")
    func movedHeadline() throws {
        let articles = try EditionFixtures.sample().articles
        let story = articles[7]
        let text = story.blocks.map(\.text).joined()
        #expect(text.contains("让身为上游的水泥企业日子越发艰难。”朱飞跃坦言。"))
        #expect(story.blocks.first?.text == "开栏语")
        #expect(story.blocks[1].text.hasPrefix("高手在民间，能人出江湖。"))
        #expect(text.contains("3月28日，绿口区青龙湾观澜美郡别墅区"))
        // The photo story before it keeps its text and ends with its caption.
        #expect(articles[6].blocks.last?.kind == .caption)
        #expect(articles[6].blocks.last?.text == "株洲日报全媒体记者/杨如摄")
    }

    @Test(
        "joined sentences read whole",
        arguments: [
            "此次论坛由中国信息协会主办，来自国家部委", "市场影响力和行业话语权的龙头企业", "他指出，要提高政治站位",
            "高标准做好迎检各项准备工作", "银力混凝土公司一家企业的危机。", "中车储能系统（CESS）、时代碳行管控平台",
            "一种金属治炼废渣衍生物", "原创技术策源地，为中车", "硬质合金生产基地，株洲硬质合金产业",
            "喷丝头（板）300万只",
        ])
    func joinedText(_ phrase: String) throws {
        let all = EditionFixtures.allText(try EditionFixtures.sample()).joined(separator: "\n")
        #expect(all.contains(phrase))
    }

    @Test("no ASCII , ; : ! ? ( ) is left next to CJK, and Latin and number runs are untouched")
    func punctuation() throws {
        let edition = try EditionFixtures.sample()
        for article in edition.articles {
            for text in [article.headline] + article.bylines + article.blocks.map(\.text) {
                let s = Array(text.unicodeScalars)
                for i in s.indices where ",;:!?()".unicodeScalars.contains(s[i]) {
                    let near =
                        (i > 0 && EditionScalars.isCJK(s[i - 1])) || (i + 1 < s.count && EditionScalars.isCJK(s[i + 1]))
                    #expect(!near, "ASCII \(s[i]) left in \(text.prefix(30))")
                }
            }
        }
        #expect(edition.masthead.lines.last?.hasSuffix("CN 43-0005") == true)
        #expect(edition.articles[0].blocks[0].text.contains("“2022 数字城市论坛”"))
        let punctuation = edition.repairs.filter { $0.kind == .punctuation }
        #expect(!punctuation.isEmpty)
        #expect(punctuation.allSatisfy { $0.excerpt.unicodeScalars.contains { "，；：！？（）".unicodeScalars.contains($0) } })
    }

    @Test("every ideograph of the source is in the model, except the dropped duplicates")
    func everyCharacterKept() throws {
        let source = try EditionFixtures.sampleText()
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let dropped = String(lines[101]) + String(lines[103]) // lines 102 and 104
        var counts: [Unicode.Scalar: Int] = [:]
        for s in EditionFixtures.ideographs(source) { counts[s, default: 0] += 1 }
        for s in EditionFixtures.ideographs(dropped) { counts[s, default: 0] -= 1 }
        let model = EditionFixtures.allText(try EditionFixtures.sample()).joined()
        for s in EditionFixtures.ideographs(model) { counts[s, default: 0] -= 1 }
        #expect(counts.filter { $0.value != 0 }.isEmpty)
    }

    @Test("article ids are stable across re-parses and unique")
    func ids() throws {
        let a = try EditionFixtures.sample(), b = try EditionFixtures.sample()
        #expect(a.articles.map(\.id) == b.articles.map(\.id))
        #expect(Set(a.articles.map(\.id)).count == a.articles.count)
        #expect(a.source.contentHash.count == 16)
    }
}
