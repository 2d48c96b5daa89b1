#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a day folder of one Markdown file per article as one edition: the layout
/// of scraped 人民日报 archives, `YYYY-MM-DD/NN-版名/标题.md`, each file with YAML
/// front matter (`title`, `date`, `section: 第NN版`, `section_name`, `author`,
/// `source_url`). Article files directly in the day folder are read too.
///
/// The masthead is the paper (from `source_url`'s path, else `paperName`, else the
/// folder's name) and the date; the 版 are the sections present (a missing 版 is simply
/// absent); articles are ordered by 版, then by the content id in `source_url`, else
/// by file name. The articles go through the same repairs as any edition, except the
/// moved-headline repair: each file holds exactly one article.
public struct ArticleFolderReader: Sendable {
    public var classifier: LineClassifier
    /// The paper's name when no `source_url` names it (the config's `paperName`).
    public var paperName: String?
    public var loader: EditionLoader

    public init(
        classifier: LineClassifier = LineClassifier(), paperName: String? = nil,
        loader: EditionLoader = EditionLoader()
    ) {
        self.classifier = classifier
        self.paperName = paperName
        self.loader = loader
    }

    /// Reads the day folder at `path` as one edition.
    public func edition(atPath path: String) throws(EditionLoadError) -> Edition {
        let folder = Self.withoutTrailingSlash(path)
        let files = Self.articleFiles(in: folder)
        guard !files.isEmpty else { throw .noEditions(directory: folder) }
        var texts: [(text: String, relative: String, pageFolder: String)] = []
        var hash = FNV1a()
        var invalid = 0, controls = 0
        for file in files {
            // One unreadable or binary file does not close the day: it is left out.
            guard let loaded = try? loader.load(path: file.path) else { continue }
            hash.combine(file.relative)
            hash.combine(loaded.source.contentHash)
            invalid += loaded.source.replacedInvalidBytes
            controls += loaded.source.replacedControls
            texts.append((loaded.text, file.relative, file.pageFolder))
        }
        let source = EditionSource(
            name: folder, contentHash: hash.hex,
            replacedInvalidBytes: invalid, replacedControls: controls)
        guard let edition = edition(of: texts, source: source) else { throw .noEditions(directory: folder) }
        return edition
    }

    /// The edition made of article texts (decoded, sanitised), each with its path
    /// relative to the day folder and its 版 folder's name; nil when none is an article.
    func edition(
        of texts: [(text: String, relative: String, pageFolder: String)],
        source: EditionSource
    ) -> Edition? {
        let reader = ArticleMarkdown(classifier: classifier)
        var read: [(article: ArticleMarkdown.Article, name: String)] = []
        for file in texts {
            if let article = reader.read(file.text, folder: file.pageFolder) { read.append((article, file.relative)) }
        }
        guard !read.isEmpty else { return nil }
        read.sort { a, b in
            if a.article.draft.page != b.article.draft.page { return a.article.draft.page < b.article.draft.page }
            if let x = a.article.contentID, let y = b.article.contentID, x != y { return x < y }
            return a.name < b.name
        }
        var pages: [EditionPage] = []
        for (article, _) in read where !pages.contains(where: { $0.number == article.draft.page }) {
            pages.append(EditionPage(number: article.draft.page, name: article.pageName))
        }
        var repairer = EditionRepairer(classifier: classifier)
        repairer.movesHeadlines = false
        let articles = repairer.repair(read.map(\.article.draft))
        let date = read.lazy.compactMap(\.article.date).first ?? EditionLibrary.date(inName: source.name)
        let title =
            read.lazy.compactMap(\.article.paper).first ?? paperName
            ?? EditionParser.title(fromName: source.name)
        return Edition(
            masthead: Self.masthead(title: title, date: date), pages: pages, articles: articles,
            repairs: repairer.repairs, source: source)
    }

    /// The masthead of a day: the paper and `2025年1月2日 星期四`.
    static func masthead(title: String, date: EditionDate?) -> Masthead {
        guard let date else { return Masthead(title: title) }
        let weekday = "星期" + ["日", "一", "二", "三", "四", "五", "六"][weekdayIndex(date)]
        return Masthead(
            title: title, date: date, weekday: weekday,
            lines: ["\(date.year)年\(date.month)月\(date.day)日 \(weekday)"])
    }

    /// 0 for Sunday … 6 for Saturday (Sakamoto's method, proleptic Gregorian).
    static func weekdayIndex(_ date: EditionDate) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = date.month < 3 ? date.year - 1 : date.year
        return (y + y / 4 - y / 100 + y / 400 + offsets[(date.month - 1) % 12] + date.day) % 7
    }

    /// The front-matter date of the first article file in a day folder (for a library
    /// entry whose name carries no date).
    public static func date(ofFolder path: String) -> EditionDate? {
        for file in articleFiles(in: withoutTrailingSlash(path)).prefix(4) {
            guard let head = head(of: file.path), let (matter, _) = FrontMatter.split(head),
                let value = matter["date"]
            else { continue }
            if let date = MastheadParser.date(in: Array(value.unicodeScalars)) { return date }
        }
        return nil
    }

    /// Whether `path` is a day folder: a `.md` file with article front matter directly
    /// in it or in one of its `NN-版名` folders (the first few files decide).
    public static func isArticleFolder(_ path: String) -> Bool {
        var looked = 0
        for file in articleFiles(in: withoutTrailingSlash(path), limit: 8) {
            looked += 1
            if let head = head(of: file.path), FrontMatter.namesArticle(head) { return true }
            if looked >= 8 { break }
        }
        return false
    }

    /// One Markdown file of a day folder: its path, its path relative to the folder,
    /// and the name of the 版 folder it is in ("" when directly in the day folder).
    struct File {
        var path: String
        var relative: String
        var pageFolder: String
    }

    /// The `.md` files directly in `folder` and in its 版 folders, by relative path.
    /// Symbolic links inside the day folder are not followed: what a library (and a
    /// kiosk confined to it) lists is what is read.
    static func articleFiles(in folder: String, limit: Int = .max) -> [File] {
        var files: [File] = []
        for name in names(in: folder) where !name.hasPrefix(".") {
            let path = folder + "/" + name
            if name.hasSuffix(".md"), isRegularFile(path) {
                files.append(File(path: path, relative: name, pageFolder: ""))
            } else if ArticleMarkdown.isPageFolder(name), isDirectory(path) {
                for inner in names(in: path) where !inner.hasPrefix(".") && inner.hasSuffix(".md") {
                    let file = path + "/" + inner
                    if isRegularFile(file) {
                        files.append(File(path: file, relative: name + "/" + inner, pageFolder: name))
                    }
                }
            }
            if files.count >= limit { break }
        }
        return files.sorted { $0.relative < $1.relative }
    }

    /// The names in a directory, sorted; empty when it cannot be read.
    static func names(in directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The first 4 KiB of a file as text (enough for front matter), nil when unreadable.
    static func head(of path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, 4096) }
        guard got > 0 else { return nil }
        return String(decoding: buffer[..<got], as: UTF8.self)
    }

    /// `path` without trailing slashes ("/" stays).
    static func withoutTrailingSlash(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }

    /// Whether `path` is a regular file itself (a symbolic link is not).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether `path` is a directory itself (a symbolic link is not).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
