#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The contents of `bookmarks.json`: bookmarks, one reading position per
/// edition, and tombstones of deleted bookmarks. Documented in the README.
public struct StateDocument: Codable, Equatable, Sendable {
    /// The schema this build writes. A file with a larger version is never written.
    public static let currentVersion = 1
    /// Tombstones older than this are dropped on save (a session would have to
    /// stay open this long holding the bookmark to bring it back).
    public static let tombstoneLifetimeDays = 180

    public var version: Int
    public var bookmarks: [Bookmark]
    public var positions: [ReadingPosition]
    public var deleted: [Tombstone]

    public init(
        version: Int = StateDocument.currentVersion, bookmarks: [Bookmark] = [],
        positions: [ReadingPosition] = [], deleted: [Tombstone] = []
    ) {
        self.version = version
        self.bookmarks = bookmarks
        self.positions = positions
        self.deleted = deleted
    }

    private enum CodingKeys: String, CodingKey { case version, bookmarks, positions, deleted }

    /// Decodes a document; the lists may be missing (an older or hand-made file).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        bookmarks = try c.decodeIfPresent([Bookmark].self, forKey: .bookmarks) ?? []
        positions = try c.decodeIfPresent([ReadingPosition].self, forKey: .positions) ?? []
        deleted = try c.decodeIfPresent([Tombstone].self, forKey: .deleted) ?? []
    }

    /// Both documents' knowledge in one: bookmarks by id (the later `updated`
    /// wins), tombstones by id (a deletion always wins), reading positions by
    /// edition key (the later `updated` wins). Order-independent.
    public func merged(with other: StateDocument) -> StateDocument {
        var tombs: [String: Tombstone] = [:]
        for t in deleted + other.deleted {
            if let seen = tombs[t.id], seen.deleted >= t.deleted { continue }
            tombs[t.id] = t
        }
        var marks: [String: Bookmark] = [:]
        for b in bookmarks + other.bookmarks where tombs[b.id] == nil {
            if let seen = marks[b.id], !StateDocument.isNewer(b, than: seen) { continue }
            marks[b.id] = b
        }
        var places: [String: ReadingPosition] = [:]
        for p in positions + other.positions {
            let key = p.position.edition.key
            if let seen = places[key], !StateDocument.isNewer(p, than: seen) { continue }
            places[key] = p
        }
        return StateDocument(
            version: StateDocument.currentVersion,
            bookmarks: marks.values.sorted { ($0.created, $0.id) < ($1.created, $1.id) },
            positions: places.values.sorted { $0.position.edition.key < $1.position.edition.key },
            deleted: tombs.values.sorted { $0.id < $1.id })
    }

    /// This document without tombstones older than the lifetime at `now`.
    public func pruned(at now: Timestamp) -> StateDocument {
        let limit = now.adding(seconds: -Double(StateDocument.tombstoneLifetimeDays) * 86_400)
        var copy = self
        copy.deleted.removeAll { $0.deleted < limit }
        return copy
    }

    /// Whether `a` should replace `b`: later update, ties broken by content so
    /// that every session picks the same copy.
    private static func isNewer(_ a: Bookmark, than b: Bookmark) -> Bool {
        if a.updated != b.updated { return a.updated > b.updated }
        return (a.note ?? "", a.headline) > (b.note ?? "", b.headline)
    }

    /// Whether reading position `a` should replace `b` (later, then a fixed tie-break).
    private static func isNewer(_ a: ReadingPosition, than b: ReadingPosition) -> Bool {
        if a.updated != b.updated { return a.updated > b.updated }
        return (a.position.article, a.position.offset) > (b.position.article, b.position.offset)
    }

    // MARK: - Bytes

    /// What a file's bytes turned out to hold.
    public enum Decoded: Sendable {
        case document(StateDocument)
        /// Zero bytes or only whitespace: nothing to lose.
        case empty
        /// A schema newer than this build; the document is what could be read, if anything.
        case newerVersion(Int, StateDocument?)
        /// Not a state file; `reason` says why.
        case corrupt(reason: String)
    }

    /// Decodes the bytes of a state file, never throwing.
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .empty
        }
        let data = Data(bytes)
        let decoder = JSONDecoder()
        let probe: VersionProbe
        do {
            probe = try decoder.decode(VersionProbe.self, from: data)
        } catch {
            return .corrupt(reason: "not a JSON object with a version")
        }
        guard let version = probe.version, version >= 1 else {
            return .corrupt(reason: "no valid \"version\" field")
        }
        if version > currentVersion {
            return .newerVersion(version, try? decoder.decode(StateDocument.self, from: data))
        }
        do {
            return .document(try decoder.decode(StateDocument.self, from: data))
        } catch let error as DecodingError {
            return .corrupt(reason: describe(error))
        } catch {
            return .corrupt(reason: "\(error)")
        }
    }

    /// The document as pretty, key-sorted JSON with a final newline.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var bytes = [UInt8](try encoder.encode(self))
        bytes.append(0x0A)
        return bytes
    }

    private struct VersionProbe: Decodable {
        var version: Int?
    }

    /// A one-line account of a decoding error: the field path and what was wrong.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let parts = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
            let joined = parts.joined()
            return joined.hasPrefix(".") ? String(joined.dropFirst()) : (joined.isEmpty ? "top level" : joined)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(type), found null"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
