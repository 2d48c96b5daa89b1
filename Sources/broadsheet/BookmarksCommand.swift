import ArgumentParser
import ReaderCore

/// `broadsheet bookmarks list|export|import`. STUB (issue 6).
struct BookmarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmarks",
        abstract: "List, export or import bookmarks."
    )

    func run() throws {
        throw ValidationError("bookmarks are not implemented yet")
    }
}
