// swift-tools-version:6.0
import PackageDescription

// One library target per pipeline stage; data flows one way:
// GongkaiText → GongkaiLayout → GongkaiRecognize → GongkaiValidate → GongkaiEmit.
let package = Package(
    name: "gongkai",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .library(name: "GongkaiText", targets: ["GongkaiText"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(
            name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib cairo",
            providers: [.apt(["libpoppler-glib-dev", "libcairo2-dev"])]),
        // XML (libxml2) and zip (zlib): the tests read the reviewer's .xlsx checklist with them.
        // The program itself parses no XML, and so does not link them (start-up time).
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),

        // Stage 1: PDF text, glyphs and rulings.
        .target(name: "GongkaiText", dependencies: ["CPoppler"]),

        // Stage 2: layout repair: table regions, cell grids, headers, tables stitched across pages.
        .target(name: "GongkaiLayout", dependencies: ["GongkaiText"]),

        // Stage 3: table recognisers, one spec per table type, and the typed report model.
        .target(name: "GongkaiRecognize", dependencies: ["GongkaiText", "GongkaiLayout"]),

        // Stage 4: validation: accounting identities as findings.
        .target(name: "GongkaiValidate", dependencies: ["GongkaiRecognize"]),

        // Stage 5: emitters (JSON, JSON Lines, database sinks).
        .target(name: "GongkaiEmit", dependencies: ["GongkaiText", "GongkaiLayout", "GongkaiRecognize"]),

        // Stages 1–4 run in order on one PDF.
        .target(name: "GongkaiPipeline",
                dependencies: ["GongkaiText", "GongkaiLayout", "GongkaiRecognize", "GongkaiValidate"]),

        // The command-line program.
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiText", "GongkaiLayout", "GongkaiEmit", "GongkaiPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Tests. Support locates the corpora (the project's own, and ../shared/corpora/real/) and
        // reads the reviewer's checklist.
        .target(name: "GongkaiTestSupport", dependencies: ["GongkaiEmit", "CLibXML2", "CZlib"], path: "Tests/Support"),
        .testTarget(name: "GongkaiTextTests", dependencies: ["GongkaiText", "GongkaiTestSupport"]),
        .testTarget(name: "GongkaiLayoutTests", dependencies: ["GongkaiLayout", "GongkaiText", "GongkaiTestSupport"]),
        .testTarget(name: "GongkaiRecognizeTests", dependencies: ["GongkaiRecognize", "GongkaiLayout", "GongkaiText"]),
        .testTarget(name: "GongkaiValidateTests",
                    dependencies: ["GongkaiValidate", "GongkaiRecognize", "GongkaiPipeline", "GongkaiTestSupport"]),
        .testTarget(name: "GoldenTests", dependencies: ["GongkaiPipeline", "GongkaiEmit", "GongkaiTestSupport"]),
        .testTarget(name: "CommandLineTests", dependencies: ["GongkaiTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
