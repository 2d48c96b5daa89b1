import Foundation
import Testing

@testable import ReaderCore

@Suite("Edition loading and sanitising")
struct EditionLoaderTests {
    @Test(
        "control and bidi characters become visible placeholders",
        arguments: [
            ("株洲\u{1B}[31m红色", "株洲␛[31m红色", 1), // CSI
            ("标题\u{1B}]0;窗口标题\u{07}正文", "标题␛]0;窗口标题␇正文", 2), // OSC with BEL
            ("\u{9B}31m八位", "\u{FFFD}31m八位", 1), // C1 CSI
            ("\u{202E}反转\u{202C}", "\u{FFFD}反转\u{FFFD}", 2), // bidi override
            ("\u{2066}隔离\u{2069}", "\u{FFFD}隔离\u{FFFD}", 2), // bidi isolate
            ("a\u{200F}b\u{061C}c", "a\u{FFFD}b\u{FFFD}c", 2), // bidi marks
            ("空\u{0}字节", "空␀字节", 1), ("删除\u{7F}", "删除␡", 1),
            ("制表\t符", "制表    符", 0), ("回车\r\n换行\r单独", "回车\n换行\n单独", 0),
            ("\u{FEFF}株洲", "株洲", 0), ("中\u{FEFF}间", "中\u{FFFD}间", 1),
            ("行\u{2028}分隔", "行\n分隔", 1), ("普通文字，“引号”—— …", "普通文字，“引号”—— …", 0),
        ])
    func sanitise(input: String, output: String, replaced: Int) {
        let result = ContentSanitizer().sanitize(input)
        #expect(result.text == output)
        #expect(result.replaced == replaced)
    }

    /// Whether a scalar could steer a terminal.
    static func isDangerous(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    @Test("nothing dangerous survives into any text of the model")
    func hostileEdition() {
        let text =
            "# 株洲\u{1B}[2J日报\n\n2023年3月29日 星期三\u{07}\n\n## 标题\u{1B}]8;;http://x\u{1B}\\链接\n\n"
            + "记者/张\u{202E}三\n\n株洲日报讯(全媒体记者/李四) 正文\u{9B}6n,\u{8}\u{8}结束。\n\n\u{2067}隔离\u{2069}段落。\n"
        let edition = EditionParser().parse(text: text)
        let all = EditionFixtures.allText(edition) + edition.repairs.map(\.excerpt)
        #expect(!all.joined().unicodeScalars.contains(where: Self.isDangerous))
        #expect(edition.masthead.title == "株洲␛[2J日报")
        #expect(edition.source.replacedControls == 10)
        #expect(!EditionOutline(edition).text().unicodeScalars.contains(where: Self.isDangerous))
    }

    @Test("invalid UTF-8 is decoded with U+FFFD and counted")
    func invalidUTF8() throws {
        let bytes = Array("## 标题\n\n正文".utf8) + [0xC3, 0x28, 0xE4, 0xB8] + Array("完。\n".utf8) + [0xFF]
        let loaded = EditionLoader.decode(bytes, name: "bad.md")
        #expect(loaded.source.replacedInvalidBytes == 3)
        #expect(loaded.text == "## 标题\n\n正文\u{FFFD}(\u{FFFD}完。\n\u{FFFD}")
        let edition = EditionParser().parse(loaded)
        #expect(edition.articles.first?.headline == "标题")
        #expect(edition.source.replacedInvalidBytes == 3)
    }

    @Test("a missing file, a directory and a FIFO give typed errors with readable messages")
    func fileErrors() throws {
        let dir = try EditionFixtures.temporaryDirectory()
        let loader = EditionLoader()
        #expect(throws: EditionLoadError.notFound(path: dir + "/nope.md")) { try loader.load(path: dir + "/nope.md") }
        #expect(throws: EditionLoadError.isDirectory(path: dir)) { try loader.load(path: dir) }
        let fifo = dir + "/pipe.md"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: EditionLoadError.unreadable(path: fifo, reason: "not a regular file")) {
            try loader.load(path: fifo)
        }
        #expect(EditionLoadError.notFound(path: "x.md").description == "x.md: no such file or directory")
        #expect(EditionLoadError.isDirectory(path: "d").description == "d: is a directory, not an edition file")
        #expect(EditionLoadError.notFound(path: "\u{1B}[2J.md").description == "␛[2J.md: no such file or directory")
        #expect(EditionParser().parse(text: "", name: "/x/\u{1B}]0;t\u{7}.md").masthead.title == "␛]0;t␇")
    }

    /// Binary fixtures by name (named so that test output stays short).
    static let blobs: [String: [UInt8]] = [
        "png": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        "elf": [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0],
        "utf16": [0xFF, 0xFE, 0x2A, 0x68],
        "noise": (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) | 0x80 },
        "nuls": [UInt8](repeating: 0, count: 100) + Array("株洲".utf8),
    ]

    @Test(
        "binary files are refused",
        arguments: [
            ("png", "looks like a PNG image"), ("elf", "looks like an ELF executable"),
            ("utf16", "looks like UTF-16 text; convert it to UTF-8"), ("noise", "mostly invalid UTF-8"),
            ("nuls", "100 NUL bytes in the first 106 bytes"),
        ])
    func binary(blob: String, reason: String) throws {
        let dir = try EditionFixtures.temporaryDirectory()
        let path = try EditionFixtures.write(Self.blobs[blob]!, to: "blob.md", in: dir)
        #expect(throws: EditionLoadError.binary(path: path, reason: reason)) { try EditionLoader().load(path: path) }
    }

    @Test("a text with a few NUL bytes still opens, the NULs shown as ␀")
    func strayNULs() throws {
        let dir = try EditionFixtures.temporaryDirectory()
        let text = String(repeating: "株洲日报讯，正文内容。\n", count: 20)
        let path = try EditionFixtures.write(Array("## 标题\n\n".utf8) + [0] + Array(text.utf8), to: "nul.md", in: dir)
        let edition = try EditionLoader().edition(atPath: path)
        #expect(edition.source.replacedControls == 1)
        #expect(edition.articles[0].blocks[0].text.hasPrefix("␀株洲日报讯"))
    }

    @Test(
        "the content hash is FNV-1a 64 of the bytes",
        arguments: [
            ("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8"),
        ])
    func contentHash(text: String, hash: String) {
        #expect(EditionLoader.decode(Array(text.utf8), name: "").source.contentHash == hash)
    }

    /// Load time scales linearly: 50 MB takes at most 20 times as long as 5 MB
    /// (a quadratic step would take 100 times). Counted in this thread's CPU time, so
    /// other tests and other processes on a shared 2-core machine do not move it.
    @Test("a 50 MB edition loads in time linear in its size")
    func largeFile() throws {
        let paragraph = Array("株洲日报讯(全媒体记者/马文章) 近日,“2022 数字城市论坛”在北京召开。\n\n".utf8)
        let dir = try EditionFixtures.temporaryDirectory()
        func timeLoad(megabytes: Int) throws -> Double {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(megabytes << 20)
            while bytes.count < megabytes << 20 { bytes += paragraph }
            bytes += [0x1B] // one control at the very end
            let path = try EditionFixtures.write(bytes, to: "big\(megabytes).md", in: dir)
            var loaded: LoadedEdition? = nil
            let start = Self.threadCPUSeconds()
            loaded = try EditionLoader().load(path: path)
            let elapsed = Self.threadCPUSeconds() - start
            #expect(loaded?.source.replacedControls == 1)
            #expect(loaded?.text.utf8.count == bytes.count + 2)
            return elapsed
        }
        let small = try timeLoad(megabytes: 5)
        let large = try timeLoad(megabytes: 50)
        #expect(large < small * 20, "5 MB: \(small) s, 50 MB: \(large) s of CPU")
    }

    /// CPU seconds this thread has used.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
