import Foundation
import ReaderCore
import Testing

@testable import broadsheet

/// The reader's shelf: every edition it lists or opens goes through one resolver,
/// confined in kiosk mode, and editions that do not open are passed over.
@Suite("The edition shelf")
struct EditionShelfTests {
    /// A small edition dated `day` (2023-03-`day`) whose headline names it.
    static func edition(day: Int, headline: String) -> String {
        "# 株洲日报\n\n2023年3月\(day)日 星期三\n\n## \(headline)\n\n\(headline)的正文，共十几个字。\n"
    }

    /// A scratch library; `outside` is a folder beside it.
    struct Fixture {
        let base = NSTemporaryDirectory() + "bs-shelf-" + UUID().uuidString
        var library: String { base + "/library" }
        var outside: String { base + "/outside" }

        init() throws {
            try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
            try EditionShelfTests.edition(day: 1, headline: "外面的秘密").write(
                toFile: outside + "/secret.md", atomically: true, encoding: .utf8)
        }

        /// Writes edition text `text` as library file `name`.
        func add(_ name: String, _ text: String) throws {
            try text.write(toFile: library + "/" + name, atomically: true, encoding: .utf8)
        }

        /// Writes raw bytes as library file `name`.
        func add(_ name: String, bytes: [UInt8]) {
            #expect(FileManager.default.createFile(atPath: library + "/" + name, contents: Data(bytes)))
        }

        /// A link `name` in the library to the outside secret.
        func link(_ name: String) throws {
            try FileManager.default.createSymbolicLink(
                atPath: library + "/" + name,
                withDestinationPath: outside + "/secret.md")
        }

        func remove() { try? FileManager.default.removeItem(atPath: base) }
    }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64)

    @Test("in kiosk mode a link out of the library is neither listed, opened first, nor reached by [ ] or a rescan")
    func kioskShelfIsConfined() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.add("2023-03-10-old.md", Self.edition(day: 10, headline: "旧的一天"))
        try fixture.add("2023-03-29-today.md", Self.edition(day: 29, headline: "今天的新闻"))
        try fixture.link("2099-12-31-evil.md")
        try fixture.link("2023-03-20-middle.md")
        let confinement = try LibraryConfinement(library: fixture.library)
        let shelf = try EditionShelf(opening: nil, environment: [:], confinement: confinement)
        let first = try shelf.openFirst()
        #expect(first.opening.first.articles.first?.headline == "今天的新闻")
        #expect(shelf.paths.count == 2, "\(shelf.paths)")
        #expect(!shelf.paths.contains { $0.contains("evil") || $0.contains("middle") })

        // A file swapped for a link after the listing is refused when it is opened.
        try FileManager.default.removeItem(atPath: fixture.library + "/2023-03-10-old.md")
        try fixture.link("2023-03-10-old.md")
        let back = shelf.load(from: shelf.index - 1, step: -1)
        #expect(
            back.edition == nil,
            "the swapped-in link opened: \(String(describing: back.edition?.articles.first?.headline))")
        #expect(back.notice?.contains("outside the library") == true, "\(back.notice ?? "")")

        // A rescan lists through the same confinement.
        try fixture.link("2099-12-30-later.md")
        shelf.rescan()
        #expect(!shelf.paths.contains { $0.contains("later") || $0.contains("old") }, "\(shelf.paths)")
        // A named file outside is refused before anything opens.
        #expect(throws: (any Error).self) {
            _ = try EditionShelf(opening: fixture.outside + "/secret.md", environment: [:], confinement: confinement)
        }
    }

    @Test(
        "editions that do not open are passed over with a notice: the newest good one opens, [ and ] step past bad ones"
    )
    func badEditionsAreSkipped() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.add("2023-03-10-old.md", Self.edition(day: 10, headline: "最早一期"))
        fixture.add("2023-03-20-photo.md", bytes: Self.png)
        try fixture.add("2023-03-25-good.md", Self.edition(day: 25, headline: "较新一期"))
        fixture.add("2099-12-31-picture.md", bytes: Self.png)
        try fixture.add("2099-12-30-empty-dir.md", "")
        try FileManager.default.removeItem(atPath: fixture.library + "/2099-12-30-empty-dir.md")
        try FileManager.default.createDirectory(
            atPath: fixture.library + "/2099-12-30-folder.md",
            withIntermediateDirectories: true)
        for confinement in [nil, try LibraryConfinement(library: fixture.library)] {
            let shelf = try EditionShelf(
                opening: confinement == nil ? fixture.library : nil, environment: [:],
                confinement: confinement)
            let first = try shelf.openFirst()
            #expect(first.opening.first.articles.first?.headline == "较新一期")
            #expect(first.notice?.contains("skipped 2099-12-31-picture.md") == true, "\(first.notice ?? "")")
            #expect(first.notice?.contains("PNG") == true)
            let older = shelf.load(from: shelf.index - 1, step: -1)
            #expect(older.edition?.articles.first?.headline == "最早一期")
            #expect(older.notice?.contains("2023-03-20-photo.md") == true, "\(older.notice ?? "")")
            let newer = shelf.load(from: older.index + 1, step: 1)
            #expect(newer.edition?.articles.first?.headline == "较新一期")
            let none = shelf.load(from: newer.index + 1, step: 1)
            #expect(none.edition == nil && none.notice?.contains("picture") == true)
        }
    }

    @Test("a library whose every edition is bad says so, naming them")
    func allBad() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        fixture.add("2099-12-31-picture.md", bytes: Self.png)
        fixture.add("2099-12-30-picture.md", bytes: Self.png)
        let shelf = try EditionShelf(opening: fixture.library, environment: [:], confinement: nil)
        #expect {
            _ = try shelf.openFirst()
        } throws: { error in
            "\(error)".contains("2099-12-31-picture.md") && "\(error)".contains("2099-12-30-picture.md")
        }
    }
}
