#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed file operation on the state directory, with the system's reason.
public struct StateFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was being done: "create", "read", "write", "lock", …
    public var operation: String
    public var path: String
    /// The `errno` value, or 0 when the failure is not a system error.
    public var code: Int32
    /// Words that say more than `strerror(code)`: used instead of it when not empty.
    public var detail: String

    public init(_ operation: String, _ path: String, code: Int32, detail: String = "") {
        self.operation = operation
        self.path = path
        self.code = code
        self.detail = detail
    }

    /// The failure described by the current `errno`.
    public static func fromErrno(_ operation: String, _ path: String) -> StateFileError {
        StateFileError(operation, path, code: errno)
    }

    public var description: String {
        let reason = detail.isEmpty ? String(cString: strerror(code)) : detail
        return "cannot \(operation) \(path): \(reason)"
    }
}
