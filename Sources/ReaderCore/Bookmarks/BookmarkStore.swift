#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bookmarks and reading positions, kept in memory and saved to
/// `bookmarks.json` after every change. Never throws at the reader: every
/// trouble (corrupt file, newer schema, read-only or full disk, a lock held
/// too long) becomes a one-time notice from `takeNotices()`, and reading goes on.
///
/// Each save takes an flock on `bookmarks.json.lock`, reads the file, merges
/// it with what this session knows (`StateDocument.merged`), writes the result
/// atomically and releases the lock, so concurrent sessions lose nothing.
public final class BookmarkStore {
    /// How the last save went.
    public enum SaveStatus: Equatable, Sendable {
        case saved
        /// Nothing written, by design (`--no-state`, no home).
        case memoryOnly
        /// Nothing written: the file is from a newer schema or is not a regular file.
        case readOnly
        case failed(String)
    }

    public let location: StateLocation
    /// Everything this session knows, merged with the file at the last load or save.
    public private(set) var document = StateDocument()
    /// True when the file must not be written (newer schema, directory in its place).
    public private(set) var isReadOnly = false
    public private(set) var lastSave: SaveStatus
    /// Seconds to wait for another session's lock before giving up on one save.
    public var lockTimeout: Double = 3
    /// `recordReadingPosition` writes at most this often; `flush()` writes the rest.
    public var positionSaveInterval: Double = 2

    private let fileSystem: any StateFileSystem
    private let clock: () -> Timestamp
    private var notices: [String] = []
    private var failureReported = false
    private var positionDirty = false
    private var lastPositionSave: Timestamp?
    /// A place noted between saves, turned into a `TextAnchor` (which quotes the
    /// text) only when it is written: a page turn must not walk the article.
    private var pendingPlace: (edition: Edition, articleIndex: Int?, offset: Int, page: Int?)?
    /// The file as this session last read or wrote it: while it is unchanged, a save
    /// merges nothing new and skips reading and parsing it again.
    private var knownDisk: StateFileIdentity?

    /// A store at `location`; call `load()` to read the file.
    public init(
        location: StateLocation, fileSystem: any StateFileSystem = POSIXStateFileSystem(),
        clock: @escaping () -> Timestamp = Timestamp.now
    ) {
        self.location = location
        self.fileSystem = fileSystem
        self.clock = clock
        if case .memoryOnly = location { lastSave = .memoryOnly } else { lastSave = .saved }
    }

    /// Opens the store at `location` and loads it.
    public static func open(
        _ location: StateLocation,
        fileSystem: any StateFileSystem = POSIXStateFileSystem()
    ) -> BookmarkStore {
        let store = BookmarkStore(location: location, fileSystem: fileSystem)
        store.load()
        return store
    }

    /// The path of `bookmarks.json`, or nil when state is kept in memory.
    public var filePath: String? { location.filePath }

    // MARK: - Reading

    /// Every bookmark, newest first.
    public var bookmarks: [Bookmark] {
        document.bookmarks.sorted { ($0.created, $0.id) > ($1.created, $1.id) }
    }

    /// The bookmark with `id`.
    public func bookmark(id: String) -> Bookmark? {
        document.bookmarks.first { $0.id == id }
    }

    /// Where the reader was in `edition` (matched by title and date, not hash).
    public func readingPosition(for edition: EditionID) -> ReadingPosition? {
        settlePendingPlace()
        return document.positions.first { $0.position.edition.key == edition.key }
    }

    /// Messages for the status line since the last call, each told once.
    public func takeNotices() -> [String] {
        defer { notices.removeAll() }
        return notices
    }

    // MARK: - Changing

    /// Adds a bookmark at `position` and saves.
    @discardableResult
    public func addBookmark(at position: TextAnchor, headline: String, note: String? = nil) -> Bookmark {
        let now = clock()
        let mark = Bookmark(
            position: position, headline: ContentSanitizer().line(headline),
            note: BookmarkStore.clean(note), created: now)
        document.bookmarks.append(mark)
        save()
        return mark
    }

    /// Deletes the bookmark `id` (leaving a tombstone) and saves; false if there was none.
    @discardableResult
    public func deleteBookmark(id: String) -> Bool {
        guard document.bookmarks.contains(where: { $0.id == id }) else { return false }
        document.bookmarks.removeAll { $0.id == id }
        document.deleted.append(Tombstone(id: id, deleted: clock()))
        save()
        return true
    }

    /// Replaces the note of bookmark `id` ("" or nil removes it) and saves.
    @discardableResult
    public func setNote(_ note: String?, forBookmark id: String) -> Bool {
        guard let index = document.bookmarks.firstIndex(where: { $0.id == id }) else { return false }
        document.bookmarks[index].note = BookmarkStore.clean(note)
        document.bookmarks[index].updated = clock()
        save()
        return true
    }

    /// Notes where the reader is. Saved at once when `positionSaveInterval` has
    /// passed since the last position save, else left for the next one or `flush()`.
    public func recordReadingPosition(_ position: TextAnchor) {
        pendingPlace = nil
        let now = clock()
        let place = ReadingPosition(position: position, updated: now)
        document.positions.removeAll { $0.position.edition.key == position.edition.key }
        document.positions.append(place)
        positionDirty = true
        if let last = lastPositionSave,
            Double(now.milliseconds - last.milliseconds) / 1000 < positionSaveInterval
        {
            return
        }
        save()
    }

    /// Saves a reading position not yet written (call on quit and on SIGHUP/SIGTERM).
    public func flush() {
        if positionDirty { save() }
    }

    /// Whether a position noted now is written at once (else it waits for a later save).
    private var positionSaveIsDue: Bool {
        guard let last = lastPositionSave else { return true }
        return Double(clock().milliseconds - last.milliseconds) / 1000 >= positionSaveInterval
    }

    /// Stores the pending place as an anchor in the document.
    private func settlePendingPlace() {
        guard let place = pendingPlace else { return }
        pendingPlace = nil
        let anchor =
            place.articleIndex.map { TextAnchor(in: place.edition, articleIndex: $0, offset: place.offset) }
            ?? .frontPage(of: place.edition, page: place.page)
        let now = clock()
        document.positions.removeAll { $0.position.edition.key == anchor.edition.key }
        document.positions.append(ReadingPosition(position: anchor, updated: now))
    }

    /// Merges bookmarks and positions from another state document (an import) and
    /// saves. Returns how many bookmarks were new to this store.
    @discardableResult
    public func merge(_ other: StateDocument) -> Int {
        let before = Set(document.bookmarks.map(\.id))
        document = document.merged(with: other)
        save()
        return document.bookmarks.filter { !before.contains($0.id) }.count
    }

    // MARK: - Conveniences for the reader

    /// Bookmarks the text at `offset` in article `articleIndex` of `edition` (the top
    /// of the current screen page), with the article's headline.
    @discardableResult
    public func addBookmark(in edition: Edition, articleIndex: Int, offset: Int, note: String? = nil) -> Bookmark {
        addBookmark(
            at: TextAnchor(in: edition, articleIndex: articleIndex, offset: offset),
            headline: edition.articles[articleIndex].headline, note: note)
    }

    /// Records the reader at `offset` in article `articleIndex`, or on the front
    /// page of 版 `page` when `articleIndex` is nil.
    public func recordReadingPosition(in edition: Edition, articleIndex: Int?, offset: Int = 0, page: Int? = nil) {
        if !positionSaveIsDue {
            pendingPlace = (edition, articleIndex, offset, page)
            positionDirty = true
            return
        }
        guard let articleIndex else {
            recordReadingPosition(.frontPage(of: edition, page: page))
            return
        }
        recordReadingPosition(TextAnchor(in: edition, articleIndex: articleIndex, offset: offset))
    }

    /// Where to resume `edition`: the saved position found in its text, or nil
    /// (never read, last seen on the front page, or the text is gone).
    public func resumePosition(in edition: Edition) -> ResolvedPosition? {
        readingPosition(for: EditionID(edition))?.position.resolve(in: edition)
    }

    // MARK: - File

    /// Reads the file. Missing or empty: start empty. Corrupt or unreadable:
    /// moved aside to `bookmarks.json.corrupt-<time>`, start empty. Newer schema
    /// or not a regular file: read what can be read, never write.
    public func load() {
        guard case .directory(let dir) = location, let path = filePath else { return }
        guard fileSystem.kind(of: dir) == .directory else { return } // created on first save
        // Lock so that a corrupt file is judged and moved aside by one session only.
        let lock = try? fileSystem.lock(path + ".lock", timeout: lockTimeout)
        defer { lock?.unlock() }
        if let disk = try? readDisk(path) { document = document.merged(with: disk) }
    }

    /// Writes this session's state, merged with the file's, under the lock.
    public func save() {
        settlePendingPlace()
        guard case .directory(let dir) = location, let path = filePath else {
            lastSave = .memoryOnly
            return
        }
        if isReadOnly {
            lastSave = .readOnly
            return
        }
        do {
            try fileSystem.createDirectory(dir)
            let lock = try fileSystem.lock(path + ".lock", timeout: lockTimeout)
            defer { lock.unlock() }
            // Writers hold the lock, so any temporary file seen now is a dead writer's.
            fileSystem.removeFiles(in: dir, prefix: StateLocation.fileName + POSIXStateFileSystem.temporaryInfix)
            // Unchanged since this session read or wrote it: `document` already holds it.
            if knownDisk == nil || fileSystem.identity(of: path) != knownDisk {
                if let disk = try readDisk(path) { document = document.merged(with: disk) }
            }
            if isReadOnly {
                lastSave = .readOnly
                return
            }
            document = document.pruned(at: clock())
            knownDisk = nil
            try fileSystem.writeAtomically(try document.encoded(), to: path)
            knownDisk = fileSystem.identity(of: path)
            lastSave = .saved
            positionDirty = false
            lastPositionSave = clock()
            if failureReported {
                failureReported = false
                notice("bookmarks saved again to \(path)")
            }
        } catch {
            let message = "\(error)"
            lastSave = .failed(message)
            if !failureReported {
                failureReported = true
                notice("bookmarks not saved (\(message)); reading goes on, they are kept until quit")
            }
        }
    }

    /// The file's document, or nil when there is none to merge. Handles the
    /// corrupt, newer-schema and not-a-file cases, with a notice each. Throws only
    /// for a passing trouble of this process (out of file descriptors or memory),
    /// which says nothing about the file and must not move it aside.
    private func readDisk(_ path: String) throws -> StateDocument? {
        knownDisk = nil
        let identity = fileSystem.identity(of: path)
        switch fileSystem.kind(of: path) {
        case .missing:
            return nil
        case .directory, .other:
            isReadOnly = true
            notice("\(path) is not a regular file; bookmarks are kept in memory only")
            return nil
        case .regular:
            break
        }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.read(path)
        } catch let error as StateFileError where BookmarkStore.passingErrors.contains(error.code) {
            throw error
        } catch let error as StateFileError where error.code == EFBIG {
            // Kept whole under another name; parsing it would stall every save.
            moveAside(path, reason: error.detail, suffix: ".too-large-")
            return nil
        } catch {
            moveAside(path, reason: "\(error)")
            return nil
        }
        switch StateDocument.decode(bytes) {
        case .document(let disk):
            knownDisk = identity
            return disk
        case .empty:
            knownDisk = identity
            return nil
        case .newerVersion(let version, let disk):
            if !isReadOnly {
                isReadOnly = true
                notice("\(path) is from a newer broadsheet (schema \(version)); bookmarks are read-only")
            }
            return disk
        case .corrupt(let reason):
            moveAside(path, reason: reason)
            return nil
        }
    }

    /// Read errors that are the process's trouble, not the file's.
    private static let passingErrors: Set<Int32> = [EMFILE, ENFILE, ENOMEM, EINTR, EAGAIN]

    /// Renames a bad file to `bookmarks.json.corrupt-<time>` (or another `suffix`) so
    /// nothing is lost.
    private func moveAside(_ path: String, reason: String, suffix: String = ".corrupt-") {
        let aside = path + suffix + clock().fileNameStamp
        do {
            try fileSystem.move(path, to: aside)
            let what = suffix == ".corrupt-" ? "was unreadable" : "was not read"
            notice("\(StateLocation.fileName) \(what) (\(reason)); moved to \(aside), starting empty")
        } catch {
            isReadOnly = true
            notice(
                "\(StateLocation.fileName) is unreadable (\(reason)) and \(error); bookmarks are kept in memory only")
        }
    }

    /// Queues a message for the status line.
    private func notice(_ text: String) {
        notices.append(text)
    }

    /// A note made safe for a terminal (controls, C1 and bidi overrides replaced as in
    /// editions), with surrounding whitespace removed; nil when empty.
    private static func clean(_ note: String?) -> String? {
        guard let note = note.map(ContentSanitizer().line) else { return nil }
        let kept = note.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
        return kept.isEmpty ? nil : String(kept)
    }
}
