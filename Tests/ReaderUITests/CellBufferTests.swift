import ReaderCore
import Testing

@testable import ReaderUI

@Suite("Cell buffer and diff")
struct CellBufferTests {
    @Test(
        "text is placed by display width, a wide character never drawn in half",
        arguments: [
            ("株洲日报", 0, 10, "株洲日报"),
            ("株洲日报", 3, 10, "   株洲日"),
            ("株洲日报", 2, 9, "  株洲日"),
            ("ab株洲", 0, 5, "ab株"),
            ("“株洲”", 0, 6, "“株洲”"),
        ])
    func placement(text: String, column: Int, width: Int, expected: String) {
        var buffer = CellBuffer(width: width, height: 1)
        buffer.put(text, row: 0, column: column, role: .body)
        #expect(buffer.lines() == [expected])
        let widths = (0..<width).map { Int(buffer[0, $0].width) }
        for (x, w) in widths.enumerated() where w == 2 {
            #expect(x + 1 < width && buffer[0, x + 1].isContinuation)
        }
    }

    @Test("writing over half of a wide character blanks its other half")
    func overwriteHalf() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("株洲日", row: 0, column: 0, role: .body)
        buffer.put("x", row: 0, column: 1, role: .body)
        #expect(buffer.lines() == [" x洲日"])
        buffer.put("y", row: 0, column: 2, role: .body)
        #expect(buffer.lines() == [" xy 日"])
        #expect(!buffer[0, 3].isContinuation)
    }

    @Test("control characters never reach the buffer")
    func controls() {
        var buffer = CellBuffer(width: 10, height: 1)
        buffer.put("a\u{1B}[2Jb\u{7}c", row: 0, column: 0, role: .body)
        #expect(buffer.lines() == ["a[2Jbc"])
    }

    @Test("an unchanged buffer gives an empty diff")
    func emptyDiff() {
        var buffer = CellBuffer(width: 20, height: 3)
        buffer.put("株洲日报", row: 1, column: 2, role: .masthead)
        #expect(BufferDiff.between(buffer, buffer).isEmpty)
    }

    @Test(
        "a diff lists only the changed cells, from a lead cell",
        arguments: [
            ("株洲日报", "株洲晚报", 1, 4, 2),
            ("abcdef", "abXdef", 1, 2, 1),
            ("株洲日报", "株洲日报", 0, 0, 0),
            ("ab", "ab株洲", 1, 2, 4),
        ])
    func diffSpans(before: String, after: String, spans: Int, column: Int, cells: Int) {
        var old = CellBuffer(width: 12, height: 2)
        old.put(before, row: 1, column: 0, role: .body)
        var new = CellBuffer(width: 12, height: 2)
        new.put(after, row: 1, column: 0, role: .body)
        let diff = BufferDiff.between(old, new)
        #expect(diff.count == spans)
        if let span = diff.first {
            #expect(span.row == 1)
            #expect(span.column == column)
            #expect(span.cells.count == cells)
            #expect(!span.cells[0].isContinuation)
        }
    }

    @Test("a changed right half is redrawn from its lead cell")
    func continuationChange() {
        var old = CellBuffer(width: 4, height: 1)
        old.put("株", row: 0, column: 0, role: .body)
        var new = old
        new.mark(row: 0, column: 1, count: 1, flags: .match)
        let diff = BufferDiff.between(old, new)
        #expect(diff == [DiffSpan(row: 0, column: 0, cells: [new[0, 0], new[0, 1]])])
    }

    @Test("a size change redraws every row")
    func resizeDiff() {
        let old = CellBuffer(width: 10, height: 2)
        let new = CellBuffer(width: 12, height: 3)
        #expect(BufferDiff.between(old, new).map(\.row) == [0, 1, 2])
    }

    @Test("painting a screen page clips runs at the page's right edge")
    func paintClips() {
        let page = ScreenPage(
            width: 7, height: 2,
            runs: [
                PlacedRun(row: 0, column: 0, text: "株洲日报社", role: .masthead),
                PlacedRun(row: 1, column: 5, text: "abc", role: .body),
            ])
        var buffer = CellBuffer(width: 10, height: 2)
        buffer.paint(page)
        #expect(buffer.lines() == ["株洲日", "     ab"])
    }
}
