/// Search's view of Chinese characters across scripts: each ideograph folded to the
/// form OpenCC's t2s gives it on its own (資 → 资, 髮 and 發 → 发), one scalar for one,
/// so both the query and the text fold alike and offsets stay the source's.
///
/// Made once from one t2s call over every ideograph of the BMP's CJK blocks, one a
/// line (characters alone, not phrases: a fold must not depend on the neighbours).
public struct ScriptFold: Sendable {
    /// The folded scalar value of each code point from `base` on (0: unchanged).
    private let table: [UInt32]
    static let base: UInt32 = 0x3400
    static let end: UInt32 = 0xA000

    /// The fold of OpenCC's `t2s` configuration.
    public init(t2s: OpenCCConverter) {
        var input = String.UnicodeScalarView()
        for value in Self.base..<Self.end {
            input.append(Unicode.Scalar(value)!)
            input.append("\n")
        }
        let lines = t2s.convert(String(input)).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        var table = [UInt32](repeating: 0, count: Int(Self.end - Self.base))
        // A line of another length than one scalar (none in OpenCC 1.1.6) keeps its character.
        if lines.count >= table.count {
            for index in table.indices where lines[index].count == 1 {
                let folded = lines[index].first!.value
                if folded != Self.base + UInt32(index) { table[index] = folded }
            }
        }
        self.table = table
    }

    /// `scalar` in its folded form.
    @inline(__always)
    public func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        guard value >= Self.base, value < Self.end else { return scalar }
        let folded = table[Int(value - Self.base)]
        return folded == 0 ? scalar : Unicode.Scalar(folded)!
    }
}
