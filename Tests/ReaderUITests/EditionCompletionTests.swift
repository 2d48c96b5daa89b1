import Foundation
import ReaderCore
import TestSupport
import Testing

@testable import ReaderUI

/// A large edition is drawn from its first 版 alone, then the whole edition is
/// swapped in (`.editionCompleted`): nothing on screen may move, and afterwards
/// every key works on the whole edition.
@Suite("The reader on a large edition's first 版, then the whole of it")
struct EditionCompletionTests {
    /// A three-版 edition built from the sample: the masthead, then under each
    /// `## 第N版 要闻` the sample's articles with their headlines numbered (第N篇 …).
    static let text: String = (try? MultiPageEdition.text(pages: 3)) ?? ""

    static let opening = EditionOpening(bytes: Array(text.utf8), name: "three.md", threshold: 0)
    static let whole = opening.complete()

    @Test("the test edition opens on its first 版 alone")
    func partial() {
        #expect(!Self.opening.first.isComplete)
        #expect(Self.opening.first.articles.count * 3 == Self.whole.articles.count)
        #expect(Self.whole.isComplete)
    }

    @Test(
        "the first screen is the same from the first 版 and from the whole edition, and stays when it arrives",
        arguments: [(80, 24), (100, 30), (200, 60), (40, 12)])
    func firstScreen(width: Int, height: Int) {
        var early = Session(width: width, height: height, edition: Self.opening.first)
        let late = Session(width: width, height: height, edition: Self.whole)
        #expect(early.screen == late.screen)
        #expect(early.screen.split(separator: "\n").last!.contains("版 1/3"))
        let before = early.screen
        early.state = reduce(early.state, .editionCompleted(Self.whole))
        #expect(early.screen == before)
        #expect(early.state.edition == Self.whole)
    }

    /// The screen without its status line (which counts the articles: 文 2/8, then 文 2/24).
    static func body(_ session: Session) -> [Substring] {
        session.screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    }

    @Test(
        "a place taken on the first 版 is kept when the whole edition arrives",
        arguments: ["2", "2  ", "<Down><Down>", " ", "3 <Esc>", "?"])
    func placeKept(keys: String) {
        var early = Session(width: 80, height: 24, edition: Self.opening.first)
        var late = Session(width: 80, height: 24, edition: Self.whole)
        early.press(keys)
        late.press(keys)
        let screen = Self.body(early)
        early.state = reduce(early.state, .editionCompleted(Self.whole))
        #expect(Self.body(early) == screen)
        #expect(early.screen == late.screen)
        #expect(
            (early.state.view, early.state.article, early.state.offset, early.state.selected)
                == (late.state.view, late.state.article, late.state.offset, late.state.selected))
    }

    @Test("after completion the reader reaches every 版, the whole contents and a match on the last 版")
    func wholeEditionAfterwards() {
        var session = Session(width: 100, height: 30, edition: Self.opening.first)
        session.state = reduce(session.state, .editionCompleted(Self.whole))
        session.press("J")
        #expect(session.state.page == 2)
        #expect(session.screen.split(separator: "\n").last!.contains("版 2/3"))
        session.press("J")
        #expect(session.state.page == 3)
        session.press("t")
        #expect(session.state.overlay == .contents)
        session.press("G")
        #expect(session.state.contentsSelection == Self.whole.articles.count - 1)
        session.press("<Esc>F")
        // Every 版 repeats the sample: N from the first match wraps to the last 版's copy.
        let phrase = String(Self.whole.articles[0].blocks[0].text.prefix(12))
        session.press("/" + phrase + "<Enter>")
        #expect(session.state.page == 1)
        session.press("N")
        #expect(session.state.view == .article)
        #expect(session.state.page == 3)
    }
}
