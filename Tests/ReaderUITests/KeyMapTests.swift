import Foundation
import ReaderCore
import TestSupport
import Testing

@testable import ReaderUI

@Suite("Key map and colours")
struct KeyMapTests {
    @Test(
        "keys map to the actions the README lists",
        arguments: [
            (KeyEvent.character(" "), Action.nextScreen), (.pageDown, .nextScreen), (.character("f"), .nextScreen),
            (.character("b"), .previousScreen), (.pageUp, .previousScreen),
            (.character("j"), .lineDown), (.down, .lineDown), (.character("k"), .lineUp), (.up, .lineUp),
            (.enter, .openSelected), (.escape, .back), (.backspace, .back), (.character("h"), .back),
            (.character("n"), .nextArticle), (.character("p"), .previousArticle),
            (.tab, .nextArticle), (.backTab, .previousArticle),
            (.character("J"), .nextPage), (.character("K"), .previousPage),
            (.character("["), .previousEdition), (.character("]"), .nextEdition),
            (.character("g"), .firstScreen), (.character("G"), .lastScreen),
            (.character("t"), .toggleContents), (.character("/"), .beginSearch),
            (.character("T"), .nextTheme), (.character("?"), .toggleHelp), (.character("q"), .quit),
            (.character("7"), .digit(7)), (.control("c"), .quit),
            (.character("F"), .frontPage), (.character("m"), .addBookmark),
            (.character("'"), .openBookmarks), (.character("B"), .openBookmarks),
        ])
    func mapping(key: KeyEvent, action: Action) {
        let state = Session().state
        #expect(KeyMap.action(for: key, in: state) == action)
    }

    @Test(
        "in the search prompt every character is text, even q and n",
        arguments: ["q", "n", "株", "洲", "/"])
    func promptTakesText(character: Character) {
        var session = Session()
        session.press("/")
        #expect(KeyMap.action(for: .character(character), in: session.state) == .searchInput(String(character)))
    }

    @Test(
        "in the note prompt every character is text, even q, d and '; Enter saves, Esc cancels",
        arguments: [
            (KeyEvent.character("q"), Action.noteInput("q")), (.character("d"), .noteInput("d")),
            (.character("'"), .noteInput("'")), (.character("读"), .noteInput("读")),
            (.enter, .submitNote), (.escape, .cancelNote), (.backspace, .noteDelete),
        ])
    func notePromptTakesText(key: KeyEvent, action: Action) {
        var session = Session()
        session.press("2m")
        #expect(KeyMap.action(for: key, in: session.state) == action)
    }

    @Test(
        "in the bookmark list Enter jumps, d deletes, e edits, q and Esc close, j moves",
        arguments: [
            (KeyEvent.enter, Action.jumpToBookmark), (.character("d"), .deleteBookmark),
            (.character("e"), .editNote), (.character("q"), .openBookmarks), (.escape, .back),
            (.character("j"), .lineDown), (.down, .lineDown), (.character("k"), .lineUp),
        ])
    func bookmarkListKeys(key: KeyEvent, action: Action) {
        var session = Session()
        session.state = reduce(session.state, .bookmarksListed([], now: Timestamp(milliseconds: 0)))
        #expect(session.state.overlay == .bookmarks)
        #expect(KeyMap.action(for: key, in: session.state) == action)
    }

    @Test("a match is drawn reversed even when the theme has no match style")
    func matchStyle() {
        let theme = Theme(name: "bare", styles: [:])
        #expect(ColorMapping.style(role: .body, flags: .match, theme: theme).reverse)
        #expect(ColorMapping.style(role: .body, flags: [.match, .currentMatch], theme: theme).bold)
    }
}

@Suite("README")
struct ReadmeKeysTests {
    @Test("the README's Keys section lists every key the help overlay lists")
    func readmeListsEveryKey() throws {
        let readme = try String(contentsOfFile: TestPaths.root + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "## Keys"), "the README has no Keys section")
        let section = readme[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        // Every word inside a `code span` of the section.
        let spans = section[..<end].split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }
        let words = Set(spans.flatMap { $0.element.split(separator: " ").map(String.init) })
        for binding in KeyMap.bindings {
            for key in binding.keys.split(separator: " ").map(String.init) where key != "click" && key != "wheel" {
                #expect(words.contains(key), "README misses \(key)")
            }
        }
    }
}
