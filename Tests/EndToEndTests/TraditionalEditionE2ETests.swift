import Foundation
import TestSupport
import Testing

/// The real binary on the Traditional test edition (蘋果日報 of 2020-03-01 from the public
/// apple-daily-corpus; Tests/ReaderCoreTests/Fixtures/appledaily and its README).
@Suite("broadsheet on a Traditional edition")
struct TraditionalEditionE2ETests {
    static let edition = TestPaths.fixtures + "/appledaily/2020-03-01-apple-daily.md"

    @Test("--outline prints what the parser's outline snapshot records, byte for byte")
    func outline() throws {
        let (status, out, err) = try OutlineModeTests.run(["--outline", Self.edition])
        #expect(status == 0, "\(err)")
        let recorded = try String(
            contentsOfFile: TestPaths.snapshots(of: "ReaderCoreTests") + "/appledaily-outline.txt", encoding: .utf8)
        #expect(out == recorded)
    }

    @Test("--dump at 80×24 prints every article as recorded: credits, datelines, subheads and 「」『』 kept")
    func dumpAllArticles() throws {
        let (status, out, err) = try OutlineModeTests.run([
            "--dump", "--width", "80", "--height", "24", "--page", "all", "--all-articles", Self.edition,
        ])
        #expect(status == 0, "\(err)")
        for kept in ["■記者黎家駒", "中央社/路透社", "【本報綜合報道】", "「這麼多人進來怎會是零？」", "『守』", "撰文：翁可人"] {
            #expect(out.contains(kept), "\(kept) is missing")
        }
        #expect(!out.contains("“") && !out.contains("”"), "corner brackets were turned into curly quotes")
        Snapshot.expect(out, named: "appledaily-articles-80x24.txt", in: "EndToEndTests")
    }
}
