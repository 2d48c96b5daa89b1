import ReaderCore

/// Everything the reader shows, as a value. Only `reduce(state, action)` changes it:
/// keys, loop events (a loaded edition, an idle reset) and start-up (key bindings, the
/// theme list, the library's size) all arrive as actions. Outside ReaderUI every field
/// is read-only; `BookmarkDesk` too returns copies made by `reduce`. What is fixed for a
/// run (the layout and the width of ambiguous characters) is given to `init`.
public struct AppState: Sendable {
    public enum View: Sendable, Equatable {
        /// A 版 with its blocks (版 1 is the front page).
        case page
        case article
    }

    public enum Overlay: Sendable, Equatable {
        case contents
        case help
        case bookmarks
    }

    /// Work the loop must do outside the reducer (I/O).
    public enum Request: Sendable, Equatable {
        case loadEdition(index: Int)
        /// Save a bookmark at `offset` in article `article`, with `note`.
        case addBookmark(article: Int, offset: Int, note: String?)
        /// List the store's bookmarks (answered with `.bookmarksListed`).
        case listBookmarks
        case deleteBookmark(id: String)
        /// Set (nil: remove) the note of a bookmark.
        case setNote(id: String, note: String?)
        /// Resolve bookmark `id`, loading its edition if it is another one, and show it.
        case openBookmark(id: String)
    }

    public internal(set) var edition: Edition
    public let layout: any ReaderLayout
    /// How many columns each character takes (the ambiguous-width setting).
    public let measure: DisplayWidth
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var view: View = .page
    public internal(set) var overlay: Overlay?
    /// The 版 shown, or the 版 of the open article.
    public internal(set) var page: Int = 1
    /// The screen page of the 版 view.
    public internal(set) var pageScreen = 0
    /// The selected block on the 版 view (index into `edition.articles`).
    public internal(set) var selected: Int?
    /// The open article (index into `edition.articles`).
    public internal(set) var article = 0
    /// The text position in the open article (scalars): kept across resizes.
    public internal(set) var offset = 0
    /// The screen page of the open article.
    public internal(set) var screen = 0
    /// The selected row of the table of contents.
    public internal(set) var contents = ListCursor()
    /// The first key listed by the help overlay when it is taller than the window.
    public internal(set) var help = ListCursor()
    public internal(set) var search = SearchState()
    /// The bookmark list and the note prompt.
    public internal(set) var bookmarks = BookmarkListState()
    /// Digits typed so far on a 版 view.
    public internal(set) var digits = ""
    /// The names `T` cycles through, and the one in use.
    public internal(set) var themeNames: [String]
    public internal(set) var themeIndex = 0
    /// The loaded themes, in `themeNames`' order (empty when only the names are known).
    public internal(set) var themes: [Theme] = []
    /// Key bindings from the config file, over `KeyMap`'s defaults.
    public internal(set) var keys = KeyOverrides()
    /// A one-line message for the status bar; cleared by the next key.
    public internal(set) var notice: String?
    /// The position of this edition in the library, and the library's size.
    public internal(set) var editionIndex = 0
    public internal(set) var editionCount = 1
    /// Articles are set vertically (直排): `v` toggles it.
    public internal(set) var vertical = false
    /// Whether the terminal draws the vertical punctuation forms two cells wide (nil: not
    /// yet checked, taken as yes); without them `v` keeps the horizontal setting.
    public internal(set) var verticalFormsDrawn: Bool?
    public internal(set) var request: Request?
    public internal(set) var quit = false
    /// The script the edition is shown in (`z` cycles; `--script` and the config set it).
    public internal(set) var script: DisplayScript = .original
    /// The script chosen at start: a regional one (tw, hk) takes 繁's place in `z`'s cycle.
    public internal(set) var preferredScript: DisplayScript = .original
    /// The OpenCC configuration in use (nil: the edition's own text is shown).
    public private(set) var scriptConfig: String?
    /// The short name of the script in use for the status bar; nil until a script is chosen.
    public private(set) var scriptLabel: String?
    /// The edition as drawn: its headings in the script in use (`edition` when original).
    /// Positions, bookmarks and search stay in `edition`'s offsets.
    public private(set) var shown: Edition
    /// The converters, the detected script and the converted texts, shared by copies.
    public let scripts: ScriptShelf
    /// The reader's own words (页, 目录, 书签) in the script in use.
    public private(set) var words = ReaderWords()
    /// `layout` with its own words in the script in use (nil: the original script).
    private var scriptLayout: (any ReaderLayout)?
    public private(set) var pageLayout: PageViewLayout?
    public private(set) var articleLayout: ArticleViewLayout?
    private var pageLayoutKey: [Int] = []
    private var articleLayoutKey: [Int] = []

    public init(
        edition: Edition, layout: any ReaderLayout = PrintLayout(),
        width: Int, height: Int, themeNames: [String] = ["default"],
        measure: DisplayWidth = DisplayWidth(), scripts: ScriptShelf = ScriptShelf()
    ) {
        self.edition = edition
        self.shown = edition
        self.scripts = scripts
        self.layout = layout
        self.measure = measure
        self.width = width
        self.height = height
        self.themeNames = themeNames.isEmpty ? ["default"] : themeNames
        page = pageNumbers.first ?? 1
        selected = edition.articles.firstIndex { $0.page == page }
        relayout()
    }

    /// The 版 numbers in the edition, ascending.
    public var pageNumbers: [Int] {
        let numbers = Set(edition.pages.map(\.number)).union(edition.articles.map(\.page))
        return numbers.isEmpty ? [1] : numbers.sorted()
    }

    /// The rows available to the layout (the last row is the status bar).
    public var bodyHeight: Int { height - 1 }

    /// True when the window cannot hold a layout.
    public var isTooSmall: Bool {
        width < layout.minimumSize.width || bodyHeight < layout.minimumSize.height
    }

    /// The name of the theme in use.
    public var themeName: String { themeNames[themeIndex % themeNames.count] }

    /// The theme in use, when the themes are loaded (not only named).
    public var theme: Theme? { themes.isEmpty ? nil : themes[themeIndex % themes.count] }

    /// The selected row of the table of contents.
    public var contentsSelection: Int { contents.index }

    /// The first key listed by the help overlay.
    public var helpScroll: Int { help.index }

    /// Lays out the current view at the current size, reusing the cached layout.
    mutating func relayout() {
        guard !isTooSmall else { return }
        let base = scriptLayout ?? self.layout
        let layout = vertical ? base.setting(vertical: true) : base
        let pageKey = [page, width, bodyHeight, vertical ? 1 : 0]
        if view == .page, pageKey != pageLayoutKey || pageLayout == nil {
            pageLayout = layout.pageView(
                displayed(converting: edition.articleIndices(onPage: page)),
                page: page, width: width, height: bodyHeight)
            pageLayoutKey = pageKey
        }
        let articleKey = [article, width, bodyHeight, vertical ? 1 : 0]
        if view == .article, !edition.articles.isEmpty,
            articleKey != articleLayoutKey || articleLayout == nil
        {
            articleLayout = layout.article(
                displayed(converting: [article]), index: article, width: width, height: bodyHeight)
            if let scriptConfig, let converted = try? scripts.article(article, of: edition, config: scriptConfig),
                !converted.map.isIdentity
            {
                articleLayout?.mapOffsets(converted.map)
            }
            articleLayoutKey = articleKey
        }
        if view == .article, let articleLayout {
            screen = articleLayout.screen(containing: offset)
        }
        if view == .page, let pageLayout {
            if let selected, let holding = pageLayout.screen(holding: selected) {
                pageScreen = holding
            }
            pageScreen = min(pageScreen, pageLayout.screens.count - 1)
        }
    }

    /// The text offset at the top of the current article screen page (nil on a 版 view).
    public var topOfScreen: Int? {
        guard view == .article, let articleLayout, articleLayout.starts.indices.contains(screen) else { return nil }
        return articleLayout.starts[screen]
    }

    /// Where the reader is, for the saved reading position: (article, offset), or nil on a 版 view.
    public var readingPlace: (article: Int, offset: Int)? {
        view == .article && edition.articles.indices.contains(article) ? (article, offset) : nil
    }

    /// The edition to lay out: `shown` with the bodies of `indices` in the script in use.
    private func displayed(converting indices: @autoclosure () -> [Int]) -> Edition {
        // The indices are only worked out when a script is on (a 版's are a pass over all).
        guard let scriptConfig else { return edition }
        return (try? scripts.edition(edition, config: scriptConfig, converting: indices())) ?? edition
    }

    /// Shows the edition in `script`, or says why it cannot and stays as it was;
    /// also redoes the conversion for a new edition (whose script may differ).
    /// `announce` false (an idle reset to the original) shows no script in the status bar.
    mutating func applyScript(_ script: DisplayScript, announce: Bool = true) {
        do {
            let config = try scripts.configuration(for: script, of: edition)
            self.script = script
            scriptConfig = config
            shown = try config.map { try scripts.heads(of: edition, config: $0) } ?? edition
            scriptLayout = config.map { config in
                layout.withWords { scripts.convertOrKeep($0, config: config) }
            }
            words =
                config.map { config in ReaderWords().converted { scripts.convertOrKeep($0, config: config) } }
                ?? ReaderWords()
            scriptLabel = announce || script != .original ? script.label : nil
        } catch {
            self.script = .original
            scriptConfig = nil
            shown = edition
            scriptLayout = nil
            words = ReaderWords()
            scriptLabel = nil
            notice = "\(error)"
        }
        dropLayouts()
        relayout()
    }

    /// Follows a new edition in `edition`: the script in use is redone for it.
    mutating func editionChanged() {
        if script == .original, scriptConfig == nil {
            shown = edition
        } else {
            applyScript(script)
        }
    }

    /// Converts the article in view (or selected) and its neighbours into the script in
    /// use, if not yet done, and builds search's script fold while a query is typed: the
    /// loop calls this while idle. Nothing in the state changes; the work lands in the
    /// shared `scripts` cache.
    public func convertAhead() {
        if search.editing { _ = scripts.searchFold() }
        guard let scriptConfig, !edition.articles.isEmpty else { return }
        let here = view == .article ? article : (selected ?? article)
        for index in [here, here + 1, here - 1] where edition.articles.indices.contains(index) {
            _ = try? scripts.article(index, of: edition, config: scriptConfig)
        }
    }

    /// `text` (a bookmark's headline or quote) in the script in use.
    public func displayText(_ text: String) -> String {
        guard let scriptConfig else { return text }
        return scripts.convertOrKeep(text, config: scriptConfig)
    }

    /// Forgets cached layouts (a new edition).
    mutating func dropLayouts() {
        pageLayout = nil
        articleLayout = nil
        pageLayoutKey = []
        articleLayoutKey = []
    }
}
