import Foundation
import TestSupport
import Testing

@testable import ReaderCore

/// A large edition opens on its first 版 alone (`EditionOpening`): that part must be
/// exactly the start of the whole edition, so that nothing on the first screen moves
/// when the rest arrives.
@Suite("Opening an edition on its first 版")
struct EditionOpeningTests {
    /// One way of writing an edition, and whether its first 版 can be shown alone.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: @Sendable () throws -> String
        /// The first part is shown alone (else the whole edition is parsed at once).
        var partial: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "the sample (one 版) opens whole", text: { try EditionFixtures.sampleText() }, partial: false),
        Case(
            name: "## 第N版 headings, as the bench's 10 MB edition",
            text: { try MultiPageEdition.text(pages: 5) }, partial: true),
        Case(
            name: "第0N版：要闻 lines between blank lines",
            text: { try MultiPageEdition.text(pages: 4, marker: .paragraph) }, partial: true),
        Case(
            name: "articles before the first marker are on 版 1",
            text: { try MultiPageEdition.text(pages: 3, numbers: [2, 3, 4], beforeFirstMarker: true) }, partial: true),
        Case(
            name: "CR LF line ends are scanned after sanitising",
            text: { try MultiPageEdition.text(pages: 3).replacingOccurrences(of: "\n", with: "\r\n") }, partial: true),
        Case(
            name: "a TAB and a U+2028 are scanned after sanitising",
            text: {
                try "\u{FEFF}"
                    + MultiPageEdition.text(pages: 3)
                    .replacingOccurrences(of: "## 第2版 要闻", with: "##\t第2版 要闻")
                    .replacingOccurrences(of: "\n\n## 第3版", with: "\n\u{2028}## 第3版")
            }, partial: true),
        Case(
            name: "a BOM and stray controls before the cut",
            text: {
                try "\u{FEFF}"
                    + MultiPageEdition.text(pages: 3)
                    .replacingOccurrences(of: "近日", with: "近\u{1B}[31m日\u{202E}")
            }, partial: true),
        Case(
            name: "a 版 number that comes back later opens whole",
            text: { try MultiPageEdition.text(pages: 3, numbers: [1, 2, 1]) }, partial: false),
        Case(
            name: "a lower 版 later in the file opens whole",
            text: { try MultiPageEdition.text(pages: 3, numbers: [3, 1, 2]) }, partial: false),
        Case(
            name: "a marker line inside a paragraph does not cut",
            text: {
                try MultiPageEdition.text(pages: 3, marker: .paragraph)
                    .replacingOccurrences(of: "\n\n第02版：要闻\n", with: "\n第02版：要闻\n")
            }, partial: true),
        Case(
            name: "no heading in the first 版: the title may come later, so it opens whole",
            text: { "第1版 要闻\n\n一段正文，没有标题。\n\n第2版 要闻\n\n## 第二版的标题\n\n正文。\n" }, partial: false),
        Case(
            name: "the same 版 marked twice in a row stays in the first part",
            text: { try MultiPageEdition.text(pages: 3, numbers: [1, 1, 2]) }, partial: true),
    ]

    @Test("the first 版 is the start of the whole edition", arguments: cases)
    func firstPageIsPrefix(_ test: Case) throws {
        let text = try test.text()
        let bytes = Array(text.utf8)
        let opening = EditionOpening(bytes: bytes, name: "edition.md", threshold: 0)
        let whole = EditionParser().parse(EditionLoader.decode(bytes, name: "edition.md"))
        #expect(opening.isComplete == !test.partial)
        #expect(opening.complete() == whole)
        #expect(whole.source.contentHash == FNV1a.hex(of: bytes))
        let first = opening.first
        guard !first.isComplete else {
            #expect(first == whole)
            return
        }
        #expect(!first.articles.isEmpty)
        #expect(first.articles.count < whole.articles.count)
        #expect(first.articles == Array(whole.articles.prefix(first.articles.count)))
        #expect(first.repairs == Array(whole.repairs.prefix(first.repairs.count)))
        #expect(!whole.repairs.dropFirst(first.repairs.count).contains { ($0.article ?? 0) < first.articles.count })
        #expect(first.masthead == whole.masthead)
        #expect(first.pages == whole.pages)
        // Every article of the 版s in the first part is in it.
        let shown = Set(first.articles.map(\.page))
        #expect(!whole.articles.dropFirst(first.articles.count).contains { shown.contains($0.page) })
        #expect(first.source.contentHash == "")
    }

    @Test("the first 版 keeps the sample's repairs across and inside articles")
    func repairsInFirstPage() throws {
        let bytes = Array(try MultiPageEdition.text(pages: 3).utf8)
        let first = EditionOpening(bytes: bytes, name: "edition.md", threshold: 0).first
        #expect(!first.isComplete)
        let kinds = Set(first.repairs.map(\.kind))
        #expect(kinds.isSuperset(of: [.movedHeadline, .duplicateDropped, .joined, .punctuation]))
        #expect(Set(first.articles.map(\.page)) == [1])
        #expect(first.pages.map(\.number) == [1, 2, 3])
    }

    @Test("a small edition is parsed whole at once", arguments: [100, EditionOpening.defaultThreshold])
    func threshold(_ threshold: Int) throws {
        let bytes = Array(try MultiPageEdition.text(pages: 2).utf8)
        let opening = EditionOpening(bytes: bytes, name: "edition.md", threshold: threshold)
        #expect(opening.isComplete == (bytes.count < threshold))
    }

    @Test("the loader opens a file in two steps and refuses binaries as before")
    func loaderOpens() throws {
        let directory = try EditionFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try MultiPageEdition.text(pages: 40)
        let path = try EditionFixtures.write(Array(text.utf8), to: "big.md", in: directory)
        let opening = try EditionLoader().opening(atPath: path)
        #expect(text.utf8.count > EditionOpening.defaultThreshold)
        #expect(!opening.isComplete)
        #expect(opening.first.pages.count == 40)
        #expect(opening.complete() == (try EditionLoader().edition(atPath: path)))
        let binary = try EditionFixtures.write([0x7F, 0x45, 0x4C, 0x46, 0, 0], to: "a.md", in: directory)
        #expect(throws: EditionLoadError.self) { try EditionLoader().opening(atPath: binary) }
    }

    // MARK: - The marker scan

    static let lines = [
        "", "  ", "\u{3000}", "## 第2版 要闻", "第03版：经济", "第十二版", "# 第4版", "####### 第5版", "第6版 要闻。",
        "  第7版  ", "第8版\t要闻", "正文第9版", "##第10版", "普通的一段文字。", "## 标题", "### 小标题", "\u{FEFF}第11版",
        "第12版\u{2028}续", "第13版  ", "\r", "第14版\r", "\t第15版", "#\t第16版 要闻", "第\u{1B}17版", "第 18 版 · 要闻",
        "第19版：要闻｜理论", "\u{A0}第20版\u{A0}", "##", "第", "第版", "第0版", "## 第21版 文化  ",
        "第22版：" + String(repeating: "长", count: 40),
    ]

    @Test("the marker scan finds exactly the lexer's page markers", arguments: 0..<6)
    func scanMatchesLexer(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &* 104_729 &+ 1)
        var seen = 0
        for _ in 0..<60 {
            let count = Int.random(in: 0...30, using: &random)
            let text = (0..<count).map { _ in Self.lines.randomElement(using: &random)! }.joined(separator: "\n")
            let loaded = EditionLoader.decode(Array(text.utf8), name: "")
            let expected = EditionLexer().units(of: loaded.text).compactMap { unit -> (Int, EditionPage)? in
                if case .pageMarker(let page) = unit.kind { return (unit.line, page) }
                return nil
            }
            seen += expected.count
            var sanitized = loaded.text
            let found = sanitized.withUTF8 { buffer in
                PageMarkerScan.markers(in: buffer).map { (Self.lineNumber(at: $0.offset, in: buffer), $0.page) }
            }
            #expect(found.map(\.0) == expected.map(\.0), "\(text.debugDescription)")
            #expect(found.map(\.1) == expected.map(\.1), "\(text.debugDescription)")
            let raw = Array(text.utf8)
            raw.withUnsafeBufferPointer { buffer in
                guard PageMarkerScan.isRawScannable(buffer) else { return }
                let rawFound = PageMarkerScan.markers(in: buffer)
                #expect(rawFound.map(\.page) == expected.map(\.1), "\(text.debugDescription)")
            }
        }
        #expect(seen > 30, "the generated texts hold markers to find")
    }

    @Test(
        "raw bytes with CR, TAB or a line separator are scanned after sanitising",
        arguments: ["a\rb", "a\tb", "a\u{2028}b", "a\u{2029}b"])
    func notRawScannable(_ text: String) {
        #expect(!Array(text.utf8).withUnsafeBufferPointer(PageMarkerScan.isRawScannable))
        #expect(Array("第2版 要闻\n“引号”…—".utf8).withUnsafeBufferPointer(PageMarkerScan.isRawScannable))
    }

    /// The 1-based line number of byte `offset` (the sanitised text has no BOM).
    static func lineNumber(at offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        buffer[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
