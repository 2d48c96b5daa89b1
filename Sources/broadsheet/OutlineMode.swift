import ArgumentParser
import ReaderCore

/// `--outline [--json]`: prints the edition's structure. STUB (issue 3).
struct OutlineMode {
    let command: ReadCommand

    func run() throws {
        throw ValidationError("--outline is not implemented yet")
    }
}
