import ReaderCore

/// Shown instead of the layout while the window is too small for it.
enum TooSmallView {
    /// Draws the message, wrapped to the window, as much as fits.
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        let minimum = state.layout.minimumSize
        let words = [
            "Window", "too", "small:", "\(state.width)×\(state.height).",
            "Need", "\(minimum.width)×\(minimum.height + 1).", "q quits.",
        ]
        var lines: [String] = []
        var line = ""
        for word in words {
            let candidate = line.isEmpty ? word : line + " " + word
            if buffer.measure.of(candidate) > state.width, !line.isEmpty {
                lines.append(line)
                line = word
            } else {
                line = candidate
            }
        }
        lines.append(line)
        let top = max(0, (state.height - lines.count) / 2)
        for (n, text) in lines.enumerated() where top + n < state.height {
            let x = max(0, (state.width - buffer.measure.of(text)) / 2)
            buffer.put(text, row: top + n, column: x, role: .notice)
        }
    }
}
