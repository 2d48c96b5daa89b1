import Testing

@testable import ReaderCore

@Suite("Headline setter")
struct HeadlineSetterTests {
    let setter = HeadlineSetter(ambiguous: .narrow)

    /// Display fields of the sample and of hand-made heads, with their roles.
    static let fields: [(String, Role)] = {
        var fields: [(String, Role)] = [
            ("2022—2023 数字城市创新成果与实践案例发布", .kicker),
            ("3个国家重点实验室揭牌、一批重大新产品新技术发布", .kicker),
            ("长株潭先进硬质材料产业园交易会会展中心封顶", .headline),
            ("校企携手，让“精”专利变身“金”专利 一家民企的“回春术”", .headline),
            ("追“高”逐“新”的创业热土", .headline),
            ("——“投资兴业看绿口”系列报道之一", .deck),
            ("株洲日报全媒体记者/邹怡敏 通讯员/刘晓欢 刘艺锋", .byline),
            ("策划：董介 罗佳 执行：株洲日报全媒体记者/易蓉", .byline),
            ("本报记者王建国 通讯员李明", .byline),
        ]
        if let edition = try? EditionFixtures.sample() {
            for article in edition.articles {
                for kicker in [article.kicker].compactMap({ $0 }) { fields.append((kicker, .kicker)) }
                fields.append((article.headline, .headline))
                for deck in [article.deck].compactMap({ $0 }) { fields.append((deck, .deck)) }
                let bylines = article.bylines.joined(separator: " ")
                if !bylines.isEmpty { fields.append((bylines, .byline)) }
            }
        }
        return fields
    }()

    /// Characters of a line that are not spaces or punctuation.
    static func letters(_ line: String) -> Int {
        line.unicodeScalars.filter { $0 != " " && !HeadlineSetter.isMark($0) }.count
    }

    @Test("a headline never ends on one character", arguments: Array(stride(from: 12, through: 80, by: 2)))
    func noLoneCharacter(width: Int) {
        for (text, role) in Self.fields {
            let lines = setter.lineTexts(text, role: role, width: width)
            for line in lines {
                #expect(Self.letters(line) > 1, "\(text) at \(width): \(lines)")
            }
        }
    }

    @Test(
        "a display line never leaves its width, loses text or breaks kinsoku (from 8 cells)",
        arguments: [AmbiguousWidth.narrow, .wide], Array(stride(from: 2, through: 80, by: 1)))
    func fitsAndKeepsText(ambiguous: AmbiguousWidth, width: Int) {
        let measure = DisplayWidth(ambiguous: ambiguous)
        let setter = HeadlineSetter(ambiguous: ambiguous)
        for (text, role) in Self.fields {
            let lines = setter.lineTexts(text, role: role, width: width)
            // Spaces at breaks are dropped, so compare without spaces.
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "\(text) at \(width)")
            for line in lines {
                #expect(measure.of(line) <= width, "\(line) at \(width)")
                guard width >= 8 else { continue }
                #expect(!Kinsoku.forbidsLineStart(line.unicodeScalars.first!), "\(lines)")
                #expect(!Kinsoku.forbidsLineEnd(line.unicodeScalars.last!), "\(lines)")
            }
        }
    }

    @Test(
        "a headline breaks at a word boundary when one is within reach",
        arguments: [
            ("追“高”逐“新”的创业热土", 20, ["追“高”逐“新”", "的创业热土"]),
            ("3个国家重点实验室揭牌、一批重大新产品新技术发布", 40, ["3个国家重点实验室揭牌、", "一批重大新产品新技术发布"]),
            ("中车株洲所第三届科技节开幕", 20, ["中车株洲所第三届", "科技节开幕"]),
            ("副省长李建中在株洲督导环保等工作", 28, ["副省长李建中在", "株洲督导环保等工作"]),
            ("长株潭先进硬质材料产业园交易会会展中心封顶", 30, ["长株潭先进硬质材料产业园", "交易会会展中心封顶"]),
            ("2022—2023 数字城市创新成果与实践案例发布", 38, ["2022—2023 数字城市创新", "成果与实践案例发布"]),
            ("新时代 新征程 新伟业", 16, ["新时代 新征程", "新伟业"]),
            (
                "校企携手，让“精”专利变身“金”专利 一家民企的“回春术”", 36,
                ["校企携手，让“精”专利变身“金”专利", "一家民企的“回春术”"]
            ),
        ])
    func wordBoundary(text: String, width: Int, expected: [String]) {
        #expect(setter.lineTexts(text, width: width) == expected)
    }

    @Test("a byline never splits a name", arguments: Array(stride(from: 12, through: 60, by: 1)))
    func names(width: Int) {
        let cases: [(String, [String])] = [
            ("株洲日报全媒体记者/邹怡敏 通讯员/刘晓欢 刘艺锋", ["邹怡敏", "刘晓欢", "刘艺锋"]),
            ("策划：董介 罗佳 执行：株洲日报全媒体记者/易蓉", ["董介", "罗佳", "易蓉"]),
            ("本报记者王建国 通讯员李明", ["王建国", "李明"]),
            ("株洲日报全媒体记者/俞强年 通讯员/漆小丽", ["俞强年", "漆小丽"]),
        ]
        for (byline, names) in cases {
            let lines = setter.lineTexts(byline, role: .byline, width: width)
            for name in names {
                #expect(lines.contains { $0.contains(name) }, "\(name) split in \(lines) at \(width)")
            }
        }
    }

    @Test(
        "wrapped lines are balanced: no long line with a short tail",
        arguments: [
            ("以坚决态度全力抓好生态环境问题整改", 30),
            ("深入推进市域社会治理现代化", 24),
            ("长株潭先进硬质材料产业园交易会会展中心封顶", 40),
            ("3个国家重点实验室揭牌、一批重大新产品新技术发布", 44),
        ])
    func balanced(text: String, width: Int) {
        let measure = DisplayWidth()
        let widths = setter.lineTexts(text, width: width).map { measure.of($0) }
        #expect(widths.count == 2)
        #expect(widths.min()! * 2 >= widths.max()!, "\(setter.lineTexts(text, width: width))")
    }

    @Test(
        "a line that fits stays one line, centred on an even cell",
        arguments: [
            ("中车株洲所第三届科技节开幕", 40, 6), // (40 − 26) / 2 = 7, down to even
            ("胡长春在有关会议上强调", 31, 4),
        ])
    func fits(text: String, width: Int, column: Int) {
        let rows = setter.set(text, role: .headline, width: width, align: .center)
        #expect(rows.count == 1)
        #expect(rows.first?.runs.first?.column == column)
        #expect(rows.first?.runs.first?.role == .headline)
    }

    @Test(
        "word boundaries come back as scalar offsets, past characters outside the BMP",
        arguments: [
            ("我们的世界", ["我们", "的", "世界"]),
            ("😀我们的世界", ["😀", "我们", "的", "世界"]),
            ("𠮷野家的牛肉", ["𠮷", "野家", "的", "牛肉"]),
        ])
    func segmenter(text: String, words: [String]) {
        let segmenter = WordSegmenter()
        #expect(segmenter.words(text) == words)
        let marks = segmenter.boundaries(Array(text.unicodeScalars))
        #expect(marks.count == text.unicodeScalars.count + 1)
        var offset = 0
        for word in words {
            #expect(marks[offset])
            offset += word.unicodeScalars.count
        }
    }

    @Test(
        "a lone suffix joins the word before it and a lone prefix the word after it",
        arguments: [
            ("中车株洲所第三届科技节开幕", "科技节"),
            ("一批重大新产品新技术发布", "新产品"),
            ("3个国家重点实验室揭牌", "实验室"),
            // Traditional forms of the same suffixes (屆 節 館 區 …).
            ("中車株洲所第三屆科技節開幕", "科技節"),
            ("中車株洲所第三屆科技節開幕", "第三屆"),
            ("西九文化區戲曲中心開幕", "文化區"),
        ])
    func joints(text: String, word: String) {
        let scalars = Array(text.unicodeScalars)
        let joints = HeadlineSetter.joints(scalars, boundaries: WordSegmenter().boundaries(scalars))
        let start = Array(text.unicodeScalars).firstRange(of: Array(word.unicodeScalars))!.lowerBound
        for i in (start + 1)..<(start + word.unicodeScalars.count) {
            #expect(joints[i] == .insideWord, "\(word) at \(i): \(joints[i])")
        }
    }

    @Test(
        "a subhead set in the body keeps the article offsets of every row it draws",
        arguments: [20, 26, 30, 40, 60])
    func subheadOffsets(width: Int) throws {
        let text = "“紧紧抓住高质量发展这个首要任务，全面推进中国式现代化”"
        let scalars = Array(text.unicodeScalars)
        let rows = setter.set(text, role: .subhead, width: width, align: .center, base: 100)
        var next = 100
        for row in rows {
            let source = try #require(row.source)
            #expect(source.lowerBound == next, "rows at \(width) leave a gap before \(source)")
            let drawn = row.runs.map(\.text).joined()
            let expected = String(
                String.UnicodeScalarView(scalars[(source.lowerBound - 100)..<(source.upperBound - 100)]))
            #expect(drawn == expected)
            #expect(row.runs.allSatisfy { $0.source == source })
            next = source.upperBound
        }
        #expect(next == 100 + scalars.count)
    }
}
