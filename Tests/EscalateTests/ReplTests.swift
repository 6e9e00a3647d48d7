import Foundation
import Testing

/// The REPL with piped input, and under a real terminal.
@Suite struct ReplTests {
    @Test func pipedInputPrintsRepliesWithoutPromptsOrColour() throws {
        let outcome = try EscalateProcess.run(["--now", "2026-11-23T09:00 America/Chicago"], input: ":now\n:advance 2h\n:now", environment: ["TERM": "xterm"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == """
            Now: Mon 23 Nov 2026 09:00 CT (simulated clock).
            Clock moved on 2h to Mon 23 Nov 2026 11:00 CT.
            Now: Mon 23 Nov 2026 11:00 CT (simulated clock).

            """)
        #expect(!outcome.stdout.contains("\u{1B}"))
    }

    @Test func quitEndsTheSessionWithStatusZero() throws {
        let outcome = try EscalateProcess.run([], input: ":quit\n:now\n")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.isEmpty)
    }

    @Test func hostileInputIsNeutralised() throws {
        let outcome = try EscalateProcess.run([], input: ":role \u{1B}]0;owned\u{07}\n")
        #expect(!outcome.stdout.contains("\u{1B}"))
        #expect(outcome.stdout.contains("^[]0;owned^G"))
    }

    /// Under a pseudo-terminal (util-linux `script`): Tab completes, Ctrl-C
    /// cancels the line, history persists, Ctrl-D exits 0, and the terminal
    /// settings afterwards are what they were before.
    @Test func underARealTerminal() throws {
        let state = EscalateProcess.sandbox.appendingPathComponent("pty-state")
        let before = EscalateProcess.sandbox.appendingPathComponent("stty-before")
        let after = EscalateProcess.sandbox.appendingPathComponent("stty-after")
        // The wrapping shell shares the terminal's process group, so it must
        // ignore the Ctrl-C itself; escalate installs its own handler.
        let command = "trap '' INT; stty -g > \(before.path); \(EscalateProcess.executable.path) --now '2026-11-23T09:00 America/Chicago'; echo EXIT=$?; stty -g > \(after.path)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qfec", command, "/dev/null"]
        process.environment = EscalateProcess.environment.merging(["XDG_STATE_HOME": state.path, "TERM": "xterm"]) { $1 }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let keys = [":no\t\r", "half a line", "\u{03}", ":advance 1h\r", "\u{04}"]
        for key in keys {
            Thread.sleep(forTimeInterval: 0.4)
            input.fileHandleForWriting.write(Data(key.utf8))
        }
        // `script` ends when the shell does; give a slow machine time.
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!process.isRunning, "the session did not end after Ctrl-D")
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("Now: Mon 23 Nov 2026 09:00 CT (simulated clock)."), "Tab did not complete :now\n\(text)")
        #expect(text.contains("half a line^C"))
        #expect(text.contains("Clock moved on 1h to Mon 23 Nov 2026 10:00 CT."))
        #expect(text.contains("EXIT=0"))
        let history = try String(contentsOf: state.appendingPathComponent("escalate/history"), encoding: .utf8)
        #expect(history.contains(":advance"))
        #expect(!history.contains("half"))
        #expect(try String(contentsOf: before, encoding: .utf8) == String(contentsOf: after, encoding: .utf8))
    }

    /// Under a pseudo-terminal with no locale set (the C locale), letters
    /// beyond ASCII typed at the prompt arrive whole: libedit is made to
    /// read UTF-8.
    @Test func lettersBeyondASCIIArriveWholeWithNoLocaleSet() throws {
        let command = "\(EscalateProcess.executable.path) --db :memory: --now '2026-11-23T09:00 America/Chicago'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qfec", command, "/dev/null"]
        var environment = EscalateProcess.environment.merging(["TERM": "xterm",
                                                               "XDG_STATE_HOME": EscalateProcess.sandbox.appendingPathComponent("pty-locale").path]) { $1 }
        for name in ["LANG", "LC_ALL", "LC_CTYPE"] { environment[name] = nil }
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        for key in ["open a Lumen repair ticket for Nestlé Purina: café résumé\r", "\u{04}"] {
            Thread.sleep(forTimeInterval: 0.5)
            input.fileHandleForWriting.write(Data(key.utf8))
        }
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!process.isRunning, "the session did not end after Ctrl-D")
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("Opened #1 for Nestlé Purina: Lumen repair."), "\(text)")
        #expect(text.contains("Summary: café résumé."), "\(text)")
    }
}
