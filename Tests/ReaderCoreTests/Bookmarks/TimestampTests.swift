import Testing

@testable import ReaderCore

@Suite("Timestamps in the state file")
struct TimestampTests {
    static let printed: [(Int64, String)] = [
        (0, "1970-01-01T00:00:00.000Z"), (1_680_048_000_123, "2023-03-29T00:00:00.123Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"), (-86_400_000, "1969-12-31T00:00:00.000Z"),
    ]
    static let parsed: [(String, Int64)] = [
        ("2023-03-29T08:30:00Z", 1_680_078_600_000), ("2023-03-29T08:30:00.5Z", 1_680_078_600_500),
        ("2023-03-29T08:30:00.123456Z", 1_680_078_600_123),
    ]
    static let aged: [(Int64, String)] = [
        (5, "just now"), (300, "5 min"), (7200, "2 h"), (86_400 * 3, "3 d"),
        (86_400 * 90, "3 mo"), (86_400 * 800, "2 y"),
    ]

    @Test("a timestamp prints and parses as ISO 8601 UTC with milliseconds", arguments: printed)
    func roundTrip(milliseconds: Int64, text: String) {
        #expect(Timestamp(milliseconds: milliseconds).description == text)
        #expect(Timestamp(iso8601: text)?.milliseconds == milliseconds)
    }

    @Test("fractions of any length and no fraction are accepted", arguments: parsed)
    func parses(text: String, milliseconds: Int64) {
        #expect(Timestamp(iso8601: text)?.milliseconds == milliseconds)
    }

    @Test(
        "malformed times are rejected",
        arguments: [
            "", "2023-03-29", "2023-03-29 08:30:00Z", "2023-13-01T00:00:00Z",
            "2023-03-29T08:30:00+08:00", "二〇二三年三月二十九日",
        ])
    func rejects(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test("ages read as short words", arguments: aged)
    func ages(seconds: Int64, text: String) {
        let then = Timestamp(milliseconds: 1_700_000_000_000)
        #expect(then.age(at: Timestamp(milliseconds: then.milliseconds + seconds * 1000)) == text)
    }

    @Test("the file-name stamp has no colons")
    func fileNameStamp() {
        #expect(Timestamp(milliseconds: 1_680_078_600_500).fileNameStamp == "20230329T083000Z")
    }

    @Test("bookmark ids look like version-4 UUIDs and differ")
    func ids() {
        let a = StateID.make(), b = StateID.make()
        #expect(a != b)
        #expect(a.count == 36)
        #expect(Array(a)[14] == "4")
        #expect(a.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
    }
}
