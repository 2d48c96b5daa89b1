import Testing

@testable import ReaderCore

@Suite("Edition scalar classes")
struct EditionScalarsTests {
    @Test(
        "a byte search finds what String.contains finds",
        arguments: [
            ("国内统一连续出版物号 CN 43-0005", "出版物号", true),
            ("中共株洲市委主管 主办", "主办", true),
            ("中共株洲市委主管 主辦", "主办", false),
            ("第23259期", "第23259期", true),
            ("第2325期", "第23259期", false),
            ("癸卯年二月初八", "二月初八", true),
            ("癸卯年二月初", "二月初八", false),
            ("", "期", false),
            ("期", "", true),
            // UTF-8 never matches inside another character: ª (C2 AA) is not in 株 (E6 A0 AA).
            ("株", "\u{AA}", false),
        ])
    func occurs(text: String, needle: String, expected: Bool) {
        #expect(EditionScalars.occurs(needle, in: text) == expected)
        #expect(EditionScalars.occurs(needle, in: text) == (needle.isEmpty || text.contains(needle)))
    }
}
