import TestSupport
import Testing

@testable import ReaderCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Sets `paragraph` at `width` and returns the drawn lines.
private func set(
    _ paragraph: String, width: Int, indent: Bool = false, justify: Bool = true,
    lone: Bool = true
) -> [SetLine] {
    Typesetter(
        options: TypesetOptions(
            width: width, indentFirstLine: indent, justify: justify,
            avoidLoneLastCharacter: lone)
    ).set(paragraph)
}

/// Whether a line boundary falls strictly inside `token` in `paragraph` for these lines.
private func splits(_ token: String, in paragraph: String, _ lines: [SetLine]) -> Bool {
    let scalars = Array(paragraph.unicodeScalars)
    let needle = Array(token.unicodeScalars)
    guard
        let start = (0...(scalars.count - needle.count)).first(where: {
            Array(scalars[$0..<$0 + needle.count]) == needle
        })
    else { return true }
    let end = start + needle.count
    return lines.dropFirst().contains { $0.source.lowerBound > start && $0.source.lowerBound < end }
}

@Suite("Typesetter")
struct TypesetterTests {
    static let closing: [String] = [
        "。", "．", "，", "、", "：", "；", "！", "？", "”", "’", "」", "』", "）",
        "〕", "］", "｝", "】", "〗", "》", "〉", "～", "·", "・",
        ".", ",", ":", ";", "!", "?", ")", "]", "}",
    ]
    static let opening: [String] = ["“", "‘", "「", "『", "（", "〔", "［", "｛", "【", "〖", "《", "〈", "(", "[", "{"]

    @Test("a line never starts with a full stop or other closing mark", arguments: closing)
    func neverStartsWithClosing(mark: String) {
        let paragraph = "株洲日报全媒体记者报道近日\(mark)论坛在北京召开株洲应急管理系统上榜\(mark)数字城市创新成果发布"
        for width in 8...40 {
            let check = TypesetChecks(paragraph, TypesetOptions(width: width))
            let problems = check.problems()
            #expect(problems.isEmpty, "width \(width):\n\(check.drawing)\n\(problems.joined(separator: "\n"))")
        }
    }

    @Test("a line never ends with an opening quote or bracket", arguments: opening)
    func neverEndsWithOpening(mark: String) {
        let paragraph = "株洲日报全媒体记者报道近日论坛\(mark)在北京召开株洲应急管理系统上榜论坛\(mark)数字城市创新成果发布"
        for width in 8...40 {
            let check = TypesetChecks(paragraph, TypesetOptions(width: width))
            let problems = check.problems()
            #expect(problems.isEmpty, "width \(width):\n\(check.drawing)\n\(problems.joined(separator: "\n"))")
        }
    }

    @Test("a closing mark that would start a line takes a character down with it (后推出)")
    func closingMarkPushesDown() {
        let lines = set("一二三四五。六七", width: 10)
        #expect(lines.map { $0.text.filter { $0 != " " } } == ["一二三四", "五。六七"], "\(lines.map(\.text))")
        #expect(lines[0].width == 10)
        #expect(!lines[0].text.hasSuffix(" "))
    }

    @Test(
        "—— and …… are never split, nor codes like CN 43-0005, G4, 2022—2023 and 1000万套",
        arguments: ["——", "……", "CN 43-0005", "G4", "2022—2023", "1000万套", "IGBT", "25日", "3月"])
    func neverSplit(token: String) {
        let paragraph = "中共株洲市委主管主办国内统一连续出版物号\(token)预计年产铝电容器外壳\(token)喷丝头板"
        let cells = DisplayWidth().of(token)
        for width in max(8, cells + 1)...40 {
            for indent in [false, true] where !indent || width >= cells + 5 {
                let lines = set(paragraph, width: width, indent: indent)
                #expect(
                    !splits(token, in: paragraph, lines),
                    "width \(width): \(lines.map(\.text))")
            }
        }
    }

    @Test("a URL longer than the column is broken at the edge")
    func longURLBreaksAtEdge() {
        let url = "https://www.zhuzhou.gov.cn/" + String(repeating: "abcdefghijklmnopqrstuvwxyz0123", count: 10)
        let paragraph = "详见" + url + "。"
        let lines = set(paragraph, width: 40)
        #expect(lines.count > 7)
        // The URL follows the text before it and fills every line to the edge.
        #expect(lines[0].text.hasPrefix("详见https://") && lines[0].width == 40)
        for line in lines.dropLast() {
            #expect(line.width == 40)
            #expect(!line.text.contains(" "), "a full line needs no gaps: \(line.text)")
        }
        for line in lines.dropFirst().dropLast() { #expect(line.text.unicodeScalars.count == 40) }
        let joined = lines.map { $0.text.filter { $0 != " " } }.joined()
        #expect(joined == paragraph)
    }

    @Test("the first line is indented by two ideographic spaces and later lines are not")
    func firstLineIndent() {
        let lines = set("汇聚绿商力量，建设青春绿口。4月2日至4日，一场乡情交融的盛会即将举行。", width: 20, indent: true)
        #expect(lines[0].text.hasPrefix("\u{3000}\u{3000}"))
        #expect(!lines[0].text.hasPrefix("\u{3000}\u{3000}\u{3000}"))
        #expect(lines[0].segments.first?.column == 4)
        #expect(lines.dropFirst().allSatisfy { !$0.text.hasPrefix("\u{3000}") })
    }

    @Test("a headline set without indent starts at column zero")
    func noIndent() {
        let lines = set("追“高”逐“新”的创业热土", width: 30)
        #expect(
            lines == [
                SetLine(
                    text: "追“高”逐“新”的创业热土",
                    segments: [.init(text: "追“高”逐“新”的创业热土", column: 0, source: 0..<13)],
                    width: 22, source: 0..<13, isLast: true)
            ])
    }

    @Test(
        "justification spreads spare cells evenly between characters",
        arguments: [
            ("一二三四五六七八九十壹贰", 11, 1),
            ("一二三四五六七八九。十壹贰叁肆", 18, 2),
            ("一二三四五六七八九。十壹贰叁肆", 19, 3),
            ("株洲日报全媒体记者邹怡敏，通讯员刘晓欢刘艺锋", 25, 3),
        ])
    func spreadsSpareCells(paragraph: String, width: Int, spare: Int) {
        let lines = set(paragraph, width: width, lone: false)
        let line = lines[0]
        #expect(line.width == width)
        #expect(!line.text.hasSuffix(" ") && !line.text.hasPrefix(" "), "|\(line.text)|")
        #expect(line.text.filter { $0 == " " }.count == spare, "|\(line.text)|")
        #expect(!line.text.contains("  "), "one cell per gap while gaps outnumber spare cells: |\(line.text)|")
        #expect(line.segments.count == spare + 1)
        // The gaps are spread, not bunched: each half of the line holds some.
        let half = line.text.count / 2
        if spare > 1 {
            #expect(line.text.prefix(half).contains(" ") && line.text.dropFirst(half).contains(" "), "|\(line.text)|")
        }
    }

    @Test("a Latin word in a Chinese line takes no gaps inside it")
    func noGapsInsideLatinWords() {
        let lines = set("湖南巨新材料项目IGBT芯片生产线建设现场，厂房主体施工基本完成。", width: 15)
        for line in lines { #expect(!line.text.contains("I G") && !line.text.contains("G B")) }
    }

    @Test("the last line does not hold a single character when a line before can give it company")
    func noLoneLastCharacter() {
        let lines = set("一二三四五六七八九十壹", width: 10)
        // One of the first two lines gives up a character; both stay justified.
        #expect(lines.count == 3 && lines.last?.text == "十壹", "\(lines.map(\.text))")
        #expect(lines.dropLast().allSatisfy { $0.width == 10 })
        let punctuated = set("一二三四五六七八九十壹。", width: 10)
        #expect(punctuated.last?.text == "十壹。")
        let off = set("一二三四五六七八九十壹", width: 10, lone: false)
        #expect(off.last?.text == "壹")
    }

    @Test(
        "an odd column is filled exactly by wide characters and one gap",
        arguments: [9, 15, 33, 199])
    func oddWidths(width: Int) {
        let paragraph = String(repeating: "应急管理工作的千头万绪，承担着跨领域、跨层级综合指挥调度的重任。", count: 8)
        let check = TypesetChecks(paragraph, TypesetOptions(width: width))
        let problems = check.problems()
        #expect(problems.isEmpty, "\(check.drawing)\n\(problems.joined(separator: "\n"))")
    }

    @Test("control characters never reach the output and offsets still count them")
    func controlsHidden() {
        let lines = set("株洲\u{1B}[31m日报\u{7}讯", width: 30)
        #expect(lines.count == 1)
        #expect(!lines[0].text.unicodeScalars.contains { $0.value < 0x20 })
        #expect(lines[0].source == 0..<11)
        #expect(lines[0].segments == [.init(text: "株洲[31m日报讯", column: 0, source: 0..<11)])
    }

    @Test("an empty paragraph sets no lines, a blank one sets one empty line")
    func emptyParagraphs() {
        #expect(set("", width: 20).isEmpty)
        let blank = set("   ", width: 20, indent: true)
        #expect(blank.count == 1 && blank[0].source == 0..<3 && blank[0].segments.isEmpty)
    }

    @Test("a hard line break inside a paragraph ends an unjustified line")
    func hardBreak() {
        let lines = set("株洲日报\n讯", width: 20)
        #expect(lines.map(\.text) == ["株洲日报", "讯"])
        #expect(lines.map(\.source) == [0..<5, 5..<6])
    }

    @Test("random mixed text never breaks the contract or the width")
    func randomTextProperty() {
        // Ideographs, punctuation, Latin, digits, spaces, marks, emoji, flags, controls.
        let pool: [Unicode.Scalar] =
            Array("株洲日报讯近年来。，、：；！？“”‘’「」（）《》【】——……·abcXYZ019 ,.()\"'%$-/".unicodeScalars)
            + [
                0x301, 0x200D, 0xFE0F, 0x1F600, 0x1F468, 0x1F3FB, 0x1F1E8, 0x1F1F3, 0x9, 0xA, 0x1B,
                0x200B, 0x3000, 0xAD, 0xE01, 0x5D0, 0xAC00, 0x20000, 0xFF10,
            ].compactMap(Unicode.Scalar.init)
        var random = SeededRandom(seed: 7)
        var failures: [String] = []
        for round in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...80, using: &random) { text.append(pool.randomElement(using: &random)!) }
            let paragraph = String(text)
            let width = Int.random(in: 8...60, using: &random)
            let options = TypesetOptions(
                width: width, indentFirstLine: round % 2 == 0,
                ambiguous: round % 3 == 0 ? .wide : .narrow)
            let check = TypesetChecks(paragraph, options)
            // Random text can hold hard breaks and runs of marks no rule can place, so
            // check the contract and the widths only.
            let problems = check.problems().filter {
                !$0.contains(" starts with ") && !$0.contains(" ends with ") && !$0.contains(" splits ")
            }
            let hardBreaks = paragraph.unicodeScalars.contains { $0 == "\n" }
            let relevant = hardBreaks ? problems.filter { !$0.contains("cells, not") } : problems
            if !relevant.isEmpty, failures.count < 5 {
                failures.append(
                    "width \(width) \(paragraph.unicodeScalars.map { String($0.value, radix: 16) }):\n\(check.drawing)\n"
                        + relevant.prefix(4).joined(separator: "\n"))
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }

    @Test("tiny columns neither hang nor lose text", arguments: 0...8)
    func tinyColumns(width: Int) {
        let paragraphs =
            SampleEdition.paragraphs().prefix(20) + ["株洲日报👨‍👩‍👧🇨🇳e\u{301}——……“”", String(repeating: "w", count: 50)]
        for paragraph in paragraphs {
            let check = TypesetChecks(paragraph, TypesetOptions(width: width))
            let lost = check.problems().filter {
                $0.contains("draws") || $0.contains("starts at") || $0.contains("lines end")
            }
            #expect(lost.isEmpty, "\(check.drawing)\n\(lost.prefix(3).joined(separator: "\n"))")
            #expect(check.lines.allSatisfy { $0.width <= max(2, width) || $0.text.unicodeScalars.count == 1 })
        }
    }

    @Test("the checks themselves catch a line that starts with a full stop or loses a character")
    func checksCanFail() {
        let options = TypesetOptions(width: 8, indentFirstLine: false)
        let bad = [
            SetLine(
                text: "株洲日报", segments: [.init(text: "株洲日报", column: 0, source: 0..<4)],
                width: 8, source: 0..<4, isLast: false),
            SetLine(
                text: "。讯", segments: [.init(text: "。讯", column: 0, source: 4..<6)],
                width: 4, source: 4..<7, isLast: true),
        ]
        let problems = TypesetChecks("株洲日报。讯近", options, lines: bad).problems()
        #expect(problems.contains { $0.contains("starts with 。") })
        #expect(problems.contains { $0.contains("draws") })
    }

    @Test("every paragraph of the sample edition sets cleanly at random widths")
    func sampleEditionProperty() {
        let paragraphs = SampleEdition.paragraphs()
        #expect(paragraphs.count > 50, "sample edition at \(SampleEdition.path)")
        var random = SeededRandom(seed: 20230329)
        var failures: [String] = []
        for round in 0..<24 {
            let width = Int.random(in: 8...200, using: &random)
            let options = TypesetOptions(
                width: width, indentFirstLine: round % 3 != 2,
                ambiguous: round % 4 == 3 ? .wide : .narrow)
            for paragraph in paragraphs {
                let check = TypesetChecks(paragraph, options)
                let problems = check.problems()
                if !problems.isEmpty, failures.count < 10 {
                    failures.append(
                        "width \(width) \(options.ambiguous):\n\(check.drawing)\n"
                            + problems.prefix(5).joined(separator: "\n"))
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }
}
