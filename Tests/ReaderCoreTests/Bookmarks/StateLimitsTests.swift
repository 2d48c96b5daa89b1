import Foundation
import Testing

@testable import ReaderCore

/// The real file system, counting how often the state file is read.
final class CountingFileSystem: StateFileSystem, @unchecked Sendable {
    let real = POSIXStateFileSystem()
    private let lock = NSLock()
    private var count = 0
    var reads: Int { lock.withLock { count } }

    func kind(of path: String) -> StateFileKind { real.kind(of: path) }
    func createDirectory(_ path: String) throws { try real.createDirectory(path) }
    func read(_ path: String) throws -> [UInt8] {
        lock.withLock { count += 1 }
        return try real.read(path)
    }
    func writeAtomically(_ bytes: [UInt8], to path: String) throws { try real.writeAtomically(bytes, to: path) }
    func move(_ path: String, to newPath: String) throws { try real.move(path, to: newPath) }
    func lock(_ path: String, timeout: Double) throws -> any StateLock { try real.lock(path, timeout: timeout) }
    func removeFiles(in directory: String, prefix: String) { real.removeFiles(in: directory, prefix: prefix) }
    func identity(of path: String) -> StateFileIdentity? { real.identity(of: path) }
}

@Suite("State files: hostile text, symlinks, size limits and save cost")
struct StateLimitsTests {
    typealias F = StateFixtures

    func position(offset: Int = 30) -> TextAnchor {
        TextAnchor(in: F.original, articleIndex: 0, offset: offset)
    }

    /// Scalars that must never reach a terminal from a bookmark.
    static func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value)
        }
    }

    @Test(
        "headlines, notes and papers read from a state file lose ESC, OSC, CSI, C1 and bidi overrides",
        arguments: ["\u{1B}[2J\u{1B}]0;pwned\u{07}标题", "株洲\u{9B}31m日报", "\u{202E}报日洲株", "换\n行\r\t"])
    func decodedTextIsSanitised(hostile: String) throws {
        let mark = Bookmark(
            position: position(), headline: hostile, note: hostile,
            created: Timestamp(milliseconds: 1_700_000_000_000))
        var document = StateDocument(bookmarks: [mark])
        document.bookmarks[0].position.edition.title = hostile
        guard case .document(let decoded) = StateDocument.decode(try document.encoded()) else {
            Issue.record("not decoded")
            return
        }
        let back = try #require(decoded.bookmarks.first)
        for text in [back.headline, back.note ?? "", back.paper] {
            #expect(!Self.hasControls(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(!text.isEmpty)
        }
    }

    @Test(
        "a note typed in the reader keeps no C1 CSI or bidi override, and a headline none either",
        arguments: ["稍后\u{9B}2J读", "\u{202E}读再后稍", "读\u{1B}[31m红"])
    func typedNoteIsSanitised(note: String) {
        let store = BookmarkStore(location: .memoryOnly(reason: "test"))
        let mark = store.addBookmark(at: position(), headline: note, note: note)
        #expect(!Self.hasControls(mark.note ?? ""))
        #expect(!Self.hasControls(mark.headline))
        #expect(store.setNote(note, forBookmark: mark.id))
        let edited = store.bookmark(id: mark.id)?.note ?? ""
        #expect(!Self.hasControls(edited))
        #expect(edited.contains("读"))
    }

    @Test("a symlink in place of bookmarks.json.lock is not followed: nothing is created where it points")
    func lockSymlinkNotFollowed() {
        let dir = F.scratchDirectory()
        let elsewhere = F.scratchDirectory() + "/planted"
        symlink(elsewhere, dir + "/bookmarks.json.lock")
        let store = BookmarkStore(location: .directory(dir))
        store.lockTimeout = 0.2
        store.load()
        let mark = store.addBookmark(at: position(), headline: "全市项目建设推进会召开")
        #expect(!FileManager.default.fileExists(atPath: elsewhere), "the lock was opened through the symlink")
        #expect(store.lastSave != .saved)
        // Nothing lost: the bookmark is kept in memory for this session.
        #expect(store.bookmark(id: mark.id) != nil)
    }

    @Test("a state file over 16 MiB is moved aside whole, not read, and saving goes on")
    func oversizedStateFileMovedAside() throws {
        let dir = F.scratchDirectory()
        let path = dir + "/bookmarks.json"
        F.write("{\"version\": 1}", to: path)
        let size = POSIXStateFileSystem.sizeLimit + 1
        #expect(truncate(path, off_t(size)) == 0)
        let store = BookmarkStore.open(.directory(dir))
        let notices = store.takeNotices()
        #expect(notices.count == 1)
        #expect(notices.first?.contains("over the 16 MiB limit") == true, "\(notices)")
        #expect(notices.first?.contains("moved to") == true)
        let aside = try #require(F.names(in: dir).first { $0.hasPrefix("bookmarks.json.too-large-") })
        var info = stat()
        #expect(stat(dir + "/" + aside, &info) == 0 && Int(info.st_size) == size)
        store.addBookmark(at: position(), headline: "全市项目建设推进会召开")
        #expect(store.lastSave == .saved)
        #expect(BookmarkStore.open(.directory(dir)).bookmarks.count == 1)
    }

    @Test("position saves do not re-read an unchanged state file, but do read another session's change")
    func savesSkipUnchangedFile() {
        let dir = F.scratchDirectory()
        let files = CountingFileSystem()
        let store = BookmarkStore(location: .directory(dir), fileSystem: files)
        store.positionSaveInterval = 0
        store.addBookmark(at: position(), headline: "全市项目建设推进会召开")
        store.load()
        let before = files.reads
        for offset in 0..<20 { store.recordReadingPosition(position(offset: offset)) }
        #expect(store.lastSave == .saved)
        #expect(files.reads == before, "every save read the file again")
        // Another session writes: the next save merges its bookmark.
        let other = BookmarkStore.open(.directory(dir))
        let theirs = other.addBookmark(at: position(offset: 3), headline: "炎陵黄桃春管忙")
        store.recordReadingPosition(position(offset: 50))
        #expect(files.reads == before + 1)
        #expect(store.bookmark(id: theirs.id) != nil)
        #expect(BookmarkStore.open(.directory(dir)).bookmarks.count == 2)
    }

    @Test(
        "reading a FIFO or a device is refused at once, not waited on or read to the end",
        .timeLimit(.minutes(1)), arguments: ["fifo", "/dev/zero"])
    func nonRegularRefused(name: String) {
        var path = name
        if name == "fifo" {
            path = F.scratchDirectory() + "/fifo"
            #expect(mkfifo(path, 0o600) == 0)
        }
        #expect(throws: StateFileError.self) { try POSIXStateFileSystem().read(path) }
    }

    @Test("an import file over the limit is refused with its size in the message")
    func oversizedImportRefused() {
        let path = F.scratchDirectory() + "/big.json"
        F.write("{", to: path)
        #expect(truncate(path, off_t(POSIXStateFileSystem.sizeLimit + 4096)) == 0)
        do {
            _ = try POSIXStateFileSystem().read(path)
            Issue.record("read a file over the limit")
        } catch let error as StateFileError {
            #expect(error.code == EFBIG)
            #expect(error.description.contains("over the 16 MiB limit"))
        } catch {
            Issue.record("\(error)")
        }
    }
}
