#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds editions: resolves the command-line argument to a file, and lists a
/// library directory's editions by date (for `[` / `]` navigation).
///
/// Resolution: an explicit file is used as is; a directory opens its newest
/// edition that opens; no argument uses `$BROADSHEET_LIBRARY`, else
/// `$XDG_DATA_HOME/broadsheet/editions` (default `~/.local/share/broadsheet/editions`)
/// when it holds editions, else the bundled editions (installed share directory or
/// the SwiftPM tree the executable was built in).
public struct EditionLibrary: Sendable {
    /// One edition in a library and the date it is filed under: a single file, or a
    /// day folder of article files (see `entry(at:name:)`).
    public struct Entry: Sendable, Equatable {
        public var path: String
        /// The masthead date (a day folder: the date in its name, else its articles'),
        /// else the date in the file name, else nil.
        public var date: EditionDate?
    }

    /// The library directory.
    public var directory: String
    /// Kiosk: when set, entries that resolve outside it (escaping symlinks) are not listed.
    public var confinement: LibraryConfinement?

    public init(directory: String) {
        self.directory = directory
    }

    /// The bundled `Editions/` folder, found from the executable (see `BundledFiles`);
    /// a path that does not exist when there is none, so that the loader says so.
    public static var bundledDirectory: String {
        BundledFiles.directory("Editions") ?? "/usr/local/share/broadsheet/editions"
    }

    /// The library directory used when no edition is named.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let library = environment["BROADSHEET_LIBRARY"], !library.isEmpty { return library }
        let data: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            data = xdg
        } else {
            data = (environment["HOME"] ?? "") + "/.local/share"
        }
        let user = data + "/broadsheet/editions"
        if isDirectory(user), let entries = try? EditionLibrary(directory: user).editions(), !entries.isEmpty {
            return user
        }
        return bundledDirectory
    }

    /// The edition file to open for a command-line argument (nil: the default library).
    public static func resolve(_ argument: String?, environment: [String: String]) throws(EditionLoadError) -> String {
        let target = argument ?? defaultDirectory(environment: environment)
        if EditionFormat.detect(atPath: target) == .articleFolder {
            return ArticleFolderReader.withoutTrailingSlash(target)
        }
        if isDirectory(target) {
            // The newest edition that opens: a bad file does not hide the others.
            do {
                return try EditionResolver(directory: target).newest().path
            } catch let error as EditionLoadError {
                throw error
            } catch {
                throw .unreadable(path: target, reason: "\(error)")
            }
        }
        return target // the loader reports a missing or unreadable file
    }

    /// Resolves a command-line argument (see `resolve`) and loads and parses that edition.
    /// The one call `--outline`, `--dump` and the reader need.
    public static func edition(
        _ argument: String?, environment: [String: String],
        parser: EditionParser = EditionParser()
    ) throws(EditionLoadError) -> Edition {
        try EditionLoader().edition(atPath: resolve(argument, environment: environment), parser: parser)
    }

    /// The library's editions, oldest first (undated ones first, by name).
    public func editions() throws(EditionLoadError) -> [Entry] {
        guard let dir = opendir(directory) else {
            let code = errno
            if code == ENOENT { throw .notFound(path: directory) }
            throw .unreadable(path: directory, reason: String(cString: strerror(code)).lowercased())
        }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if let found = Self.entry(at: path, name: name), confinement?.contains(path) ?? true {
                entries.append(found)
            }
        }
        return entries.sorted { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.path < b.path
            }
        }
    }

    /// The library entry for `name` at `path`: a single-file edition or a day folder of
    /// article files, with its date; nil for anything else. The one place that says
    /// what a library holds (formats are recognised by `EditionFormat`).
    static func entry(at path: String, name: String) -> Entry? {
        switch EditionFormat.listed(atPath: path, name: name) {
        case .markdownFile?:
            return Entry(path: path, date: mastheadDate(path) ?? date(inName: path))
        case .articleFolder?:
            return Entry(path: path, date: date(inName: path) ?? ArticleFolderReader.date(ofFolder: path))
        case .library?, nil:
            return nil
        }
    }

    /// The edition before or after `path` in date order (`[` / `]`), or nil at either end.
    public func neighbour(of path: String, offset: Int) throws(EditionLoadError) -> Entry? {
        let all = try editions()
        guard let at = all.firstIndex(where: { $0.path == path }) else { return nil }
        let target = at + offset
        return all.indices.contains(target) ? all[target] : nil
    }

    /// `yyyy-mm-dd` (or `yyyymmdd`) anywhere in a file name.
    public static func date(inName path: String) -> EditionDate? {
        let name = Array((path.split(separator: "/").last.map(String.init) ?? path).unicodeScalars)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= name.count else { return nil }
            var value = 0
            for s in name[from..<(from + count)] {
                guard (0x30...0x39).contains(s.value) else { return nil }
                value = value * 10 + Int(s.value - 0x30)
            }
            return value
        }
        for i in name.indices {
            if let y = digits(i, 4), i + 10 <= name.count, name[i + 4] == "-", name[i + 7] == "-",
                let m = digits(i + 5, 2), let d = digits(i + 8, 2), (1...12).contains(m), (1...31).contains(d)
            {
                return EditionDate(year: y, month: m, day: d)
            }
            if let y = digits(i, 4), let m = digits(i + 4, 2), let d = digits(i + 6, 2),
                (1900...2999).contains(y), (1...12).contains(m), (1...31).contains(d),
                digits(i + 8, 1) == nil, i == 0 || digits(i - 1, 1) == nil
            {
                return EditionDate(year: y, month: m, day: d)
            }
        }
        return nil
    }

    /// The masthead date from the first 4 KiB of a file (cheap: no full parse).
    static func mastheadDate(_ path: String) -> EditionDate? {
        guard isRegularFile(path) else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, 4096) }
        guard got > 0 else { return nil }
        let head = String(decoding: buffer[..<got], as: UTF8.self)
        for line in head.split(separator: "\n").prefix(12) {
            if let date = MastheadParser.date(in: Array(line.unicodeScalars)) { return date }
        }
        return nil
    }

    /// Whether `path` is a directory.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` is a regular file (following links).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
