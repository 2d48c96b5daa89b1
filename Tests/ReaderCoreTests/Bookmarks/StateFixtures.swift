import Foundation

@testable import ReaderCore

/// Hand-built editions and scratch directories for the state tests.
enum StateFixtures {
    /// An edition of 株洲日报 2023-03-29 whose articles are (id, headline, paragraphs).
    static func edition(hash: String, articles: [(String, String, [String])]) -> Edition {
        Edition(
            masthead: Masthead(title: "株洲日报", date: EditionDate(year: 2023, month: 3, day: 29)),
            pages: [EditionPage(number: 1, name: "要闻")],
            articles: articles.map { id, headline, paragraphs in
                Article(
                    id: id, page: 1, headline: headline,
                    blocks: paragraphs.map { Block(kind: .paragraph, text: $0) })
            },
            repairs: [],
            source: EditionSource(name: "zhuzhou.md", contentHash: hash))
    }

    static let firstParagraph = "3月28日，株洲市召开全市项目建设推进会，总结前期工作，部署下一阶段任务。"
    static let secondParagraph = "会议指出，要坚持项目为王，以更大力度抓招商、上项目、优服务，推动经济高质量发展。"
    static let otherParagraph = "本报讯（记者 王芳）昨日，炎陵县黄桃种植基地迎来春季管护高峰。"

    /// The original edition: two articles.
    static let original = edition(
        hash: "aaaa",
        articles: [
            ("project-meeting", "全市项目建设推进会召开", [firstParagraph, secondParagraph]),
            ("yanling-peach", "炎陵黄桃春管忙", [otherParagraph]),
        ])

    /// A fresh empty directory under the system's temporary directory.
    static func scratchDirectory() -> String {
        var template = Array((NSTemporaryDirectory() + "/broadsheet-state-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A clock that moves one second per reading, from a fixed start.
    final class SteppingClock: @unchecked Sendable {
        private var now: Int64
        init(start: Int64 = 1_700_000_000_000) { now = start }
        func tick() -> Timestamp {
            now += 1000
            return Timestamp(milliseconds: now)
        }
    }

    /// Writes `text` to `path`.
    static func write(_ text: String, to path: String) {
        precondition(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
    }

    /// The names in `directory`.
    static func names(in directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory))?.sorted() ?? []
    }
}

/// The real file system with one operation made to fail, as a full disk or a
/// read-only mount would (root ignores permission bits, so chmod cannot stand in).
struct FailingFileSystem: StateFileSystem {
    enum Fault: Sendable { case noSpace, readOnly, unreadable, outOfDescriptors }
    let fault: Fault
    let real = POSIXStateFileSystem()

    private var error: StateFileError {
        switch fault {
        case .noSpace: return StateFileError("write", "bookmarks.json.tmp", code: ENOSPC)
        case .readOnly: return StateFileError("lock", "bookmarks.json.lock", code: EROFS)
        case .unreadable: return StateFileError("read", "bookmarks.json", code: EIO)
        case .outOfDescriptors: return StateFileError("read", "bookmarks.json", code: EMFILE)
        }
    }

    func kind(of path: String) -> StateFileKind { real.kind(of: path) }
    func createDirectory(_ path: String) throws { try real.createDirectory(path) }
    func read(_ path: String) throws -> [UInt8] {
        if fault == .unreadable || fault == .outOfDescriptors { throw error }
        return try real.read(path)
    }
    func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        if fault == .unreadable || fault == .outOfDescriptors { return try real.writeAtomically(bytes, to: path) }
        throw error
    }
    func move(_ path: String, to newPath: String) throws {
        if fault == .readOnly { throw error }
        try real.move(path, to: newPath)
    }
    func lock(_ path: String, timeout: Double) throws -> any StateLock {
        if fault == .readOnly { throw error }
        return try real.lock(path, timeout: timeout)
    }
    func removeFiles(in directory: String, prefix: String) {}
}
