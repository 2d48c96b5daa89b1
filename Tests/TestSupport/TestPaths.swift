/// Where the tests find the repository's files: one place, from this file's path.
public enum TestPaths {
    /// The package root (this file is Tests/TestSupport/TestPaths.swift).
    public static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The bundled sample edition.
    public static let sampleEdition = root + "/Editions/2023-03-29-zhuzhou-daily.md"

    /// The fixtures folder of ReaderCoreTests (real editions; see its README).
    public static let fixtures = root + "/Tests/ReaderCoreTests/Fixtures"
    /// The vendored Unicode Character Database files the tests read (the version the
    /// generated tables were built from; the generators read Debian's copy instead).
    public static let unicodeData = root + "/Tests/UnicodeData/15.0.0"

    /// The Snapshots folder of test target `target` (e.g. "ReaderCoreTests").
    public static func snapshots(of target: String) -> String {
        root + "/Tests/\(target)/Snapshots"
    }
}
