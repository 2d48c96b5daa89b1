#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the kiosk inside its library: every edition path is resolved with
/// `realpath` (all `..` and symlinks followed) and must then lie in the library's
/// own resolved directory. Relative names are taken as names in the library,
/// never relative to the working directory.
public struct LibraryConfinement: Sendable, Equatable {
    /// Why a path was refused. Each case prints as one readable line.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case libraryMissing(path: String)
        case notFound(name: String)
        case outside(name: String)

        public var description: String {
            switch self {
            case .libraryMissing(let path):
                return "kiosk: the library directory \(path) does not exist or is not a directory"
            case .notFound(let name):
                return "kiosk: no edition \(name) in the library"
            case .outside(let name):
                return "kiosk: \(name) is outside the library; only editions in the library can be opened"
            }
        }
    }

    /// The library directory as given.
    public let library: String
    /// The library directory with every symlink and `..` resolved.
    public let root: String

    /// Resolves `library`; refuses one that is missing or not a directory.
    public init(library: String) throws(Refusal) {
        guard let root = Self.canonical(library), Self.isDirectory(root) else {
            throw .libraryMissing(path: library)
        }
        self.library = library
        self.root = root
    }

    /// The resolved path of `name` (relative: inside the library), refused when it
    /// does not exist or resolves outside the library.
    public func resolve(_ name: String) throws(Refusal) -> String {
        let joined = name.hasPrefix("/") ? name : library + "/" + name
        guard let resolved = Self.canonical(joined) else {
            // A name that cannot be resolved still must not reveal what exists outside.
            if name.hasPrefix("/") || name.split(separator: "/").contains("..") { throw .outside(name: name) }
            throw .notFound(name: name)
        }
        guard contains(resolved) else { throw .outside(name: name) }
        return resolved
    }

    /// Whether the resolved form of `path` is the library or lies in it.
    public func contains(_ path: String) -> Bool {
        guard let resolved = path == root ? root : Self.canonical(path) else { return false }
        if resolved == root { return true }
        let prefix = root == "/" ? "/" : root + "/"
        return resolved.hasPrefix(prefix)
    }

    /// `paths` without those that resolve outside the library (symlinks in it that escape).
    public func filter(_ paths: [String]) -> [String] {
        paths.filter { contains($0) }
    }

    /// `realpath(3)` of `path`, or nil when it does not exist.
    static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path` is a directory (after following links).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
