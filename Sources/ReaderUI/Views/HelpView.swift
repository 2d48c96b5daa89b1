import ReaderCore

/// The help overlay: every key and what it does.
enum HelpView {
    /// Draws a box listing `KeyMap.bindings`, centred, or over the whole body if small.
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        let measure = buffer.measure
        let keyWidth = KeyMap.bindings.map { measure.of($0.keys) }.max() ?? 0
        let helpWidth = KeyMap.bindings.map { measure.of($0.help) }.max() ?? 0
        let boxWidth = min(state.width, keyWidth + helpWidth + 6)
        let boxHeight = min(state.bodyHeight, KeyMap.bindings.count + 2)
        let left = (state.width - boxWidth) / 2
        let top = max(0, (state.bodyHeight - boxHeight) / 2)
        for row in top..<(top + boxHeight) {
            buffer.fill(row: row, column: left, count: boxWidth, role: .overlay)
        }
        if boxHeight >= 3, boxWidth >= 4 {
            let rule = String(repeating: "─", count: boxWidth - 2)
            buffer.put("┌" + rule + "┐", row: top, column: left, role: .rule)
            buffer.put("└" + rule + "┘", row: top + boxHeight - 1, column: left, role: .rule)
            for row in (top + 1)..<(top + boxHeight - 1) {
                buffer.put("│", row: row, column: left, role: .rule)
                buffer.put("│", row: row, column: left + boxWidth - 1, role: .rule)
            }
        }
        buffer.put(" Keys · any key closes ", row: top, column: left + 2, role: .headline, limit: left + boxWidth - 1)
        for (n, binding) in KeyMap.bindings.enumerated() {
            let row = top + 1 + n
            guard row < top + boxHeight - 1 || boxHeight < KeyMap.bindings.count + 2, row < state.bodyHeight else { break }
            buffer.put(binding.keys, row: row, column: left + 2, role: .statusKey, limit: left + boxWidth - 1)
            buffer.put(binding.help, row: row, column: left + 4 + keyWidth, role: .overlay, limit: left + boxWidth - 1)
        }
    }
}
