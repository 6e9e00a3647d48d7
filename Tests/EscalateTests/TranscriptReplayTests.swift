import Foundation
import Testing

/// The transcripts, end to end: the built executable replays the whole
/// folder exactly as `escalate replay` does. (Each transcript is also its own
/// test in process, in EscalateAssistantTests.)
@Suite struct TranscriptReplayTests {
    @Test func theBuiltExecutableReplaysEveryTranscript() throws {
        let folder = EscalateProcess.packageRoot.appendingPathComponent("transcripts")
        let count = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".transcript") }.count
        #expect(count >= 35)
        let outcome = try EscalateProcess.run(["replay", "transcripts"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.hasSuffix("\(count) passed, 0 failed\n"), "\(outcome.stdout)")
    }

    @Test func aWrongTranscriptFailsWithADiffAndNonZeroStatus() throws {
        let file = EscalateProcess.sandbox.appendingPathComponent("wrong.transcript")
        try "# The clock line is wrong on purpose.\n> :now\nNow: Mon 23 Nov 2026 10:00 CT (simulated clock).\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try EscalateProcess.run(["replay", file.path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("wrong.transcript:2: the reply to '> :now' differs"))
        #expect(outcome.stdout.contains("-Now: Mon 23 Nov 2026 10:00 CT (simulated clock)."))
        #expect(outcome.stdout.contains("+Now: Mon 23 Nov 2026 09:00 CT (simulated clock)."))
        #expect(outcome.stdout.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test func updateRecordsTheActualReplies() throws {
        let file = EscalateProcess.sandbox.appendingPathComponent("update.transcript")
        try "# Filled in by --update.\n> :now\n> :advance 90m\nstale\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try EscalateProcess.run(["replay", "--update", file.path])
        #expect(outcome.status == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == """
            # Filled in by --update.
            > :now
            Now: Mon 23 Nov 2026 09:00 CT (simulated clock).
            > :advance 90m
            Clock moved on 1h30m to Mon 23 Nov 2026 10:30 CT.

            """)
        #expect(try EscalateProcess.run(["replay", file.path]).status == 0)
    }

    @Test func aMalformedTranscriptNamesFileAndLine() throws {
        let file = EscalateProcess.sandbox.appendingPathComponent("malformed.transcript")
        try "orphan reply\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try EscalateProcess.run(["replay", file.path])
        // Bad input, not a failed test: status 2, one line on standard error, nothing replayed.
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("escalate: \(file.path):1: reply line before any input"))
        #expect(outcome.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func replayingNothingIsBadInput() throws {
        let folder = EscalateProcess.sandbox.appendingPathComponent("no-transcripts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outcome = try EscalateProcess.run(["replay", folder.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "escalate: no transcripts (*.transcript) in \(folder.path)\n")
    }

    @Test func aFailingTranscriptExitsOne() throws {
        let file = EscalateProcess.sandbox.appendingPathComponent("failing-\(UUID().uuidString).transcript")
        try "> :now\nNow: never.\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try EscalateProcess.run(["replay", file.path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("0 passed, 1 failed"))
    }
}
