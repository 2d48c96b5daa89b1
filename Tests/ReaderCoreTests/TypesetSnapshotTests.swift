import TestSupport
import Testing

@testable import ReaderCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Typesetter snapshots")
struct TypesetSnapshotTests {
    @Test("the sample edition set in a column looks as recorded", arguments: [24, 31, 40])
    func sampleEdition(width: Int) {
        let paragraphs = SampleEdition.paragraphs()
        #expect(!paragraphs.isEmpty)
        let setter = Typesetter(options: TypesetOptions(width: width))
        let text =
            paragraphs.map { paragraph in
                setter.set(paragraph).map { "|" + $0.text + "|" }.joined(separator: "\n")
            }.joined(separator: "\n\n") + "\n"
        Snapshot.expect(text, named: "typeset-sample-\(width).txt")
    }
}
