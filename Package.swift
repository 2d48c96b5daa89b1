// swift-tools-version:6.0
import PackageDescription

/// Where Debian's libxml2-dev keeps <libxml/…>: every target that imports CLibXML2, even
/// through EPaper, needs it when Clang builds the module (no pkg-config: its -lxml2 would
/// link libxml2, which is opened with dlopen instead).
let libxml2Headers: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]

let package = Package(
    name: "broadsheet",
    products: [
        .executable(name: "broadsheet", targets: ["broadsheet"]),
        .library(name: "ReaderCore", targets: ["ReaderCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // Model, parser, text engine, layout, bookmarks, themes; file access in named places. No terminal.
        .target(name: "ReaderCore", dependencies: ["CICU", "COpenCC"]),
        // ICU's word break iterator (Debian's libicu-dev), for headline breaking only.
        .systemLibrary(name: "CICU", path: "Sources/CICU"),
        // OpenCC's C API (Debian's libopencc-dev), for 繁简 conversion only; opened with
        // dlopen the first time a text is converted or a search folds scripts.
        .systemLibrary(name: "COpenCC", path: "Sources/COpenCC"),
        // Cell buffer, views, app state and reducer. No terminal either.
        .target(name: "ReaderUI", dependencies: ["ReaderCore"]),
        // The only C import: ncursesw, behind a shim header.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "CursesBackend", dependencies: ["ReaderCore", "ReaderUI", "CNcursesw"]),
        // libxml2's HTML parser (Debian's libxml2-dev), behind a shim header; only
        // EPaper's HTMLDocument imports it. Headers only: the library is opened with
        // dlopen when a saved page is first parsed (see the shim), so it and the ICU
        // libraries it pulls in are not loaded at every start of the reader. No pkg-config:
        // its -lxml2 would link it; the include path is Debian's (libxml2-dev).
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", providers: [.apt(["libxml2-dev"])]),
        // Saved 方正 (Founder) e-paper pages read into an Edition: HTML parsing, charset decoding.
        .target(
            name: "EPaper", dependencies: ["ReaderCore", "CLibXML2"],
            swiftSettings: libxml2Headers),
        .executableTarget(
            name: "broadsheet",
            dependencies: [
                "ReaderCore", "ReaderUI", "CursesBackend", "EPaper",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [],
            swiftSettings: libxml2Headers
        ),
        // Helpers every test target shares: repository paths, the sample edition, snapshots,
        // a seeded generator, multi-版 editions, system requirements of the e2e tests, a
        // scripted terminal backend that records frames (the main loop's unit tests), and the
        // tmux pane (TmuxPane) every terminal test drives.
        .target(name: "TestSupport", dependencies: ["ReaderCore", "ReaderUI"], path: "Tests/TestSupport"),
        .testTarget(
            name: "ReaderCoreTests", dependencies: ["ReaderCore", "TestSupport"],
            exclude: ["Snapshots", "Fixtures"]),
        .testTarget(
            name: "ReaderUITests", dependencies: ["ReaderUI", "ReaderCore", "TestSupport"],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "EPaperTests", dependencies: ["EPaper", "ReaderCore", "TestSupport"],
            exclude: ["Fixtures", "Snapshots"], swiftSettings: libxml2Headers),
        .testTarget(
            name: "EndToEndTests", dependencies: ["broadsheet", "ReaderCore", "ReaderUI", "TestSupport"],
            exclude: ["Support/kiosk-sshd.sh", "Snapshots"], swiftSettings: libxml2Headers),
    ]
)
