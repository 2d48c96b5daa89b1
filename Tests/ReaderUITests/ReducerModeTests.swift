import ReaderCore
import TestSupport
import Testing

@testable import ReaderUI

/// The reducer split by mode: start-up events, the shared list cursor, the list
/// geometry, and which mode takes a key first.
@Suite("Reducers per mode and the shared list cursor")
struct ReducerModeTests {
    let edition = SampleEdition.edition

    /// Two themes told apart by name only.
    static let themes = [Theme(name: "newsprint", styles: [:]), Theme(name: "夜读", styles: [:])]

    @Test(
        "start-up and loop events change the state even while the window is too small",
        arguments: ["keys", "themes", "library", "notice"])
    func eventsWhileTooSmall(event: String) {
        var state = AppState(edition: edition, width: 10, height: 4)
        #expect(state.isTooSmall)
        switch event {
        case "keys":
            state = reduce(state, .keysConfigured(KeyOverrides([KeySpec("读")!: "contents"])))
            #expect(state.keys.action(for: .character("读")) == .toggleContents)
        case "themes":
            state = reduce(state, .themesLoaded(Self.themes, index: 1))
            #expect(state.themeNames == ["newsprint", "夜读"])
            #expect(state.theme?.name == "夜读")
        case "library":
            state = reduce(state, .libraryListed(index: 2, count: 3))
            #expect(state.editionIndex == 2 && state.editionCount == 3)
        default:
            state = reduce(state, .notice("株洲日报"))
            #expect(state.notice == "株洲日报")
            state = reduce(state, .notice(nil))
            #expect(state.notice == nil)
        }
    }

    @Test("T cycles the loaded themes: the theme to apply and the name in the status line move together")
    func themesCycleTogether() {
        var state = AppState(edition: edition, width: 80, height: 24, themeNames: ["newsprint"])
        #expect(state.theme == nil)
        state = reduce(state, .themesLoaded(Self.themes, index: 0))
        state = reduce(state, .nextTheme)
        #expect(state.theme?.name == "夜读")
        #expect(state.notice == "theme: 夜读")
        state = reduce(state, .nextTheme)
        #expect(state.theme?.name == "newsprint")
        #expect(state.themeName == "newsprint")
    }

    @Test(
        "one list cursor moves by line and by screen and stays inside the list",
        arguments: [
            (0, 10, 4, Action.lineDown, 1), (9, 10, 4, .lineDown, 9), (0, 10, 4, .lineUp, 0),
            (2, 10, 4, .nextScreen, 6), (8, 10, 4, .nextScreen, 9), (5, 10, 4, .previousScreen, 1),
            (1, 10, 4, .previousScreen, 0), (5, 10, 4, .firstScreen, 0), (5, 10, 4, .lastScreen, 9),
            (0, 0, 4, .lineDown, 0), (0, 0, 4, .lastScreen, 0), (3, 10, 0, .nextScreen, 4),
        ])
    func cursorMoves(from: Int, count: Int, page: Int, action: Action, to: Int) {
        #expect(ListCursor(from).moved(action, count: count, page: page) == ListCursor(to))
    }

    @Test(
        "a key that is not a movement leaves the list cursor to the mode",
        arguments: [Action.openSelected, .back, .nextArticle, .digit(1), .searchInput("株")])
    func cursorIgnoresOtherKeys(action: Action) {
        #expect(ListCursor(3).moved(action, count: 10, page: 4) == nil)
    }

    @Test(
        "the list geometry keeps the selection mid-screen and finds the row under a click",
        arguments: [
            // body rows, selection, count → first shown, entry at screen row 2 and at the last list row
            (12, 0, 30, 0, 0, 9), (12, 15, 30, 10, 10, 19), (12, 29, 30, 20, 20, 29), (12, 3, 5, 0, 0, nil),
        ] as [(Int, Int, Int, Int, Int?, Int?)])
    func geometry(body: Int, selection: Int, count: Int, first: Int, atTop: Int?, atBottom: Int?) {
        let geometry = ListGeometry(bodyHeight: body)
        #expect(geometry.rows == body - ListGeometry.top)
        #expect(geometry.firstShown(selection: selection, count: count) == first)
        #expect(geometry.index(atRow: ListGeometry.top, selection: selection, count: count) == atTop)
        #expect(geometry.index(atRow: body - 1, selection: selection, count: count) == atBottom)
        #expect(geometry.index(atRow: 1, selection: selection, count: count) == nil)
        #expect(geometry.index(atRow: body, selection: selection, count: count) == nil)
    }

    @Test(
        "an open overlay takes a key before the view under it",
        arguments: ["contents over an article", "help over a 版", "bookmark list over a 版"])
    func overlayFirst(setup: String) {
        var state = AppState(edition: edition, width: 100, height: 30)
        switch setup {
        case "contents over an article":
            state = reduce(state, .openArticle(1))
            state = reduce(state, .toggleContents)
            state = reduce(state, .nextArticle)
            // Tab moved the contents row, not the article.
            #expect(state.article == 1 && state.contentsSelection == 2 && state.overlay == .contents)
        case "help over a 版":
            let selected = state.selected
            state = reduce(state, .toggleHelp)
            state = reduce(state, .lineDown)
            // j scrolled (or, with every key shown, held) the help; the block stayed.
            #expect(state.overlay == .help && state.selected == selected)
        default:
            state = reduce(state, .bookmarksListed([], now: Timestamp(milliseconds: 0)))
            state = reduce(state, .digit(1))
            // A 版 label closes the list and opens nothing.
            #expect(state.overlay == nil && state.view == .page && state.digits.isEmpty)
        }
    }

    @Test(
        "a click on a contents row opens the article listed there; the title, the rule and empty rows open nothing",
        arguments: [(0, nil), (1, nil), (2, 0), (4, 2), (22, nil)] as [(Int, Int?)])
    func contentsClick(row: Int, opens: Int?) {
        var session = Session(width: 80, height: 24)
        #expect(session.state.edition.articles.count < 20, "the sample's list must fit with empty rows below")
        session.press("t")
        session.send(.click(row: row, column: 10))
        if let opens {
            #expect(session.state.view == .article && session.state.article == opens)
            #expect(session.state.overlay == nil)
        } else {
            #expect(session.state.overlay == .contents && session.state.view == .page)
        }
    }
}
