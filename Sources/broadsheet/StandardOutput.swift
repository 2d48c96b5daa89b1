import ArgumentParser
import Glibc

/// Bytes on their way to stdout, written with `write(2)` in chunks. The first write
/// error is kept: `finish()` reports it and exits 74 (EX_IOERR), so that `--dump >
/// /dev/full` or a closed pipe never looks like success.
struct StandardOutput {
    /// sysexits.h EX_IOERR: an error while doing I/O on some file.
    static let ioErrorStatus: Int32 = 74

    var bytes: [UInt8] = []
    /// The errno of the first failed write; nil while every write succeeded.
    private(set) var failure: Int32?

    /// Appends `text`'s UTF-8.
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Writes and empties the buffer once it holds more than `limit` bytes.
    mutating func flush(ifOver limit: Int) {
        guard bytes.count > limit else { return }
        if failure == nil { failure = Self.write(bytes, to: STDOUT_FILENO) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes what is left; on a write error prints one line on stderr and throws exit 74.
    mutating func finish() throws {
        flush(ifOver: 0)
        guard let failure else { return }
        StandardError.write("broadsheet: cannot write to standard output: \(String(cString: strerror(failure)))\n")
        throw ExitCode(Self.ioErrorStatus)
    }

    /// Writes `text` to stdout at once; on an error, the same message and exit 74.
    static func print(_ text: String) throws {
        var output = StandardOutput()
        output.append(text)
        try output.finish()
    }

    /// Writes all of `bytes` to file descriptor `fd`, retrying short writes; the errno
    /// of a failed write, nil when all went out.
    @discardableResult
    static func write(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return errno }
                if n == 0 { return EIO }
                offset += n
            }
            return nil
        }
    }
}
