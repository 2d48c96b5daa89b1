import Foundation
import ReaderCore
import TestSupport
import Testing

@testable import ReaderUI

@Suite(
    "繁简 in the reader: z, the status bar, positions, bookmarks and search across scripts",
    .enabled(if: SystemRequirement.openCC, Comment(rawValue: SystemRequirement.openCCReason)))
struct ScriptSessionTests {
    /// The screen with the spaces justification puts between CJK characters removed.
    static func squeezed(_ screen: String) -> String {
        screen.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
    }

    /// A one-article Simplified edition whose phrases s2twp lengthens (U盘 → 隨身碟).
    static let usbEdition: Edition = {
        let sentence = "插入U盘后，打开软件。互联网用户在博客上发文，内存不足。"
        let blocks = (1...12).map { n in
            Block(kind: .paragraph, text: "第\(n)段：" + String(repeating: sentence, count: 3))
        }
        return Edition(
            masthead: Masthead(title: "测试日报"), pages: [EditionPage(number: 1)],
            articles: [Article(id: "usb", page: 1, headline: "存储设备与软件", blocks: blocks)],
            repairs: [], source: EditionSource(name: "usb", contentHash: "usb"))
    }()

    @Test("z shows a Simplified paper in Traditional and back: masthead, headlines, body and the status bar")
    func cycle() {
        var session = Session(width: 100, height: 30)
        #expect(session.screen.contains("株　洲　日　报"))
        #expect(!session.screen.contains("繁"))
        session.press("z")
        #expect(session.state.script == .traditional)
        let traditional = session.screen
        #expect(traditional.contains("株　洲　日　報"))
        #expect(traditional.contains("數字城市"))
        let status = traditional.split(separator: "\n").last!
        #expect(status.contains("株洲日報 · 繁"))
        #expect(status.contains("頁 1/"))
        session.press("t")
        #expect(session.screen.contains("目錄 Contents"))
        #expect(session.screen.contains("數字城市創新成果"))
        session.press("<Esc>1")
        #expect(Self.squeezed(session.screen).contains("全媒體記者"))
        // 简 is left out for a Simplified paper: the next z is the original again.
        session.press("z")
        #expect(session.state.script == .original)
        #expect(Self.squeezed(session.screen).contains("全媒体记者"))
        #expect(session.screen.split(separator: "\n").last!.contains("原文"))
    }

    @Test("another edition opened in 繁 from the sample's last article lays out its own first 版, not the old place")
    func editionChangeInScript() {
        var session = Session(width: 100, height: 30)
        session.press("z")
        session.state = reduce(session.state, .openArticle(session.state.edition.articles.count - 1))
        #expect(session.state.view == .article)
        session.state = reduce(session.state, .editionLoaded(Self.usbEdition, index: 0))
        #expect(session.state.view == .page)
        #expect(session.state.article == 0)
        #expect(session.screen.contains("存儲設備與軟件"))
    }

    @Test("a Traditional article set vertically marks its later screens ︵續︶, in the script shown")
    func verticalContinuedMark() {
        var session = Session(width: 80, height: 24)
        session.press("z")
        session.state = reduce(session.state, .verticalFormsChecked(true))
        session.press("1v ")
        #expect(session.state.vertical)
        #expect(session.screen.contains("續"))
        #expect(!session.screen.contains("续"))
    }

    @Test("an idle reset (kiosk) gives the next reader the script the reader started in")
    func idleReset() {
        var session = Session(width: 100, height: 30)
        session.press("z")
        session.state = reduce(session.state, .idleReset)
        #expect(session.state.script == .original)
        #expect(session.state.scriptLabel == nil)
        #expect(session.screen.contains("株　洲　日　报"))
        session.state = reduce(session.state, .scriptChosen(.hongKong))
        session.press("z")
        session.state = reduce(session.state, .idleReset)
        #expect(session.state.script == .hongKong)
        #expect(session.screen.split(separator: "\n").last!.contains("繁港"))
    }

    @Test(
        "the place in an article survives z: the same source offset, on the screen that shows it",
        arguments: ["2", "3"])
    func placeSurvives(block: String) throws {
        var session = Session(width: 80, height: 24)
        session.press(block + "  ")
        let offset = session.state.offset
        let screen = session.state.screen
        #expect(screen > 0)
        session.press("z")
        #expect(session.state.offset == offset)
        #expect(session.state.screen == screen)
        #expect(session.state.topOfScreen == session.state.articleLayout?.starts[screen])
        session.press("z")
        #expect(session.state.offset == offset)
        #expect(session.state.screen == screen)
    }

    @Test(
        "a bookmark made in one script stores source offsets and quotes, and resolves in the other",
        arguments: [
            (DisplayScript.traditional, DisplayScript.original), (.original, .traditional), (.hongKong, .taiwan),
        ])
    func bookmarkAcrossScripts(made: DisplayScript, opened: DisplayScript) throws {
        let dir = FileManager.default.temporaryDirectory.path + "/bs-script-\(UUID().uuidString)"
        let store = BookmarkStore.open(.directory(dir))
        var session = Session(width: 100, height: 30)
        session.desk = BookmarkDesk(store: store)
        session.state = reduce(session.state, .scriptChosen(made))
        session.press("2 m<Enter>")
        let bookmark = try #require(store.bookmarks.first)
        let article = SampleEdition.edition.articles[1]
        let text = article.blocks.map(\.text).joined()
        // The quote is the original (Simplified) text at the stored offset.
        let quoteStart = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: bookmark.position.offset)
        #expect(String(text.unicodeScalars[quoteStart...]).hasPrefix(bookmark.position.quote))
        #expect(bookmark.headline == article.headline)
        session.press("F")
        session.state = reduce(session.state, .scriptChosen(opened))
        session.press("'")
        // The list shows the paper and headline in the script in use.
        let list = session.screen
        #expect(list.contains(session.state.displayText("株洲日报")))
        #expect(list.contains(String(session.state.displayText(article.headline).prefix(6))))
        #expect(list.contains(opened == .original ? "书签" : "書籤"))
        session.press("<Enter>")
        #expect(session.state.article == 1)
        let layout = try #require(session.state.articleLayout)
        let start = layout.starts[session.state.screen]
        let end = session.state.screen + 1 < layout.starts.count ? layout.starts[session.state.screen + 1] : Int.max
        #expect((start..<end).contains(bookmark.position.offset))
        // The quote shows on screen in the script now in use.
        let shown = session.state.displayText(bookmark.position.quote)
        #expect(BookmarkSessionTests.shows(shown, on: session.screen), "\(shown)")
        #expect(session.screen.contains("（續）") == (opened != .original))
    }

    @Test("the reading position recorded in Traditional resumes in the original script")
    func readingPositionAcrossScripts() throws {
        let dir = FileManager.default.temporaryDirectory.path + "/bs-script-\(UUID().uuidString)"
        let store = BookmarkStore.open(.directory(dir))
        var traditional = Session(width: 100, height: 30)
        traditional.press("z3 ")
        let offset = traditional.state.offset
        BookmarkDesk(store: store).flushPosition(traditional.state)
        let reopened = BookmarkStore.open(.directory(dir))
        let resumed = BookmarkDesk(store: reopened).resume(Session(width: 100, height: 30).state)
        #expect(resumed.script == .original)
        #expect(resumed.article == 2)
        #expect(resumed.offset == offset)
    }

    @Test(
        "search finds a word in either script, at the original text's offsets, in any script shown",
        arguments: [("资料", "資料"), ("記者", "记者"), ("株洲日報", "株洲日报"), ("數字城市", "数字城市")])
    func searchAcrossScripts(query: String, written: String) throws {
        var original = Session(width: 100, height: 30)
        original.press("/\(written)<Enter>")
        let expected = original.state.search.matches
        for script in [DisplayScript.original, .traditional, .simplified] {
            var session = Session(width: 100, height: 30)
            session.state = reduce(session.state, .scriptChosen(script))
            session.press("/\(query)<Enter>")
            #expect(session.state.search.matches == expected, "\(script)")
        }
        if written == "資料" { return } // not in the sample: only the equality above
        #expect(!expected.isEmpty)
    }

    @Test("in Taiwan's script a lengthened phrase is laid out whole: starts stay source offsets, 隨身碟 is highlighted")
    func lengthChangingLayout() throws {
        var session = Session(width: 40, height: 12, edition: Self.usbEdition)
        session.state = reduce(session.state, .scriptChosen(.taiwan))
        #expect(session.screen.split(separator: "\n").last!.contains("繁台"))
        session.press("<Enter>")
        let layout = try #require(session.state.articleLayout)
        #expect(layout.offsets != nil)
        #expect(layout.screens.count > 2)
        let total = Self.usbEdition.articles[0].characterCount
        #expect(layout.starts == layout.starts.sorted())
        #expect(layout.starts.allSatisfy { (0..<total).contains($0) })
        #expect(Self.squeezed(session.screen).contains("隨身碟"))
        // Each screen's first text is the source text at its start, converted.
        let text = Array(Self.usbEdition.articles[0].blocks.map(\.text).joined().unicodeScalars)
        for screen in 1..<layout.screens.count {
            let start = layout.starts[screen]
            let run = try #require(layout.screens[screen].runs.first { $0.source != nil })
            let laid = try #require(layout.offsets).converted(start)
            #expect(run.source!.lowerBound == laid)
            let source = String(String.UnicodeScalarView(text[start..<min(text.count, start + 1)]))
            #expect(!source.isEmpty)
        }
        session.press("/U盘<Enter>")
        let match = try #require(session.state.search.current.map { session.state.search.matches[$0] })
        #expect(match.range.count == 2)
        let buffer = session.buffer
        var marked = ""
        for row in 0..<buffer.height {
            for column in 0..<buffer.width where buffer[row, column].flags.contains(.currentMatch) {
                marked += buffer[row, column].text
            }
        }
        #expect(marked == "隨身碟")
        // A bookmark's place on a later screen survives going back to the original.
        session.press("<Esc>  ")
        let offset = session.state.offset
        session.press("z")
        #expect(session.state.script == .original)
        #expect(session.state.offset == offset)
        let plain = try #require(session.state.articleLayout)
        #expect(plain.offsets == nil)
        #expect(plain.starts[session.state.screen] <= offset)
    }
}
