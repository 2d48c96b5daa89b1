import CICU

/// Word boundaries from ICU's dictionary-based word break iterator (`UBRK_WORD`, locale
/// "zh"), the only place broadsheet calls ICU. Headline breaking asks it where the words
/// of a Chinese headline end, which spaces and punctuation alone do not say.
///
/// Each call opens its own iterator: after the first call in a process ICU keeps its rules
/// and dictionary cached, and an open costs a few microseconds, so there is no state to
/// share between threads. The first call is the expensive one (ICU builds its CJK engine,
/// about 8 M instructions), which is why callers ask only when a line actually wraps.
public struct WordSegmenter: Sendable {
    /// The locale whose dictionary the iterator uses.
    public var locale: String

    public init(locale: String = "zh") {
        self.locale = locale
    }

    /// For each position in `scalars` (`count + 1` entries, before each scalar and at the
    /// end), whether a word starts or ends there. Start and end are always boundaries;
    /// if ICU cannot be opened, every position is (nothing is then taken for a word).
    public func boundaries(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var result = [Bool](repeating: false, count: scalars.count + 1)
        result[0] = true
        result[scalars.count] = true
        guard scalars.count > 1 else { return result }
        // UTF-16 for ICU, and for each UTF-16 offset the scalar offset it starts (-1 inside a pair).
        var utf16: [UInt16] = []
        utf16.reserveCapacity(scalars.count + 8)
        var scalarAt: [Int32] = []
        scalarAt.reserveCapacity(scalars.count + 9)
        for (i, scalar) in scalars.enumerated() {
            for (k, unit) in UTF16.encode(scalar)!.enumerated() {
                utf16.append(unit)
                scalarAt.append(k == 0 ? Int32(i) : -1)
            }
        }
        scalarAt.append(Int32(scalars.count))
        let found: Bool = utf16.withUnsafeBufferPointer { units in
            guard let iterator = bs_ubrk_open_word(locale, units.baseAddress, Int32(units.count)) else { return false }
            defer { bs_ubrk_close(iterator) }
            var position = bs_ubrk_first(iterator)
            while position != bs_ubrk_done() {
                let index = Int(position)
                if index >= 0, index < scalarAt.count, scalarAt[index] >= 0 {
                    result[Int(scalarAt[index])] = true
                }
                position = bs_ubrk_next(iterator)
            }
            return true
        }
        if !found { return [Bool](repeating: true, count: scalars.count + 1) }
        return result
    }

    /// The words of `text` as ICU segments it (spaces and punctuation are segments too).
    public func words(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let marks = boundaries(scalars)
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if marks[i], !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
            word.append(scalar)
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }
}
