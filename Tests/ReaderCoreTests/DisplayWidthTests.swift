import Testing
@testable import ReaderCore

@Suite("Display width")
struct DisplayWidthTests {
    @Test("an ideograph takes two cells and a Latin letter one",
          arguments: [("株", 2), ("a", 1), ("株洲", 4), ("G4", 2)])
    func measures(text: String, cells: Int) {
        #expect(DisplayWidth().of(text) == cells)
    }
}
