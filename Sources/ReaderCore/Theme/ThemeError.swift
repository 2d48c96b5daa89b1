/// A theme or config file that cannot be used, naming the file and the field.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the user named it or as it was found.
    public var file: String
    /// A dotted path such as "roles.headline.fg", or "" for the whole file.
    public var field: String
    public var message: String

    public init(file: String, field: String, message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    public var description: String {
        field.isEmpty ? "\(file): \(message)" : "\(file): \(field): \(message)"
    }
}
