// libFuzzer entry point over parse + layout + dump (hostile editions must not crash the kiosk). Compiled by
// Fuzz/run.sh together with every ReaderCore source file into one module, so
// internal API is visible and no package build is needed.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input: the first two bytes pick a screen size (down to 1×1), the rest is
/// the edition file. Parses, lays out the first front screens and the first
/// screens of a few articles, horizontally and vertically, dumps them as text, and checks what the terminal
/// would get: no control byte except LF and FF, no C1 control, no bidi override.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParseLayout(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 2 else { return 0 }
    let width = 1 + Int(data[0]) % 160
    let height = 1 + Int(data[1]) % 60
    let bytes = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))
    // A file the loader refuses as binary never reaches the layout.
    guard let edition = FuzzEdition.parse(bytes) else { return 0 }
    var pages: [ScreenPage] = []
    // Both settings: horizontal, and vertical (直排), whose columns are set by the same typesetter.
    for vertical in [false, true] {
        let layout = EditionLayout(
            edition: edition, width: width, height: height, options: LayoutOptions(vertical: vertical))
        if let page = layout.pageNumbers.first {
            var screen = 0
            while screen < 3, layout.hasFrontPage(page: page, screen: screen) {
                pages.append(layout.frontPage(page: page, screen: screen))
                screen += 1
            }
        }
        for article in edition.articles.indices.prefix(4) {
            let count = layout.articleScreenCount(article: article)
            pages.append(layout.articlePage(article: article, screen: 0))
            if count > 1 { pages.append(layout.articlePage(article: article, screen: count - 1)) }
            let position = layout.position(atTopOf: article, screen: count - 1)
            if layout.screen(containing: position) != count - 1 {
                fatalError("position(atTopOf:) and screen(containing:) disagree for article \(article)")
            }
        }
    }
    let text = PlainTextFormatter().format(pages)
    FuzzEdition.checkTerminalSafe(text)
    return 0
}

/// Parsing and the output check, kept apart from the entry point.
enum FuzzEdition {
    /// The edition as the reader would open it from a file with these bytes;
    /// nil when the loader refuses them as a binary file.
    static func parse(_ bytes: [UInt8]) -> Edition? {
        if EditionLoader.binaryReason(bytes) != nil { return nil }
        let loaded = EditionLoader.decode(bytes, name: "fuzz")
        // Text that opens with front matter is also read as a day folder's article file.
        if let article = ArticleFolderReader().edition(of: [(loaded.text, "01-要闻/fuzz.md", "01-要闻")],
                                                       source: loaded.source) {
            return article
        }
        return EditionParser().parse(loaded)
    }

    /// Traps when `text` holds a scalar that a terminal would act on.
    static func checkTerminalSafe(_ text: String) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let control = (v < 0x20 && v != 0x0A && v != 0x0C) || (0x7F...0x9F).contains(v)
            let bidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            if control || bidi {
                fatalError("dump output carries U+\(String(v, radix: 16, uppercase: true))")
            }
        }
    }
}
