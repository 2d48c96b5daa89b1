import CNcursesw

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sets the locale from the environment before ncurses starts.
public enum TerminalLocale {
    /// Calls `setlocale(LC_ALL, "")`. A non-UTF-8 locale is replaced by C.UTF-8 when it
    /// exists (the returned warning says what to set); nil warning means all is well.
    /// Throws when no UTF-8 locale is available at all.
    public static func prepare() throws -> String? {
        setlocale(LC_ALL, "")
        if isUTF8 { return nil }
        let name = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        for fallback in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, fallback) != nil {
            if isUTF8 {
                return "locale \(name) is not UTF-8; using \(fallback). Set LANG=C.UTF-8 to silence this."
            }
        }
        throw TerminalError(
            description:
                "the locale \(name) is not UTF-8 and no UTF-8 locale is installed; set LANG to a UTF-8 locale such as C.UTF-8."
        )
    }

    /// True when the current LC_CTYPE encodes UTF-8.
    static var isUTF8: Bool {
        guard let codeset = bs_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
