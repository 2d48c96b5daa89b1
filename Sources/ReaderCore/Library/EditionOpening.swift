/// An edition opened in two steps, so that a large one shows its first screen at once:
/// `first` is the first 版 (parsed from the bytes before the second 版's marker,
/// with the page list from a quick `PageMarkerScan` of the whole file), and
/// `complete()` parses the whole edition, on any thread.
///
/// The first 版's articles, ids, indices and repairs are the same in both: drafts
/// never cross a page marker, and the only repair across articles (a moved
/// headline) joins articles of one 版. When that cannot be promised (the first
/// 版's number comes back later, the title would come from a later heading, or the
/// front page shown first is not in the first part), `first` is the whole edition.
public struct EditionOpening: Sendable {
    /// What to show first: the first 版 (`isComplete == false`) or the whole edition.
    public let first: Edition
    /// Where the whole edition's bytes come from while it is not complete.
    private let rest: Rest
    private let parser: EditionParser

    /// The bytes of the whole edition.
    private enum Rest: Sendable {
        case none
        case memory([UInt8])
    }

    /// Editions below this many bytes are parsed whole at once (it takes a few ms).
    public static let defaultThreshold = 256 << 10

    /// Whether `first` is already the whole edition.
    public var isComplete: Bool { first.isComplete }

    /// The whole edition: `first` when complete, else parsed now (any thread).
    public func complete() -> Edition {
        switch rest {
        case .none: return first
        case .memory(let bytes): return parser.parse(EditionLoader.decode(bytes, name: first.source.name))
        }
    }

    /// Opens text bytes (already judged not binary): the first 版 alone when there are
    /// at least `threshold` bytes and more than one 版, else the whole edition.
    public init(
        bytes: [UInt8], name: String, parser: EditionParser = EditionParser(),
        threshold: Int = EditionOpening.defaultThreshold
    ) {
        self.parser = parser
        if bytes.count >= threshold,
            let partial = bytes.withUnsafeBufferPointer({ Self.firstPage(of: $0, name: name, parser: parser) })
        {
            first = partial
            rest = .memory(bytes)
        } else {
            first = parser.parse(EditionLoader.decode(bytes, name: name))
            rest = .none
        }
    }

    /// An edition read whole already (a day folder of article files).
    public init(complete edition: Edition) {
        first = edition
        parser = EditionParser()
        rest = .none
    }

    /// The first 版 of `bytes` as a partial edition, or nil when it cannot be cut off.
    static func firstPage(of raw: UnsafeBufferPointer<UInt8>, name: String, parser: EditionParser) -> Edition? {
        if PageMarkerScan.isRawScannable(raw) {
            // The usual case: scan the raw bytes and decode only the first part.
            let markers = PageMarkerScan.markers(in: raw)
            guard let cut = cutIndex(markers) else { return nil }
            let head = EditionLoader.text(of: Array(raw[..<markers[cut].offset]))
            return partial(
                head.text,
                source: EditionSource(
                    name: name, contentHash: "", replacedInvalidBytes: head.invalid,
                    replacedControls: head.replaced),
                markers: markers, cut: cut, parser: parser)
        }
        // CR, TAB or U+2028 move line breaks and spaces: scan the sanitised text.
        var loaded = EditionLoader.decode(Array(raw), name: name)
        return loaded.text.withUTF8 { text -> Edition? in
            let markers = PageMarkerScan.markers(in: text)
            guard let cut = cutIndex(markers) else { return nil }
            let head = String(decoding: UnsafeBufferPointer(rebasing: text[..<markers[cut].offset]), as: UTF8.self)
            return partial(head, source: loaded.source, markers: markers, cut: cut, parser: parser)
        }
    }

    /// The marker that starts the second 版 (the first with another number), or nil.
    static func cutIndex(_ markers: [PageMarkerScan.Marker]) -> Int? {
        guard let first = markers.first else { return nil }
        return markers.firstIndex { $0.page.number != first.page.number }
    }

    /// The partial edition of `head` (the text before marker `cut`), or nil when
    /// the whole edition could show or number it differently.
    private static func partial(
        _ head: String, source: EditionSource, markers: [PageMarkerScan.Marker],
        cut: Int, parser: EditionParser
    ) -> Edition? {
        var structure = parser.structure(of: head, name: source.name)
        guard !structure.titleFromName else { return nil }
        var headPages = Set(structure.drafts.map(\.page))
        for marker in markers[..<cut] { headPages.insert(marker.page.number) }
        // A 版 of the first part printed again later would gain articles later.
        guard !markers[cut...].contains(where: { headPages.contains($0.page.number) }) else { return nil }
        var pages: [EditionPage] = []
        for marker in markers { EditionParser.add(marker.page, to: &pages) }
        pages = EditionParser.completed(pages, drafts: structure.drafts)
        // The reader opens on the lowest 版: it must be in the first part.
        guard let shown = pages.map(\.number).min(), headPages.contains(shown) else { return nil }
        structure.pages = pages
        var edition = parser.finish(
            structure,
            source: EditionSource(
                name: source.name, contentHash: "", replacedInvalidBytes: source.replacedInvalidBytes,
                replacedControls: source.replacedControls))
        edition.isComplete = false
        return edition
    }
}
