#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the files shipped with broadsheet (the sample edition, the theme files) at
/// run time, from where the executable is: its installed share directory
/// (`bin/broadsheet` → `share/broadsheet/editions`), else the SwiftPM tree it was
/// built in (`swift run`, the tests). Never a path recorded at build time: a binary
/// copied elsewhere must not read a source tree it happens to find there.
public enum BundledFiles {
    /// The shipped folder `name` (`Editions`, `Themes`), or nil when there is none.
    public static func directory(_ name: String) -> String? {
        guard let executable = executablePath() else { return nil }
        return directory(name, executable: executable)
    }

    /// The shipped folder `name` for an executable at `executable` (an absolute path).
    public static func directory(_ name: String, executable: String) -> String? {
        let bin = parent(of: executable)
        let installed = parent(of: bin) + "/share/broadsheet/" + name.lowercased()
        if isDirectory(installed) { return installed }
        // .build/<triple>/debug/broadsheet: the package root is a few levels up.
        var folder = bin
        for _ in 0..<4 {
            if isDirectory(folder + "/" + name), access(folder + "/Package.swift", F_OK) == 0 {
                return folder + "/" + name
            }
            guard folder != "/" else { break }
            folder = parent(of: folder)
        }
        return nil
    }

    /// The running executable, with its links resolved.
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `path` without its last component ("/" at the top).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Whether `path` is a directory (following links).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
