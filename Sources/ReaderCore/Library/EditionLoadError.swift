/// Why an edition file could not be read. Each case prints as one readable line.
public enum EditionLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case isDirectory(path: String)
    case unreadable(path: String, reason: String)
    case binary(path: String, reason: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case noEditions(directory: String)
    /// A file of another kind (JSON, CSV, HTML of no known layout, PDF…): see `InputSniffer`.
    case unsupported(path: String, kind: InputSniffer.Kind)
    /// A folder of saved e-paper pages from which no article could be read.
    case noArticles(path: String)

    /// The exit status for this error: 65 (EX_DATAERR, sysexits.h) for input that is
    /// not an edition broadsheet reads, 1 otherwise.
    public var exitStatus: Int32 {
        switch self {
        case .unsupported, .noArticles: return 65
        default: return 1
        }
    }

    /// The message, with control characters in paths made visible (see `ContentSanitizer`).
    public var description: String {
        ContentSanitizer().sanitize(rawDescription).text
    }

    private var rawDescription: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or directory"
        case .isDirectory(let path):
            return "\(path): is a directory, not an edition file"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason))"
        case .binary(let path, let reason):
            return "\(path): not a text edition (\(reason))"
        case .tooLarge(let path, let bytes, let limit):
            return "\(path): too large (\(bytes) bytes; the limit is \(limit))"
        case .noEditions(let directory):
            return "\(directory): no editions (*.md, *.markdown, *.txt, or day folders of article files) found"
        case .unsupported(let path, let kind):
            return "\(path): \(InputSniffer.message(for: kind))"
        case .noArticles(let path):
            return "\(path): saved e-paper pages, but no article could be read from them "
                + "(content pages need #articleContent, #ozoom or <founder-content>)"
        }
    }
}
