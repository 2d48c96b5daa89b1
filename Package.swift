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
        // Model, parser, text engine, layout, bookmarks, themes; file access in named places. No terminal.
        .target(name: "ReaderCore"),
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
        // Helpers every test target shares: repository paths, the sample edition, snapshots,
        // a seeded generator, multi-版 editions, system requirements of the e2e tests.
        .target(name: "TestSupport", dependencies: ["ReaderCore"], path: "Tests/TestSupport"),
        .testTarget(name: "ReaderCoreTests", dependencies: ["ReaderCore", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "ReaderUITests", dependencies: ["ReaderUI", "ReaderCore", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["broadsheet", "ReaderCore", "TestSupport"],
                    exclude: ["Support/kiosk-sshd.sh"]),
    ]
)
