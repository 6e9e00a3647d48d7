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
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
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

        // libedit, through pkg-config, with a C shim for its variadic calls.
        .systemLibrary(
            name: "CLibedit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),

        // Line editing and safe output; knows nothing of escalation.
        .target(name: "EscalateTerminal", dependencies: ["CLibedit"]),

        // Transcripts: parse, replay against a session, diff, update.
        .target(name: "EscalateTranscripts"),

        // SQLite through GRDB, behind the domain's TicketStore protocol.
        .target(
            name: "EscalateStore",
            dependencies: ["EscalateDomain", .product(name: "GRDB", package: "GRDB.swift")]
        ),

        // PostgreSQL through postgres-nio, behind the same port: a team's shared
        // store. A target of its own so that EscalateStore (SQLite) stays light.
        .target(
            name: "EscalatePostgres",
            dependencies: [
                "EscalateDomain", "EscalateStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),

        // The intent matcher and the entity recognisers, driven by intents/.
        .target(name: "EscalateUnderstanding", dependencies: ["EscalateDomain"]),

        // The matcher of the built-in intents, compiled at build time.
        .target(name: "EscalateBuiltInIntents", dependencies: ["EscalateUnderstanding"], plugins: ["CompileIntentsPlugin"]),
        .executableTarget(name: "compile-intents", dependencies: ["EscalateUnderstanding"], path: "Sources/compile-intents"),
        .plugin(
            name: "CompileIntentsPlugin",
            capability: .buildTool(),
            dependencies: ["compile-intents"],
            path: "Sources/CompileIntentsPlugin"
        ),

        // The conversation: line → interpretation → dialogue state → handler →
        // effects committed → reply; meta-commands and nudges.
        .target(
            name: "EscalateAssistant",
            dependencies: ["EscalateDomain", "EscalateCatalog", "EscalateUnderstanding", "EscalateBuiltInIntents"]
        ),

        // The thin executable that wires the layers together.
        .executableTarget(
            name: "escalate",
            dependencies: [
                "EscalateAssistant", "EscalateCatalog", "EscalateDomain", "EscalateStore", "EscalatePostgres", "EscalateTerminal", "EscalateTranscripts",
                "EscalateUnderstanding", "EscalateBuiltInIntents",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .plugin(
            name: "EmbedDataPlugin",
            capability: .buildTool(),
            dependencies: ["embed-data"],
            path: "Sources/EmbedDataPlugin"
        ),
        // The one benchmark executable: swift run -c release escalate-bench
        .executableTarget(
            name: "escalate-bench",
            dependencies: ["EscalateDomain", "EscalateCatalog", "EscalateStore", "EscalatePostgres", "EscalateUnderstanding", "EscalateBuiltInIntents", "EscalateAssistant"]
        ),

        .testTarget(
            name: "EscalateUnderstandingTests",
            dependencies: ["EscalateUnderstanding", "EscalateDomain", "EscalateCatalog", "EscalateBuiltInIntents"],
            exclude: ["Data"]
        ),
        .testTarget(name: "EscalateStoreTests", dependencies: ["EscalateStore", "EscalatePostgres", "EscalateDomain"]),
        .testTarget(name: "EscalateTranscriptsTests", dependencies: ["EscalateTranscripts"]),
        .testTarget(name: "EscalateTerminalTests", dependencies: ["EscalateTerminal"]),
        .testTarget(
            name: "EscalateTests",
            dependencies: ["escalate"]
        ),
        // The conversation in process: transcripts, handlers, the dialogue state.
        .testTarget(
            name: "EscalateAssistantTests",
            dependencies: [
                "escalate", "EscalateAssistant", "EscalateStore", "EscalatePostgres", "EscalateCatalog", "EscalateUnderstanding", "EscalateDomain",
                "EscalateTranscripts", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Data"]
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
