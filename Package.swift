// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "escalate",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // Pure values and functions: calendars, business time, matrices,
        // tickets and the escalation engine. No I/O; the clock is passed in.
        .target(name: "EscalateDomain"),

        // The built-in calendars, holiday sets and matrices (YAML, compiled
        // into the binary with the intent files) and their loaders.
        .target(
            name: "EscalateCatalog",
            dependencies: ["EscalateDomain", .product(name: "Yams", package: "Yams")],
            exclude: ["Data"],
            plugins: ["EmbedDataPlugin"]
        ),
        .executableTarget(name: "embed-data", path: "Sources/embed-data"),
        .plugin(
            name: "EmbedDataPlugin",
            capability: .buildTool(),
            dependencies: ["embed-data"],
            path: "Sources/EmbedDataPlugin"
        ),
        .testTarget(
            name: "EscalateCatalogTests",
            dependencies: ["EscalateCatalog", "EscalateDomain"]
        ),
        .testTarget(
            name: "EscalateDomainTests",
            dependencies: [
                "EscalateDomain",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
