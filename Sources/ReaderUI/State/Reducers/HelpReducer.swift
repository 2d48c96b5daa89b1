import ReaderCore

/// The help overlay: movement scrolls the key list when the window is too short for
/// all of it, `q` quits, and any other key just closes it.
func reduceHelp(_ s: inout AppState, _ action: Action) {
    let count = KeyMap.bindings(for: s).count
    let rows = ListGeometry.helpRows(count: count, bodyHeight: s.bodyHeight)
    // The cursor is the first key shown: it goes as far as shows the last key.
    let hidden = max(0, count - rows)
    if action == .quit {
        s.quit = true
    } else if let moved = s.help.moved(action, count: hidden + 1, page: rows) {
        s.help = moved
    } else {
        s.overlay = nil
    }
}
