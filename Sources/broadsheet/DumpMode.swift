import ArgumentParser
import ReaderCore

/// `--dump`: prints screen pages as text. STUB (issue 4).
struct DumpMode {
    let command: ReadCommand

    func run() throws {
        throw ValidationError("--dump is not implemented yet")
    }
}
