import Foundation
import Testing

@testable import ReaderCore

/// What an attacker, a broken converter or a full disk can put in an edition file:
/// each must parse, lay out and dump within a time and memory bound, and nothing
/// in the dump may reach a terminal as a control sequence (the kiosk shows untrusted editions).
@Suite("Hostile editions", .serialized)
struct HostileInputTests {
    /// Parses `bytes` the way the reader opens a file.
    static func open(_ bytes: [UInt8]) -> Edition {
        EditionParser().parse(EditionLoader.decode(bytes, name: "hostile.md"))
    }

    /// The first front screen and the first screen of the first and last article, dumped.
    static func dump(_ edition: Edition, width: Int = 100, height: Int = 30) -> String {
        let layout = EditionLayout(edition: edition, width: width, height: height)
        var pages = [layout.frontPage(page: layout.pageNumbers[0], screen: 0)]
        for article in Set([0, edition.articles.count - 1]).sorted() where edition.articles.indices.contains(article) {
            pages.append(layout.articlePage(article: article, screen: 0))
        }
        return PlainTextFormatter().format(pages)
    }

    /// The scalars of `text` a terminal would act on: C0 other than LF and FF, DEL,
    /// C1, and bidi embeddings, overrides and isolates.
    static func terminalControls(in text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            let v = scalar.value
            return (v < 0x20 && v != 0x0A && v != 0x0C) || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Whether the dump shows the masthead title (set letter-spaced with U+3000).
    static func showsMasthead(_ text: String) -> Bool {
        text.replacingOccurrences(of: "\u{3000}", with: "").contains("株洲日报")
    }

    /// Seconds `body` takes.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The peak resident size of this process so far, in MiB.
    static var peakMiB: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    /// A masthead, then `body`.
    static func edition(_ body: String) -> [UInt8] {
        Array("# 株洲日报\n\n2023年3月29日 星期三\n\n".utf8) + Array(body.utf8)
    }

    @Test(
        "escape sequences in an edition never reach the terminal",
        arguments: [
            ("window title", "## 标题\u{1B}]0;pwned\u{07}\n\n正文\u{1B}]2;pwned\u{1B}\\。\n"),
            ("clear screen", "## 清屏\n\n正文\u{1B}[2J\u{1B}[H\u{1B}c重置。\n"),
            ("OSC 52 clipboard", "## 剪贴板\n\n\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}正文。\n"),
            ("8-bit CSI and C1", "## C1\n\n正文\u{9B}31m红\u{9D}0;x\u{9C}字\u{85}。\n"),
            ("bidi override", "## \u{202E}txet desrever\u{202C}\n\n正\u{2066}隔离\u{2069}文\u{200F}。\n"),
            ("bell, backspace, DEL", "## 响\u{07}铃\n\n退\u{08}\u{08}格\u{7F}删。\n"),
        ])
    func escapesAreNeutralised(name: String, body: String) {
        let edition = Self.open(Self.edition(body))
        for (width, height) in [(100, 30), (40, 12), (1, 1)] {
            let text = Self.dump(edition, width: width, height: height)
            #expect(
                Self.terminalControls(in: text).isEmpty,
                "\(name) at \(width)×\(height): \(Self.terminalControls(in: text))")
        }
        #expect(edition.source.replacedControls > 0, "\(name): the replacements are counted")
    }

    @Test("the escape edition's title still shows, with the escape made visible")
    func escapesStayVisible() {
        let edition = Self.open(Self.edition("## 标题\u{1B}]0;pwned\u{07}\n\n正文。\n"))
        let text = Self.dump(edition)
        #expect(Self.showsMasthead(text))
        #expect(text.contains("␛"), "ESC is shown as ␛, not dropped silently")
    }

    @Test("a 50 MB edition opens and shows its first screen in bounded time and memory")
    func fiftyMegabytes() throws {
        let sample = Array(try String(contentsOfFile: EditionFixtures.samplePath, encoding: .utf8).utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(51 << 20)
        while bytes.count < 50 << 20 { bytes += sample; bytes += Array("\n\n".utf8) }
        let before = Self.peakMiB
        var edition: Edition?
        let elapsed = try Self.seconds {
            edition = Self.open(bytes)
            let layout = EditionLayout(edition: try #require(edition), width: 100, height: 30)
            _ = PlainTextFormatter().format(layout.frontPage(page: layout.pageNumbers[0], screen: 0))
            _ = PlainTextFormatter().format(layout.articlePage(article: 0, screen: 0))
        }
        let grown = Self.peakMiB - before
        #expect(try #require(edition).articles.count > 1000)
        // Debug build on a shared 2-core machine; a release build is ~10x faster.
        #expect(elapsed < 120, "50 MB took \(elapsed) s")
        #expect(grown < 3000, "50 MB grew the peak RSS by \(grown) MiB")
    }

    @Test("a 5 MB line with no break opportunity is laid out and dumped", arguments: ["x", "一"])
    func fiveMegabyteLine(unit: String) throws {
        let line = String(repeating: unit, count: (5 << 20) / unit.utf8.count)
        let edition = Self.open(Self.edition("## 长行\n\n" + line + "\n"))
        var text = ""
        let elapsed = Self.seconds { text = Self.dump(edition, width: 80, height: 24) }
        #expect(elapsed < 60, "\(elapsed) s")
        #expect(text.contains(unit + unit + unit))
        // Every dumped line fits the screen.
        for row in text.split(separator: "\n") {
            #expect(DisplayWidth(ambiguous: .narrow).of(String(row)) <= 80)
        }
    }

    @Test("100,000 headlines open and the front page shows the first")
    func hundredThousandHeadlines() throws {
        var body = ""
        body.reserveCapacity(2 << 20)
        for i in 1...100_000 { body += "## 标题\(i)\n\n" }
        var edition: Edition?
        var text = ""
        let elapsed = Self.seconds {
            edition = Self.open(Self.edition(body))
            text = Self.dump(edition!, width: 100, height: 30)
        }
        #expect(try #require(edition).articles.count >= 100_000 - 1)
        #expect(text.contains("标题1"))
        #expect(elapsed < 90, "\(elapsed) s")
    }

    @Test(
        "runs of # deeper than a heading are read as text or headings, never crash",
        arguments: [
            String(repeating: "#", count: 7) + " 七级", String(repeating: "#", count: 10_000),
            String(repeating: "#", count: 10_000) + " 深", String(repeating: "# ", count: 5_000),
            String(repeating: "#######\n", count: 20_000),
        ])
    func deepHashes(line: String) {
        let edition = Self.open(Self.edition("## 标题\n\n" + line + "\n\n正文。\n"))
        let text = Self.dump(edition, width: 60, height: 20)
        #expect(Self.showsMasthead(text))
        #expect(Self.terminalControls(in: text).isEmpty)
    }

    @Test(
        "combining-mark storms and emoji ZWJ chains stay inside their cells",
        arguments: [
            "e" + String(repeating: "\u{301}", count: 50_000),
            String(repeating: "字\u{301}\u{302}\u{303}\u{304}\u{305}", count: 5_000),
            String(repeating: "👨‍👩‍👧‍👦", count: 5_000),
            String(repeating: "\u{200D}", count: 20_000) + "正文",
            "👩" + String(repeating: "\u{200D}👩", count: 10_000),
            String(repeating: "🇨🇳", count: 10_000) + "🇨",
        ])
    func clusterStorms(text body: String) {
        let edition = Self.open(Self.edition("## 风暴\n\n" + body + "\n"))
        for (width, height) in [(80, 24), (3, 3)] {
            let text = Self.dump(edition, width: width, height: height)
            for row in text.split(separator: "\n") {
                #expect(DisplayWidth(ambiguous: .narrow).of(String(row)) <= width)
            }
        }
    }

    @Test("NUL bytes are shown as ␀ and never written out")
    func nulBytes() {
        let bytes = Self.edition("## 空\0字\n\n") + [0, 0, 0] + Array("正文\0。\n".utf8)
        let edition = Self.open(bytes)
        let text = Self.dump(edition)
        #expect(!text.unicodeScalars.contains("\0"))
        #expect(text.contains("␀"))
    }

    @Test("invalid UTF-8 becomes U+FFFD and is counted")
    func invalidUTF8() {
        let bytes =
            Self.edition("## 坏") + [0xFF, 0xFE, 0xC3] + Array("字\n\n正".utf8) + [0xED, 0xA0, 0x80] + Array("文。\n".utf8)
        let edition = Self.open(bytes)
        #expect(edition.source.replacedInvalidBytes >= 3)
        #expect(Self.dump(edition).contains("\u{FFFD}"))
    }

    @Test(
        "a binary file is refused with a message that says so",
        arguments: [
            [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 4000),
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 4000),
            (0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7919) },
        ])
    func binaryFile(bytes: [UInt8]) throws {
        let directory = try EditionFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try EditionFixtures.write(bytes, to: "binary.md", in: directory)
        #expect {
            _ = try EditionLoader().edition(atPath: path)
        } throws: { error in
            guard case EditionLoadError.binary = error else { return false }
            return "\(error)".contains(path)
        }
    }

    @Test("an edition rewritten on disk while it is being read gives an edition or an error, never a crash")
    func changesOnDisk() throws {
        let directory = try EditionFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sample = Array(try String(contentsOfFile: EditionFixtures.samplePath, encoding: .utf8).utf8)
        let path = try EditionFixtures.write(sample, to: "changing.md", in: directory)
        let writer = Thread {
            for round in 0..<200 {
                // Truncate in place and rewrite at varying lengths (no atomic rename).
                if let handle = FileHandle(forWritingAtPath: path) {
                    handle.truncateFile(atOffset: 0)
                    handle.write(Data(sample.prefix((round * 977) % sample.count)))
                    handle.closeFile()
                }
            }
        }
        writer.start()
        var opened = 0
        for _ in 0..<200 {
            if let edition = try? EditionLoader().edition(atPath: path) {
                opened += 1
                #expect(Self.terminalControls(in: Self.dump(edition, width: 50, height: 12)).isEmpty)
            }
        }
        while writer.isExecuting { usleep(10_000) }
        #expect(opened > 0)
    }
}
