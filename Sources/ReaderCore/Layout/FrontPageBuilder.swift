/// Sets the front page of one 版: masthead or folio, then article blocks on a grid.
struct FrontPageBuilder {
    let layout: EditionLayout
    let page: Int

    /// Every screen of the front page.
    func build() -> [ScreenPage] {
        [ScreenPage(width: layout.width, height: layout.height, content: .front(page: page, screen: 0))]
    }
}
