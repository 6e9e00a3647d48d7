import Foundation
import Testing

/// Runs the built `escalate` executable, as a user would.
struct EscalateProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable beside the test bundle.
    static let executable: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("escalate")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/escalate")
    }()

    /// A private, empty home so that no user's config, data or history leaks in.
    static let sandbox: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escalate-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    static var environment: [String: String] {
        [
            "HOME": sandbox.path,
            "XDG_CONFIG_HOME": sandbox.appendingPathComponent("config").path,
            "XDG_DATA_HOME": sandbox.appendingPathComponent("data").path,
            "XDG_STATE_HOME": sandbox.appendingPathComponent("state").path,
            "TZ": "America/Chicago",
            "COLUMNS": "80",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "USER": "sam",
        ]
    }

    static func run(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:]) throws -> Outcome {
        try run(executable: executable.path, arguments, input: input, environment: extra)
    }

    static func run(executable: String, _ arguments: [String], input: String? = nil, environment extra: [String: String] = [:]) throws -> Outcome {
        try run(executable: executable, arguments, bytes: input.map { Data($0.utf8) }, environment: extra)
    }

    /// Runs with `bytes` on standard input, which need not be UTF-8.
    static func run(executable: String = executable.path, _ arguments: [String], bytes: Data?, environment extra: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment.merging(extra) { $1 }
        process.currentDirectoryURL = packageRoot
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if let bytes { stdin.fileHandleForWriting.write(bytes) }
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
