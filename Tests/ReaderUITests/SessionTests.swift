import ReaderCore
import TestSupport
import Testing

@testable import ReaderUI

@Suite("Reader sessions driven through reduce")
struct SessionTests {
    let edition = SampleEdition.edition

    @Test("the sample parses into articles for these tests")
    func sampleLoaded() {
        #expect(edition.masthead.title == "株洲日报")
        #expect(edition.articles.count >= 8)
    }

    @Test(
        "opening shows the masthead, numbered blocks and the status bar",
        arguments: [(80, 24), (200, 60), (40, 12), (120, 40)])
    func opening(width: Int, height: Int) {
        let session = Session(width: width, height: height)
        let lines = session.buffer.lines()
        #expect(lines.count == height)
        #expect(lines.dropLast().contains { $0.replacingOccurrences(of: "\u{3000}", with: "").contains("株洲日报") })
        let buffer = session.buffer
        let selected = (0..<height).flatMap { row in (0..<width).filter { buffer[row, $0].flags.contains(.selection) } }
        #expect(!selected.isEmpty, "the first block's label is selected")
        #expect(lines[height - 1].contains("版 1/1"))
    }

    @Test("Enter opens the selected block; a block's number opens that one")
    func openArticle() {
        var session = Session()
        session.press("<Enter>")
        #expect(session.state.view == .article)
        #expect(session.state.article == 0)
        #expect(session.screen.contains(edition.articles[0].headline))
        session.press("<Esc>3")
        #expect(session.state.article == 2)
        #expect(session.screen.contains(edition.articles[2].headline))
        #expect(session.screen.split(separator: "\n").last!.contains("文 3/\(edition.articles.count)"))
    }

    @Test("Space reads an article to its last screen, b goes back, and the end is announced")
    func readToEnd() {
        var session = Session()
        session.press("2")
        let count = session.state.articleLayout!.screens.count
        #expect(count > 1)
        for _ in 1..<count { session.press(" ") }
        #expect(session.state.screen == count - 1)
        #expect(session.screen.contains("页 \(count)/\(count)"))
        session.press(" ")
        #expect(session.state.screen == count - 1)
        #expect(session.screen.contains("end of article"))
        session.press("b")
        #expect(session.state.screen == count - 2)
        session.press("g")
        #expect(session.state.screen == 0)
        session.press("G")
        #expect(session.state.screen == count - 1)
    }

    @Test(
        "n, p, Tab and Shift-Tab move between articles; p on the first stays on it",
        arguments: [
            ("<Enter>n", 1), ("<Enter>nn", 2), ("<Enter>nnp", 1), ("<Enter><Tab><Tab><BTab>", 1),
            ("<Enter>p", 0),
        ])
    func articleKeys(keys: String, article: Int) {
        var session = Session()
        session.press(keys)
        #expect(session.state.view == .article)
        #expect(session.state.article == article)
    }

    @Test("Esc from an article opened by its number goes back to the 版 with that article selected")
    func escapeSelectsTheArticle() {
        var session = Session()
        session.press("5<Esc>")
        #expect(session.state.view == .page)
        #expect(session.state.selected == 4)
    }

    @Test("Esc goes back to the 版 with the article's block selected")
    func backToFront() {
        var session = Session()
        session.press("4<Esc>")
        #expect(session.state.view == .page)
        #expect(session.state.selected == 3)
        #expect(session.screen.replacingOccurrences(of: "\u{3000}", with: "").contains("株洲日报"))
    }

    @Test("the table of contents lists every article and opens the selected one")
    func contents() {
        var session = Session(width: 100, height: 40)
        session.press("t")
        let screen = session.screen
        for article in edition.articles {
            #expect(screen.contains(String(article.headline.prefix(10))))
        }
        session.press("jj<Enter>")
        #expect(session.state.view == .article)
        #expect(session.state.article == 2)
    }

    @Test("a CJK search finds 株洲, highlights it, and n/N step through matches")
    func search() {
        var session = Session(width: 100, height: 30)
        session.press("/")
        #expect(session.state.search.editing)
        session.press("株洲")
        #expect(session.screen.split(separator: "\n").last!.hasPrefix("/株洲"))
        session.press("<Enter>")
        let matches = session.state.search.matches
        #expect(matches.count > 10)
        #expect(session.state.view == .article)
        let buffer = session.buffer
        let current = (0..<buffer.height).flatMap { row in
            (0..<buffer.width).filter {
                buffer[row, $0].flags.contains(.currentMatch) && !buffer[row, $0].isContinuation
            }
            .map { buffer[row, $0].text }
        }
        #expect(current == ["株", "洲"])
        session.press("n")
        #expect(session.state.search.current == 1)
        session.press("N")
        #expect(session.state.search.current == 0)
        session.press("N")
        #expect(session.state.search.current == matches.count - 1)
        session.press("<Esc>")
        #expect(!session.state.search.isActive)
        #expect(session.state.view == .article)
        session.press("n")
        #expect(session.state.search.current == nil)
    }

    @Test(
        "search folds full-width and ASCII forms and Latin case, and finds headlines",
        arguments: [
            ("/cess<Enter>", "cess: 1/"), ("/ＣＥＳＳ<Enter>", "ＣＥＳＳ: 1/"),
            ("/（CESS)<Enter>", "（CESS): 1/"), ("/硬质材料产业园交易会<Enter>", "(headline)"),
        ])
    func searchFolds(keys: String, notice: String) {
        var session = Session(width: 100, height: 30)
        session.press(keys)
        #expect(session.state.search.isActive, "\(keys) found something")
        #expect(session.state.view == .article)
        #expect(session.state.notice?.contains(notice) == true, "notice: \(session.state.notice ?? "none")")
    }

    @Test(
        "a search with no match says so; Esc in the prompt cancels it",
        arguments: [("/火星<Enter>", "not found: 火星"), ("/株<BS>abc<Esc>", "")])
    func searchMisses(keys: String, notice: String) {
        var session = Session()
        session.press(keys)
        #expect(!session.state.search.editing)
        #expect(!session.state.search.isActive)
        if !notice.isEmpty { #expect(session.screen.contains(notice)) }
    }

    @Test("T cycles through the themes and wraps")
    func themes() {
        var session = Session()
        var names: [String] = []
        for _ in 0..<5 {
            session.press("T")
            names.append(session.state.themeName)
        }
        #expect(names == ["night", "high-contrast", "mono", "newsprint", "night"])
        #expect(session.screen.contains("theme: night"))
    }

    @Test("a resize keeps the same text in view", arguments: [(60, 20), (200, 50), (40, 12), (120, 40)])
    func resizeKeepsText(width: Int, height: Int) {
        var session = Session(width: 120, height: 40)
        session.press("2  ")
        let offset = session.state.offset
        session.resize(width, height)
        let layout = session.state.articleLayout!
        let runs = layout.screens[session.state.screen].runs
        #expect(runs.contains { $0.source?.contains(offset) ?? false })
        #expect(session.state.offset == offset)
        for line in session.buffer.lines() {
            #expect(DisplayWidth().of(line) <= width)
        }
    }

    @Test("a window too small shows a message until it grows")
    func tooSmall() {
        var session = Session(width: 80, height: 24)
        session.press("2")
        session.resize(12, 4)
        #expect(session.screen.contains("too"))
        #expect(session.screen.contains("small"))
        session.press(" ")
        session.resize(80, 24)
        #expect(session.screen.contains(edition.articles[1].headline))
    }

    @Test("100 resizes in a row keep the reader on its text")
    func manyResizes() {
        var session = Session(width: 120, height: 40)
        session.press("3 ")
        let offset = session.state.offset
        for i in 0..<100 {
            session.resize(1 + (i * 37) % 220, 1 + (i * 17) % 70)
            _ = session.buffer
        }
        session.resize(120, 40)
        #expect(session.state.offset == offset)
        #expect(session.state.article == 2)
    }

    @Test("? lists every key; ? or Esc closes it")
    func help() {
        var session = Session(width: 100, height: 30)
        session.press("?")
        let screen = session.screen
        for binding in KeyMap.bindings {
            #expect(screen.contains(binding.help))
        }
        session.press("?")
        #expect(session.state.overlay == nil)
        session.press("?<Esc>")
        #expect(session.state.overlay == nil)
    }

    @Test("in a short window the help scrolls with j/k so every key can be read")
    func helpScrolls() {
        var session = Session(width: 40, height: 12)
        session.press("?")
        var seen = Set<String>()
        for _ in 0..<KeyMap.bindings.count {
            for binding in KeyMap.bindings where session.screen.contains(binding.keys) { seen.insert(binding.keys) }
            session.press("j")
        }
        #expect(seen.count == KeyMap.bindings.count)
        #expect(session.state.overlay == .help)
    }

    @Test("J and K move between 版 and stop at the ends")
    func pages() {
        var session = Session()
        session.press("K")
        #expect(session.screen.contains("first 版"))
        session.press("J")
        #expect(session.screen.contains("last 版"))
    }

    @Test("[ and ] ask the loop for another library edition only when there is one")
    func editions() {
        var session = Session()
        session.press("]")
        #expect(session.state.request == nil)
        #expect(session.screen.contains("no other edition"))
        session.state.editionCount = 3
        session.press("]")
        #expect(session.state.request == .loadEdition(index: 1))
        session.state = reduce(session.state, .editionLoaded(edition, index: 1))
        #expect(session.state.editionIndex == 1)
        #expect(session.state.view == .page)
    }

    @Test("a click on a block opens it; the wheel turns screens")
    func mouse() {
        var session = Session(width: 80, height: 24)
        let target = session.state.pageLayout!.targets[0][1]
        session.send(.click(row: target.row + 1, column: target.column + 2))
        #expect(session.state.view == .article)
        #expect(session.state.article == target.article)
        session.send(.wheelDown)
        #expect(session.state.screen == 1)
        session.send(.wheelUp)
        #expect(session.state.screen == 0)
    }

    @Test("q and Ctrl-C quit", arguments: ["q", "<C-c>"])
    func quit(keys: String) {
        var session = Session()
        session.press(keys)
        #expect(session.state.quit)
    }

    @Test(
        "screens match their snapshots",
        arguments: [
            ("front-80x24", 80, 24, ""), ("article-80x24", 80, 24, "1"),
            ("article-page2-80x24", 80, 24, "2 "), ("contents-80x24", 80, 24, "t"),
            ("help-80x24", 80, 24, "?"), ("search-80x24", 80, 24, "/株洲<Enter>"),
            ("too-small-16x4", 16, 4, ""),
        ])
    func snapshots(name: String, width: Int, height: Int, keys: String) {
        var session = Session(width: width, height: height)
        session.press(keys)
        Snapshot.expect(session.screen + "\n", named: name + ".txt", in: "ReaderUITests")
    }
}
