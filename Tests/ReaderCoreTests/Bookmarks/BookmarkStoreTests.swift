import Foundation
import Testing

@testable import ReaderCore

@Suite("The bookmark store on disk")
struct BookmarkStoreTests {
    typealias F = StateFixtures

    func position(offset: Int = 30) -> TextAnchor {
        TextAnchor(in: F.original, articleIndex: 0, offset: offset)
    }

    func mode(_ path: String) -> Int {
        var info = stat()
        stat(path, &info)
        return Int(info.st_mode & 0o777)
    }

    @Test("bookmarks, notes and reading positions survive a restart")
    func roundTrip() {
        let dir = F.scratchDirectory() + "/state/broadsheet"
        let first = BookmarkStore.open(.directory(dir))
        let kept = first.addBookmark(at: position(), headline: "全市项目建设推进会召开", note: "  周末细读  ")
        let gone = first.addBookmark(at: position(offset: 5), headline: "炎陵黄桃春管忙")
        #expect(first.deleteBookmark(id: gone.id))
        first.recordReadingPosition(position(offset: 77))
        first.flush()
        #expect(first.lastSave == .saved)

        let second = BookmarkStore.open(.directory(dir))
        #expect(second.bookmarks.map(\.id) == [kept.id])
        #expect(second.bookmarks.first?.note == "周末细读")
        #expect(second.bookmarks.first?.paper == "株洲日报")
        #expect(second.bookmarks.first?.date == "2023-03-29")
        #expect(second.readingPosition(for: EditionID(F.original))?.position.offset == 77)
        #expect(second.takeNotices().isEmpty)
    }

    @Test("the reader's conveniences bookmark, record and resume by article index")
    func readerConveniences() {
        let dir = F.scratchDirectory()
        // One clock that moves a second per reading: two saves in the same millisecond
        // would otherwise tie, and a tie is broken by content, not by order.
        let clock = F.SteppingClock()
        let store = BookmarkStore(location: .directory(dir), clock: clock.tick)
        store.load()
        let mark = store.addBookmark(in: F.original, articleIndex: 1, offset: 4, note: "黄桃")
        #expect(mark.headline == "炎陵黄桃春管忙" && mark.position.article == "yanling-peach")
        store.recordReadingPosition(in: F.original, articleIndex: 0, offset: 40)
        store.flush()
        let again = BookmarkStore(location: .directory(dir), clock: clock.tick)
        again.load()
        #expect(again.resumePosition(in: F.original) == ResolvedPosition(articleIndex: 0, offset: 40, match: .exact))
        again.recordReadingPosition(in: F.original, articleIndex: nil)
        again.flush()
        #expect(BookmarkStore.open(.directory(dir)).resumePosition(in: F.original) == nil)
        #expect(
            BookmarkStore.open(.directory(dir)).readingPosition(for: EditionID(F.original))?.position.isFrontPage
                == true)
    }

    @Test("the directory is made 0700 and the file 0600")
    func modes() {
        let dir = F.scratchDirectory() + "/a/b"
        BookmarkStore.open(.directory(dir)).addBookmark(at: position(), headline: "甲")
        #expect(mode(dir) == 0o700)
        #expect(mode(dir + "/bookmarks.json") == 0o600)
        #expect(mode(dir + "/bookmarks.json.lock") == 0o600)
    }

    @Test("a reading position changed by another edition's file of the same day is found")
    func positionKeyIgnoresHash() {
        let dir = F.scratchDirectory()
        BookmarkStore.open(.directory(dir)).recordReadingPosition(position(offset: 12))
        let edited = EditionID(title: "株洲日报", date: "2023-03-29", contentHash: "changed")
        #expect(BookmarkStore.open(.directory(dir)).readingPosition(for: edited)?.position.offset == 12)
    }

    @Test("a deletion in one session is not undone when another session saves")
    func deletionAcrossSessions() {
        let dir = F.scratchDirectory()
        let a = BookmarkStore.open(.directory(dir))
        let mark = a.addBookmark(at: position(), headline: "甲")
        let b = BookmarkStore.open(.directory(dir))
        #expect(b.bookmark(id: mark.id) != nil)
        a.deleteBookmark(id: mark.id)
        b.addBookmark(at: position(), headline: "乙")
        #expect(b.bookmark(id: mark.id) == nil)
        #expect(BookmarkStore.open(.directory(dir)).bookmarks.map(\.headline) == ["乙"])
    }

    @Test("two sessions adding in turns both keep everything")
    func interleaved() {
        let dir = F.scratchDirectory()
        let a = BookmarkStore.open(.directory(dir)), b = BookmarkStore.open(.directory(dir))
        for i in 0..<10 {
            a.addBookmark(at: position(), headline: "甲\(i)")
            b.addBookmark(at: position(), headline: "乙\(i)")
        }
        #expect(BookmarkStore.open(.directory(dir)).bookmarks.count == 20)
        #expect(a.bookmarks.count == 19 && b.bookmarks.count == 20)
    }

    @Test("a corrupt file is moved aside once, with a notice, and the store starts empty")
    func corrupt() throws {
        let dir = F.scratchDirectory()
        F.write("{\"version\": 1, \"bookmarks\": [{\"id\": 株", to: dir + "/bookmarks.json")
        let store = BookmarkStore.open(.directory(dir))
        #expect(store.bookmarks.isEmpty)
        let notices = store.takeNotices()
        #expect(notices.count == 1)
        #expect(notices.first?.contains("bookmarks.json.corrupt-") == true)
        #expect(store.takeNotices().isEmpty)
        let aside = F.names(in: dir).filter { $0.hasPrefix("bookmarks.json.corrupt-") }
        #expect(aside.count == 1)
        let saved = try String(contentsOfFile: dir + "/" + aside[0], encoding: .utf8)
        #expect(saved.hasSuffix("株"))
        store.addBookmark(at: position(), headline: "甲")
        #expect(store.lastSave == .saved)
        #expect(BookmarkStore.open(.directory(dir)).bookmarks.count == 1)
    }

    @Test("an unreadable file (an I/O error) is moved aside like a corrupt one")
    func unreadable() {
        let dir = F.scratchDirectory()
        F.write(#"{"version": 1}"#, to: dir + "/bookmarks.json")
        let store = BookmarkStore(location: .directory(dir), fileSystem: FailingFileSystem(fault: .unreadable))
        store.load()
        #expect(store.takeNotices().first?.contains("Input/output error") == true)
        #expect(F.names(in: dir).contains { $0.hasPrefix("bookmarks.json.corrupt-") })
        #expect(!F.names(in: dir).contains("bookmarks.json"))
    }

    @Test("running out of file descriptors neither moves the file aside nor overwrites it")
    func outOfDescriptors() throws {
        let dir = F.scratchDirectory()
        BookmarkStore.open(.directory(dir)).addBookmark(at: position(), headline: "甲")
        let before = try String(contentsOfFile: dir + "/bookmarks.json", encoding: .utf8)
        let store = BookmarkStore(location: .directory(dir), fileSystem: FailingFileSystem(fault: .outOfDescriptors))
        store.load()
        store.addBookmark(at: position(), headline: "乙")
        guard case .failed(let why) = store.lastSave else {
            Issue.record("saved over a file it could not read")
            return
        }
        #expect(why.contains("Too many open files"))
        #expect(F.names(in: dir) == ["bookmarks.json", "bookmarks.json.lock"])
        #expect(try String(contentsOfFile: dir + "/bookmarks.json", encoding: .utf8) == before)
    }

    @Test("a file in place of the state directory gives a notice and reading goes on")
    func fileInPlaceOfDirectory() {
        let dir = F.scratchDirectory() + "/state"
        F.write("我是一个文件", to: dir)
        let store = BookmarkStore.open(.directory(dir))
        store.addBookmark(at: position(), headline: "甲")
        guard case .failed(let why) = store.lastSave else {
            Issue.record("saved into a file: \(store.lastSave)")
            return
        }
        #expect(why.contains("Not a directory"))
        #expect(store.takeNotices().count == 1 && store.bookmarks.count == 1)
    }

    @Test("an empty file is an empty store, without a notice")
    func empty() {
        let dir = F.scratchDirectory()
        F.write("", to: dir + "/bookmarks.json")
        let store = BookmarkStore.open(.directory(dir))
        #expect(store.bookmarks.isEmpty && store.takeNotices().isEmpty)
        store.addBookmark(at: position(), headline: "甲")
        #expect(store.lastSave == .saved)
        #expect(BookmarkStore.open(.directory(dir)).bookmarks.count == 1)
    }

    @Test("a directory in place of the file is left alone and bookmarks stay in memory")
    func directoryInPlace() throws {
        let dir = F.scratchDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/bookmarks.json/keep", withIntermediateDirectories: true)
        let store = BookmarkStore.open(.directory(dir))
        #expect(store.isReadOnly)
        #expect(store.takeNotices().first?.contains("not a regular file") == true)
        let mark = store.addBookmark(at: position(), headline: "甲")
        #expect(store.bookmark(id: mark.id) != nil)
        #expect(store.lastSave == .readOnly)
        #expect(F.names(in: dir + "/bookmarks.json") == ["keep"])
    }

    @Test("a file from a newer schema is shown, never written, with a notice")
    func newerSchema() throws {
        let dir = F.scratchDirectory()
        let newer = """
            {"version": 7, "shelves": {"x": 1}, "bookmarks": [{"id": "future-1", "headline": "未来的书签",
             "created": "2030-01-01T00:00:00Z", "updated": "2030-01-01T00:00:00Z",
             "position": {"article": "a", "offset": 0, "quote": "", "quoteOffset": 0,
                          "edition": {"title": "株洲日报", "date": "2030-01-01", "contentHash": ""}}}]}
            """
        F.write(newer, to: dir + "/bookmarks.json")
        let store = BookmarkStore.open(.directory(dir))
        #expect(store.isReadOnly)
        #expect(store.bookmarks.map(\.id) == ["future-1"])
        #expect(store.takeNotices().first?.contains("schema 7") == true)
        store.addBookmark(at: position(), headline: "甲")
        store.recordReadingPosition(position())
        store.flush()
        #expect(store.lastSave == .readOnly)
        #expect(try String(contentsOfFile: dir + "/bookmarks.json", encoding: .utf8) == newer)
    }

    @Test("a directory nobody may write (/proc) gives one notice and reading goes on")
    func unwritableDirectory() {
        let store = BookmarkStore.open(.directory("/proc/self"))
        #expect(store.bookmarks.isEmpty && store.takeNotices().isEmpty)
        let mark = store.addBookmark(at: position(), headline: "甲")
        store.addBookmark(at: position(), headline: "乙")
        guard case .failed = store.lastSave else {
            Issue.record("saving into /proc did not fail: \(store.lastSave)")
            return
        }
        #expect(store.takeNotices().count == 1)
        #expect(store.bookmark(id: mark.id) != nil)
    }

    @Test(
        "a full disk or read-only mount gives one notice, and the bookmarks are kept",
        arguments: [FailingFileSystem.Fault.noSpace, .readOnly])
    func failingDisk(fault: FailingFileSystem.Fault) {
        let dir = F.scratchDirectory()
        let store = BookmarkStore(location: .directory(dir), fileSystem: FailingFileSystem(fault: fault))
        store.load()
        for i in 0..<3 { store.addBookmark(at: position(), headline: "第\(i)条") }
        guard case .failed(let why) = store.lastSave else {
            Issue.record("save did not fail")
            return
        }
        #expect(why.contains(fault == .noSpace ? "No space left" : "Read-only"))
        #expect(store.takeNotices().count == 1)
        #expect(store.bookmarks.count == 3)
        #expect(!F.names(in: dir).contains("bookmarks.json"))
    }

    @Test("a reading position is written at most every interval, and flush writes the rest")
    func throttle() {
        let dir = F.scratchDirectory()
        let clock = F.SteppingClock()
        let store = BookmarkStore(location: .directory(dir), clock: clock.tick)
        store.positionSaveInterval = 10
        store.recordReadingPosition(position(offset: 1))
        store.recordReadingPosition(position(offset: 2))
        #expect(BookmarkStore.open(.directory(dir)).readingPosition(for: EditionID(F.original))?.position.offset == 1)
        store.flush()
        #expect(BookmarkStore.open(.directory(dir)).readingPosition(for: EditionID(F.original))?.position.offset == 2)
    }

    @Test("temporary files left by a killed writer are removed by the next save")
    func staleTemporaries() {
        let dir = F.scratchDirectory()
        F.write("{\"vers", to: dir + "/bookmarks.json.tmp-999-abc")
        BookmarkStore.open(.directory(dir)).addBookmark(at: position(), headline: "甲")
        #expect(F.names(in: dir) == ["bookmarks.json", "bookmarks.json.lock"])
    }

    @Test("in memory nothing is read or written", arguments: [StateLocation.memoryOnly(reason: "--no-state")])
    func memoryOnly(location: StateLocation) {
        let store = BookmarkStore.open(location)
        store.addBookmark(at: position(), headline: "甲")
        #expect(store.lastSave == .memoryOnly)
        #expect(store.bookmarks.count == 1)
        #expect(store.filePath == nil)
    }

    static let locations: [(String?, Bool, [String: String], String)] = [
        (nil, false, ["XDG_STATE_HOME": "/x/state", "HOME": "/root"], "/x/state/broadsheet"),
        ("/tmp/s", false, ["XDG_STATE_HOME": "/x/state"], "/tmp/s"),
        (nil, true, ["XDG_STATE_HOME": "/x/state"], "memory"),
        (nil, false, ["HOME": "/tmp"], "/tmp/.local/state/broadsheet"),
        (nil, false, ["XDG_STATE_HOME": "relative", "HOME": "/tmp/"], "/tmp/.local/state/broadsheet"),
        (nil, false, ["HOME": "/"], "memory"),
        (nil, false, ["HOME": "/nonexistent-home-株洲"], "memory"),
        (nil, false, [:], "memory"),
    ]

    @Test("the state location follows --no-state, --state-dir, XDG_STATE_HOME, then HOME", arguments: locations)
    func location(stateDir: String?, noState: Bool, environment: [String: String], expected: String) {
        let location = StateLocation.resolve(stateDir: stateDir, noState: noState, environment: environment)
        switch location {
        case .directory(let dir): #expect(dir == expected)
        case .memoryOnly: #expect(expected == "memory")
        }
    }
}
