import ArgumentParser
import EscalateTranscripts

/// `escalate replay [PATH...]`: checks recorded conversations.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay transcripts and report each difference as a unified diff.",
        discussion: """
            Each transcript runs against a fresh in-memory store with the clock at 2026-11-23 09:00 America/Chicago, \
            80 columns and no colour. Exit status is 1 when any transcript fails, and 2 when a transcript cannot be \
            read (nothing is replayed then) or there are none.
            """
    )

    @Argument(help: ArgumentHelp("Transcript files or folders.", valueName: "path"))
    var paths: [String] = ["transcripts"]

    @Flag(help: "Rewrite the expected replies with the actual ones (record mode).")
    var update = false

    func run() async throws {
        let files: [String]
        do { files = try TranscriptSuite.files(at: paths) } catch { throw CLIError("\(error)") }
        guard !files.isEmpty else {
            throw CLIError("no transcripts (*.\(TranscriptSuite.fileExtension)) in \(paths.joined(separator: ", "))")
        }
        // A transcript that cannot be read is bad input, found before any replays.
        do { try TranscriptSuite.check(files) } catch { throw CLIError("\(error)") }
        let runner = TranscriptRunner { TranscriptSessionAdapter(try TranscriptEnvironment.makeSession(for: $0)) }
        let outcome = await TranscriptSuite(runner: runner, update: update).replay(files: files) { Console.print($0) }
        if outcome.failed > 0 { throw ExitStatus.testsFailed }
    }
}
