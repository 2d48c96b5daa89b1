import Foundation
import Testing

@testable import ReaderCore

/// A library with one edition, a symlink inside it that escapes, and a secret next to it.
private struct LibraryFixture {
    let base: String
    let library: String

    init() throws {
        base = NSTemporaryDirectory() + "bs-confine-" + UUID().uuidString
        library = base + "/library"
        let fm = FileManager.default
        try fm.createDirectory(atPath: library + "/2023", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
        try "# 株洲日报\n".write(toFile: library + "/2023-03-29-株洲日报.md", atomically: true, encoding: .utf8)
        try "# 旧报\n".write(toFile: library + "/2023/2023-03-28.md", atomically: true, encoding: .utf8)
        try "secret 机密\n".write(toFile: base + "/outside/secret.md", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: library + "/escape.md", withDestinationPath: base + "/outside/secret.md")
        try fm.createSymbolicLink(atPath: library + "/escape-dir", withDestinationPath: base + "/outside")
        try fm.createSymbolicLink(atPath: library + "/latest.md", withDestinationPath: "2023-03-29-株洲日报.md")
    }

    /// Removes the fixture.
    func remove() { try? FileManager.default.removeItem(atPath: base) }
}

@Suite("Kiosk library confinement")
struct LibraryConfinementTests {
    @Test(
        "names inside the library resolve to files in it",
        arguments: ["2023-03-29-株洲日报.md", "2023/2023-03-28.md", "./2023/../2023-03-29-株洲日报.md", "latest.md"])
    func insideNamesResolve(name: String) throws {
        let fixture = try LibraryFixture()
        defer { fixture.remove() }
        let confinement = try LibraryConfinement(library: fixture.library)
        let resolved = try confinement.resolve(name)
        #expect(resolved.hasPrefix(confinement.root + "/"))
        #expect(FileManager.default.fileExists(atPath: resolved))
    }

    @Test(
        "names that lead out of the library are refused",
        arguments: [
            "../outside/secret.md", "escape.md", "escape-dir/secret.md", "2023/../../outside/secret.md",
            "/etc/passwd", "/etc/shadow", "../../../../../../etc/passwd", "../outside/不存在.md",
        ])
    func escapingNamesAreRefused(name: String) throws {
        let fixture = try LibraryFixture()
        defer { fixture.remove() }
        let confinement = try LibraryConfinement(library: fixture.library)
        #expect(throws: LibraryConfinement.Refusal.outside(name: name)) { try confinement.resolve(name) }
    }

    @Test("an absolute path inside the library is accepted")
    func absoluteInsidePathIsAccepted() throws {
        let fixture = try LibraryFixture()
        defer { fixture.remove() }
        let confinement = try LibraryConfinement(library: fixture.library)
        let resolved = try confinement.resolve(fixture.library + "/2023-03-29-株洲日报.md")
        #expect(resolved.hasSuffix("/library/2023-03-29-株洲日报.md"))
    }

    @Test("a missing edition is reported as not found, a missing library as missing")
    func missingThingsAreNamed() throws {
        let fixture = try LibraryFixture()
        defer { fixture.remove() }
        let confinement = try LibraryConfinement(library: fixture.library)
        #expect(throws: LibraryConfinement.Refusal.notFound(name: "2099-01-01-无.md")) {
            try confinement.resolve("2099-01-01-无.md")
        }
        #expect(throws: LibraryConfinement.Refusal.libraryMissing(path: fixture.base + "/nope")) {
            try LibraryConfinement(library: fixture.base + "/nope")
        }
    }

    @Test("a library listing loses the links that escape it")
    func listingIsFiltered() throws {
        let fixture = try LibraryFixture()
        defer { fixture.remove() }
        let confinement = try LibraryConfinement(library: fixture.library)
        let kept = confinement.filter([
            fixture.library + "/2023-03-29-株洲日报.md", fixture.library + "/escape.md",
            fixture.library + "/latest.md", fixture.library + "/escape-dir/secret.md",
        ])
        #expect(kept == [fixture.library + "/2023-03-29-株洲日报.md", fixture.library + "/latest.md"])
    }

    @Test("a confined edition library does not list links that escape it")
    func confinedLibraryListing() throws {
        let fixture = try LibraryFixture()
        defer { fixture.remove() }
        var library = EditionLibrary(directory: fixture.library)
        let open = try library.editions().map { ($0.path as NSString).lastPathComponent }
        #expect(open.contains("escape.md"), "without confinement the link is listed")
        library.confinement = try LibraryConfinement(library: fixture.library)
        let confined = try library.editions().map { ($0.path as NSString).lastPathComponent }
        #expect(!confined.contains("escape.md"))
        #expect(confined.contains("2023-03-29-株洲日报.md"))
    }

    @Test("the refusal message says the name and that only the library can be opened")
    func refusalMessageIsClear() {
        let text = LibraryConfinement.Refusal.outside(name: "../etc/passwd").description
        #expect(text.contains("../etc/passwd"))
        #expect(text.contains("outside the library"))
    }
}
