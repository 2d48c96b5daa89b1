/// A text converted by OpenCC together with the exact map back to its source offsets.
public struct MappedText: Sendable {
    public var text: String
    public var map: OffsetMap

    public init(text: String, map: OffsetMap) {
        self.text = text
        self.map = map
    }
}

/// Converts text with an exact `OffsetMap`, verified rather than assumed.
///
/// OpenCC converts a text as maximum-match segments, each on its own. Most
/// configurations' dictionaries never change a phrase's length (s2t, t2s, s2tw, s2hk,
/// tw2s, hk2s, t2tw, t2hk), so an output as long as its input maps one for one; only
/// the Taiwan phrase tables (s2twp, tw2sp: U盘 → 隨身碟) change lengths. For those a
/// `sibling` (s2tw, tw2s) converts the same text without the phrase table: where the two
/// agree the map is the identity. Where they differ, the text is cut into clauses at
/// marks no dictionary key contains (so a clause converts as it would in the whole text),
/// and inside a differing clause every offset is tested as a segment boundary: `k` is
/// one when converting the two sides apart gives the whole clause's conversion.
public struct MappedConversion: Sendable {
    public let converter: OpenCCConverter
    /// The same conversion without its length-changing phrase table, or nil when the
    /// converter itself never changes a phrase's length.
    public let sibling: OpenCCConverter?

    public init(converter: OpenCCConverter, sibling: OpenCCConverter? = nil) {
        self.converter = converter
        self.sibling = sibling
    }

    /// Marks that no key of OpenCC's dictionaries contains (checked against dumps of
    /// every dictionary, opencc_dict -t text): segments never span them.
    static let clauseMarks: Set<Unicode.Scalar> = [
        "，", "。", "；", "：", "？", "！", "、", "「", "」", "（", "）", "“", "”", "《", "》", " ", "\n",
    ]

    /// `text` converted, and the map from it back to `text`'s offsets.
    public func convert(_ text: String) -> MappedText {
        let whole = converter.convert(text)
        let length = EditionScalars.count(text)
        if sibling == nil, EditionScalars.count(whole) == length {
            return MappedText(text: whole, map: OffsetMap(identity: length))
        }
        let plain = sibling?.convert(text)
        if let plain, plain == whole {
            return MappedText(text: whole, map: OffsetMap(identity: length))
        }
        let clauses = Self.clauses(of: text)
        // The clause marks pass through OpenCC and no dictionary value holds one either, so
        // both conversions of the whole text cut into the clauses' own conversions; should
        // the counts disagree (a value with a space), each clause is converted on its own.
        let converted = Self.clauses(of: whole)
        let plainClauses = plain.map { Self.clauses(of: $0) }
        let aligned =
            converted.count == clauses.count && (plainClauses?.count ?? clauses.count) == clauses.count
            && zip(clauses, converted).allSatisfy { clause, converted in
                // Every clause but the last ends in its mark, in both texts.
                guard let mark = clause.unicodeScalars.last, Self.clauseMarks.contains(mark) else { return true }
                return converted.unicodeScalars.last == mark
            }
        var out = ""
        var map = OffsetMap()
        for (index, clause) in clauses.enumerated() {
            let clauseConverted = aligned ? converted[index] : converter.convert(clause)
            let clausePlain = aligned ? plainClauses?[index] : sibling?.convert(clause)
            out += clauseConverted
            map.append(phrases(of: clause, converted: clauseConverted, plain: clausePlain))
        }
        return MappedText(text: out, map: map)
    }

    /// The map of one clause to its conversion `converted` (and the sibling's, `plain`).
    private func phrases(of clause: String, converted: String, plain: String?) -> OffsetMap {
        let scalars = Array(clause.unicodeScalars)
        let convertedCount = EditionScalars.count(converted)
        if scalars.count == convertedCount, sibling == nil || plain == converted {
            return OffsetMap(identity: scalars.count)
        }
        // Where the sibling's conversion (one for one with the clause) and this one agree
        // at both ends, the clause is cut there, if the cut is a segment boundary and the
        // piece converts alike both ways; only the middle is then searched scalar by scalar.
        var low = 0
        var high = scalars.count
        if let plain, EditionScalars.count(plain) == scalars.count {
            let a = Array(plain.unicodeScalars)
            let b = Array(converted.unicodeScalars)
            var prefix = 0
            while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
                suffix += 1
            }
            if prefix > 0, isIdentityCut(scalars, at: prefix, keepHead: true, converted: converted) { low = prefix }
            let tailStart = scalars.count - suffix
            if suffix > 0, tailStart > low,
                isIdentityCut(scalars, at: tailStart, keepHead: false, converted: converted)
            {
                high = tailStart
            }
        }
        var middle = Array(scalars[low..<high])
        var whole = converter.convert(Self.string(middle[...]))
        let ends = (converter.convert(Self.string(scalars[0..<low])), converter.convert(Self.string(scalars[high...])))
        if ends.0 + whole + ends.1 != converted {
            // The cuts did not compose (never seen): search the whole clause.
            (low, high) = (0, scalars.count)
            middle = scalars
            whole = converted
        }
        var map = OffsetMap(identity: low)
        // Segment boundaries: k splits the middle where converting both sides apart gives
        // the same text, and the converted side's length says where k lands.
        var lastSource = 0
        var lastConverted = 0
        for k in 1...max(1, middle.count) where k <= middle.count {
            let head = converter.convert(Self.string(middle[0..<k]))
            if k < middle.count {
                let tail = converter.convert(Self.string(middle[k...]))
                guard head + tail == whole else { continue }
            }
            let headCount = EditionScalars.count(head)
            map.appendPhrase(sourceLength: k - lastSource, convertedLength: headCount - lastConverted)
            lastSource = k
            lastConverted = headCount
        }
        map.appendIdentity(scalars.count - high)
        return map
    }

    /// Whether cutting `scalars` at `k` splits its conversion `converted` in two, and the
    /// head (or, `keepHead` false, the tail) converts as the sibling converts it, one for one.
    private func isIdentityCut(_ scalars: [Unicode.Scalar], at k: Int, keepHead: Bool, converted: String) -> Bool {
        guard let sibling else { return false }
        let head = Self.string(scalars[0..<k])
        let tail = Self.string(scalars[k...])
        let headConverted = converter.convert(head)
        let tailConverted = converter.convert(tail)
        guard headConverted + tailConverted == converted else { return false }
        return keepHead ? headConverted == sibling.convert(head) : tailConverted == sibling.convert(tail)
    }

    /// `text` cut after each clause mark (the marks stay with their clause).
    static func clauses(of text: String) -> [String] {
        var clauses: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            current.append(scalar)
            if clauseMarks.contains(scalar) {
                clauses.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { clauses.append(String(current)) }
        return clauses
    }

    /// A run of scalars as a string.
    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
