#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What an input path holds: the one place where a path given to the reader, or met
/// in a library, is recognised. Each format has its reader; `EditionLoader` dispatches
/// on this, and `EditionLibrary` lists what it recognises as an edition.
public enum EditionFormat: Sendable, Equatable {
    /// One text file in broadsheet's Markdown dialect (a whole edition in one file).
    case markdownFile
    /// A day folder of one Markdown file per article with YAML front matter, the
    /// articles in `NN-版名/` folders (read by `ArticleFolderReader`).
    case articleFolder
    /// A directory that is not itself an edition: a library of editions.
    case library

    /// The format of `path`. A path that does not exist is taken as a file, so that
    /// the loader reports it missing.
    public static func detect(atPath path: String) -> EditionFormat {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return .markdownFile }
        return ArticleFolderReader.isArticleFolder(path) ? .articleFolder : .library
    }

    /// The format of a library entry named `name` at `path`, or nil when the entry is
    /// not an edition (hidden, another kind of file, a folder of no known layout).
    public static func listed(atPath path: String, name: String) -> EditionFormat? {
        guard !name.hasPrefix(".") else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return name.hasSuffix(".md") || name.hasSuffix(".markdown") || name.hasSuffix(".txt") ? .markdownFile : nil
        case S_IFDIR:
            return ArticleFolderReader.isArticleFolder(path) ? .articleFolder : nil
        default:
            return nil
        }
    }
}
