import Glibc

/// Standard error, written with write(2): full Foundation's FileHandle would pull
/// ICU into every start of the reader.
enum StandardError {
    /// Writes `text` to fd 2.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            _ = Glibc.write(STDERR_FILENO, buffer.baseAddress, buffer.count)
        }
    }
}
