#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open edition file: its descriptor, closed when the last user lets go.
final class EditionFile: Sendable {
    let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
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
                if got == 0 { break } // the file shrank since it was measured
                filled += got
            }
            count = filled
        }
        return (bytes, failure)
    }
}
