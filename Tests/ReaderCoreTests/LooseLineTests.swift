import Testing
import TestSupport
@testable import ReaderCore

/// Justification gaps of each justified line (the drawn gaps between its segments).
private func gaps(_ lines: [SetLine]) -> [Int] {
    lines.filter { !$0.isLast && $0.segments.count > 0 }.map { $0.segments.count - 1 }
}

/// Sets `paragraph` at `width`, with or without easing loose lines.
private func set(_ paragraph: String, width: Int, balance: Bool) -> [SetLine] {
    Typesetter(options: TypesetOptions(width: width, balanceLooseLines: balance)).set(paragraph)
}

@Suite("Loose lines")
struct LooseLineTests {
    static let widths = [20, 24, 31, 40, 48]

    @Test("the sample shows fewer lines gapped between most characters when loose lines share their spare")
    func sampleHasFewerLooseLines() {
        let paragraphs = SampleEdition.paragraphs()
        #expect(!paragraphs.isEmpty)
        var looseBefore = 0, looseAfter = 0, squaresBefore = 0, squaresAfter = 0
        for width in Self.widths {
            for paragraph in paragraphs {
                let before = gaps(set(paragraph, width: width, balance: false))
                let after = gaps(set(paragraph, width: width, balance: true))
                looseBefore += before.filter { $0 >= Typesetter.looseSpare }.count
                looseAfter += after.filter { $0 >= Typesetter.looseSpare }.count
                squaresBefore += before.reduce(0) { $0 + $1 * $1 }
                squaresAfter += after.reduce(0) { $0 + $1 * $1 }
            }
        }
        #expect(looseAfter < looseBefore)
        #expect(squaresAfter < squaresBefore)
    }

    @Test("easing never adds a line, widens the worst gap or moves a later line", arguments: widths)
    func easingStaysLocal(width: Int) {
        for paragraph in SampleEdition.paragraphs() {
            let before = set(paragraph, width: width, balance: false)
            let after = set(paragraph, width: width, balance: true)
            #expect(after.count == before.count, "\(paragraph.prefix(12))… at \(width)")
            #expect((gaps(after).max() ?? 0) <= (gaps(before).max() ?? 0), "\(paragraph.prefix(12))… at \(width)")
            // The last line, with the lone-character rule, ends the paragraph as before.
            #expect(after.last?.source.upperBound == before.last?.source.upperBound)
        }
    }

    @Test("a line loose before an unsplittable number shares its spare with the line before",
          arguments: [("该公司是一家高科技企业,已形成完整的军民两用新材料产业链。该项目竣工投产后,预计年产铝电容器外壳1000万套、喷丝头(板)300万只,将解决新材料与零件长期受国外“卡脖子”的问题。", 24)])
    func numberRun(paragraph: String, width: Int) {
        let before = set(paragraph, width: width, balance: false)
        let after = set(paragraph, width: width, balance: true)
        let worstBefore = gaps(before).max() ?? 0
        let worstAfter = gaps(after).max() ?? 0
        #expect(worstBefore >= Typesetter.looseSpare)
        #expect(worstAfter < worstBefore)
        // Same text, same lines count: only where the earlier break falls changes.
        #expect(after.map { $0.text.filter { $0 != " " } }.joined() == before.map { $0.text.filter { $0 != " " } }.joined())
    }
}
