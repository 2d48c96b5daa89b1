#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system, through POSIX calls.
public struct POSIXStateFileSystem: StateFileSystem {
    /// Marks the temporary files of `writeAtomically`: `<name>.tmp-<pid>-<random>`.
    public static let temporaryInfix = ".tmp-"

    /// The largest state or import file read: a bigger one is refused, not read into
    /// memory (thousands of bookmarks take well under 1 MiB).
    public static let sizeLimit = 16 << 20

    public init() {}

    /// What is at `path`.
    public func kind(of path: String) -> StateFileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Creates `path` and its missing parents, each 0700.
    public func createDirectory(_ path: String) throws {
        if kind(of: path) == .directory { return }
        let parent = POSIXStateFileSystem.parent(of: path)
        if parent != path, !parent.isEmpty, kind(of: parent) == .missing {
            try createDirectory(parent)
        }
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw StateFileError.fromErrno("create directory", path)
        }
        if kind(of: path) != .directory {
            throw StateFileError("create directory", path, code: ENOTDIR)
        }
    }

    /// Reads the whole file, up to `sizeLimit` bytes. Opened without blocking and checked
    /// on the open descriptor, so a FIFO or a device (`/dev/zero`) is refused at once.
    public func read(_ path: String) throws -> [UInt8] {
        try read(path, limit: POSIXStateFileSystem.sizeLimit)
    }

    /// Reads the whole regular file at `path`; larger than `limit` bytes: error `EFBIG`.
    public func read(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw StateFileError.fromErrno("read", path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StateFileError.fromErrno("read", path) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw StateFileError("read", path, code: EINVAL, detail: "not a regular file")
        }
        if info.st_size > limit { throw POSIXStateFileSystem.tooLarge(path, size: Int64(info.st_size), limit: limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StateFileError.fromErrno("read", path)
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
            // It grew while being read.
            if bytes.count > limit { throw POSIXStateFileSystem.tooLarge(path, size: Int64(bytes.count), limit: limit) }
        }
    }

    /// The error for a file over the size limit.
    static func tooLarge(_ path: String, size: Int64, limit: Int) -> StateFileError {
        let mib = { (bytes: Int64) in String(bytes >> 20) + (bytes & (1 << 20 - 1) == 0 ? "" : "+") + " MiB" }
        return StateFileError(
            "read", path, code: EFBIG,
            detail: "it is \(mib(size)), over the \(mib(Int64(limit))) limit for state files")
    }

    /// Device, inode, size and times of `path` (following a symlink, as `kind` does).
    public func identity(of path: String) -> StateFileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return StateFileIdentity(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    /// Temporary file, write, fsync, rename over `path`, fsync the directory.
    public func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let directory = POSIXStateFileSystem.parent(of: path)
        let temporary =
            path + POSIXStateFileSystem.temporaryInfix + "\(getpid())-"
            + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StateFileError.fromErrno("write", temporary) }
        var done = false
        defer { if !done { unlink(temporary) } }
        do {
            defer { close(fd) }
            fchmod(fd, 0o600) // whatever the umask
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes {
                    write(fd, $0.baseAddress! + written, $0.count - written)
                }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw StateFileError.fromErrno("write", temporary)
                }
                written += n
            }
            if fsync(fd) != 0 { throw StateFileError.fromErrno("write", temporary) }
        }
        if rename(temporary, path) != 0 { throw StateFileError.fromErrno("replace", path) }
        done = true
        // The rename itself must reach the disk, or a power cut could undo it.
        let dfd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }

    /// Renames `path` to `newPath`.
    public func move(_ path: String, to newPath: String) throws {
        if rename(path, newPath) != 0 { throw StateFileError.fromErrno("move", path) }
    }

    /// flock(LOCK_EX) with a deadline, polling so that a stopped session cannot hang us.
    /// The lock file is never followed through a symlink: a link planted in its place
    /// must not make the reader (perhaps root) create or open a file elsewhere.
    public func lock(_ path: String, timeout: Double) throws -> any StateLock {
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StateFileError.fromErrno("lock", path) }
        let deadline = POSIXStateFileSystem.monotonicSeconds() + timeout
        // Poll often: a session saving in a tight loop leaves the lock free only for
        // moments between its saves, and a slow poll would keep missing them.
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR else {
                close(fd)
                throw StateFileError("lock", path, code: failure)
            }
            if POSIXStateFileSystem.monotonicSeconds() > deadline {
                close(fd)
                throw StateFileError(
                    "lock", path, code: 0,
                    detail: "another broadsheet session holds it")
            }
            usleep(UInt32.random(in: 100...600))
        }
        return FileLock(fd: fd)
    }

    /// Deletes `prefix*` files in `directory`.
    public func removeFiles(in directory: String, prefix: String) {
        for name in fileNames(in: directory) where name.hasPrefix(prefix) {
            unlink(directory + "/" + name)
        }
    }

    /// The names in `directory`, without "." and "..".
    public func fileNames(in directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The directory part of `path` ("" for a bare name, "/" for a top-level one).
    static func parent(of path: String) -> String {
        var scalars = Array(path.utf8)
        while scalars.count > 1, scalars.last == 47 { scalars.removeLast() }
        guard let slash = scalars.lastIndex(of: 47) else { return "" }
        if slash == 0 { return "/" }
        return String(decoding: scalars[..<slash], as: UTF8.self)
    }

    /// Seconds on a clock that never jumps (for the lock deadline).
    private static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// A held flock; closing the descriptor releases it.
final class FileLock: StateLock {
    private var fd: Int32

    init(fd: Int32) { self.fd = fd }

    /// Releases the lock and closes the descriptor; safe to call twice.
    func unlock() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { unlock() }
}

/// `read(2)`, under a name the struct's own `read(_:)` does not shadow.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
