import Foundation
import ReaderCore
import TestSupport

@testable import ReaderUI

/// A reader session without a terminal: keys in, screen text out.
struct Session {
    var state: AppState
    /// When set, bookmark requests are performed against its store after each key, as the loop does.
    var desk: BookmarkDesk?

    init(
        width: Int = 80, height: Int = 24, edition: Edition = SampleEdition.edition,
        themes: [String] = ShippedThemes.sources.map(\.name)
    ) {
        state = AppState(edition: edition, width: width, height: height, themeNames: themes)
    }

    /// The screen as text.
    var screen: String { Screen.render(state).text }

    /// The rendered buffer.
    var buffer: CellBuffer { Screen.render(state) }

    /// Sends keys: each character is a key; `<Name>` spells a special key
    /// (<Enter> <Esc> <Tab> <BTab> <BS> <Down> <Up> <PgDn> <PgUp> <C-c>).
    mutating func press(_ keys: String) {
        var rest = Substring(keys)
        while let first = rest.first {
            if first == "<", let close = rest.firstIndex(of: ">"), close > rest.index(after: rest.startIndex) {
                let name = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
                send(Self.special[String(name)] ?? .character("<"))
            } else {
                rest = rest.dropFirst()
                send(.character(first))
            }
        }
    }

    /// Sends one event through the key map and the reducer.
    mutating func send(_ key: KeyEvent) {
        if let action = KeyMap.action(for: key, in: state) { state = reduce(state, action) }
        if let desk, let request = state.request, let next = desk.perform(request, on: state) { state = next }
    }

    /// Resizes the window.
    mutating func resize(_ width: Int, _ height: Int) {
        send(.resize(width: width, height: height))
    }

    static let special: [String: KeyEvent] = [
        "Enter": .enter, "Esc": .escape, "Tab": .tab, "BTab": .backTab, "BS": .backspace,
        "Down": .down, "Up": .up, "PgDn": .pageDown, "PgUp": .pageUp, "C-c": .control("c"),
        "Home": .home, "End": .end, "Left": .left, "Right": .right,
    ]
}
