#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an edition file's bytes, refuses what is not text, decodes and sanitises.
public struct EditionLoader: Sendable {
    /// Files above this size are refused (the kiosk must not be made to swallow a disk).
    public var maximumBytes: Int
    /// Refuse a symbolic link as the file itself (`O_NOFOLLOW`): the kiosk opens paths
    /// already resolved inside its library, and a link there now was swapped in since.
    public var refusesLinks = false
    /// A format read outside ReaderCore, asked first (saved e-paper pages).
    public var external: (any ExternalEditionReader)?

    public init(maximumBytes: Int = 256 << 20) {
        self.maximumBytes = maximumBytes
    }

    /// Checks cheaply that `path` would open: a regular file within the size limit,
    /// readable, whose first 8 KiB look like text.
    public func probe(atPath path: String) throws(EditionLoadError) {
        // A day folder's (or e-paper folder's) files are checked one by one as it is read.
        if EditionFormat.detect(atPath: path) == .articleFolder || external?.folder(named: path) != nil { return }
        let (fd, size) = try openFile(path)
        let file = EditionFile(descriptor: fd)
        let (head, failure) = file.bytes(size: min(size, 8192))
        if failure != 0 { throw .unreadable(path: path, reason: Self.describe(failure)) }
        if let reason = Self.binaryReason(head: head[...], total: size) { throw .binary(path: path, reason: reason) }
    }

    /// Loads and parses the edition at `path`, in whichever format it is (`EditionFormat`).
    public func edition(
        atPath path: String, parser: EditionParser = EditionParser()
    ) throws(EditionLoadError) -> Edition {
        if let external, let folder = external.folder(named: path) {
            return try external.edition(folder: folder, parser: parser)
        }
        switch EditionFormat.detect(atPath: path) {
        case .markdownFile: return parser.parse(try load(path: path))
        case .articleFolder:
            return try ArticleFolderReader(classifier: parser.classifier, paperName: parser.paperName, loader: self)
                .edition(atPath: path)
        case .library: throw .isDirectory(path: path)
        }
    }

    /// Opens the file at `path` and parses its first 版 alone when it is large (see
    /// `EditionOpening`); `complete()` on the result gives the whole edition.
    ///
    /// The file is read, never mapped: a mapped file that shrinks under the reader
    /// (`cp new.md today.md` over a live edition) kills it with SIGBUS on the next page
    /// it touches, while a read just returns fewer bytes. The bytes read are what the
    /// whole edition is parsed from later, so the file is read once.
    public func opening(
        atPath path: String, parser: EditionParser = EditionParser(),
        threshold: Int = EditionOpening.defaultThreshold
    ) throws(EditionLoadError) -> EditionOpening {
        if let external, let folder = external.folder(named: path) {
            return EditionOpening(complete: try external.edition(folder: folder, parser: parser))
        }
        switch EditionFormat.detect(atPath: path) {
        case .markdownFile: break
        case .articleFolder, .library: return EditionOpening(complete: try edition(atPath: path, parser: parser))
        }
        let (fd, size) = try openFile(path)
        let file = EditionFile(descriptor: fd)
        let (bytes, failure) = file.bytes(size: size)
        if failure != 0 { throw .unreadable(path: path, reason: Self.describe(failure)) }
        try Self.refuseForeign(bytes, path: path)
        return EditionOpening(bytes: bytes, name: path, parser: parser, threshold: threshold)
    }

    /// Reads, checks, decodes and sanitises the file at `path`.
    public func load(path: String) throws(EditionLoadError) -> LoadedEdition {
        let bytes = try readBytes(path: path)
        try Self.refuseForeign(bytes, path: path)
        return Self.decode(bytes, name: path)
    }

    /// Refuses a file of another format (`InputSniffer`) or a binary one (`binaryReason`).
    static func refuseForeign(_ bytes: [UInt8], path: String) throws(EditionLoadError) {
        if let kind = InputSniffer.kind(of: bytes.prefix(4096), path: path) {
            throw .unsupported(path: path, kind: kind)
        }
        if let reason = Self.binaryReason(bytes) { throw .binary(path: path, reason: reason) }
    }

    /// Decodes bytes already in memory (invalid UTF-8 → U+FFFD, counted) and sanitises them.
    public static func decode(_ bytes: [UInt8], name: String) -> LoadedEdition {
        let hash = FNV1a.hex(of: bytes)
        let (text, invalid, replaced) = text(of: bytes)
        return LoadedEdition(
            text: text,
            source: EditionSource(
                name: name, contentHash: hash, replacedInvalidBytes: invalid, replacedControls: replaced))
    }

    /// Decoded and sanitised text, invalid sequences replaced and controls replaced.
    static func text(of bytes: [UInt8]) -> (text: String, invalid: Int, replaced: Int) {
        var text: String
        var invalid = 0
        // Fast path: the standard library validates in optimised code.
        if let valid = bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
            text = valid
        } else {
            (text, invalid) = repairUTF8(bytes)
        }
        let clean = ContentSanitizer().sanitize(text)
        return (clean.text, invalid, clean.replaced)
    }

    /// Decodes with one U+FFFD per maximal invalid subpart, counting them.
    public static func repairUTF8(_ bytes: [UInt8]) -> (String, Int) {
        var scalars = String.UnicodeScalarView()
        var invalid = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF8.decode(encoded))
            case .error:
                invalid += 1
                scalars.append("\u{FFFD}")
            case .emptyInput:
                break loop
            }
        }
        return (String(scalars), invalid)
    }

    /// Why `bytes` look like a binary file, or nil for text.
    ///
    /// Known binary signatures are refused outright; otherwise the first 8 KiB are
    /// sampled and refused when more than 10% of it is NUL, other C0 controls
    /// (TAB, LF, CR, FF and ESC excepted) or invalid UTF-8. A text with a few stray
    /// NULs still opens: the sanitiser shows them as ␀.
    public static func binaryReason(_ bytes: [UInt8]) -> String? {
        binaryReason(head: bytes.prefix(8192), total: bytes.count)
    }

    /// `binaryReason` from the first 8 KiB of a file of `total` bytes.
    static func binaryReason(head bytes: ArraySlice<UInt8>, total: Int) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"),
            ([0x1F, 0x8B], "a gzip archive"),
            ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
            ([0xFF, 0xFE], "UTF-16 text; convert it to UTF-8"),
            ([0xFE, 0xFF], "UTF-16 text; convert it to UTF-8"),
        ]
        for (magic, what) in signatures where bytes.starts(with: magic) {
            return "looks like \(what)"
        }
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty else { return nil }
        var odd = 0
        var nul = 0
        for byte in sample where byte < 0x20 || byte == 0x7F {
            switch byte {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x1B: break
            case 0x00: nul += 1; odd += 1
            default: odd += 1
            }
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = sample.makeIterator()
        var invalid = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .error(let length): invalid += length
            case .emptyInput: break loop
            }
        }
        // A sequence cut by the sample's end is not evidence.
        if sample.count < total { invalid = max(0, invalid - 3) }
        guard (odd + invalid) * 10 > sample.count else { return nil }
        if nul > 0 { return "\(nul) NUL bytes in the first \(sample.count) bytes" }
        if invalid > odd { return "mostly invalid UTF-8" }
        return "mostly control bytes"
    }

    /// Reads a regular file completely.
    private func readBytes(path: String) throws(EditionLoadError) -> [UInt8] {
        let (fd, size) = try openFile(path)
        let (bytes, failure) = EditionFile(descriptor: fd).bytes(size: size)
        if failure != 0 { throw .unreadable(path: path, reason: Self.describe(failure)) }
        return bytes
    }

    /// Opens a regular file for reading: its descriptor and size. Refuses directories,
    /// FIFOs, devices and files above `maximumBytes`.
    private func openFile(_ path: String) throws(EditionLoadError) -> (Int32, Int) {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (refusesLinks ? O_NOFOLLOW : 0))
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .notFound(path: path) }
            if code == ELOOP, refusesLinks { throw .unreadable(path: path, reason: "a symbolic link") }
            throw .unreadable(path: path, reason: Self.describe(code))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw .unreadable(path: path, reason: Self.describe(code))
        }
        let type = info.st_mode & S_IFMT
        let size = Int(info.st_size)
        if type == S_IFDIR { close(fd); throw .isDirectory(path: path) }
        guard type == S_IFREG else { close(fd); throw .unreadable(path: path, reason: "not a regular file") }
        if size > maximumBytes { close(fd); throw .tooLarge(path: path, bytes: size, limit: maximumBytes) }
        return (fd, size)
    }

    /// The C library's message for an errno value.
    private static func describe(_ code: Int32) -> String {
        if let message = strerror(code) { return String(cString: message).lowercased() }
        return "error \(code)"
    }
}
