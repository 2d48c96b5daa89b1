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

    /// Resolves, loads, parses and prints the edition; an error is one line on stderr and exit 1.
    func run() throws {
        let edition: Edition
        do {
            edition = try EditionLibrary.edition(command.edition, environment: ProcessInfo.processInfo.environment)
        } catch {
            var message = "broadsheet: \(error)\n"
            message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
            throw ExitCode(1)
        }
        let outline = EditionOutline(edition)
        try StandardOutput.print(command.json ? outline.json() : outline.text())
    }
}
