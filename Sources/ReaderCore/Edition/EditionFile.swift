#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open edition file: its descriptor, closed when the last user lets go. The
/// rest of a large edition is read through it after the first frame; an open
/// descriptor keeps reading the file that was opened, even if it is renamed or
/// removed from the library meanwhile.
final class EditionFile: Sendable {
    let descriptor: Int32
    /// The most bytes `bytes()` reads (the loader's size limit).
    let limit: Int

    init(descriptor: Int32, limit: Int = .max) {
        self.descriptor = descriptor
        self.limit = limit
    }

    deinit {
        close(descriptor)
    }

    /// The file's bytes from its start, up to `size` (fewer if it shrank), and the
    /// errno of a failed read (0: none). Read into uninitialised storage: zero-filling
    /// 10 MB first costs milliseconds.
    func bytes(size: Int) -> ([UInt8], Int32) {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var filled = 0
            while filled < size {
                let got = pread(descriptor, buffer.baseAddress! + filled, size - filled, off_t(filled))
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if got == 0 { break }     // the file shrank since it was measured
                filled += got
            }
            count = filled
        }
        return (bytes, failure)
    }

    /// Every byte of the file as it is now, up to `limit` (a read error keeps what was read).
    func bytes() -> [UInt8] {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return [] }
        return bytes(size: min(Int(info.st_size), limit)).0
    }
}
