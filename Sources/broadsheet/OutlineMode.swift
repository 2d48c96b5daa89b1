import ArgumentParser
import ReaderCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--outline [--json]`: prints the edition's structure and the repairs made to it.
struct OutlineMode {
    let command: ReadOptions
    /// Parses the edition (carries the config's `paperName`).
    var parser = EditionParser()

    /// Resolves, loads, parses and prints the edition; an error is one line on stderr and
    /// exit 1 (65 for input of a kind broadsheet does not read).
    func run() throws {
        let edition: Edition
        do {
            edition = try EditionInput.edition(
                command.edition, environment: ProcessInfo.processInfo.environment,
                parser: parser)
        } catch {
            var message = "broadsheet: \(error)\n"
            message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
            throw ExitCode(EditionInput.exitStatus(error))
        }
        let outline = EditionOutline(edition)
        try StandardOutput.print(command.json ? outline.json() : outline.text())
    }
}
