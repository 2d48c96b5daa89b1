import Testing

@testable import ReaderCore

@Suite("The state document and its merge")
struct StateDocumentTests {
    static let edition = EditionID(title: "株洲日报", date: "2023-03-29", contentHash: "aaaa")
    static let position = TextAnchor(edition: edition, article: "project-meeting", offset: 40, quote: "会议指出")

    func mark(_ id: String, at ms: Int64, note: String? = nil, updated: Int64? = nil) -> Bookmark {
        Bookmark(
            id: id, position: Self.position, headline: "全市项目建设推进会召开", note: note,
            created: Timestamp(milliseconds: ms), updated: updated.map { Timestamp(milliseconds: $0) })
    }

    func place(_ date: String, offset: Int, at ms: Int64) -> ReadingPosition {
        var p = Self.position
        p.edition.date = date
        p.offset = offset
        return ReadingPosition(position: p, updated: Timestamp(milliseconds: ms))
    }

    @Test("merging keeps every bookmark of both sides")
    func union() {
        let a = StateDocument(bookmarks: [mark("a", at: 1), mark("b", at: 2)])
        let b = StateDocument(bookmarks: [mark("b", at: 2), mark("c", at: 3)])
        #expect(a.merged(with: b).bookmarks.map(\.id) == ["a", "b", "c"])
    }

    @Test("a deletion is not undone by merging with a side that still has the bookmark")
    func tombstoneWins() {
        let deleter = StateDocument(
            bookmarks: [mark("a", at: 1)],
            deleted: [Tombstone(id: "b", deleted: Timestamp(milliseconds: 5))])
        let holder = StateDocument(bookmarks: [mark("a", at: 1), mark("b", at: 2, note: "改过的备注", updated: 9)])
        #expect(deleter.merged(with: holder).bookmarks.map(\.id) == ["a"])
        #expect(holder.merged(with: deleter).bookmarks.map(\.id) == ["a"])
        #expect(holder.merged(with: deleter).deleted.map(\.id) == ["b"])
    }

    @Test("the later note edit wins, whichever side merges")
    func newerNote() {
        let old = StateDocument(bookmarks: [mark("a", at: 1, note: "旧备注")])
        let new = StateDocument(bookmarks: [mark("a", at: 1, note: "新备注", updated: 7)])
        #expect(old.merged(with: new).bookmarks.first?.note == "新备注")
        #expect(new.merged(with: old).bookmarks.first?.note == "新备注")
    }

    @Test("each edition keeps its newest reading position")
    func positions() {
        let a = StateDocument(positions: [
            place("2023-03-29", offset: 10, at: 5), place("2023-03-30", offset: 1, at: 1),
        ])
        let b = StateDocument(positions: [place("2023-03-29", offset: 99, at: 9)])
        let merged = a.merged(with: b)
        #expect(merged.positions.map(\.position.offset) == [99, 1])
        #expect(merged == b.merged(with: a))
    }

    @Test("tombstones older than their lifetime are pruned")
    func prunes() {
        let day: Int64 = 86_400_000
        let now = Timestamp(milliseconds: 400 * day)
        let doc = StateDocument(deleted: [
            Tombstone(id: "old", deleted: Timestamp(milliseconds: 10 * day)),
            Tombstone(id: "new", deleted: Timestamp(milliseconds: 390 * day)),
        ])
        #expect(doc.pruned(at: now).deleted.map(\.id) == ["new"])
    }

    @Test("a document survives encoding and decoding, CJK notes included")
    func roundTrip() throws {
        let doc = StateDocument(
            bookmarks: [mark("a", at: 1_680_078_600_000, note: "下午再读「株洲」")],
            positions: [place("2023-03-29", offset: 3, at: 2)],
            deleted: [Tombstone(id: "z", deleted: Timestamp(milliseconds: 4))])
        guard case .document(let back) = StateDocument.decode(try doc.encoded()) else {
            Issue.record("did not decode")
            return
        }
        #expect(back == doc)
    }

    @Test(
        "bytes that are not a current state file are told apart",
        arguments: [
            ("", "empty"), ("  \n", "empty"), ("{\"version\": 1}", "document"),
            ("{\"version\": 2, \"bookmarks\": \"whatever\"}", "newer"),
            ("{\"bookmarks\": []}", "corrupt"), ("{\"version\": 1, \"bookmarks\": [{\"id\": 3}]}", "corrupt"),
            ("{\"version\": 1, \"bookmarks\": [", "corrupt"), ("株洲日报", "corrupt"), ("[1, 2]", "corrupt"),
        ])
    func classifies(text: String, kind: String) {
        let decoded = StateDocument.decode(Array(text.utf8))
        switch decoded {
        case .empty: #expect(kind == "empty")
        case .document: #expect(kind == "document")
        case .newerVersion(let v, _): #expect(kind == "newer" && v == 2)
        case .corrupt: #expect(kind == "corrupt")
        }
    }

    @Test("a corrupt field is named in the reason")
    func namesField() {
        let text = "{\"version\": 1, \"bookmarks\": [{\"id\": \"x\", \"headline\": 5}]}"
        guard case .corrupt(let reason) = StateDocument.decode(Array(text.utf8)) else {
            Issue.record("not corrupt")
            return
        }
        #expect(reason.contains("bookmarks[0]"))
    }
}
