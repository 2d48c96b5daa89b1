import Foundation
import ReaderCore
import Testing
@testable import ReaderUI

@Suite("Key map and colours")
struct KeyMapTests {
    @Test("keys map to the actions the README lists",
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
          ])
    func mapping(key: KeyEvent, action: Action) {
        let state = Session().state
        #expect(KeyMap.action(for: key, in: state) == action)
    }

    @Test("in the search prompt every character is text, even q and n",
          arguments: ["q", "n", "株", "洲", "/"])
    func promptTakesText(character: Character) {
        var session = Session()
        session.press("/")
        #expect(KeyMap.action(for: .character(character), in: session.state) == .searchInput(String(character)))
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
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let readme = try String(contentsOfFile: parts.joined(separator: "/") + "/README.md", encoding: .utf8)
        guard let start = readme.range(of: "## Keys") else {
            Issue.record("no Keys section")
            return
        }
        let section = readme[start.upperBound...].prefix { _ in true }
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
