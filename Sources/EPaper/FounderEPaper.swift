import ReaderCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of saved 方正 (Founder) e-paper pages — the system behind 人民日报, 光明日报,
/// 经济日报 and many local dailies — read as one edition: the 版 and their names from
/// the layout pages, the articles from the content pages (see `FounderFileName`,
/// `FounderLayoutPage`, `FounderContentPage`).
///
/// Pages may sit in the site's own folders (`pc/layout/YYYYMM/DD/`, `pc/content/…`) or
/// all in one folder. Pages in a legacy charset (GB2312, GBK) are converted by
/// `CharsetDecoder`. When the folder holds several days, the newest is read.
public enum FounderEPaper {
    /// Folders below the one named that are searched for pages.
    static let maximumDepth = 6
    /// Directory entries looked at, at most: a wrong folder must not be walked for long.
    static let maximumEntries = 20_000
    /// Pages above this size are skipped.
    static let maximumPageBytes = 8 << 20

    /// Whether `directory` holds saved Founder pages (see `isPage`).
    public static func recognises(directory: String) -> Bool {
        !pageFiles(in: directory, limit: 1).isEmpty
    }

    /// Whether the file at `path` is a saved Founder page: by its name (`node_NN.html`,
    /// `content_N.html`, `nbs.…_NN.htm`, `nw.…_YYYYMMDD_K-NN.htm`), or, for an .htm(l)
    /// file a browser saved under another name, by the Founder markers in its first 16 KiB.
    public static func isPage(_ path: String) -> Bool {
        let name = String(path.split(separator: "/").last ?? "")
        if FounderFileName(name) != nil { return true }
        guard FounderMarkers.isHTMLName(name), let head = EditionFiles.head(path, bytes: FounderMarkers.headBytes)
        else {
            return false
        }
        return FounderMarkers.found(in: head[...])
    }

    /// The folder to read when a single saved page is named: the folder that holds the
    /// site's `layout` and `content` folders when the page sits in `…/layout/YYYYMM/DD/`
    /// or `…/content/YYYYMM/DD/`, else the page's own folder.
    public static func folder(ofPage path: String) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        if parts.count >= 3, ["layout", "content"].contains(parts[parts.count - 3]),
            FounderFileName.date(inPath: parts.suffix(2).joined(separator: "/")) != nil
        {
            parts = parts.dropLast(3)
        }
        let folder = parts.joined(separator: "/")
        return folder.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : folder
    }

    /// Reads the saved pages under `directory` as one edition.
    public static func load(
        directory: String, classifier: LineClassifier = LineClassifier()
    ) throws(EditionLoadError) -> Edition {
        guard EditionFiles.isDirectory(directory) else { throw .notFound(path: directory) }
        let files = pageFiles(in: directory, limit: maximumEntries)
        guard !files.isEmpty else { throw .noArticles(path: directory) }
        guard HTMLDocument.isAvailable else {
            throw .unreadable(
                path: directory, reason: "saved e-paper pages need libxml2 (libxml2.so.2), which is not installed")
        }
        var reader = Reader(classifier: classifier)
        for path in files.sorted() { reader.read(path) }
        guard let edition = reader.edition(name: directory) else { throw .noArticles(path: directory) }
        return edition
    }

    /// Paths of files with Founder page names under `directory`, at most `limit`.
    /// Symbolic links are not followed: what is read stays inside the folder.
    static func pageFiles(in directory: String, limit: Int) -> [String] {
        var found: [String] = []
        var seen = 0
        var pending: [(String, Int)] = [(directory, 0)]
        while let (folder, depth) = pending.popLast(), found.count < limit, seen < maximumEntries {
            guard let dir = opendir(folder) else { continue }
            defer { closedir(dir) }
            while let entry = readdir(dir), seen < maximumEntries {
                seen += 1
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                guard !name.hasPrefix(".") else { continue }
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                let type = info.st_mode & S_IFMT
                if type == S_IFDIR, depth < maximumDepth {
                    pending.append((path, depth + 1))
                } else if type == S_IFREG, isPage(path) {
                    found.append(path)
                    if found.count >= limit { break }
                }
            }
        }
        return found
    }

    /// Reads pages one by one and assembles the edition.
    struct Reader {
        let classifier: LineClassifier
        var layouts: [(page: FounderLayoutPage, date: EditionDate?)] = []
        var contents: [(page: FounderContentPage, date: EditionDate?)] = []
        var hash = FNV1a()
        var invalid = 0
        var replaced = 0

        init(classifier: LineClassifier) {
            self.classifier = classifier
        }

        /// Reads one page file; a file that cannot be read or is no page is skipped.
        mutating func read(_ path: String) {
            guard let bytes = EditionFiles.read(path, limit: maximumPageBytes) else { return }
            let decoded = CharsetDecoder.decode(bytes)
            let document = HTMLDocument(utf8: decoded.utf8)
            // The site's file name, else the one of the address a browser saved it from;
            // a page saved under its title with neither is an article page if it has a body.
            var key = String(path.split(separator: "/").last ?? "").lowercased()
            if FounderFileName(key) == nil, let saved = FounderMarkers.savedFromName(document.root),
                FounderFileName(saved) != nil
            {
                key = saved
            }
            let name = FounderFileName(key) ?? FounderFileName(role: .content)
            bytes.withUnsafeBytes { hash.combine($0) }
            let pathDate = FounderFileName.date(inPath: path)
            switch name.role {
            case .layout:
                guard let number = name.page else { return }
                layouts.append((FounderLayoutPage(document: document.root, number: number), pathDate))
            case .content:
                guard
                    let page = FounderContentPage(
                        document: document.root, key: key, fileName: name,
                        classifier: classifier)
                else { return }
                contents.append((page, pathDate ?? page.date))
            }
            invalid += decoded.invalid
            replaced += document.replacedControls
        }

        /// The edition of the newest day read, or nil when no article was read.
        func edition(name: String) -> Edition? {
            let day = (layouts.compactMap(\.date) + contents.compactMap(\.date)).max()
            let dayLayouts = layouts.filter { $0.date == nil || $0.date == day }.map(\.page)
            let dayContents = contents.filter { $0.date == nil || $0.date == day }.map(\.page)
            guard !dayContents.isEmpty else { return nil }

            // Which 版 each content page is on: the layout that lists it, else its own word.
            var pageOf: [String: Int] = [:]
            var orderOf: [String: Int] = [:]
            var names: [Int: String] = [:]
            for layout in dayLayouts.sorted(by: { $0.number < $1.number }) {
                for (index, key) in layout.links.enumerated() where pageOf[key] == nil {
                    pageOf[key] = layout.number
                    orderOf[key] = index
                }
                for (number, name) in layout.pageNames where names[number] == nil { names[number] = name }
            }
            for layout in dayLayouts { if let name = layout.name { names[layout.number] = name } }
            var placed: [(page: Int, rank: (Int, Int, String), content: FounderContentPage)] = []
            for content in dayContents {
                let page = pageOf[content.key] ?? content.page ?? 1
                if names[page] == nil, let name = content.pageName { names[page] = name }
                let rank = (
                    orderOf[content.key].map { 0 + $0 } ?? Int.max, content.fileName.order ?? Int.max, content.key
                )
                placed.append((page, rank, content))
            }
            placed.sort { a, b in
                if a.page != b.page { return a.page < b.page }
                return a.rank < b.rank
            }
            let numbers = Set(placed.map(\.page)).union(dayLayouts.map(\.number)).sorted()
            let pages = numbers.map { EditionPage(number: $0, name: names[$0]) }

            var identifier = ArticleIdentifier()
            let articles = placed.map { item -> Article in
                let content = item.content
                return Article(
                    id: identifier.id(headline: content.headline, firstText: content.blocks.first?.text),
                    page: item.page, kicker: content.kicker, headline: content.headline,
                    deck: content.deck, bylines: content.bylines, dateline: content.dateline,
                    blocks: content.blocks)
            }
            let papers = dayContents.compactMap(\.paper)
            let title = Self.mostCommon(papers) ?? Self.folderTitle(name)
            // 今日N版: the 版 the page lists name (the paper as printed), not only those saved.
            let printed = Set(numbers).union(names.keys).count
            let masthead = Masthead(
                title: title, date: day, weekday: day.map(Self.weekday), pageCount: printed,
                lines: day.map { ["\($0.year)年\($0.month)月\($0.day)日 \(Self.weekday($0))"] } ?? [])
            return Edition(
                masthead: masthead, pages: pages, articles: articles, repairs: [],
                source: EditionSource(
                    name: name, contentHash: hash.hex, replacedInvalidBytes: invalid,
                    replacedControls: replaced))
        }

        /// The value met most often (the first of those on a tie).
        static func mostCommon(_ values: [String]) -> String? {
            var counts: [String: Int] = [:]
            for value in values { counts[value, default: 0] += 1 }
            return values.max { counts[$0]! < counts[$1]! }
        }

        /// A paper name from the folder's name when no page names the paper.
        static func folderTitle(_ path: String) -> String {
            String(path.split(separator: "/").last ?? Substring(path))
        }

        /// 星期一…星期日 for a date (Sakamoto's method).
        static func weekday(_ date: EditionDate) -> String {
            let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
            let year = date.month < 3 ? date.year - 1 : date.year
            let index = (year + year / 4 - year / 100 + year / 400 + offsets[(date.month - 1) % 12] + date.day) % 7
            return "星期" + ["日", "一", "二", "三", "四", "五", "六"][index]
        }
    }
}
