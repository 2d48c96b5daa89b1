import Foundation
import Testing

@testable import ReaderCore

@Suite("Headline break share")
struct HeadlineBreakShareTests {
    /// Share of breaks inside a word, per role group, over the sample at widths 20–80.
    static func survey() throws -> (headlines: (inside: Int, total: Int), bylines: (inside: Int, total: Int)) {
        let edition = try EditionFixtures.sample()
        var headlines = (inside: 0, total: 0)
        var bylines = (inside: 0, total: 0)
        var lines: [String] = []
        for width in 20...80 {
            for found in HeadlineBreakSurvey.breaks(edition, width: width) {
                lines.append("\(width)\t\(found.role.rawValue)\t\(found.offset)\t\(found.text)")
                if found.role == .byline {
                    bylines.total += 1
                    if found.insideWord { bylines.inside += 1 }
                } else {
                    headlines.total += 1
                    if found.insideWord { headlines.inside += 1 }
                }
            }
        }
        if let path = ProcessInfo.processInfo.environment["BROADSHEET_BREAKS_FILE"] {
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        return (headlines, bylines)
    }

    @Test("under 5% of wrapped headline breaks fall inside a word over the sample at widths 20–80")
    func insideWordShare() throws {
        let (headlines, bylines) = try Self.survey()
        print(
            "headline breaks inside a word: \(headlines.inside)/\(headlines.total); "
                + "byline breaks inside a word: \(bylines.inside)/\(bylines.total)")
        #expect(headlines.total > 100)
        #expect(headlines.inside * 100 < headlines.total * 5)
    }
}
