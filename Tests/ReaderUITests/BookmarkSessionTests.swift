import Foundation
import ReaderCore
import TestSupport
import Testing

@testable import ReaderUI

@Suite("Bookmarks and the reading position, driven through reduce and a real store")
struct BookmarkSessionTests {
    let edition = SampleEdition.edition

    /// A store in a fresh temporary directory.
    static func store() -> BookmarkStore {
        let dir = FileManager.default.temporaryDirectory.path + "/bs-ui-\(UUID().uuidString)"
        return BookmarkStore.open(.directory(dir))
    }

    /// A session whose bookmark requests go to `store`.
    static func session(_ store: BookmarkStore, width: Int = 100, height: Int = 30) -> Session {
        var session = Session(width: width, height: height)
        session.desk = BookmarkDesk(store: store)
        return session
    }

    /// The screen with the spaces justification puts between CJK characters removed.
    static func squeezed(_ screen: String) -> String {
        screen.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
    }

    /// True when some line of the screen shows `length` scalars of `quote` in a row.
    static func shows(_ quote: String, on screen: String, length: Int = 5) -> Bool {
        let scalars = Array(quote.unicodeScalars)
        guard scalars.count >= length else { return squeezed(screen).contains(quote) }
        let lines = squeezed(screen).split(separator: "\n").map(String.init)
        return (0...(scalars.count - length)).contains { start in
            let piece = String(String.UnicodeScalarView(scalars[start..<(start + length)]))
            return lines.contains { $0.contains(piece) }
        }
    }

    @Test("m on an article's second page, a CJK note and Enter save a bookmark at the top of that page")
    func addBookmark() throws {
        let store = Self.store()
        var session = Self.session(store)
        session.press("2 ")
        #expect(session.state.screen == 1)
        let top = try #require(session.state.topOfScreen)
        session.press("m")
        #expect(session.state.bookmarks.prompt != nil)
        #expect(session.screen.split(separator: "\n").last!.contains("note"))
        session.press("读完它<Enter>")
        #expect(session.state.bookmarks.prompt == nil)
        let saved = try #require(store.bookmarks.first)
        #expect(store.bookmarks.count == 1)
        #expect(saved.note == "读完它")
        #expect(saved.headline == edition.articles[1].headline)
        #expect(saved.position.offset == top)
        #expect(session.screen.contains("bookmarked"))
    }

    @Test("Esc in the note prompt cancels the bookmark entirely", arguments: ["", "半句"])
    func escCancels(typed: String) {
        let store = Self.store()
        var session = Self.session(store)
        session.press("2m\(typed)<Esc>")
        #expect(store.bookmarks.isEmpty)
        #expect(session.state.bookmarks.prompt == nil)
        #expect(session.screen.contains("bookmark cancelled"))
    }

    @Test(
        "the list shows paper, date, headline, note and age; Enter at another size lands on the page holding the text",
        arguments: [(80, 24), (200, 60), (60, 20)])
    func listAndJump(width: Int, height: Int) throws {
        let store = Self.store()
        var session = Self.session(store, width: 100, height: 30)
        session.press("2 m笔记<Enter>")
        let bookmark = try #require(store.bookmarks.first)
        session.resize(width, height)
        session.press("F")
        #expect(session.state.view == .page)
        session.press("'")
        #expect(session.state.overlay == .bookmarks)
        let list = session.screen
        #expect(list.contains("株洲日报"))
        #expect(list.contains("2023-03-29"))
        #expect(list.contains("笔记"))
        #expect(list.contains("just now"))
        #expect(list.contains(String(bookmark.headline.prefix(4))))
        session.press("<Enter>")
        #expect(session.state.overlay == nil)
        #expect(session.state.view == .article)
        #expect(session.state.article == 1)
        let layout = try #require(session.state.articleLayout)
        let start = layout.starts[session.state.screen]
        let end = session.state.screen + 1 < layout.starts.count ? layout.starts[session.state.screen + 1] : Int.max
        #expect((start..<end).contains(bookmark.position.offset))
        #expect(Self.shows(bookmark.position.quote, on: session.screen))
    }

    @Test(
        "a bookmark without a note shows where it sits: the quoted text in 「」",
        arguments: [(100, 30), (80, 24)])
    func listShowsWhere(width: Int, height: Int) throws {
        let store = Self.store()
        var session = Self.session(store, width: width, height: height)
        session.press("2 m<Enter>")
        let bookmark = try #require(store.bookmarks.first)
        #expect(bookmark.note == nil)
        session.press("'")
        let row = try #require(session.screen.split(separator: "\n").first { $0.contains("株洲日报") })
        #expect(row.contains("「" + String(bookmark.position.quote.unicodeScalars.prefix(3).map(Character.init))))
    }

    @Test("d deletes the selected bookmark; e edits its note, and an emptied note is removed")
    func deleteAndEdit() throws {
        let store = Self.store()
        var session = Self.session(store)
        session.press("2m一<Enter>")
        session.press("<Esc>3m二<Enter>")
        #expect(store.bookmarks.count == 2)
        session.press("B")
        #expect(session.state.bookmarks.entries.count == 2)
        session.press("j")
        #expect(session.state.bookmarks.selection == 1)
        let second = try #require(session.state.bookmarks.selected)
        session.press("e<BS>改过的笔记<Enter>")
        #expect(store.bookmark(id: second.id)?.note == "改过的笔记")
        #expect(session.state.overlay == .bookmarks)
        #expect(session.screen.contains("改过的笔记"))
        session.press("e")
        for _ in 0..<5 { session.press("<BS>") }
        session.press("<Enter>")
        #expect(store.bookmark(id: second.id)?.note == nil)
        session.press("d")
        #expect(store.bookmarks.count == 1)
        #expect(store.bookmark(id: second.id) == nil)
        #expect(session.state.bookmarks.entries.count == 1)
        session.press("q")
        #expect(session.state.overlay == nil)
        #expect(session.state.quit == false)
    }

    @Test("columns are measured in cells and cut with …, never wider than the window", arguments: [40, 60, 80, 120])
    func listWidths(width: Int) throws {
        let store = Self.store()
        var session = Self.session(store, width: width, height: 20)
        session.press("2m\(String(repeating: "很长的笔记", count: 20))<Enter>'")
        let buffer = session.buffer
        let row = buffer.lines()[BookmarksView.top]
        #expect(row.contains("…"))
        #expect(buffer.measure.of(row) <= width)
        #expect(row.contains("株洲"))
    }

    @Test("reopening resumes at the saved position with a notice, at another size; F goes to the front page")
    func resume() throws {
        let store = Self.store()
        var first = Self.session(store, width: 200, height: 60)
        first.press("3")
        let count = try #require(first.state.articleLayout).screens.count
        if count > 1 { first.press(" ") }
        let offset = first.state.offset
        first.desk!.flushPosition(first.state)
        let reopened = BookmarkStore.open(store.location)
        let desk = BookmarkDesk(store: reopened)
        var second = Session(width: 80, height: 24)
        second.desk = desk
        second.state = desk.resume(second.state)
        #expect(second.state.view == .article)
        #expect(second.state.article == 2)
        #expect(second.state.offset == offset)
        #expect(second.screen.contains(BookmarkDesk.resumedNotice))
        let layout = try #require(second.state.articleLayout)
        #expect(layout.starts[second.state.screen] <= offset)
        second.press("F")
        #expect(second.state.view == .page)
        #expect(second.state.page == second.state.pageNumbers.first)
    }

    @Test("an edition last left on the front page opens on the front page, without a notice")
    func frontPageIsNotResumed() {
        let store = Self.store()
        var session = Self.session(store)
        session.press("2<Esc>")
        session.desk!.flushPosition(session.state)
        let again = BookmarkDesk(store: BookmarkStore.open(store.location)).resume(Session().state)
        #expect(again.view == .page)
        #expect(again.notice == nil)
    }

    @Test(
        "an edition last left on the front page of a later 版 reopens that 版, with the resume notice",
        arguments: [1, 2])
    func laterPageIsResumed(presses: Int) throws {
        let store = Self.store()
        var session = Session(width: 100, height: 30, edition: SampleEdition.threePages)
        session.desk = BookmarkDesk(store: store)
        let numbers = session.state.pageNumbers
        try #require(numbers.count == 3, "the marked sample has three 版")
        session.press(String(repeating: "J", count: presses))
        #expect(session.state.page == numbers[presses])
        session.desk!.flushPosition(session.state)
        let fresh = Session(width: 80, height: 24, edition: SampleEdition.threePages).state
        let again = BookmarkDesk(store: BookmarkStore.open(store.location)).resume(fresh)
        #expect(again.view == .page)
        #expect(again.page == numbers[presses])
        #expect(again.notice == BookmarkDesk.resumedNotice)
    }

    @Test("Enter on a bookmark of another edition opens that edition from the library, then the text")
    func jumpAcrossEditions() throws {
        let text = try String(contentsOfFile: SampleEdition.path, encoding: .utf8)
        let other = EditionParser().parse(
            text: text.replacingOccurrences(of: "2023年3月29日", with: "2023年3月28日"),
            name: "2023-03-28-zhuzhou-daily.md")
        #expect(other.masthead.date?.description == "2023-03-28")
        let store = Self.store()
        var older = Session(width: 100, height: 30, edition: other)
        older.desk = BookmarkDesk(store: store)
        older.press("4 m旧的<Enter>")
        let bookmark = try #require(store.bookmarks.first)
        var session = Self.session(store, width: 80, height: 24)
        session.desk = BookmarkDesk(store: store) { id in id.date == "2023-03-28" ? (other, 0) : nil }
        session.state.editionIndex = 1
        session.state.editionCount = 2
        session.press("'<Enter>")
        #expect(session.state.edition.masthead.date?.description == "2023-03-28")
        #expect(session.state.editionIndex == 0)
        #expect(session.state.view == .article)
        #expect(session.state.article == 3)
        #expect(Self.shows(bookmark.position.quote, on: session.screen))
    }

    @Test("a bookmark whose edition is not in the library says so and stays put")
    func missingEdition() throws {
        let store = Self.store()
        store.addBookmark(
            at: TextAnchor(
                edition: EditionID(title: "人民日报", date: "1999-01-01", contentHash: "x"),
                article: "a", offset: 0, quote: "不在这里"),
            headline: "别的报纸")
        var session = Self.session(store)
        session.press("'")
        #expect(session.screen.contains("人民日报"))
        session.press("<Enter>")
        #expect(session.state.view == .page)
        #expect(session.screen.contains("not in the library"))
    }

    @Test("with --no-state a bookmark is kept for the session and the reader says so")
    func memoryOnly() {
        let store = BookmarkStore.open(.memoryOnly(reason: "--no-state"))
        var session = Self.session(store)
        session.press("2m<Enter>")
        #expect(store.bookmarks.count == 1)
        #expect(session.screen.contains("this session only (--no-state)"))
        session.press("'")
        #expect(session.state.bookmarks.entries.count == 1)
    }

    @Test(
        "in the list, a reader key that is not the list's closes it and does nothing else",
        arguments: ["n", "p", "t", "J"])
    func otherKeysClose(key: String) {
        let store = Self.store()
        var session = Self.session(store)
        session.press("2m<Enter>'")
        let before = (session.state.view, session.state.article, session.state.page)
        session.press(key)
        #expect(session.state.overlay == nil)
        #expect(session.state.view == before.0)
        #expect(session.state.article == before.1)
        #expect(session.state.page == before.2)
    }

    @Test("a warning shown at start-up stays in front of the resume notice")
    func resumeKeepsWarning() {
        let store = Self.store()
        var first = Self.session(store)
        first.press("2")
        first.desk!.flushPosition(first.state)
        let start = reduce(Session().state, .notice("LANG is C; using C.UTF-8"))
        let resumed = BookmarkDesk(store: BookmarkStore.open(store.location)).resume(start)
        #expect(resumed.notice == "LANG is C; using C.UTF-8 · " + BookmarkDesk.resumedNotice)
        #expect(resumed.view == .article)
    }

    @Test("resuming in a window too small to lay out keeps the position until the window grows")
    func resumeWhileTooSmall() throws {
        let store = Self.store()
        var first = Self.session(store)
        first.press("2 ")
        let offset = first.state.offset
        first.desk!.flushPosition(first.state)
        let desk = BookmarkDesk(store: BookmarkStore.open(store.location))
        var tiny = Session(width: 10, height: 4)
        tiny.desk = desk
        #expect(tiny.state.isTooSmall)
        tiny.state = desk.resume(tiny.state)
        tiny.resize(80, 24)
        desk.flushPosition(tiny.state)
        #expect(tiny.state.view == .article)
        #expect(tiny.state.article == 1)
        #expect(tiny.state.offset == offset)
        #expect(BookmarkStore.open(store.location).resumePosition(in: edition)?.offset == offset)
    }
}
