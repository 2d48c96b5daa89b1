import ArgumentParser
import ReaderCore

/// The interactive reader. STUB (issue 5).
struct InteractiveMode {
    let command: ReadCommand

    func run() throws {
        throw ValidationError("the interactive reader is not implemented yet")
    }
}
