/// The page shown when the window is too small to lay anything out.
enum TooSmallPage {
    /// A "too small" message clipped to `width`×`height` (empty when either is 0 or less).
    static func make(width: Int, height: Int, ambiguous: AmbiguousWidth) -> ScreenPage {
        var page = ScreenPage(width: width, height: height, content: .tooSmall)
        guard width > 0, height > 0 else { return page }
        let need = "\(EditionLayout.minimumWidth)×\(EditionLayout.minimumHeight)"
        let lines = ["窗口太小", "Window too small", "need \(need)", "now \(width)×\(height)"]
        let measure = DisplayWidth(ambiguous: ambiguous)
        for (row, line) in lines.prefix(height).enumerated() {
            let clipped = TextFit.clip(line, to: width, measure: measure)
            let left = max(0, (width - measure.of(clipped)) / 2)
            page.runs.append(PlacedRun(row: row, column: left, text: clipped, role: .notice))
        }
        return page
    }
}
