#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The lazily filled cache of one `EditionLayout`, behind a mutex so that a
/// layout can be shared across threads (it is `Sendable`).
final class LayoutCache: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var fronts: [Int: FrontPageBuilder] = [:]
    private var articles: [Int: ArticleScreens] = [:]
    private var pageIndex: [Int: [Int]]?

    /// An empty cache.
    init() {
        pthread_mutex_init(&mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(&mutex)
    }

    /// Runs `body` with the mutex held.
    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }

    /// Runs `body` on the (resumable) front-page builder of 版 `page`, under the mutex.
    func front<T>(_ page: Int, make: () -> FrontPageBuilder, _ body: (FrontPageBuilder) -> T) -> T {
        locked {
            let builder = fronts[page] ?? make()
            fronts[page] = builder
            return body(builder)
        }
    }

    /// The screens of article `index`, built by `make` on first use.
    func article(_ index: Int, make: () -> ArticleScreens) -> ArticleScreens {
        if let hit = locked({ articles[index] }) { return hit }
        let built = make()
        locked { articles[index] = built }
        return built
    }

    /// Article indices by 版, built by `make` on first use.
    func pages(make: () -> [Int: [Int]]) -> [Int: [Int]] {
        if let hit = locked({ pageIndex }) { return hit }
        let built = make()
        locked { pageIndex = built }
        return built
    }
}

/// An article laid out at one size: its screens and the text each one shows.
struct ArticleScreens: Sendable {
    var pages: [ScreenPage]
    /// Per screen, the article offsets shown; empty ranges for screens without body text.
    var ranges: [Range<Int>]
    /// The span of the body text placed on the screen being built (`include`).
    private var lower = Int.max
    private var upper = Int.min

    init(pages: [ScreenPage] = [], ranges: [Range<Int>] = []) {
        self.pages = pages
        self.ranges = ranges
    }

    /// Widens the screen being built to `source`, body text placed on it (nil: none).
    mutating func include(_ source: Range<Int>?) {
        guard let source else { return }
        lower = min(lower, source.lowerBound)
        upper = max(upper, source.upperBound)
    }

    /// Ends the screen being built with `page`: its text range is the span included, or
    /// an empty range where the screen before ended when it shows no body text.
    mutating func append(_ page: ScreenPage) {
        let end = ranges.last?.upperBound ?? 0
        let range = lower <= upper ? lower..<upper : end..<end
        var page = page
        page.textRange = range
        pages.append(page)
        ranges.append(range)
        (lower, upper) = (Int.max, Int.min)
    }
}
