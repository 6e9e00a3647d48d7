import ArgumentParser
import EscalateTerminal
import EscalateTranscripts
import Foundation

/// `escalate record FILE`: a REPL session in the transcript world, written
/// out as a transcript as it goes.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Run a session in the fixed transcript world and write it to FILE as a transcript."
    )

    @Argument(help: ArgumentHelp("The transcript to write.", valueName: "file"))
    var file: String

    func run() async throws {
        guard FileManager.default.createFile(atPath: file, contents: Data()) else {
            throw CLIError("\(file): cannot write the file")
        }
        let session = try TranscriptEnvironment.makeSession()
        let reader: LineReader = EditLineReader(programName: "escalate", historyFile: nil) ?? PlainLineReader()
        if let editor = reader as? EditLineReader {
            editor.completion = { [unowned session] text in session.completions(for: text) }
        }
        var lines = ["# Recorded with escalate record. The clock starts at Mon 23 Nov 2026 09:00 CT."]
        let write = {
            try? (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        }
        write()
        let loop = ReplLoop(session: session, reader: reader, style: TerminalStyle(colour: false)) { input, output in
            lines.append(input.isEmpty ? ">" : "> " + input)
            lines += output.flatMap { SafeText.fitted($0, width: session.settings.width).split(separator: "\n", omittingEmptySubsequences: false).map { Transcript.written(String($0)) } }
            lines.append("")
            write()
        }
        await loop.run()
        (reader as? EditLineReader)?.close()
        FileHandle.standardError.write(Data("Wrote \(file)\n".utf8))
    }
}
