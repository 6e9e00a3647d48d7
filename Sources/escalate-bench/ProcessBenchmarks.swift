import Foundation

/// Whole-program figures, timed around the release `escalate` beside this
/// benchmark: start to first prompt (50 ms) and the transcript suite (2 s).
enum ProcessBenchmarks {
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("escalate")
    }

    /// Runs escalate with `arguments` and `input`, returning its wall time.
    static func time(_ arguments: [String], input: String) -> Double {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        guard (try? process.run()) != nil else { return .infinity }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func rows() -> [BenchmarkRow] {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            print("(escalate is not built beside escalate-bench: run `swift build -c release` first for the process rows)")
            return []
        }
        let transcripts = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("transcripts").path
        return [
            // The REPL on piped input: starting, reading `:quit` and leaving. The
            // first prompt comes before the intent matcher is needed.
            BenchmarkRow(name: "start to first prompt (escalate, :quit)", target: 50e-3, callsPerSample: 1, samples: 21) {
                Int(time(["--db", ":memory:", "--no-config"], input: ":quit\n") * 1e6)
            }.measuring { Double($0) / 1e6 },
            BenchmarkRow(name: "replay the whole transcript suite", target: 2.0, callsPerSample: 1, samples: 5) {
                Int(time(["replay", transcripts], input: "") * 1e6)
            }.measuring { Double($0) / 1e6 },
        ]
    }
}
