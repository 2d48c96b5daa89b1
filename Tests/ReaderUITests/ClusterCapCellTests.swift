import ReaderCore
import Testing

@testable import ReaderUI

/// The reader's cells hold a cluster's first 16 marks, not 50,000.
@Suite("Combining marks per cell in the reader")
struct ClusterCapCellTests {
    @Test("a 50,000-mark cluster in a cell, put or set, keeps its base and 16 marks")
    func cellIsCapped() {
        let storm = "e" + String(repeating: "\u{301}", count: 50_000)
        var buffer = CellBuffer(width: 10, height: 1)
        buffer.put("字" + storm + "文", row: 0, column: 0, role: .body)
        #expect(buffer[0, 2].text.unicodeScalars.count == 1 + DisplayWidth.marksPerCell)
        #expect(buffer[0, 3].text == "文")
        var cell = Cell(text: "x", role: .body)
        cell.text = storm
        #expect(cell.utf8Count == 1 + 2 * DisplayWidth.marksPerCell)
    }

    @Test("a front page with a 50,000-mark headline is a frame of a few KB")
    func frameIsSmall() {
        let storm = "e" + String(repeating: "\u{301}", count: 50_000)
        let text = "# 株洲日报\n\n2023年3月29日 星期三\n\n## 风暴" + storm + "标题\n\n正文" + storm + "继续。\n"
        let edition = EditionParser().parse(EditionLoader.decode(Array(text.utf8), name: "storm.md"))
        let frame = Screen.render(AppState(edition: edition, width: 80, height: 24))
        let bytes = frame.cells.reduce(0) { $0 + $1.utf8Count }
        #expect(bytes < 8_000, "\(bytes) bytes in one frame")
    }
}
