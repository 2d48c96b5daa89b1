import ReaderCore

/// The help overlay: every key and what it does, scrolled with j/k when the window is short.
enum HelpView {
    /// Key rows that fit inside the box.
    static func rows(_ state: AppState) -> Int {
        ListGeometry.helpRows(count: KeyMap.bindings(for: state).count, bodyHeight: state.bodyHeight)
    }

    /// Draws a framed box listing `KeyMap.bindings` from `helpScroll`, centred.
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        let measure = buffer.measure
        let bindings = KeyMap.bindings(for: state)
        let keyWidth = bindings.map { measure.of($0.keys) }.max() ?? 0
        let helpWidth = bindings.map { measure.of($0.help) }.max() ?? 0
        let boxWidth = min(state.width, keyWidth + helpWidth + 6)
        let rows = rows(state)
        let boxHeight = min(state.bodyHeight, rows + 2)
        let left = (state.width - boxWidth) / 2
        let top = max(0, (state.bodyHeight - boxHeight) / 2)
        let right = left + boxWidth - 1
        for row in top..<(top + boxHeight) {
            buffer.fill(row: row, column: left, count: boxWidth, role: .overlay)
        }
        let rule = String(repeating: "─", count: max(0, boxWidth - 2))
        buffer.put("┌" + rule + "┐", row: top, column: left, role: .rule)
        buffer.put("└" + rule + "┘", row: top + boxHeight - 1, column: left, role: .rule)
        for row in (top + 1)..<max(top + 1, top + boxHeight - 1) {
            buffer.put("│", row: row, column: left, role: .rule)
            buffer.put("│", row: row, column: right, role: .rule)
        }
        let first = min(state.helpScroll, max(0, bindings.count - rows))
        let more = rows < bindings.count
        let title =
            more
            ? " Keys \(first + 1)–\(first + rows)/\(bindings.count) · j/k scroll · ? closes "
            : " Keys · ? or Esc closes "
        buffer.put(title, row: top, column: left + 2, role: .headline, limit: right)
        for (n, binding) in bindings.dropFirst(first).prefix(rows).enumerated() {
            let row = top + 1 + n
            buffer.put(binding.keys, row: row, column: left + 2, role: .statusKey, limit: right)
            buffer.put(binding.help, row: row, column: left + 4 + keyWidth, role: .overlay, limit: right)
        }
    }
}
