import Foundation
import ReaderCore
import TestSupport
import Testing

@testable import ReaderUI

@Suite("Vertical setting (直排) in the reader, driven through reduce")
struct VerticalSessionTests {
    /// The screen of the open article whose text runs from its start to the next screen's.
    static func shownRange(_ state: AppState) throws -> Range<Int> {
        let layout = try #require(state.articleLayout)
        let start = layout.starts[state.screen]
        let end = state.screen + 1 < layout.starts.count ? layout.starts[state.screen + 1] : Int.max
        return start..<end
    }

    @Test(
        "v keeps the reader at the same text, vertical and back, at any size",
        arguments: [(80, 24), (100, 30), (160, 45), (40, 12)])
    func toggleKeepsText(width: Int, height: Int) throws {
        var session = Session(width: width, height: height)
        session.press("2  ")
        let top = try #require(session.state.topOfScreen)
        session.press("v")
        #expect(session.state.vertical)
        #expect(try Self.shownRange(session.state).contains(top))
        let page = try #require(session.state.articleLayout?.screens[session.state.screen])
        // The screen is set vertically: body text in the vertical forms, no horizontal forms left.
        let drawn = page.runs.filter { $0.source != nil }.map(\.text).joined()
        #expect(!drawn.contains("，") && !drawn.contains("。"))
        session.press("v")
        #expect(!session.state.vertical)
        #expect(try Self.shownRange(session.state).contains(top))
    }

    @Test("the status bar says 直排 while articles are set vertically")
    func statusBar() {
        var session = Session(width: 100, height: 30)
        session.press("2")
        #expect(!session.screen.split(separator: "\n").last!.contains("直排"))
        session.press("v")
        session.press("j") // a key clears the notice; the indicator stays
        #expect(session.screen.split(separator: "\n").last!.contains("直排"))
    }

    @Test("in a vertical article ← turns to the next screen and → back; Space and PgDn go on as before")
    func arrowsReadLeftwards() {
        var session = Session(width: 80, height: 24)
        session.press("2v")
        #expect(session.state.screen == 0)
        session.press("<Left>")
        #expect(session.state.screen == 1)
        session.press(" ")
        #expect(session.state.screen == 2)
        session.press("<Right>")
        #expect(session.state.screen == 1)
        session.press("<PgDn>")
        #expect(session.state.screen == 2)
        // Horizontal again: → is the next screen.
        session.press("v<Right>")
        #expect(session.state.vertical == false)
        #expect(session.state.screen >= 1)
    }

    @Test(
        "a bookmark made in vertical setting is the same text offset, and resolves in horizontal setting",
        arguments: [(80, 24), (160, 45)])
    func bookmarkAcrossSettings(width: Int, height: Int) throws {
        let dir = FileManager.default.temporaryDirectory.path + "/bs-vertical-\(UUID().uuidString)"
        let store = BookmarkStore.open(.directory(dir))
        var session = Session(width: width, height: height)
        session.desk = BookmarkDesk(store: store)
        session.press("2v  ")
        let top = try #require(session.state.topOfScreen)
        session.press("m直排<Enter>")
        let bookmark = try #require(store.bookmarks.first)
        #expect(bookmark.position.offset == top)
        // Back to horizontal on the front page, then the bookmark list.
        session.press("vF'")
        #expect(session.state.overlay == .bookmarks)
        session.press("<Enter>")
        #expect(!session.state.vertical)
        #expect(session.state.article == 1)
        #expect(try Self.shownRange(session.state).contains(bookmark.position.offset))
    }

    @Test("where the terminal has no width for the vertical forms, v stays horizontal and says why")
    func fallback() {
        var session = Session(width: 80, height: 24)
        session.state = reduce(session.state, .verticalFormsChecked(false))
        session.press("2v")
        #expect(!session.state.vertical)
        #expect(session.screen.contains("staying horizontal"))
        let page = session.state.articleLayout!.screens[session.state.screen]
        #expect(page.runs.contains { $0.text.contains("，") || $0.text.contains("。") })
    }

    @Test("a vertical start on a terminal found without the forms falls back to horizontal with the notice")
    func fallbackAfterStart() {
        var session = Session(width: 80, height: 24)
        session.press("v")
        #expect(session.state.vertical)
        session.state = reduce(session.state, .verticalFormsChecked(false))
        #expect(!session.state.vertical)
        #expect(session.screen.contains("staying horizontal"))
    }
}

@Suite("The vertical front page in the reader")
struct VerticalFrontPageSessionTests {
    @Test("on a vertical front page Enter opens the selected block and ← turns to the next screen")
    func frontPage() {
        var session = Session(width: 80, height: 24)
        session.press("v")
        let page = session.state.pageLayout!
        #expect(page.screens[0].runs.contains { $0.text == "︙" })
        #expect(page.screens.count > 1)
        session.press("<Left>")
        #expect(session.state.pageScreen == 1)
        session.press("<Right>")
        #expect(session.state.pageScreen == 0)
        session.press("2")
        #expect(session.state.view == .article)
        #expect(session.state.article == 1)
        #expect(session.state.vertical)
    }
}
