import TestSupport

@testable import ReaderCore

/// Checks the set lines of one paragraph against the Typesetter's contract and the
/// clreq rules; returns readable problems (empty when all is well).
struct TypesetChecks {
    let paragraph: String
    let options: TypesetOptions
    let lines: [SetLine]

    init(_ paragraph: String, _ options: TypesetOptions) {
        self.paragraph = paragraph
        self.options = options
        self.lines = Typesetter(options: options).set(paragraph)
    }

    /// Checks given lines (to test the checks themselves).
    init(_ paragraph: String, _ options: TypesetOptions, lines: [SetLine]) {
        self.paragraph = paragraph
        self.options = options
        self.lines = lines
    }

    /// The lines as drawn, one per row, for failure messages.
    var drawing: String { lines.map { "|" + $0.text + "|" }.joined(separator: "\n") }

    /// Cells of the closing mark a line hangs past the edge (0 when it hangs none, or
    /// when hanging is off).
    func hungWidth(_ line: SetLine, measure: DisplayWidth) -> Int {
        guard options.hangPunctuation, line.width > options.width, let last = line.text.unicodeScalars.last,
            GapKind.hangs(last.value)
        else { return 0 }
        return measure.of(last)
    }

    /// Every problem found, each naming the line.
    func problems() -> [String] {
        var found: [String] = []
        let scalars = Array(paragraph.unicodeScalars)
        let measure = DisplayWidth(ambiguous: options.ambiguous)
        func hidden(_ s: Unicode.Scalar) -> Bool {
            s.value < 0x20 || (0x7F..<0xA0).contains(s.value) || s == "\u{2028}" || s == "\u{2029}"
        }
        func kept(_ s: Unicode.Scalar) -> Bool { s != " " && s != "\u{3000}" && !hidden(s) }
        // Marks at the start of a paragraph or after a hard break have nothing to
        // attach to and are not drawn.
        var orphans = Set<Int>()
        var atStart = true
        for (k, scalar) in scalars.enumerated() {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{B}" || scalar == "\u{C}"
                || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
            {
                atStart = true
                continue
            }
            if hidden(scalar) || !atStart { continue }
            let p = scalar.properties
            if p.isGraphemeExtend || scalar.value == 0x200D || p.isEmojiModifier || p.generalCategory == .spacingMark {
                orphans.insert(k)
            } else {
                atStart = false
            }
        }
        // Source ranges are contiguous and cover the paragraph.
        var next = 0
        for (index, line) in lines.enumerated() {
            if line.source.lowerBound != next {
                found.append("line \(index) starts at \(line.source.lowerBound), not \(next)")
            }
            next = line.source.upperBound
            if line.isLast != (index == lines.count - 1) { found.append("line \(index) has isLast \(line.isLast)") }
        }
        if next != scalars.count { found.append("lines end at \(next), the paragraph at \(scalars.count)") }
        for (index, line) in lines.enumerated() {
            let cells = measure.of(line.text)
            if cells != line.width { found.append("line \(index) says width \(line.width) but measures \(cells)") }
            // A hung closing mark (行尾悬挂) may stand past the edge, never anything else.
            let hung = hungWidth(line, measure: measure)
            if line.isLast {
                if cells - hung > options.width {
                    found.append("last line \(index) is \(cells) cells, wider than \(options.width)")
                }
            } else if options.justify && cells - hung != options.width {
                found.append("line \(index) is \(cells) cells, not \(options.width)")
            }
            if hung > 0, cells <= options.width { found.append("line \(index) hangs a mark it had room for") }
            // None lost, none added.
            let drawn = line.text.unicodeScalars.filter(kept)
            let source = line.source.filter { kept(scalars[$0]) && !orphans.contains($0) }.map { scalars[$0] }
            if Array(drawn) != Array(source) {
                found.append(
                    "line \(index) draws \(String(String.UnicodeScalarView(drawn))) for \(String(String.UnicodeScalarView(source)))"
                )
            }
            // Kinsoku.
            let visible = line.text.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }
            if index > 0, let first = visible.first, Kinsoku.forbidsLineStart(first) {
                found.append("line \(index) starts with \(first)")
            }
            if !line.isLast, let last = visible.last, Kinsoku.forbidsLineEnd(last) {
                found.append("line \(index) ends with \(last)")
            }
            if !line.isLast, let last = visible.last, index + 1 < lines.count,
                let first = lines[index + 1].text.unicodeScalars.first(where: { $0 != " " }),
                last == first, last == "—" || last == "…"
            {
                found.append("line \(index) splits \(last)\(first)")
            }
            // Segments rebuild the text at their columns.
            var rebuilt = ""
            var column = 0
            if index == 0, line.text.hasPrefix("\u{3000}\u{3000}") {
                rebuilt = "\u{3000}\u{3000}"
                column = 4
            }
            var lastEnd = line.source.lowerBound
            for segment in line.segments {
                if segment.column < column {
                    found.append("line \(index): segment at \(segment.column) overlaps column \(column)")
                }
                rebuilt += String(repeating: " ", count: max(0, segment.column - column)) + segment.text
                column = segment.column + measure.of(segment.text)
                let text = String(
                    String.UnicodeScalarView(
                        segment.source.filter { !hidden(scalars[$0]) && !orphans.contains($0) }.map { scalars[$0] }))
                if text != segment.text {
                    found.append("line \(index): segment \(segment.text) is not its source \(text)")
                }
                if segment.source.lowerBound < lastEnd || segment.source.upperBound > line.source.upperBound {
                    found.append("line \(index): segment source \(segment.source) out of order")
                }
                lastEnd = segment.source.upperBound
            }
            rebuilt += String(repeating: " ", count: max(0, line.width - column))
            if rebuilt != line.text { found.append("line \(index): segments give |\(rebuilt)| not |\(line.text)|") }
        }
        return found
    }
}
