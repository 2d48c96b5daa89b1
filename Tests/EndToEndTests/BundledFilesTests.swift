import Foundation
import Testing

/// The bundled sample edition is found from the executable (its share directory, or
/// the SwiftPM tree it runs from), never from a source path recorded at build time.
@Suite("Bundled files at run time")
struct BundledFilesTests {
    @Test("a copied binary finds share/broadsheet/editions beside it, and without one never reads the source tree")
    func copiedBinary() throws {
        let root = KioskHarness.scratchPath("bs-install")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/bin", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
        try fm.copyItem(atPath: KioskHarness.binary, toPath: root + "/bin/broadsheet")
        let environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": root + "/home"]
        let argv = [root + "/bin/broadsheet", "--dump", "--width", "60", "--height", "12"]

        // A freshly copied binary can fail to exec with ETXTBSY (status 126) while a child
        // forked meanwhile by a parallel test still holds the copy's write descriptor.
        func run() throws -> (status: Int32, out: String, err: String) {
            var result = try KioskHarness.run(argv, timeout: 30, environment: environment)
            for _ in 0..<20 where result.status == 126 {
                usleep(100_000)
                result = try KioskHarness.run(argv, timeout: 30, environment: environment)
            }
            return result
        }
        let bare = try run()
        #expect(bare.status == 1, "no edition to open: \(bare.out.prefix(300)) \(bare.err)")
        #expect(!KioskHarness.showsMasthead(bare.out), "the build tree's edition was read:\n\(bare.out.prefix(300))")

        try fm.createDirectory(atPath: root + "/share/broadsheet/editions", withIntermediateDirectories: true)
        try fm.copyItem(
            atPath: KioskHarness.editions + "/2023-03-29-zhuzhou-daily.md",
            toPath: root + "/share/broadsheet/editions/2023-03-29-zhuzhou-daily.md")
        let installed = try run()
        #expect(installed.status == 0, "\(installed.err)")
        #expect(KioskHarness.showsMasthead(installed.out), "the installed edition opens:\n\(installed.out.prefix(300))")
    }

    @Test("the binary in the build tree finds the repository's Editions/ (swift run)")
    func buildTree() throws {
        let result = try KioskHarness.run(
            [KioskHarness.binary, "--dump", "--width", "60", "--height", "12"], timeout: 30,
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"])
        #expect(result.status == 0, "\(result.err)")
        #expect(KioskHarness.showsMasthead(result.out))
    }
}
