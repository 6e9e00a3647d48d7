import Foundation

/// Whole-program figures, timed around the release `escalate` beside this
/// benchmark: start to first prompt (50 ms), the transcript suite (2 s),
/// and one answer, by `ask` or a piped REPL, against listing the calendars
/// (at most 1.5 times as long: the matcher is not built at run time).
enum ProcessBenchmarks {
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("escalate")
    }

    /// Runs escalate with `arguments` and `input`, returning its wall time.
    /// It spawns and reaps the child directly: Foundation's `Process` polls
    /// for the exit in 50 ms steps on Linux, which would swamp the figure.
    static func time(_ arguments: [String], input: String) -> Double {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return .infinity }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, executable.path, &actions, nil, argv, environ) == 0 else { return .infinity }
        close(fds[0])
        _ = input.withCString { write(fds[1], $0, strlen($0)) }
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The ratio, in millionths, of the time `escalate` takes for
    /// `arguments` to the time it takes to list the calendars, both run in
    /// the same sample (in turn, which first alternating), so that a busy
    /// moment weighs on both.
    static func ratioToCalendarList(_ arguments: [String], input: String = "", sample: inout Int) -> Int {
        let list = ["calendar", "list", "--no-config"]
        sample += 1
        let (first, second) = sample % 2 == 0 ? (time(list, input: ""), time(arguments, input: input)) : (time(arguments, input: input), time(list, input: ""))
        let (listing, answering) = sample % 2 == 0 ? (first, second) : (second, first)
        return Int(answering / listing * 1e6)
    }

    static func rows() -> [BenchmarkRow] {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            print("(escalate is not built beside escalate-bench: run `swift build -c release` first for the process rows)")
            return []
        }
        let transcripts = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("transcripts").path
        var sample = 0
        return [
            // One question answered from the built-in intents, which are read
            // from tables compiled into the binary rather than built.
            BenchmarkRow(name: "escalate ask, one question ÷ calendar list", target: 1.5, callsPerSample: 1, samples: 21) {
                ratioToCalendarList(["ask", "--db", ":memory:", "--no-config", "who is my ccm"], sample: &sample)
            }.asRatio(),
            BenchmarkRow(name: "piped one-line REPL ÷ calendar list", target: 1.5, callsPerSample: 1, samples: 21) {
                ratioToCalendarList(["--db", ":memory:", "--no-config"], input: "who is my ccm\n", sample: &sample)
            }.asRatio(),
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
