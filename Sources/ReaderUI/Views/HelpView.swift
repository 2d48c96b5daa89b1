import ReaderCore

/// The help overlay: every key and what it does.
enum HelpView {
    /// Draws a box listing `KeyMap.bindings`, centred, or over the whole body if small.
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        let measure = buffer.measure
        let keyWidth = KeyMap.bindings.map { measure.of($0.keys) }.max() ?? 0
        let helpWidth = KeyMap.bindings.map { measure.of($0.help) }.max() ?? 0
        let boxWidth = min(state.width, keyWidth + helpWidth + 6)
        let boxHeight = min(state.bodyHeight, KeyMap.bindings.count + 4)
        let left = (state.width - boxWidth) / 2
        let top = max(0, (state.bodyHeight - boxHeight) / 2)
        for row in top..<(top + boxHeight) {
            buffer.fill(row: row, column: left, count: boxWidth, role: .overlay)
        }
        buffer.put("Keys · any key closes", row: top, column: left + 2, role: .headline, limit: left + boxWidth)
        for (n, binding) in KeyMap.bindings.enumerated() {
            let row = top + 2 + n
            guard row < top + boxHeight - 1 || boxHeight < KeyMap.bindings.count + 4, row < state.bodyHeight else { break }
            buffer.put(binding.keys, row: row, column: left + 2, role: .statusKey, limit: left + boxWidth)
            buffer.put(binding.help, row: row, column: left + 4 + keyWidth, role: .overlay, limit: left + boxWidth)
        }
    }
}
