import TestSupport
import Testing

@testable import ReaderCore

@Suite("Edition parser on generated editions")
struct EditionFuzzTests {

    static let fragments = [
        "# 株洲日报", "2023年3月29日 星期三", "## 标题甲", "# 标题乙", "### 小标题", "####### 深", "新时代 新征程 新伟业",
        "开栏语", "【编者按】", "记者/张三", "通讯员/李四  ", "图片说明 王五摄", "株洲日报讯(全媒体记者/马文章) 近日,论坛召开。",
        "这是一段完整的话,有逗号。", "这句话没有说完,停在了水", "泥企业日子越发艰难。", "", "", "", "(CESS)、时代碳行",
        "Latin text, with: marks!", "\u{1B}[31m红\u{202E}字\u{9B}", "——副题文字", "打造“三个高地”  ", "走在前列",
        "   ", "\t缩进的段落。", "高手在民间  ", "答案在基层", "##", "第", "讯(", "【编者按】正文一句。",
    ]

    @Test("random editions never crash, leak no control, lose no ideograph", arguments: 0..<8)
    func generated(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &* 7919)
        for _ in 0..<40 {
            let count = Int.random(in: 0...40, using: &random)
            let text = (0..<count).map { _ in Self.fragments.randomElement(using: &random)! }.joined(separator: "\n")
            let edition = EditionParser().parse(text: text)
            let all = EditionFixtures.allText(edition)
            #expect(!all.joined().unicodeScalars.contains(where: EditionLoaderTests.isDangerous))
            #expect(edition.repairs.allSatisfy { $0.article.map { $0 < edition.articles.count } ?? true })
            var counts: [Unicode.Scalar: Int] = [:]
            for s in EditionFixtures.ideographs(text) { counts[s, default: 0] += 1 }
            for s in EditionFixtures.ideographs(all.joined()) { counts[s, default: 0] -= 1 }
            if edition.repairs.contains(where: { $0.kind == .duplicateDropped }) {
                #expect(counts.values.allSatisfy { $0 >= 0 }, "\(text)")
            } else {
                #expect(counts.filter { $0.value != 0 }.isEmpty, "\(text)")
            }
        }
    }
}
