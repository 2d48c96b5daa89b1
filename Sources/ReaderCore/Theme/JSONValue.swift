#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A parsed JSON document as a plain tree, so that theme and config files can
/// be checked field by field with messages that name the field.
public enum JSONValue: Equatable, Sendable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// Parses `bytes`; the error says what is wrong and, when it can, where.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch let DecodingError.dataCorrupted(context) {
            let detail = context.underlyingError.map { "\($0)" } ?? context.debugDescription
            throw JSONSyntaxError(message: JSONSyntaxError.tidy(detail))
        } catch {
            throw JSONSyntaxError(message: "\(error)")
        }
    }

    /// How a value is named in messages: "a string", "an object"…
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "true or false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

/// A file that is not valid JSON.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public var message: String

    /// Shortens Foundation's error text to its useful sentence.
    static func tidy(_ text: String) -> String {
        // The underlying error prints as `...(... debugDescription: "Unexpected character…")`.
        if let range = text.firstRange(of: "debugDescription: \"") {
            let rest = text[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { return String(rest[..<end]) }
        }
        return text.isEmpty ? "not valid JSON" : text
    }
}
