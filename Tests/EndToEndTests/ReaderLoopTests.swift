import Foundation
import ReaderCore
import ReaderUI
import TestSupport
import Testing

@testable import broadsheet

/// The main loop run in process through a scripted terminal backend: keys go in, frames
/// come out as text, with no terminal and no tmux.
@Suite("The reader loop through a scripted terminal")
struct ReaderLoopTests {
    /// A loop over `state` drawing on `terminal`, with no signals watched.
    static func loop(
        _ state: AppState, on terminal: ScriptedTerminal, shelf: EditionShelf,
        desk: BookmarkDesk? = nil
    ) -> ReaderLoop {
        ReaderLoop(state: state, terminal: terminal, signals: nil, shelf: shelf, desk: desk)
    }

    /// The shelf beside the sample edition, the sample opened as named.
    static func sampleShelf() throws -> EditionShelf {
        try EditionShelf(opening: SampleEdition.path, environment: [:], confinement: nil)
    }

    /// The calls before the loop's first read.
    static func beforeFirstRead(_ calls: [ScriptedTerminal.Call]) -> ArraySlice<ScriptedTerminal.Call> {
        calls.prefix { if case .read = $0 { return false } else { return true } }
    }

    /// Whether a call is a `prepare`.
    static func isPrepare(_ call: ScriptedTerminal.Call) -> Bool {
        if case .prepare = call { return true }
        return false
    }

    /// Whether two frames share their cell storage (the very buffer, not an equal one).
    static func sameStorage(_ a: CellBuffer, _ b: CellBuffer) -> Bool {
        a.cells.withUnsafeBufferPointer { x in b.cells.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }

    @Test(
        "while no key waits, the loop draws the next screen ahead and the page turn presents that very frame",
        arguments: [(80, 24), (100, 30), (60, 20)])
    func idleLookahead(size: (width: Int, height: Int)) throws {
        let terminal = ScriptedTerminal(
            width: size.width, height: size.height,
            script: [.timeout, .press(" "), .press("q")])
        var state = AppState(edition: SampleEdition.edition, width: size.width, height: size.height)
        state = reduce(state, .openArticle(2))
        var loop = Self.loop(state, on: terminal, shelf: try Self.sampleShelf())
        #expect(loop.run() == 0)
        #expect(terminal.frames.count == 2)
        let ahead = try #require(terminal.prepared.first)
        let turned = try #require(terminal.frames.last)
        #expect(Self.sameStorage(ahead, turned))
        #expect(turned.text != terminal.frameTexts[0])
        #expect(Self.beforeFirstRead(terminal.calls).contains(where: Self.isPrepare))
        // The frame drawn ahead is the one the key would have given.
        let expected = Screen.render(reduce(state, .nextScreen), measure: DisplayWidth())
        #expect(turned.text == expected.text)
    }

    @Test("a key already waiting keeps the loop from drawing ahead before it is read")
    func noLookaheadWhileTyping() throws {
        let terminal = ScriptedTerminal(script: [.typedAhead(.character(" ")), .press("q")])
        var state = AppState(edition: SampleEdition.edition, width: 80, height: 24)
        state = reduce(state, .openArticle(2))
        var loop = Self.loop(state, on: terminal, shelf: try Self.sampleShelf())
        #expect(loop.run() == 0)
        #expect(!Self.beforeFirstRead(terminal.calls).contains(where: Self.isPrepare))
        // Once the typed-ahead key is handled and nothing waits, drawing ahead resumes.
        #expect(terminal.prepared.count == 1)
        #expect(terminal.frames.count == 2)
    }

    /// A five-版 edition opened in two steps: its first 版, and the whole parsed later.
    static func largeOpening() throws -> EditionOpening {
        let text = try MultiPageEdition.text(pages: 5)
        return EditionOpening(bytes: Array(text.utf8), name: "2023-03-29-large.md", threshold: 0)
    }

    @Test(
        "once the whole edition is parsed it replaces the first 版 between keys, the screen unchanged, and only then is the next screen drawn ahead"
    )
    func completionSwap() throws {
        let opening = try Self.largeOpening()
        try #require(!opening.isComplete)
        let completion = EditionCompletion(opening)
        // The parse done before the loop polls: the first timeout finds it.
        let whole = completion.wait()
        let terminal = ScriptedTerminal(script: [.timeout, .timeout, .press("q")])
        let state = AppState(edition: opening.first, width: 80, height: 24)
        var loop = Self.loop(state, on: terminal, shelf: try Self.sampleShelf())
        loop.completion = completion
        #expect(loop.run() == 0)
        #expect(loop.completion == nil)
        // Named values: a failed check on the edition itself would print all of it.
        let (complete, articles) = (loop.state.edition.isComplete, loop.state.edition.articles.count)
        #expect(complete)
        #expect(articles == whole.articles.count)
        #expect(articles > opening.first.articles.count)
        // Redrawn after the swap, and the same: the first 版 did not change.
        #expect(terminal.frames.count == 2)
        #expect(terminal.frameTexts.first == terminal.frameTexts.last)
        // Not drawn ahead from the first 版 alone, and drawn ahead once the whole is in.
        #expect(!Self.beforeFirstRead(terminal.calls).contains(where: Self.isPrepare))
        let secondPresent = try #require(
            terminal.calls.indices.filter {
                if case .present = terminal.calls[$0] { return true } else { return false }
            }.dropFirst().first)
        #expect(terminal.calls[secondPresent...].contains(where: Self.isPrepare))
    }

    @Test("a key pressed while the rest of the edition is parsed waits for the whole edition and acts on it")
    func keyWaitsForCompletion() throws {
        let opening = try Self.largeOpening()
        try #require(!opening.isComplete)
        let terminal = ScriptedTerminal(script: [.press("]"), .press("q")])
        var state = AppState(edition: opening.first, width: 80, height: 24)
        state = reduce(state, .libraryListed(index: state.editionIndex, count: 1))
        var loop = Self.loop(state, on: terminal, shelf: try Self.sampleShelf())
        loop.completion = EditionCompletion(opening)
        #expect(loop.run() == 0)
        #expect(loop.completion == nil)
        let (complete, articles) = (loop.state.edition.isComplete, loop.state.edition.articles.count)
        #expect(complete)
        #expect(articles == opening.complete().articles.count)
    }

    /// A kiosk library of two small editions, the newest open on its front page; a
    /// third, newer edition arrives once the reader has started.
    struct Kiosk {
        let fixture: EditionShelfTests.Fixture
        let shelf: EditionShelf
        let state: AppState

        init() throws {
            fixture = try EditionShelfTests.Fixture()
            try fixture.add("2023-03-10-old.md", EditionShelfTests.edition(day: 10, headline: "旧的一天"))
            try fixture.add("2023-03-29-today.md", EditionShelfTests.edition(day: 29, headline: "今天的新闻"))
            shelf = try EditionShelf(
                opening: nil, environment: [:],
                confinement: try LibraryConfinement(library: fixture.library))
            let first = try shelf.openFirst()
            var state = AppState(edition: first.opening.first, width: 80, height: 24)
            state = reduce(state, .libraryListed(index: shelf.index, count: shelf.paths.count))
            self.state = state
            try fixture.add("2023-03-30-new.md", EditionShelfTests.edition(day: 30, headline: "新到的一天"))
        }
    }

    @Test("after the idle limit the kiosk lists its library again and shows the newest edition's front page")
    func idleReset() throws {
        let kiosk = try Kiosk()
        defer { kiosk.fixture.remove() }
        let terminal = ScriptedTerminal(script: [.press("["), .timeout, .press("q")])
        var loop = Self.loop(kiosk.state, on: terminal, shelf: kiosk.shelf)
        loop.idle = IdleTimer(seconds: 0)
        #expect(loop.run() == 0)
        #expect(terminal.frames.count == 3)
        #expect(terminal.frameTexts[0].contains("今天的新闻"))
        #expect(terminal.frameTexts[1].contains("旧的一天"))
        #expect(terminal.frameTexts[2].contains("新到的一天"))
        #expect(!terminal.frameTexts[2].contains("旧的一天"))
        #expect(loop.state.editionIndex == 2)
        #expect(loop.state.editionCount == 3)
    }

    @Test("before the idle limit a pause in the keys leaves the kiosk where the reader was")
    func noIdleResetEarly() throws {
        let kiosk = try Kiosk()
        defer { kiosk.fixture.remove() }
        let terminal = ScriptedTerminal(script: [.press("["), .timeout, .press("q")])
        var loop = Self.loop(kiosk.state, on: terminal, shelf: kiosk.shelf)
        loop.idle = IdleTimer(seconds: 3600)
        #expect(loop.run() == 0)
        #expect(terminal.frames.count == 2)
        #expect(terminal.frameTexts.last?.contains("旧的一天") == true)
        #expect(loop.state.editionIndex == 0)
    }

    @Test(
        "leaving writes the reading position at once, with no pause in the keys before",
        arguments: [("q", Int32(0)), ("closed terminal", Int32(129))])
    func quitFlushesPosition(exit: String, status: Int32) throws {
        let directory = NSTemporaryDirectory() + "bs-loop-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let location = StateLocation.directory(directory)
        let edition = SampleEdition.edition
        let last: ScriptedTerminal.Step = exit == "q" ? .press("q") : .input(.closed)
        let terminal = ScriptedTerminal(script: [.press(" "), .press(" "), last])
        var state = AppState(edition: edition, width: 80, height: 24)
        state = reduce(state, .openArticle(2))
        var loop = Self.loop(
            state, on: terminal, shelf: try Self.sampleShelf(),
            desk: BookmarkDesk(store: BookmarkStore.open(location)))
        #expect(loop.run() == status)
        #expect(terminal.calls.last == .end)
        let place = try #require(loop.state.readingPlace)
        #expect(place.offset > 0)
        // A new run finds the place in the file.
        let resumed = BookmarkDesk(store: BookmarkStore.open(location))
            .resume(AppState(edition: edition, width: 80, height: 24))
        #expect(resumed.readingPlace?.article == place.article)
        #expect(resumed.readingPlace?.offset == place.offset)
    }

    @Test(
        "a resize lays the screen out again at the new size, with the size notice when the terminal claims more",
        arguments: [nil, "screen capped at 100×30 (the terminal claims 4000×4000)"])
    func resize(notice: String?) throws {
        let terminal = ScriptedTerminal(script: [.key(.resize(width: 100, height: 30)), .press("q")])
        terminal.sizeNotice = notice
        let state = AppState(edition: SampleEdition.edition, width: 80, height: 24)
        var loop = Self.loop(state, on: terminal, shelf: try Self.sampleShelf())
        #expect(loop.run() == 0)
        let frames = terminal.frames.map { ($0.width, $0.height) }
        #expect(frames.count == 2)
        #expect(frames.first ?? (0, 0) == (80, 24))
        #expect(frames.last ?? (0, 0) == (100, 30))
        #expect(terminal.frameTexts.last?.contains("株洲日报") == true)
        if let notice {
            #expect(terminal.frameTexts.last?.contains(notice) == true)
        }
    }

    @Test(
        "a terminal that hung up or stalled on the first frame ends the loop with 129 before any key is read",
        arguments: ["gone", "stalled"])
    func terminalLost(how: String) throws {
        let terminal = ScriptedTerminal(script: [.press(" "), .press("q")])
        if how == "gone" { terminal.gone = true } else { terminal.stalled = true }
        let state = AppState(edition: SampleEdition.edition, width: 80, height: 24)
        var loop = Self.loop(state, on: terminal, shelf: try Self.sampleShelf())
        #expect(loop.run() == 129)
        #expect(terminal.frames.count == 1)
        #expect(terminal.calls.last == .end)
        #expect(!terminal.calls.contains { if case .read = $0 { return true } else { return false } })
    }

    @Test("Ctrl-L makes the terminal forget its screen and draws the same frame again")
    func controlLRedraws() throws {
        let terminal = ScriptedTerminal(script: [.key(.control("l")), .press("q")])
        var state = AppState(edition: SampleEdition.edition, width: 80, height: 24)
        state = reduce(state, .openArticle(1))
        var loop = Self.loop(state, on: terminal, shelf: try Self.sampleShelf())
        #expect(loop.run() == 0)
        let presents = terminal.calls.compactMap { call -> String? in
            if case .present(let text) = call { return text } else { return nil }
        }
        #expect(presents.count == 2)
        #expect(presents.first == presents.last)
        let forget = try #require(terminal.calls.firstIndex(of: .invalidate))
        #expect(terminal.calls[forget...].contains { if case .present = $0 { return true } else { return false } })
    }
}
