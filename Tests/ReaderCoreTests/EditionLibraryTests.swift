import Foundation
import TestSupport
import Testing

@testable import ReaderCore

@Suite("Edition library")
struct EditionLibraryTests {
    /// A library of three editions: dated by masthead, by file name, and undated.
    func makeLibrary() throws -> String {
        let dir = try EditionFixtures.temporaryDirectory()
        try EditionFixtures.write(Array("# 株洲日报\n\n2023年3月31日 星期五\n".utf8), to: "2023-03-28-old-name.md", in: dir)
        try EditionFixtures.write(Array("## 标题\n\n正文。\n".utf8), to: "2023-03-30-evening.md", in: dir)
        try EditionFixtures.write(Array("笔记。\n".utf8), to: "notes.txt", in: dir)
        try EditionFixtures.write(Array("隐藏。\n".utf8), to: ".hidden.md", in: dir)
        try EditionFixtures.write([0x89, 0x50], to: "photo.png", in: dir)
        try FileManager.default.createDirectory(atPath: dir + "/sub.md", withIntermediateDirectories: true)
        return dir
    }

    @Test("editions are listed oldest first, by masthead date, else file-name date")
    func listing() throws {
        let dir = try makeLibrary()
        let entries = try EditionLibrary(directory: dir).editions()
        #expect(
            entries.map { $0.path.split(separator: "/").last! } == [
                "notes.txt", "2023-03-30-evening.md", "2023-03-28-old-name.md",
            ])
        #expect(
            entries.map(\.date) == [
                nil, EditionDate(year: 2023, month: 3, day: 30), EditionDate(year: 2023, month: 3, day: 31),
            ])
        let library = EditionLibrary(directory: dir)
        #expect(try library.neighbour(of: entries[1].path, offset: 1)?.path == entries[2].path)
        #expect(try library.neighbour(of: entries[2].path, offset: 1) == nil)
    }

    @Test("a directory resolves to its newest edition, a file to itself")
    func resolving() throws {
        let dir = try makeLibrary()
        #expect(try EditionLibrary.resolve(dir, environment: [:]) == dir + "/2023-03-28-old-name.md")
        #expect(try EditionLibrary.resolve(dir + "/notes.txt", environment: [:]) == dir + "/notes.txt")
        let empty = try EditionFixtures.temporaryDirectory()
        #expect(throws: EditionLoadError.noEditions(directory: empty)) {
            try EditionLibrary.resolve(empty, environment: [:])
        }
    }

    @Test("with no argument: $BROADSHEET_LIBRARY, else the XDG data library, else the bundled editions")
    func defaults() throws {
        let dir = try makeLibrary()
        #expect(EditionLibrary.defaultDirectory(environment: ["BROADSHEET_LIBRARY": dir]) == dir)
        let data = try EditionFixtures.temporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: data + "/broadsheet/editions", withIntermediateDirectories: true)
        #expect(
            EditionLibrary.defaultDirectory(environment: ["XDG_DATA_HOME": data]) == EditionLibrary.bundledDirectory)
        try EditionFixtures.write(Array("## 标题\n".utf8), to: "2024-01-01.md", in: data + "/broadsheet/editions")
        #expect(EditionLibrary.defaultDirectory(environment: ["XDG_DATA_HOME": data]) == data + "/broadsheet/editions")
        #expect(
            EditionLibrary.defaultDirectory(environment: ["HOME": data + "/nobody"]) == EditionLibrary.bundledDirectory)
        #expect(try EditionLibrary.resolve(nil, environment: ["HOME": "/nonexistent"]) == EditionFixtures.samplePath)
    }

    @Test(
        "dates are read from file names",
        arguments: [
            ("/x/2023-03-29-zhuzhou-daily.md", EditionDate(year: 2023, month: 3, day: 29)),
            ("zhuzhou-20240102.md", EditionDate(year: 2024, month: 1, day: 2)),
            ("株洲日报.md", nil), ("2023-13-01.md", nil), ("issue-123456789.md", nil),
        ] as [(String, EditionDate?)])
    func fileNameDates(path: String, date: EditionDate?) {
        #expect(EditionLibrary.date(inName: path) == date)
    }

    /// A library mixing the sample file, two day folders of article files (one named
    /// by its date, one not) and things that are no edition.
    func makeMixedLibrary() throws -> String {
        let dir = try EditionFixtures.temporaryDirectory()
        let files = FileManager.default
        try files.copyItem(atPath: EditionFixtures.samplePath, toPath: dir + "/2023-03-29-zhuzhou-daily.md")
        try files.copyItem(atPath: TestPaths.fixtures + "/rmrb/2025-01-02", toPath: dir + "/2025-01-02")
        try files.copyItem(atPath: TestPaths.fixtures + "/rmrb/2025-01-03", toPath: dir + "/latest")
        try files.createDirectory(atPath: dir + "/photos/01-图片", withIntermediateDirectories: true)
        try EditionFixtures.write(Array("# 无前言\n\n正文。\n".utf8), to: "a.md", in: dir + "/photos/01-图片")
        return dir
    }

    @Test("a library mixes single-file editions and day folders, in date order; the newest opens first")
    func mixedLibrary() throws {
        let dir = try makeMixedLibrary()
        let library = EditionLibrary(directory: dir)
        let entries = try library.editions()
        #expect(
            entries.map { $0.path.split(separator: "/").last! } == [
                "2023-03-29-zhuzhou-daily.md", "2025-01-02", "latest",
            ])
        #expect(
            entries.map(\.date) == [
                EditionDate(year: 2023, month: 3, day: 29), EditionDate(year: 2025, month: 1, day: 2),
                EditionDate(year: 2025, month: 1, day: 3),
            ])
        #expect(try EditionLibrary.resolve(dir, environment: [:]) == dir + "/latest")
        #expect(
            try library.neighbour(of: dir + "/2025-01-02", offset: -1)?.path == dir + "/2023-03-29-zhuzhou-daily.md")
        #expect(try library.neighbour(of: dir + "/2025-01-02", offset: 1)?.path == dir + "/latest")
        let newest = try EditionLibrary.edition(dir, environment: [:])
        #expect(newest.masthead.title == "人民日报" && newest.source.name == dir + "/latest")
    }

    @Test("a day folder named on the command line opens as itself, with or without a trailing slash")
    func dayFolderArgument() throws {
        let day = TestPaths.fixtures + "/rmrb/2025-01-02"
        #expect(try EditionLibrary.resolve(day, environment: [:]) == day)
        #expect(try EditionLibrary.resolve(day + "/", environment: [:]) == day)
        #expect(
            try EditionLibrary.resolve(TestPaths.fixtures + "/rmrb", environment: [:]) == TestPaths.fixtures
                + "/rmrb/2025-01-03")
    }
}
