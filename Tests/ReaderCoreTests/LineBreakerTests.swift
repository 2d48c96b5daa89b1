import Testing

@testable import ReaderCore

/// Writes `text` with `|` at every allowed break and `!` at every mandatory one (not at the end).
private func marked(_ text: String, _ tailoring: LineBreaker.Tailoring = .chinese) -> String {
    let scalars = Array(text.unicodeScalars)
    let breaks = LineBreaker(tailoring: tailoring).opportunities(scalars)
    var out = String.UnicodeScalarView()
    for (i, scalar) in scalars.enumerated() {
        if i > 0, breaks[i] == .allowed { out.append("|") }
        if i > 0, breaks[i] == .mandatory { out.append("!") }
        out.append(scalar)
    }
    return String(out)
}

@Suite("Line breaker")
struct LineBreakerTests {
    @Test(
        "break opportunities follow UAX #14 and the clreq rules",
        arguments: [
            // Ideographs break anywhere; closing marks stay with what precedes them.
            ("株洲日报", "株|洲|日|报"),
            ("近日，论坛在北京召开。", "近|日，|论|坛|在|北|京|召|开。"),
            // Opening marks stay with what follows them.
            ("他说（北京）", "他|说|（北|京）"),
            ("【编者按】", "【编|者|按】"),
            // Chinese quotation marks open and close between Chinese characters (Unicode 15.1 LB19a).
            ("追“高”逐“新”的", "追|“高”|逐|“新”|的"),
            ("他说：“好。”然后", "他|说：|“好。”|然|后"),
            ("don’t “stop”", "don’t |“stop”"),
            // Tailored: after a Chinese character a “ opens, and before one a ” closes, whatever
            // stands on the mark's other side (Unicode would glue “2022 to the comma before it).
            ("近日，“2022 数字", "近|日，|“2022 |数|字"),
            ("获选“5G”项目", "获|选|“5G”|项|目"),
            // Latin words and numbers stay whole; a space is a break.
            ("IGBT芯片", "IGBT|芯|片"),
            ("年产1000万套、喷丝头", "年|产|1000万套、|喷|丝|头"),
            ("获选 2022—2023 数字", "获|选 |2022—2023 |数|字"),
            ("出版物号 CN 43-0005", "出|版|物|号 |CN 43-0005"),
            ("柔性显示屏用PI、可回收", "柔|性|显|示|屏|用|PI、|可|回|收"),
            ("增长14%。", "增|长|14%。"),
            ("3月25日，位于", "3月|25日，|位|于"),
            // —— and …… never split.
            ("绿口区——“投资", "绿|口|区|——“投|资"),
            ("他说……好", "他|说……|好"),
            // ASCII punctuation in Chinese text (conversion damage) obeys the same rules.
            ("讯(全媒体记者/马文章) 近日,“2022", "讯|(全|媒|体|记|者/|马|文|章) |近|日,“2022"),
            // A hard line break is mandatory.
            ("株洲\n日报", "株|洲\n!日|报"),
        ])
    func opportunities(text: String, expected: String) {
        #expect(marked(text) == expected)
    }

    @Test("plain UAX #14 still keeps a quotation mark glued to both sides")
    func plainQuotes() {
        #expect(marked("追“高”逐", .none) == "追“高”逐")
    }

    @Test("the end of text is a mandatory break and the start never breaks")
    func ends() {
        let breaks = LineBreaker().opportunities("株洲")
        #expect(breaks == [.prohibited, .allowed, .mandatory])
        #expect(LineBreaker().opportunities("") == [.mandatory])
    }

    @Test("no line may start with a closing mark", arguments: Array("。．，、：；！？”’」』）〕］｝】〗》〉～·・.,:;!?)]}"))
    func closingMarks(mark: Character) {
        let text = "株洲\(mark)日报"
        let breaks = LineBreaker().opportunities(text)
        #expect(breaks[2] == .prohibited, "before \(mark)")
    }

    @Test("no line may end with an opening mark", arguments: Array("“‘「『（〔［｛【〖《〈([{"))
    func openingMarks(mark: Character) {
        let text = "株洲\(mark)日报"
        let breaks = LineBreaker().opportunities(text)
        #expect(breaks[3] == .prohibited, "after \(mark)")
    }
}
