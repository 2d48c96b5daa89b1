import ReaderCore
import TestSupport
import Testing

@testable import ReaderUI

/// The kiosk idle reset: whatever the last reader left open, the next one
/// finds the newest edition's front page.
@Suite("Idle reset goes back to the newest front page")
struct IdleResetTests {
    let edition = SampleEdition.edition

    /// A reader deep in the sample: an article open at its second screen.
    func readingState() -> AppState {
        var state = AppState(edition: edition, width: 100, height: 30)
        state = reduce(state, .openArticle(2))
        state = reduce(state, .nextScreen)
        return state
    }

    @Test(
        "after reading, a search, an overlay, a note prompt or typed digits, the reset leaves a clean front page",
        arguments: ["reading", "search 株洲", "search prompt 日报", "contents", "help", "note prompt", "digits"])
    func resetClears(setup: String) {
        var state = readingState()
        switch setup {
        case "search 株洲":
            state = reduce(state, .beginSearch)
            state = reduce(state, .searchInput("株洲"))
            state = reduce(state, .submitSearch)
            #expect(!state.search.query.isEmpty)
        case "search prompt 日报":
            state = reduce(state, .beginSearch)
            state = reduce(state, .searchInput("日报"))
            #expect(state.search.editing)
        case "contents": state = reduce(state, .toggleContents)
        case "help": state = reduce(state, .toggleHelp)
        case "note prompt":
            state = reduce(state, .addBookmark)
            #expect(state.bookmarks.prompt != nil)
        case "digits":
            state = reduce(state, .back)
            state.digits = "1"
        default: break
        }
        let reset = reduce(state, .idleReset)
        #expect(reset.view == .page)
        #expect(reset.page == reset.pageNumbers.first)
        #expect(reset.pageScreen == 0)
        #expect(reset.overlay == nil)
        #expect(reset.search == SearchState())
        #expect(reset.bookmarks.prompt == nil)
        #expect(reset.digits == "")
        #expect(reset.readingPlace == nil)
        #expect(reset.request == nil, "the newest edition is already open")
    }

    @Test(
        "on an older edition of the library the reset asks for the newest, as ] does",
        arguments: [(0, 3), (1, 3), (0, 2)])
    func olderEditionRequestsNewest(index: Int, count: Int) {
        var state = readingState()
        state.editionIndex = index
        state.editionCount = count
        let reset = reduce(state, .idleReset)
        #expect(reset.request == .loadEdition(index: count - 1))
        let loaded = reduce(reset, .editionLoaded(edition, index: count - 1))
        #expect(loaded.editionIndex == count - 1)
        #expect(loaded.view == .page)
        #expect(loaded.page == loaded.pageNumbers.first)
    }

    @Test("a window too small to draw still takes the reset, and shows the front page once it grows")
    func resetWhileTooSmall() {
        var state = readingState()
        state = reduce(state, .resize(width: 3, height: 2))
        #expect(state.isTooSmall)
        state = reduce(state, .idleReset)
        #expect(state.view == .page)
        state = reduce(state, .resize(width: 100, height: 30))
        #expect(state.view == .page)
        #expect(state.page == state.pageNumbers.first)
        #expect(state.pageScreen == 0)
    }
}
