import TestSupport
import Testing

@testable import ReaderCore

/// Gaps of set lines as a reader sees them: the cells between two segments and the
/// scalars on either side.
struct GapCensus {
    var lines = 0
    /// Justified lines (all but paragraph ends).
    var justified = 0
    /// Justified lines with at least one gap.
    var gapped = 0
    /// Justified lines with a gap between two Han ideographs.
    var hanHan = 0
    /// Paragraphs whose last line holds one character.
    var loneLast = 0
    /// Cells in gaps between two Han ideographs, over justified lines.
    var hanHanCells = 0
    /// Justified lines with 4 or more gap cells.
    var loose = 0
    /// Sum over justified lines of their gap cells squared.
    var squares = 0

    /// The gaps of one line: (cells, scalar before, scalar after).
    static func gaps(
        _ line: SetLine, measure: DisplayWidth
    ) -> [(cells: Int, before: Unicode.Scalar, after: Unicode.Scalar)] {
        var out: [(Int, Unicode.Scalar, Unicode.Scalar)] = []
        for (a, b) in zip(line.segments, line.segments.dropFirst()) {
            let end = a.column + measure.of(a.text)
            guard b.column > end, let before = a.text.unicodeScalars.last, let after = b.text.unicodeScalars.first
            else { continue }
            out.append((b.column - end, before, after))
        }
        return out
    }

    /// Counts one paragraph's lines.
    mutating func add(_ lines: [SetLine], measure: DisplayWidth) {
        self.lines += lines.count
        for line in lines where !line.isLast {
            justified += 1
            let gaps = Self.gaps(line, measure: measure)
            let cells = gaps.reduce(0) { $0 + $1.cells }
            if !gaps.isEmpty { gapped += 1 }
            let han = gaps.filter { Kinsoku.isIdeograph($0.before) && Kinsoku.isIdeograph($0.after) }
            if !han.isEmpty { hanHan += 1 }
            hanHanCells += han.reduce(0) { $0 + $1.cells }
            if cells >= 4 { loose += 1 }
            squares += cells * cells
        }
        if lines.count > 1, let last = lines.last {
            let drawn = last.text.unicodeScalars.filter {
                $0 != " " && $0 != "\u{3000}" && !Kinsoku.forbidsLineStart($0)
            }
            if drawn.count == 1 { loneLast += 1 }
        }
    }

    var hanHanShare: Double { justified == 0 ? 0 : Double(hanHan) / Double(justified) }
    var gappedShare: Double { justified == 0 ? 0 : Double(gapped) / Double(justified) }

    /// The sample's body paragraphs and editor's notes as the reader sets them: parsed
    /// and repaired (full-width punctuation beside CJK).
    static let bodyParagraphs: [String] = LayoutSample.edition.articles.flatMap { article in
        article.blocks.filter { $0.kind == .paragraph || $0.kind == .editorsNote }.map(\.text)
    }

    /// The Traditional test edition's body paragraphs and editor's notes (蘋果日報, long
    /// English phrases in Chinese sentences).
    static let traditionalParagraphs: [String] = TraditionalEdition.edition.articles.flatMap { article in
        article.blocks.filter { $0.kind == .paragraph || $0.kind == .editorsNote }.map(\.text)
    }

    /// The sample's paragraphs (or `paragraphs`) set as body text (indent, justified,
    /// hanging as in an article column) at every width in `widths`.
    static func sample(
        _ paragraphs: [String] = bodyParagraphs, widths: some Sequence<Int>, breaking: LineBreaking,
        hang: Bool = true
    ) -> GapCensus {
        var census = GapCensus()
        let measure = DisplayWidth(ambiguous: .narrow)
        for width in widths {
            let setter = Typesetter(options: TypesetOptions(width: width, breaking: breaking, hangPunctuation: hang))
            for paragraph in paragraphs { census.add(setter.set(paragraph), measure: measure) }
        }
        return census
    }

    /// `paragraphs` set by the programme at each width in `widths`: the census over all
    /// of them, and each width's Han–Han lines over its justified lines (`20:3/412 …`).
    static func perWidth(_ paragraphs: [String], widths: some Sequence<Int>) -> (GapCensus, String) {
        var total = GapCensus()
        var figures: [String] = []
        for width in widths {
            let census = sample(paragraphs, widths: [width], breaking: .paragraph)
            figures.append("\(width):\(census.hanHan)/\(census.justified)")
            total.lines += census.lines
            total.justified += census.justified
            total.gapped += census.gapped
            total.hanHan += census.hanHan
            total.hanHanCells += census.hanHanCells
            total.loneLast += census.loneLast
            total.loose += census.loose
            total.squares += census.squares
        }
        return (total, figures.joined(separator: " "))
    }

    /// One line of figures for a report.
    var summary: String {
        func pct(_ x: Int) -> String {
            let v = justified == 0 ? 0 : Double(x) * 1000 / Double(justified)
            return "\(Int(v.rounded()) / 10).\(Int(v.rounded()) % 10)%"
        }
        return
            "lines \(lines), justified \(justified), Han–Han \(hanHan) (\(pct(hanHan))) of \(hanHanCells) cells, "
            + "gapped \(gapped) (\(pct(gapped))), loose \(loose), one-character last lines \(loneLast), Σgap² \(squares)"
    }
}

/// Sets `paragraph` at `width` as body text.
private func body(
    _ paragraph: String, width: Int, breaking: LineBreaking = .paragraph, hang: Bool = true,
    indent: Bool = false
) -> [SetLine] {
    Typesetter(
        options: TypesetOptions(
            width: width, indentFirstLine: indent, breaking: breaking,
            hangPunctuation: hang)
    ).set(paragraph)
}

/// The lines drawn, for failure messages.
private func drawing(_ lines: [SetLine]) -> String { lines.map { "|\($0.text)|" }.joined(separator: "\n") }

@Suite("Justification")
struct JustificationTests {
    static let evenWidths = stride(from: 20, through: 80, by: 2)

    @Test("over the sample at even widths 20–80, under 1% of justified lines gap two Han ideographs")
    func hanHanShare() {
        let greedy = GapCensus.sample(widths: Self.evenWidths, breaking: .greedy, hang: false)
        let (programme, perWidth) = GapCensus.perWidth(GapCensus.bodyParagraphs, widths: Self.evenWidths)
        print("greedy, no hanging: \(greedy.summary)")
        print("sample, Han–Han lines per width: \(perWidth)")
        print("programme, hanging: \(programme.summary)")
        #expect(programme.justified > 1000)
        #expect(programme.hanHanShare <= 0.01, "\(programme.summary)")
        #expect(programme.gapped < greedy.gapped)
        #expect(programme.loneLast == 0, "\(programme.summary)")
    }

    @Test(
        "over the Traditional edition at even widths 20–80, under 1% of justified lines gap two Han ideographs"
    )
    func traditionalHanHanShare() {
        let (total, perWidth) = GapCensus.perWidth(GapCensus.traditionalParagraphs, widths: Self.evenWidths)
        // At an odd width a line of ideographs alone always has one cell over: for the record only.
        let (odd, perOddWidth) = GapCensus.perWidth(
            GapCensus.traditionalParagraphs, widths: stride(from: 21, to: 80, by: 2))
        print("Traditional, Han–Han lines per even width: \(perWidth)")
        print("Traditional, programme, hanging: \(total.summary)")
        print("Traditional, Han–Han lines per odd width: \(perOddWidth)")
        print("Traditional, odd widths: \(odd.summary)")
        #expect(total.justified > 1000)
        #expect(total.hanHanShare <= 0.01, "\(total.summary)")
        #expect(total.loneLast == 0, "\(total.summary)")
    }

    @Test(
        "the programme leaves fewer loose lines and fewer gaps between ideographs than greedy filling, and no more lines"
    )
    func fewerLooseLines() {
        let widths = [20, 24, 31, 40, 48]
        let greedy = GapCensus.sample(widths: widths, breaking: .greedy, hang: false)
        let programme = GapCensus.sample(widths: widths, breaking: .paragraph, hang: false)
        #expect(programme.loose < greedy.loose, "\(programme.summary)\n\(greedy.summary)")
        #expect(programme.hanHan < greedy.hanHan, "\(programme.summary)\n\(greedy.summary)")
        #expect(programme.lines <= greedy.lines)
    }

    @Test(
        "a line loose before an unsplittable number shares its spare with the line before",
        arguments: [("该公司是一家高科技企业,已形成完整的军民两用新材料产业链。该项目竣工投产后,预计年产铝电容器外壳1000万套、喷丝头(板)300万只,将解决新材料与零件长期受国外“卡脖子”的问题。", 24)])
    func numberRun(paragraph: String, width: Int) {
        let measure = DisplayWidth(ambiguous: .narrow)
        let greedy = body(paragraph, width: width, breaking: .greedy, hang: false)
        let programme = body(paragraph, width: width, hang: false)
        func worst(_ lines: [SetLine]) -> Int {
            lines.filter { !$0.isLast }.map { GapCensus.gaps($0, measure: measure).reduce(0) { $0 + $1.cells } }.max()
                ?? 0
        }
        #expect(worst(greedy) >= 4)
        #expect(worst(programme) < worst(greedy), "\(drawing(programme))")
        #expect(
            programme.map { $0.text.filter { $0 != " " } }.joined()
                == greedy.map { $0.text.filter { $0 != " " } }.joined())
    }

    /// Paragraphs of the Traditional edition (蘋果日報 2020-03-01) whose English phrases
    /// once spread their slack as gaps between ideographs over the lines before them
    /// (`以 及兩 名長 期 爭取 公 民自 由和 民` at 36 columns), or parted `：  「`.
    static let latinPhrases: [(String, Int)] = [
        (
            "美國國務院發言人奧特加斯（Morgan Ortagus）發表聲明，指國務院關注香港警方拘捕本港著名商人兼出版人黎智英，以及兩名長期爭取公民自由和民主的人士：「我們期望香港當局不要為了政治目的而選擇性執法（not to use law enforcement selectively for political purposes），並確保處理方式公正、透明，維護法治、港人和平集會與言論自由的普世權利。」",
            36
        ),
        (
            "對於外界狂轟今次是政治檢控，律政司昨晚11時半發聲明，指任何人提出律政司的檢控決定是受到不恰當的影響而作出，「都是胡亂猜測和沒有事實根據」。聲明續指，律政司檢控人員不得受任何涉及調查、政治、傳媒、社群或個人的利益或陳述的因素影響：「不論涉案者的政治理念、訴求或背景，所有案件都會以相同手法處理。」",
            36
        ),
    ]

    @Test(
        "an English phrase keeps its slack in its own word spaces, not between ideographs; two marks part by one cell",
        arguments: latinPhrases)
    func latinPhraseSlack(paragraph: String, width: Int) {
        let measure = DisplayWidth(ambiguous: .narrow)
        let lines = body(paragraph, width: width, indent: true)
        for line in lines where !line.isLast {
            for gap in GapCensus.gaps(line, measure: measure) {
                #expect(
                    !(Kinsoku.isIdeograph(gap.before) && Kinsoku.isIdeograph(gap.after)),
                    "width \(width):\n\(drawing(lines))")
                let marks = GapKind.isPunctuation(gap.before.value) && GapKind.isPunctuation(gap.after.value)
                #expect(!marks || gap.cells <= 1, "width \(width):\n\(drawing(lines))")
            }
        }
    }

    @Test(
        "a space between Latin words widens past one cell only after the punctuation gaps, and never beside a mark",
        arguments: [
            (
                "病人入院時，逾半（56.4%）肺部電腦掃描顯示有磨玻璃樣斑塊（ground-glass opacity），同時有17.9%人在放射診斷下完全沒異常。入院病人中超過八成人淋巴細胞減少。",
                26, "glass  opacity），  同時有"
            ),
            ("株洲日报讯(全媒体记者/陈正明) 3月28日,副省长李建中在株洲督导生态环境问题整改等工作。", 40, "株洲日报讯 (全媒体记者/ 陈正明)  3月"),
        ])
    func latinSpaceOrder(paragraph: String, width: Int, line: String) {
        let lines = body(paragraph, width: width, indent: true)
        #expect(lines.contains { $0.text.hasSuffix(line) }, "width \(width):\n\(drawing(lines))")
    }

    @Test("a closing mark that would start a line hangs past the edge instead of pushing a character down")
    func hangsInsteadOfPushingDown() {
        let lines = body("一二三四五。六七", width: 10)
        #expect(lines.map(\.text) == ["一二三四五。", "六七"], "\(drawing(lines))")
        #expect(lines[0].width == 12)
        let check = TypesetChecks("一二三四五。六七", TypesetOptions(width: 10, indentFirstLine: false, hangPunctuation: true))
        #expect(check.problems().isEmpty, "\(check.problems())")
    }

    @Test("only a closing or pause mark hangs, and only one", arguments: ["一二三四五“六七", "一二三四五六七八", "一二三四五。”六七"])
    func onlyOneMarkHangs(paragraph: String) {
        for width in 6...20 {
            let check = TypesetChecks(
                paragraph, TypesetOptions(width: width, indentFirstLine: false, hangPunctuation: true))
            #expect(check.problems().isEmpty, "width \(width):\n\(check.drawing)\n\(check.problems())")
            for line in check.lines where line.width > width {
                #expect(
                    line.width - width <= 2 && GapKind.hangs(line.text.unicodeScalars.last!.value), "\(check.drawing)")
            }
        }
    }

    @Test(
        "spare cells go to a CJK–Latin boundary before a gap after punctuation, and never between ideographs",
        arguments: Array(12...40))
    func boundaryFirst(width: Int) {
        let measure = DisplayWidth(ambiguous: .narrow)
        let lines = body("株洲高速G4沿线，工程进展顺利建设好。后面还有更多的文字内容来把这一段落填满，沿线G4高速，工程进展。", width: width)
        for line in lines where !line.isLast {
            let gaps = GapCensus.gaps(line, measure: measure)
            let cells = gaps.reduce(0) { $0 + $1.cells }
            // Two boundaries (速|G, 4|沿) take up to 4 cells before any punctuation gap does.
            guard line.text.contains("速G4沿") || line.text.contains("线G4高"), cells <= 4 else { continue }
            for gap in gaps {
                #expect(
                    gap.before == "G" || gap.after == "G" || gap.before == "4" || gap.after == "4",
                    "width \(width):\n\(drawing(lines))")
            }
        }
    }

    @Test("a gap never goes before an existing space, and a space between Han and Latin is never widened")
    func existingSpaces() {
        let paragraph =
            "近日，“2022 数字城市论坛”在北京召开。论坛上发布了数字城市创新成果与实践案例，市应急管理局“应急指挥管理系统建设”成果在众多实践案例中脱颖而出，获选2022—2023 数字城市“应急管理类”创新成果案例。"
        for width in stride(from: 16, through: 60, by: 2) {
            let lines = body(paragraph, width: width, indent: true)
            for line in lines {
                #expect(
                    !line.text.contains("2  ") && !line.text.contains("  数") && !line.text.contains("2  数"),
                    "width \(width):\n\(drawing(lines))")
            }
        }
    }

    @Test(
        "a space between two Chinese words is widened by one cell at most",
        arguments: Array(stride(from: 20, through: 80, by: 2)))
    func chineseWordSpace(width: Int) {
        // The dateline's space before 近日: it once took every spare cell of the line.
        let paragraph = "株洲日报讯（全媒体记者/马文章） 近日，论坛上发布了数字城市创新成果与实践案例。"
        let lines = body(paragraph, width: width, indent: true)
        for line in lines {
            #expect(!line.text.contains("）   "), "width \(width):\n\(drawing(lines))")
        }
    }

    @Test("no gap falls inside a number, —— or ……, or on the inner side of a quote, over the sample")
    func forbiddenGaps() {
        let measure = DisplayWidth(ambiguous: .narrow)
        func digit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) || ("０"..."９").contains(s) }
        for width in stride(from: 20, through: 80, by: 6) {
            for paragraph in GapCensus.bodyParagraphs {
                let lines = body(paragraph, width: width, indent: true)
                for line in lines {
                    for gap in GapCensus.gaps(line, measure: measure) {
                        let bad =
                            (digit(gap.before) && digit(gap.after))
                            || (gap.before == gap.after && (gap.before == "—" || gap.before == "…"))
                            || gap.before == "“" || gap.before == "‘" || gap.after == "”" || gap.after == "’"
                        #expect(!bad, "width \(width): |\(line.text)|")
                    }
                }
            }
        }
    }

    @Test("a fullwidth decimal is never split", arguments: ["４．０", "３６０", "１，０００", "５０％", "１２．５６"])
    func fullwidthNumbers(number: String) {
        // From 16 cells on, where the number with its unit (at most 7 ideographs wide) fits a line.
        let paragraph = "今年全市地区生产总值增长\(number)个百分点，比上年提高\(number)，达到\(number)万元的目标。"
        let scalars = Array(paragraph.unicodeScalars)
        let needle = Array(number.unicodeScalars)
        var starts: [Int] = []
        for k in 0...(scalars.count - needle.count) where Array(scalars[k..<k + needle.count]) == needle {
            starts.append(k)
        }
        for width in 16...40 {
            let lines = body(paragraph, width: width)
            for start in starts {
                let split = lines.dropFirst().contains {
                    $0.source.lowerBound > start && $0.source.lowerBound < start + needle.count
                }
                #expect(!split, "width \(width):\n\(drawing(lines))")
            }
        }
    }

    static let korean =
        "유구한 역사와 전통에 빛나는 우리 대한국민은 3·1운동으로 건립된 대한민국임시정부의 법통과 불의에 항거한 4·19민주이념을 계승하고, 조국의 민주개혁과 평화적 통일의 사명에 입각하여 정의·인도와 동포애로써 민족의 단결을 공고히 하고, 모든 사회적 폐습과 불의를 타파하며, 자율과 조화를 바탕으로 자유민주적 기본질서를 더욱 확고히 하여 정치·경제·사회·문화의 모든 영역에 있어서 각인의 기회를 균등히 하고, 능력을 최고도로 발휘하게 하며, 자유와 권리에 따르는 책임과 의무를 완수하게 하여, 안으로는 국민생활의 균등한 향상을 기하고 밖으로는 항구적인 세계평화와 인류공영에 이바지함으로써 우리들과 우리들의 자손의 안전과 자유와 행복을 영원히 확보할 것을 다짐하면서 1948년 7월 12일에 제정되고 8차에 걸쳐 개정된 헌법을 이제 국회의 의결을 거쳐 국민투표에 의하여 개정한다."

    @Test(
        "a Korean line breaks at a space when one is within reach",
        arguments: Array(stride(from: 20, through: 60, by: 4)))
    func koreanBreaksAtSpaces(width: Int) {
        let lines = body(Self.korean, width: width)
        let scalars = Array(Self.korean.unicodeScalars)
        for line in lines.dropLast() {
            let end = line.source.upperBound
            guard GapKind.isHangul(scalars[end - 1].value), GapKind.isHangul(scalars[end].value) else { continue }
            // Broken inside a word: within reach is a space one syllable back, on a line
            // holding other spaces to take the cells that break would leave.
            let drawn = line.text.trimmingSuffix(" ")
            let words = drawn.split(separator: " ", omittingEmptySubsequences: true)
            let reach = drawn.unicodeScalars.suffix(2).contains(" ")
            #expect(!(reach && words.count >= 3), "width \(width): |\(line.text)|\n\(drawing(lines))")
        }
        let inside = lines.dropLast().filter {
            GapKind.isHangul(scalars[$0.source.upperBound - 1].value)
                && GapKind.isHangul(scalars[$0.source.upperBound].value)
        }
        #expect(inside.count * 4 <= lines.count, "width \(width):\n\(drawing(lines))")
    }

    @Test("a Korean line puts its spare cells in its spaces", arguments: Array(stride(from: 20, through: 60, by: 4)))
    func koreanSpareInSpaces(width: Int) {
        let measure = DisplayWidth(ambiguous: .narrow)
        let lines = body(Self.korean, width: width)
        let scalars = Array(Self.korean.unicodeScalars)
        for line in lines where !line.isLast {
            // Lines with at least two spaces of their own between words.
            let source = scalars[line.source]
            let spaces = source.dropLast(while: { $0 == " " }).filter { $0 == " " }.count
            guard spaces >= 2 else { continue }
            for gap in GapCensus.gaps(line, measure: measure) {
                #expect(
                    !(GapKind.isHangul(gap.before.value) && GapKind.isHangul(gap.after.value)),
                    "width \(width):\n\(drawing(lines))")
            }
        }
    }

    @Test(
        "Japanese keeps its line-start rules: no line starts with a small kana, ー or a closing mark",
        arguments: Array(stride(from: 10, through: 40, by: 3)))
    func japaneseLineStarts(width: Int) {
        let paragraph = "東京都は、新型コロナウイルスの感染拡大を受けて、ちょっとした外出も控えるよう呼びかけています。「ステイホーム」を合言葉に、ショッピングやコンサートなどのイベントも中止になりました。"
        let lines = body(paragraph, width: width)
        for line in lines.dropFirst() {
            guard let first = line.text.unicodeScalars.first(where: { $0 != " " }) else { continue }
            let small = "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー".unicodeScalars.contains(first)
            #expect(!small && !Kinsoku.forbidsLineStart(first), "width \(width):\n\(drawing(lines))")
        }
    }

    @Test(
        "a URL is never split by justification spaces: it breaks only at the column edge",
        arguments: Array(stride(from: 20, through: 50, by: 2)))
    func urls(width: Int) {
        let url = "https://www.zhuzhou.gov.cn/c14834/20230328/i1925843.html"
        let paragraph = "详情请登录株洲市人民政府门户网站\(url)查询，或拨打热线电话咨询。"
        let lines = body(paragraph, width: width)
        let scalars = Array(paragraph.unicodeScalars)
        let start = paragraph.unicodeScalars.count - "查询，或拨打热线电话咨询。".unicodeScalars.count - url.unicodeScalars.count
        let range = start..<(start + url.unicodeScalars.count)
        let measure = DisplayWidth(ambiguous: .narrow)
        for line in lines {
            // No gap inside the URL.
            for (a, b) in zip(line.segments, line.segments.dropFirst()) where b.column > a.column + measure.of(a.text) {
                #expect(
                    !(range.contains(a.source.upperBound - 1) && range.contains(b.source.lowerBound)),
                    "width \(width):\n\(drawing(lines))")
            }
            // A break inside the URL falls at the edge, the line full without a gap.
            let end = line.source.upperBound
            if !line.isLast, end > range.lowerBound, end < range.upperBound {
                #expect(
                    line.width == width && line.segments.count == 1
                        || line.segments.last.map {
                            $0.column + measure.of($0.text) == width
                        } == true, "width \(width):\n\(drawing(lines))")
            }
        }
        #expect(
            lines.map { $0.text.filter { $0 != " " } }.joined()
                == String(String.UnicodeScalarView(scalars.filter { $0 != " " })))
    }

    @Test("every paragraph of the sample sets cleanly with hanging punctuation at every even width 20–80")
    func sampleContract() {
        for width in Self.evenWidths {
            for paragraph in SampleEdition.paragraphs() {
                let check = TypesetChecks(paragraph, TypesetOptions(width: width, hangPunctuation: true))
                let problems = check.problems()
                #expect(problems.isEmpty, "width \(width):\n\(check.drawing)\n\(problems.joined(separator: "\n"))")
            }
        }
    }
}

private extension ArraySlice where Element == Unicode.Scalar {
    /// The slice without its trailing elements that match.
    func dropLast(while matches: (Unicode.Scalar) -> Bool) -> ArraySlice<Unicode.Scalar> {
        var s = self
        while let last = s.last, matches(last) { s = s.dropLast() }
        return s
    }
}

private extension String {
    /// The string without trailing `character`s.
    func trimmingSuffix(_ character: Character) -> Substring {
        var s = self[...]
        while s.last == character { s = s.dropLast() }
        return s
    }
}
