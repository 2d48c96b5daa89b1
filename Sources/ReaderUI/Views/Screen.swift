import ReaderCore

/// Draws the whole state into a fresh buffer: the view, any overlay, the status bar.
public enum Screen {
    /// The buffer for `state`, `state.width`×`state.height` cells, measured with the
    /// state's ambiguous-width setting unless `measure` overrides it.
    public static func render(_ state: AppState, measure: DisplayWidth? = nil) -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height, measure: measure ?? state.measure)
        guard state.width > 0, state.height > 0 else { return buffer }
        if state.isTooSmall {
            TooSmallView.draw(state, into: &buffer)
            return buffer
        }
        switch state.view {
        case .page: PageView.draw(state, into: &buffer)
        case .article: ArticleView.draw(state, into: &buffer)
        }
        switch state.overlay {
        case .contents: ContentsView.draw(state, into: &buffer)
        case .help: HelpView.draw(state, into: &buffer)
        case .bookmarks: BookmarksView.draw(state, into: &buffer)
        case nil: break
        }
        StatusBar.draw(state, into: &buffer)
        return buffer
    }
}
