/// A text converted by OpenCC together with the exact map back to its source offsets.
public struct MappedText: Sendable, Equatable {
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
        if let sibling, sibling.convert(text) == whole {
            return MappedText(text: whole, map: OffsetMap(identity: length))
        }
        var out = ""
        var map = OffsetMap()
        for clause in Self.clauses(of: text) {
            let converted = converter.convert(clause)
            out += converted
            map.append(phrases(of: clause, converted: converted))
        }
        return MappedText(text: out, map: map)
    }

    /// The map of one clause to its conversion `converted`.
    private func phrases(of clause: String, converted: String) -> OffsetMap {
        let scalars = Array(clause.unicodeScalars)
        let convertedCount = EditionScalars.count(converted)
        if scalars.count == convertedCount {
            if sibling == nil || sibling!.convert(clause) == converted { return OffsetMap(identity: scalars.count) }
        }
        // Segment boundaries: k splits the clause where converting both sides apart
        // gives the same text, and the converted side's length says where k lands.
        var map = OffsetMap()
        var lastSource = 0
        var lastConverted = 0
        for k in 1...scalars.count {
            let head = converter.convert(Self.string(scalars[0..<k]))
            if k < scalars.count {
                let tail = converter.convert(Self.string(scalars[k...]))
                guard head + tail == converted else { continue }
            }
            let headCount = EditionScalars.count(head)
            map.appendPhrase(sourceLength: k - lastSource, convertedLength: headCount - lastConverted)
            lastSource = k
            lastConverted = headCount
        }
        return map
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
