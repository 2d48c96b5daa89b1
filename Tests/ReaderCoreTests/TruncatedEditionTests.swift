import Foundation
import TestSupport
import Testing

@testable import ReaderCore

/// An edition replaced in place (`cp new.md today.md`) shrinks under a reader that
/// is opening it: the reader must show what it read, never die of SIGBUS.
@Suite("Editions that shrink while they open")
struct TruncatedEditionTests {
    @Test("a 12 MB edition truncated again and again while it opens never kills the process")
    func truncatedWhileOpening() async throws {
        // In a child process: a SIGBUS there fails this test instead of the whole run.
        await #expect(processExitsWith: .success) {
            let path = NSTemporaryDirectory() + "bs-truncate-\(getpid()).md"
            defer { unlink(path) }
            let whole = Data(try! MultiPageEdition.text(pages: 600).utf8)
            for round in 0..<12 {
                precondition(FileManager.default.createFile(atPath: path, contents: whole), "cannot write \(path)")
                let cutter = Thread {
                    usleep(UInt32(500 + round * 400))
                    truncate(path, off_t(round % 3 == 0 ? 0 : 4096 * round))
                }
                cutter.start()
                // Whatever it read: a first 版, the whole (short) edition, or an error.
                _ = try? EditionLoader().opening(atPath: path)
                while !cutter.isFinished { usleep(1000) }
            }
        }
    }

    @Test("a file shorter than its measured size opens with what is there")
    func shortReadShowsWhatWasRead() throws {
        let path = NSTemporaryDirectory() + "bs-short-\(UUID().uuidString).md"
        defer { unlink(path) }
        let text = try MultiPageEdition.text(pages: 40)
        try #require(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        let opening = try EditionLoader().opening(atPath: path, threshold: 1)
        #expect(!opening.isComplete, "a 40-版 edition opens on its first 版")
        // The file is cut to its first few KiB after the first 版 was shown.
        truncate(path, 4096)
        let whole = opening.complete()
        #expect(whole.pages.count >= 40, "the whole edition comes from the bytes read at opening")
    }
}
