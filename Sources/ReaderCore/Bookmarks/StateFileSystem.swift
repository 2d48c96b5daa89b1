/// What kind of thing sits at a path.
public enum StateFileKind: Equatable, Sendable {
    case missing
    case regular
    case directory
    /// A device, socket, fifo…: never read or replaced.
    case other
}

/// What tells one version of a file from another: it changes when the file is
/// replaced (rename: another inode) or written in place (size, modification and change times).
public struct StateFileIdentity: Equatable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    /// Modification and status-change times in nanoseconds.
    public var modified: Int64
    public var changed: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }
}

/// An exclusive advisory lock, held until `unlock()`.
public protocol StateLock: AnyObject {
    /// Releases the lock (also released by the kernel if the process dies).
    func unlock()
}

/// The few file operations the bookmark store needs. `POSIXStateFileSystem`
/// is the real one; tests wrap it to inject failures (a full disk, a
/// read-only directory) that cannot be produced for real when running as root.
public protocol StateFileSystem: Sendable {
    /// What is at `path` (following symlinks).
    func kind(of path: String) -> StateFileKind
    /// Creates `path` and missing parents with mode 0700.
    func createDirectory(_ path: String) throws
    /// The whole file; refused (error `EFBIG`) when larger than `POSIXStateFileSystem.sizeLimit`,
    /// and refused without waiting when it is not a regular file (a FIFO, a device).
    func read(_ path: String) throws -> [UInt8]
    /// Replaces `path` so that a crash leaves the old bytes or the new ones:
    /// temporary file in the same directory, write, fsync, rename, fsync the directory.
    func writeAtomically(_ bytes: [UInt8], to path: String) throws
    /// Renames `path` to `newPath`.
    func move(_ path: String, to newPath: String) throws
    /// Takes an exclusive flock on `path` (created 0600), waiting at most `timeout` seconds.
    func lock(_ path: String, timeout: Double) throws -> any StateLock
    /// Deletes files in `directory` whose names start with `prefix` (left by killed writers).
    func removeFiles(in directory: String, prefix: String)
    /// The names in `directory` ([] if it cannot be read).
    func fileNames(in directory: String) -> [String]
    /// The identity of the file at `path` now; nil when missing or not known (then
    /// the store reads the file on every save).
    func identity(of path: String) -> StateFileIdentity?
}

extension StateFileSystem {
    /// Not known: the store reads the file on every save.
    public func identity(of path: String) -> StateFileIdentity? { nil }

    /// The names in `directory`, through the real file system.
    public func fileNames(in directory: String) -> [String] {
        POSIXStateFileSystem().fileNames(in: directory)
    }
}
