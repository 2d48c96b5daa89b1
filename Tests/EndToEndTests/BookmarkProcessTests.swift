import Foundation
import TestSupport
import Testing

/// The real `broadsheet bookmarks` processes writing one state file at once,
/// and being killed mid-write.
@Suite("Bookmarks across processes", .serialized)
struct BookmarkProcessTests {
    /// The built `broadsheet` binary: next to the test bundle, else in `.build/debug`.
    static let binary: String = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            here.appendingPathComponent("broadsheet").path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/broadsheet").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }()

    /// A fresh empty directory.
    func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "broadsheet-bookmarks-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Starts `broadsheet ARGS` with stdout and stderr piped.
    func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Runs `broadsheet ARGS` to the end.
    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let (process, out, err) = try start(arguments)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    /// The writer the tests use: adds COUNT bookmarks, printing `saved ID` after each save returns.
    func writerArguments(_ dir: String, article: String, count: Int) -> [String] {
        [
            "bookmarks", "add", "--state-dir", dir, "--paper", "株洲日报", "--date", "2023-03-29",
            "--article", article, "--offset", "12", "--quote", "株洲市召开全市项目建设推进会",
            "--note", "稍后再读", "--count", String(count),
        ]
    }

    /// The ids in `saved ID` lines; a torn last line (no newline) is not counted.
    func savedIDs(_ output: String) -> [String] {
        let complete =
            output.hasSuffix("\n") ? output : String(output[..<(output.lastIndex(of: "\n") ?? output.startIndex)])
        return complete.split(separator: "\n").compactMap {
            $0.hasPrefix("saved ") ? String($0.dropFirst(6)) : nil
        }
    }

    /// The bookmark ids in `bookmarks.json`, parsed by Foundation's own JSON reader.
    func idsOnDisk(_ dir: String) throws -> Set<String> {
        let path = dir + "/bookmarks.json"
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["version"] as? Int == 1)
        let marks = object?["bookmarks"] as? [[String: Any]] ?? []
        return Set(marks.compactMap { $0["id"] as? String })
    }

    @Test("two processes adding 100 bookmarks each at once keep all 200")
    func concurrentWriters() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try start(writerArguments(dir, article: "project-meeting", count: 100))
        let b = try start(writerArguments(dir, article: "yanling-peach", count: 100))
        let outA = a.1.fileHandleForReading.readDataToEndOfFile()
        let outB = b.1.fileHandleForReading.readDataToEndOfFile()
        a.0.waitUntilExit()
        b.0.waitUntilExit()
        #expect(a.0.terminationStatus == 0 && b.0.terminationStatus == 0)
        let printed = savedIDs(String(decoding: outA, as: UTF8.self)) + savedIDs(String(decoding: outB, as: UTF8.self))
        #expect(printed.count == 200)
        let onDisk = try idsOnDisk(dir)
        #expect(onDisk.count == 200)
        #expect(onDisk == Set(printed))
        // The two really ran at once: their saves interleave in time.
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/bookmarks.json"))
        let marks =
            (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["bookmarks"] as? [[String: Any]] ?? []
        func times(_ article: String) -> [String] {
            marks.filter { ($0["position"] as? [String: Any])?["article"] as? String == article }
                .compactMap { $0["created"] as? String }.sorted()
        }
        let (first, second) = (times("project-meeting"), times("yanling-peach"))
        #expect(first.count == 100 && second.count == 100)
        if let f0 = first.first, let f1 = first.last, let s0 = second.first, let s1 = second.last {
            #expect(f0 < s1 && s0 < f1, "the writers ran one after the other")
        }
        let listed = try run(["bookmarks", "list", "--json", "--state-dir", dir])
        #expect(listed.status == 0)
        #expect(listed.out.components(separatedBy: "\"id\"").count - 1 == 200)
    }

    /// The kill loop's seed: `BROADSHEET_SEED` to replay a failing run, else a fixed one.
    static let killSeed: UInt64 =
        ProcessInfo.processInfo.environment["BROADSHEET_SEED"].flatMap { UInt64($0) }
        ?? 0x6B69_6C6C

    /// One lane of the kill loop: `rounds` writers, each SIGKILLed after a seeded random delay,
    /// checking after each kill that every save this lane saw return is on disk.
    /// Returns the ids seen saved and the first problem, if any.
    func killLane(_ lane: Int, rounds: Int, dir: String) -> (saved: Set<String>, problem: String?) {
        var generator = SeededRandom(seed: Self.killSeed &+ UInt64(lane))
        var returned = Set<String>()
        for round in 0..<rounds {
            do {
                let (process, out, _) = try start(
                    writerArguments(
                        dir, article: "lane\(lane)-round\(round)",
                        count: 1_000_000))
                var output = Data()
                if round % 10 == 0 {
                    // Now and then anywhere in start-up and loading (about 100 ms for a debug build).
                    usleep(UInt32.random(in: 0...120_000, using: &generator))
                } else {
                    // Mostly inside the save loop: after a first save returned, within a few more.
                    output.append(out.fileHandleForReading.availableData)
                    usleep(UInt32.random(in: 0...25_000, using: &generator))
                }
                kill(process.processIdentifier, SIGKILL)
                output.append(out.fileHandleForReading.readDataToEndOfFile())
                process.waitUntilExit()
                returned.formUnion(savedIDs(String(decoding: output, as: UTF8.self)))
                let lost = returned.subtracting(try idsOnDisk(dir))
                if !lost.isEmpty {
                    return (
                        returned,
                        "lane \(lane) round \(round) (BROADSHEET_SEED=\(Self.killSeed)): "
                            + "\(lost.count) returned saves missing"
                    )
                }
            } catch {
                return (returned, "lane \(lane) round \(round) (BROADSHEET_SEED=\(Self.killSeed)): \(error)")
            }
        }
        return (returned, nil)
    }

    @Test("writers killed at seeded random moments 200 times never leave a torn file or lose a returned save")
    func killLoop() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Four lanes of 50 kills share one state file: 200 kills, in a quarter of the time,
        // and the kills land while other writers hold the lock or wait for it.
        let lanes = 4
        let results = LaneResults(lanes)
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            results.set(lane, killLane(lane, rounds: 200 / lanes, dir: dir))
        }
        var returned = Set<String>()
        for result in results.all {
            #expect(result.problem == nil, "\(result.problem ?? "")")
            returned.formUnion(result.saved)
        }
        #expect(returned.count > 100, "the writers should have finished some saves before being killed")
        #expect(try idsOnDisk(dir).isSuperset(of: returned))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(!names.contains { $0.contains("corrupt") })
        // A last clean save removes whatever temporary files the kills left.
        #expect(try run(["bookmarks", "add", "--state-dir", dir, "--paper", "株洲日报", "--article", "last"]).status == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [
                "bookmarks.json", "bookmarks.json.lock",
            ])
    }

    @Test("bookmarks exported on one machine import into another, and a second import adds nothing")
    func exportImport() throws {
        let home = try scratch(), away = try scratch()
        defer { for d in [home, away] { try? FileManager.default.removeItem(atPath: d) } }
        #expect(try run(writerArguments(home, article: "project-meeting", count: 3)).status == 0)
        let file = home + "/export.json"
        let exported = try run(["bookmarks", "export", file, "--state-dir", home])
        #expect(exported.status == 0)
        #expect(exported.out.contains("exported 3 bookmarks"))
        #expect(try run(writerArguments(away, article: "yanling-peach", count: 1)).status == 0)
        let imported = try run(["bookmarks", "import", file, "--state-dir", away])
        #expect(imported.status == 0)
        #expect(imported.out.contains("imported 3 new bookmarks"))
        #expect(try idsOnDisk(away).count == 4)
        #expect(try run(["bookmarks", "import", file, "--state-dir", away]).out.contains("imported 0 new"))
        let listed = try run(["bookmarks", "list", "--state-dir", away])
        #expect(listed.out.split(separator: "\n").count == 4)
        #expect(listed.out.contains("  2023-03-29  株洲日报  "))
        #expect(listed.out.contains("「稍后再读」"))
    }

    @Test("a bookmark added from the sample edition file carries its id, quote and headline")
    func addFromEdition() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Editions/2023-03-29-zhuzhou-daily.md").path
        let added = try run([
            "bookmarks", "add", "--state-dir", dir, "--edition", sample, "--article", "2",
            "--offset", "30", "--note", "看完",
        ])
        #expect(added.status == 0, "\(added.err)")
        let listed = try run(["bookmarks", "list", "--json", "--state-dir", dir])
        let marks = try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]]
        let position = marks?.first?["position"] as? [String: Any]
        let edition = position?["edition"] as? [String: Any]
        #expect(edition?["title"] as? String == "株洲日报")
        #expect(edition?["date"] as? String == "2023-03-29")
        #expect((edition?["contentHash"] as? String)?.count == 16)
        #expect((position?["quote"] as? String)?.unicodeScalars.count == 20)
        #expect(position?["offset"] as? Int == 30)
        #expect((marks?.first?["headline"] as? String)?.isEmpty == false)
        let missing = try run(["bookmarks", "add", "--state-dir", dir, "--edition", sample, "--article", "99"])
        #expect(missing.status != 0 && missing.err.contains("has no article 99"))
    }

    @Test("importing a file that is not a bookmarks file fails clearly and changes nothing")
    func badImport() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = dir + "/bad.json"
        try Data("{\"version\": 1, \"bookmarks\": 42}".utf8).write(to: URL(fileURLWithPath: bad))
        let result = try run(["bookmarks", "import", bad, "--state-dir", dir + "/state"])
        #expect(result.status != 0)
        #expect(result.err.contains("bad.json is not a bookmarks file"))
        #expect(result.err.contains("bookmarks"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/state/bookmarks.json"))
    }

    @Test("a corrupt state file is reported on stderr and moved aside by the CLI")
    func corruptFromCLI() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("not json 株洲".utf8).write(to: URL(fileURLWithPath: dir + "/bookmarks.json"))
        let result = try run(["bookmarks", "list", "--state-dir", dir])
        #expect(result.status == 0)
        #expect(result.err.contains("moved to"))
        #expect(result.out.hasPrefix("No bookmarks"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir).contains {
                $0.hasPrefix("bookmarks.json.corrupt-")
            })
    }
}

/// The kill lanes' results, written from several threads.
final class LaneResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [(saved: Set<String>, problem: String?)]

    init(_ count: Int) {
        results = Array(repeating: ([], nil), count: count)
    }

    func set(_ lane: Int, _ result: (saved: Set<String>, problem: String?)) {
        lock.lock()
        results[lane] = result
        lock.unlock()
    }

    var all: [(saved: Set<String>, problem: String?)] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
