/// A small strict JSON parser that reports the line and column of an error,
/// which Foundation's decoder does not.
struct JSONReader {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    /// A reader at the start of `bytes`, past a byte-order mark.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 } // a UTF-8 byte-order mark
    }

    /// One value and nothing after it but whitespace.
    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        let value = try self.value()
        skipSpace()
        if index < bytes.count { throw error("unexpected text after the end") }
        return value
    }

    /// Any JSON value at the cursor.
    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        skipSpace()
        guard index < bytes.count else { throw error("unexpected end of file") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected \(describeHere()); expected a value")
        }
    }

    /// An object; a key given twice is an error.
    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var fields: [String: JSONValue] = [:]
        skipSpace()
        if peek(UInt8(ascii: "}")) { index += 1; depth -= 1; return .object(fields) }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else { throw error("unexpected \(describeHere()); expected a \"key\"") }
            let key = try string()
            skipSpace()
            guard peek(UInt8(ascii: ":")) else {
                throw error("unexpected \(describeHere()); expected ':' after \"\(key)\"")
            }
            index += 1
            if fields[key] != nil { throw error("\"\(key)\" appears twice") }
            fields[key] = try value()
            skipSpace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "}")) { index += 1; depth -= 1; return .object(fields) }
            throw error("unexpected \(describeHere()); expected ',' or '}'")
        }
    }

    /// An array.
    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek(UInt8(ascii: "]")) { index += 1; depth -= 1; return .array(items) }
        while true {
            items.append(try value())
            skipSpace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "]")) { index += 1; depth -= 1; return .array(items) }
            throw error("unexpected \(describeHere()); expected ',' or ']'")
        }
    }

    /// A string with its escapes decoded (the cursor is on the opening quote).
    private mutating func string() throws(JSONSyntaxError) -> String {
        index += 1 // the opening quote
        var out: [UInt8] = []
        while index < bytes.count {
            let b = bytes[index]
            index += 1
            switch b {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), bytes[index...].starts(with: [92, 117]) {
                        index += 2
                        let low = try hex4()
                        scalar =
                            (0xDC00..<0xE000).contains(low)
                            ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                    }
                    out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
                default:
                    index -= 1
                    throw error("unknown escape \\\(Character(Unicode.Scalar(e)))")
                }
            case 0..<0x20:
                index -= 1
                throw error("a control character inside a string (end the line with a closing quote?)")
            default:
                out.append(b)
            }
        }
        throw error("a string is not closed")
    }

    /// Four hex digits of a \\u escape.
    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("\\u needs four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let d: UInt32
            switch b {
            case 48...57: d = UInt32(b - 48)
            case 65...70: d = UInt32(b - 55)
            case 97...102: d = UInt32(b - 87)
            default: throw error("\\u needs four hex digits")
            }
            v = v * 16 + d
            index += 1
        }
        return v
    }

    /// A number, as Double.
    private mutating func number() throws(JSONSyntaxError) -> Double {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        while index < bytes.count, (48...57).contains(bytes[index]) || [46, 101, 69, 43, 45].contains(bytes[index]) {
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), text.last.map({ $0.isNumber }) == true else {
            index = start
            throw error("\(text) is not a number")
        }
        return value
    }

    /// `true`, `false` or `null`.
    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let w = Array(word.utf8)
        guard bytes[index...].starts(with: w) else { throw error("unexpected \(describeHere()); expected a value") }
        index += w.count
    }

    /// One level deeper; a bounded depth keeps hostile files from exhausting the stack.
    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > 64 { throw error("nested too deeply") }
    }

    /// Skips JSON whitespace.
    private mutating func skipSpace() {
        while index < bytes.count, [32, 9, 10, 13].contains(bytes[index]) { index += 1 }
    }

    /// Whether the byte at the cursor is `byte`.
    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    /// The token at the error, for messages: the word or character found.
    private func describeHere() -> String {
        guard index < bytes.count else { return "end of file" }
        var end = index
        while end < bytes.count, end - index < 12,
            !([32, 9, 10, 13, 44, 58, 123, 125, 91, 93] as [UInt8]).contains(bytes[end]) || end == index
        {
            end += 1
        }
        return "'" + String(decoding: bytes[index..<end], as: UTF8.self) + "'"
    }

    /// An error at the current position (line and column count from 1; columns in characters).
    private func error(_ message: String) -> JSONSyntaxError {
        var line = 1, lineStart = 0
        for i in 0..<min(index, bytes.count) where bytes[i] == 10 {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
        return JSONSyntaxError(message: message, line: line, column: column)
    }
}
