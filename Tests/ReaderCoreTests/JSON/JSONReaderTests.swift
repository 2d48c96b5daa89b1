import Testing

@testable import ReaderCore

@Suite("Reading theme and config JSON")
struct JSONReaderTests {
    static let good: [(String, JSONValue)] = [
        (
            #"{"theme": "night", "columns": 3, "kiosk": {"enabled": true}, "x": null}"#,
            .object([
                "theme": .string("night"), "columns": .number(3),
                "kiosk": .object(["enabled": .bool(true)]), "x": .null,
            ])
        ),
        (
            #"["株洲日报", "\u682a\u6d32", "\ud83d\udcf0", "a\"b\\c\n"]"#,
            .array([.string("株洲日报"), .string("株洲"), .string("📰"), .string("a\"b\\c\n")])
        ),
        ("\u{FEFF}  [-1.5e2, 0, 255]  \n", .array([.number(-150), .number(0), .number(255)])),
    ]

    @Test("valid JSON parses to the same tree", arguments: good)
    func parses(text: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(Array(text.utf8)) == expected)
    }

    static let bad: [(String, Int, Int, String)] = [
        ("{\"name\": \"x\",\n \"roles\": red}", 2, 11, "unexpected 'red'"),
        ("{\"a\": 1,}", 1, 9, "expected a \"key\""),
        ("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}'"),
        ("{\"主题\": \"夜\n读\"}", 1, 10, "control character"),
        ("{\"a\": 1, \"a\": 2}", 1, 14, "appears twice"),
        ("[1, 2", 1, 6, "end of file"),
        ("{\"a\": 1} x", 1, 10, "after the end"),
        ("", 1, 1, "end of file"),
        ("{\"a\": 01.}", 1, 7, "not a number"),
        (String(repeating: "[", count: 100), 1, 65, "nested too deeply"),
    ]

    @Test("invalid JSON is refused with the line and column", arguments: bad)
    func refuses(text: String, line: Int, column: Int, message: String) {
        #expect {
            try JSONValue.parse(Array(text.utf8))
        } throws: { error in
            guard let e = error as? JSONSyntaxError else { return false }
            return e.line == line && e.column == column && e.message.contains(message)
        }
    }
}
