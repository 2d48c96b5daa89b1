import ReaderCore
import ReaderUI

/// The interactive main loop: read a key, reduce, draw the diff. Signals are polled
/// between reads so that every exit path restores the terminal.
struct ReaderLoop {
    var state: AppState
    /// Where keys come from and frames go: the curses terminal, or a test backend.
    let terminal: any TerminalBackend
    /// The blocked signals polled between reads (nil: none watched, as in unit tests).
    let signals: SignalWatch?
    /// The editions of the library (for `[` `]` and the idle reset).
    let shelf: EditionShelf
    /// Bookmarks and the reading position (nil: none kept).
    var desk: BookmarkDesk? = nil
    /// The kiosk idle reset (nil: none).
    var idle: IdleTimer? = nil
    /// Start-up work the first frame does not wait for, run once it is out;
    /// returns whether the state changed (to draw again).
    var afterFirstFrame: ((inout ReaderLoop) -> Bool)? = nil
    /// The whole edition being parsed while `state` shows its first 版 (nil: complete).
    var completion: EditionCompletion? = nil

    /// How long a read waits before the loop checks for signals.
    static let tick: Int32 = 200
    /// The wait while the whole edition is being parsed: it is swapped in soon after.
    static let completionTick: Int32 = 40
    /// The screen must be drawn again.
    var dirty = true

    /// The state and frame that the next-screen key would give, drawn while idle.
    private struct Lookahead {
        var action: Action
        var state: AppState
        var frame: CellBuffer
    }

    /// Runs until `q` or a signal; returns the exit status (0, or 128+signal).
    mutating func run() -> Int32 {
        dirty = true
        var moved = false
        var ahead: Lookahead?
        var frame: CellBuffer?
        while true {
            if let signal = signals?.take() {
                completeEdition()
                desk?.flushPosition(state)
                terminal.end()
                return 128 + signal
            }
            if state.quit {
                desk?.flushPosition(state)
                terminal.end()
                return 0
            }
            if dirty {
                terminal.present(frame ?? Screen.render(state))
                frame = nil
                dirty = false
                // A terminal that took nothing for the stall limit, or hung up: save and go.
                if terminal.stalled || terminal.gone {
                    completeEdition()
                    desk?.flushPosition(state)
                    terminal.end()
                    return 128 + 1
                }
                if let finish = afterFirstFrame {
                    afterFirstFrame = nil
                    if finish(&self) { dirty = true; continue }
                }
            }
            // The rest of a large edition is parsed once its first frame is out.
            completion?.start()
            // While idle, draw the next screen ahead: a page turn then only sends it.
            // Not from a first 版 alone: the whole edition replaces it before any key.
            if ahead == nil, completion == nil, !terminal.inputPending {
                if let next = lookahead() {
                    ahead = next
                    terminal.prepare(next.frame)
                }
                // In another script, the articles n, p and Enter would show are converted
                // now, so that turning to them costs no more than in the original; while a
                // query is typed, search's script fold is made.
                state.convertAhead()
            }
            let event = terminal.read(timeout: completion == nil ? Self.tick : Self.completionTick)
            if case .key = event { idle?.touch() }
            // Only drawing uses a partial edition: any key waits for the whole one first.
            if completion != nil {
                if case .timeout = event {
                    if let whole = completion?.poll() { swapIn(whole) }
                } else {
                    completeEdition()
                }
                if completion == nil {
                    ahead = nil
                    frame = nil
                }
            }
            switch event {
            case .timeout:
                // Noted once keys pause (a read timed out), so that a position save (a
                // write of the whole state file) never sits between two keys.
                if moved {
                    desk?.record(state)
                    moved = false
                }
                if idle?.isDue() == true {
                    resetForIdle()
                    ahead = nil
                    dirty = true
                }
            case .closed:
                completeEdition()
                desk?.flushPosition(state)
                terminal.end()
                return 128 + 1
            case .key(.resize(let width, let height)) where terminal.sizeNotice != nil:
                // Larger than the screen the reader lays out: say so, the rest stays blank.
                idle?.touch()
                state = reduce(state, .resize(width: width, height: height))
                state = reduce(state, .notice(terminal.sizeNotice ?? ""))
                ahead = nil
                dirty = true
            case .key(.control("l")):
                terminal.invalidate()
                dirty = true
            case .key(let key):
                guard let action = KeyMap.action(for: key, in: state) else { continue }
                let themeBefore = state.themeIndex
                if let ready = ahead, ready.action == action {
                    state = ready.state
                    frame = ready.frame
                } else {
                    state = reduce(state, action)
                }
                ahead = nil
                if state.themeIndex != themeBefore, let theme = state.theme {
                    terminal.apply(theme: theme)
                }
                if let request = state.request { perform(request) }
                moved = true
                dirty = true
            }
        }
    }

    /// Waits for the whole edition, if only its first 版 is in `state`, and swaps it in.
    private mutating func completeEdition() {
        if let completion { swapIn(completion.wait()) }
    }

    /// Puts the whole edition in place of its first 版; the frame is redrawn (and
    /// comes out the same: the first 版 did not change).
    private mutating func swapIn(_ whole: Edition) {
        state = reduce(state, .editionCompleted(whole))
        completion = nil
        dirty = true
    }

    /// The next-screen key's state and frame, when that key is a plain move (no I/O).
    private func lookahead() -> Lookahead? {
        guard !state.quit, let action = KeyMap.action(for: .character(" "), in: state),
            action == .nextScreen
        else { return nil }
        let next = reduce(state, action)
        guard next.request == nil, !next.quit else { return nil }
        return Lookahead(action: action, state: next, frame: Screen.render(next))
    }

    /// Saves the place, lists the library again (a new edition may have arrived), then
    /// goes back to the newest edition's front page. The newest edition opens at its
    /// front page, not at a resumed position; one that does not open is passed over.
    private mutating func resetForIdle() {
        completeEdition()
        desk?.flushPosition(state)
        shelf.rescan()
        state = reduce(state, .libraryListed(index: shelf.index, count: shelf.paths.count))
        state = reduce(state, .idleReset)
        guard case .loadEdition(let index) = state.request else { return }
        let loaded = shelf.load(from: index, step: -1)
        guard let edition = loaded.edition else {
            state = reduce(state, .notice(loaded.notice ?? "no edition opens"))
            return
        }
        state = reduce(state, .editionLoaded(edition, index: loaded.index))
        state = reduce(state, .notice(loaded.notice))
    }

    /// Does the I/O a reduction asked for and feeds the result back.
    private mutating func perform(_ request: AppState.Request) {
        switch request {
        case .loadEdition(let index):
            // `[` steps back, `]` forward: past editions that do not open, in the same direction.
            let loaded = shelf.load(from: index, step: index < state.editionIndex ? -1 : 1)
            guard let edition = loaded.edition else {
                state = reduce(state, .notice(loaded.notice ?? "no edition opens"))
                return
            }
            desk?.flushPosition(state)
            state = reduce(state, .editionLoaded(edition, index: loaded.index))
            if let desk { state = desk.resume(state) }
            if let notice = loaded.notice {
                state = reduce(state, .notice([notice, state.notice].compactMap { $0 }.joined(separator: " · ")))
            }
        default:
            if let next = desk?.perform(request, on: state) { state = next }
        }
    }
}
