import Foundation
import TestSupport
import Testing

/// `broadsheet --dump --vertical` run as a real process on the bundled sample.
@Suite("broadsheet --dump --vertical")
struct VerticalDumpTests {
    @Test(
        "--dump --vertical prints an article's screens set vertically, as recorded",
        arguments: [(80, 24), (100, 30), (160, 45)])
    func snapshot(width: Int, height: Int) throws {
        let (status, out, err) = try OutlineModeTests.run([
            "--dump", "--vertical", "--article", "1", "--page", "all",
            "--width", "\(width)", "--height", "\(height)", DumpModeTests.sample,
        ])
        #expect(status == 0, "\(err)")
        #expect(out.contains("︒") && out.contains("│"))
        #expect(!out.contains("。"))
        Snapshot.expect(out, named: "dump-vertical-article1-\(width)x\(height).txt", in: "EndToEndTests")
    }

    @Test("--vertical leaves the front page horizontal: the same screen as without it")
    func frontPageStays() throws {
        let plain = try OutlineModeTests.run(["--dump", "--width", "80", "--height", "24", DumpModeTests.sample])
        let vertical = try OutlineModeTests.run([
            "--dump", "--vertical", "--width", "80", "--height", "24", DumpModeTests.sample,
        ])
        #expect(plain.0 == 0 && vertical.0 == 0)
        #expect(plain.1 == vertical.1)
    }
}
