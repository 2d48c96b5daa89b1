import COpenCC

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a script conversion is not available.
public enum ScriptConversionError: Error, Sendable, CustomStringConvertible {
    /// libopencc.so.1.1 could not be opened (the package is not installed).
    case libraryMissing
    /// The library is there but a configuration or its dictionaries are not.
    case configurationMissing(String, reason: String)

    public var description: String {
        switch self {
        case .libraryMissing:
            return "繁简 conversion needs OpenCC (libopencc1.1, libopencc-data): not installed"
        case .configurationMissing(let config, let reason):
            return "繁简 conversion: OpenCC cannot open \(config)\(reason.isEmpty ? "" : ": \(reason)")"
        }
    }
}

/// One OpenCC configuration (s2t, t2s, s2twp …), opened through COpenCC's dlopen'd API:
/// converts UTF-8 text phrase by phrase (maximum-match segments of its dictionaries).
public final class OpenCCConverter: @unchecked Sendable {
    /// The configuration's name without `.json`, such as `s2t`.
    public let config: String
    private let handle: UnsafeMutableRawPointer
    private var mutex = pthread_mutex_t()

    /// Opens `config` (a name from OpenCC's data folder, without `.json`).
    public init(config: String) throws(ScriptConversionError) {
        guard bs_opencc_loaded() != 0 else { throw .libraryMissing }
        guard let handle = bs_opencc_open(config + ".json") else {
            throw .configurationMissing(config, reason: String(cString: bs_opencc_error()))
        }
        self.config = config
        self.handle = handle
        pthread_mutex_init(&mutex, nil)
    }

    deinit {
        bs_opencc_close(handle)
        pthread_mutex_destroy(&mutex)
    }

    /// `text` converted; the text itself should OpenCC fail (it does not on valid UTF-8).
    public func convert(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var copy = text
        return copy.withUTF8 { bytes -> String in
            // One converter is shared by the layout threads; OpenCC does not promise
            // that a converter may be used by two at once.
            pthread_mutex_lock(&mutex)
            defer { pthread_mutex_unlock(&mutex) }
            let input = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard let output = bs_opencc_convert(handle, input, bytes.count) else { return text }
            defer { bs_opencc_free(output) }
            return String(cString: output)
        }
    }
}
