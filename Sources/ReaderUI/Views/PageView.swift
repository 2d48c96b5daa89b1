import ReaderCore

/// A 版 view: the laid-out screen with the selected block's label highlighted.
enum PageView {
    /// Paints the current screen of the 版 and marks the selection.
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        guard let layout = state.pageLayout, layout.screens.indices.contains(state.pageScreen) else { return }
        buffer.paint(layout.screens[state.pageScreen])
        for target in layout.targets[state.pageScreen] where target.article == state.selected {
            let labelWidth = max(1, buffer.measure.of(target.label ?? " "))
            buffer.mark(row: target.row, column: target.column, count: labelWidth, flags: .selection)
        }
        if layout.targets[state.pageScreen].isEmpty {
            let message = "(no articles on 版 \(state.page))"
            buffer.put(
                message, row: state.bodyHeight / 2,
                column: max(0, (state.width - buffer.measure.of(message)) / 2), role: .notice)
        }
    }
}
