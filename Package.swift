// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "broadsheet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "broadsheet", targets: ["broadsheet"]),
        .library(name: "ReaderCore", targets: ["ReaderCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Pure model, parser, text engine, layout, bookmarks, themes. No terminal.
        .target(name: "ReaderCore", dependencies: ["CICU"]),
        // ICU's word break iterator (Debian's libicu-dev), for headline breaking only.
        .systemLibrary(name: "CICU", path: "Sources/CICU"),
        // Cell buffer, views, app state and reducer. No terminal either.
        .target(name: "ReaderUI", dependencies: ["ReaderCore"]),
        // The only C import: ncursesw, behind a shim header.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "CursesBackend", dependencies: ["ReaderUI", "CNcursesw"]),
        .executableTarget(
            name: "broadsheet",
            dependencies: [
                "ReaderCore", "ReaderUI", "CursesBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: []
        ),
        // Helpers every test target shares: repository paths, a seeded generator,
        // multi-版 editions built from the sample.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ReaderCoreTests", dependencies: ["ReaderCore", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "ReaderUITests", dependencies: ["ReaderUI", "ReaderCore", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["broadsheet", "ReaderCore", "TestSupport"],
                    exclude: ["Support/kiosk-sshd.sh"]),
    ]
)
