/// Where the tests find the repository's files: one place, from this file's path.
enum TestPaths {
    /// The package root (this file is Tests/ReaderCoreTests/Support/TestPaths.swift).
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }()

    /// The bundled sample edition.
    static let sampleEdition = root + "/Editions/2023-03-29-zhuzhou-daily.md"

    /// This test target's Snapshots folder.
    static let snapshots = root + "/Tests/ReaderCoreTests/Snapshots"
}
