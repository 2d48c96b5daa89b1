import CNcursesw
import ReaderCore

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

    /// Whether the C library gives every vertical presentation form the reader draws
    /// (U+FE10–FE19, U+FE30–FE48: East Asian Wide) a width of two cells in the current
    /// locale, as the terminal will draw them. Without it vertical setting would misplace
    /// every column after a mark, so the reader keeps the horizontal setting. Call after `prepare`.
    public static var drawsVerticalForms: Bool {
        drawsVerticalForms { bs_wcwidth($0) }
    }

    /// `drawsVerticalForms` with the widths given by `width` (a code point's cells, −1 unknown).
    static func drawsVerticalForms(width: (UInt32) -> Int32) -> Bool {
        VerticalForms.presentationForms.allSatisfy { width($0.value) == 2 }
    }

    /// True when the current LC_CTYPE encodes UTF-8.
    static var isUTF8: Bool {
        guard let codeset = bs_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
