/// Where a justification gap may fall between two drawn clusters, in the order spare
/// cells go there: existing spaces and CJK–Latin boundaries first, then next to
/// punctuation, then wider spaces between Latin words, and between two ideographs only
/// when nothing else can take them.
///
/// Stored per scalar (the gap before it) as a byte; `insideURL` is or-ed in where a
/// line may end only at the exact column edge.
enum GapKind {
    /// No gap: inside a word, a number, —— or ……, the inner side of a quote, before a space.
    static let none: UInt8 = 0
    /// After an existing space between two wide clusters that is not Korean (a space
    /// between Chinese words, after a dateline), or beside a narrow mark: one more cell
    /// at most.
    static let space: UInt8 = 1
    /// A CJK–Latin or CJK–digit boundary without a space: two cells at most.
    static let boundary: UInt8 = 2
    /// After a closing or pause mark, before an opening mark: two cells at most.
    static let punctuation: UInt8 = 3
    /// Between two ideographs (or kana, Hangul syllables): the last resort, any number.
    static let ideographic: UInt8 = 4
    /// An existing space between two wide clusters next to Hangul: every space in Korean
    /// is a word space, and takes up to `wordSpaceCells` more cells.
    static let wordSpace: UInt8 = 5
    static let wordSpaceCells = 8
    /// Between two fullwidth marks (a closing or pause mark, then an opening mark: `：「`,
    /// `）（`): one cell at most, as each mark's own half-blank already parts them.
    static let markPair: UInt8 = 6
    /// An existing space between two narrow clusters that are not marks (Latin words,
    /// numbers): one more cell with the spaces, then, after the punctuation gaps and
    /// before any gap between ideographs, up to `latinSpaceExtraCells` more, as a loose
    /// line of English takes in justified print. So an unbreakable English phrase keeps
    /// its slack in its own spaces rather than letter-spacing the Chinese around it.
    static let latinSpace: UInt8 = 7
    static let latinSpaceExtraCells = 7
    /// Mask for the kind.
    static let kindMask: UInt8 = 0x07
    /// The scalar continues a URL: a break here is taken only at the column edge.
    static let insideURL: UInt8 = 0x80

    /// Whether a scalar is punctuation or a symbol for gap purposes (ASCII, general,
    /// CJK and fullwidth punctuation).
    @inline(__always)
    static func isPunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E, 0xA1...0xBF, 0x2010...0x205E,
            0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0x30FB, 0xFE10...0xFE6F,
            0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:
            return true
        default:
            return false
        }
    }

    /// Whether a scalar is a Hangul syllable or jamo (Korean breaks at its spaces).
    @inline(__always)
    static func isHangul(_ v: UInt32) -> Bool {
        (0xAC00...0xD7A3).contains(v) || (0x1100...0x11FF).contains(v) || (0x3130...0x318F).contains(v)
    }

    /// Whether a closing or pause mark may hang past the column edge (行尾悬挂):
    /// 。，、；：！？ ” ’ ）》」』〉】〕〗．and their narrow forms.
    @inline(__always)
    static func hangs(_ v: UInt32) -> Bool {
        switch v {
        case 0x21, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x2019, 0x201D, 0x3001, 0x3002, 0x3009,
            0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0xFF01, 0xFF09, 0xFF0C, 0xFF0E,
            0xFF1A, 0xFF1B, 0xFF1F, 0xFF61, 0xFF63, 0xFF64:
            return true
        default:
            return false
        }
    }
}
