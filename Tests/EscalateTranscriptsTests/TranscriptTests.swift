import Foundation
import Testing
@testable import EscalateTranscripts

/// A stand-in session: it shouts the input back, ends on `:quit`, and
/// answers `count` with the number of inputs so far.
final class EchoSession: TranscriptSession {
    var inputs = 0
    func respond(to input: String) -> (lines: [String], ended: Bool) {
        inputs += 1
        switch input {
        case ":quit": return ([], true)
        case "count": return (["\(inputs) inputs"], false)
        case "two lines": return (["first", "", "third"], false)
        case "tricky": return (["> not an input", "# not a comment", "ends like a regex (re)"], false)
        default: return ([input.uppercased()], false)
        }
    }
}

@Suite struct TranscriptTests {
    let runner = TranscriptRunner { _ in EchoSession() }

    func parse(_ text: String) throws -> Transcript {
        try Transcript(parsing: text, path: "t.transcript")
    }

    @Test func parsesInputsRepliesAndComments() async throws {
        let transcript = try parse("""
            # A comment
            > hello
            HELLO

            #12 is a reply line, not a comment
            > two lines
            first

            third

            """)
        #expect(transcript.turns.count == 2)
        #expect(transcript.turns[0].input == "hello")
        #expect(transcript.turns[0].expected.map(\.text) == ["HELLO", "", "#12 is a reply line, not a comment"])
        #expect(transcript.turns[1].expected.map(\.text) == ["first", "", "third"])
        #expect(transcript.turns[1].line == 6)
    }

    @Test func aMatchingTranscriptPasses() async throws {
        let result = try await runner.run(parse("> hello\nHELLO\n> count\n2 inputs\n> two lines\nfirst\n\nthird\n"))
        #expect(result.passed)
    }

    @Test func aWrongLineFailsWithFileLineAndUnifiedDiff() async throws {
        let transcript = try parse("# greeting\n> hello\nHELLO\n> count\n3 inputs\n")
        let result = try await runner.run(transcript)
        #expect(!result.passed)
        #expect(result.failures.count == 1)
        let report = try #require(result.failures.first).report
        #expect(report == """
            t.transcript:4: the reply to '> count' differs
            --- expected
            +++ actual
            @@ -5,1 +5,1 @@
            -3 inputs
            +2 inputs
            """)
    }

    @Test func regularExpressionsMatchTheWholeLine() async throws {
        #expect(try await runner.run(parse("> count\n[0-9]+ inputs (re)\n")).passed)
        #expect(try await !runner.run(parse("> count\n[0-9]+ input (re)\n")).passed)
        #expect(try await !runner.run(parse("> count\ninputs (re)\n")).passed)
        // A literal line is not a pattern.
        #expect(try await !runner.run(parse("> count\n. inputs\n")).passed)
    }

    @Test func escapedLinesAreLiteral() async throws {
        #expect(try await runner.run(parse("> tricky\n\\> not an input\n\\# not a comment\n\\ends like a regex (re)\n")).passed)
    }

    @Test func inputAfterTheSessionEndedFails() async throws {
        let result = try await runner.run(parse("> :quit\n> hello\nHELLO\n"))
        #expect(result.failures.first?.message == "input after the session ended")
    }

    @Test func updateRewritesRepliesAndKeepsCommentsInputsAndMatchingPatterns() async throws {
        let transcript = try parse("""
            # Keep me
            > hello
            WRONG
            STALE

            > count
            [0-9] inputs (re)
            # And me
            > tricky
            > two lines
            first
            """)
        let result = try await runner.run(transcript)
        let updated = TranscriptRunner.updated(transcript, with: result)
        #expect(updated == """
            # Keep me
            > hello
            HELLO

            > count
            [0-9] inputs (re)
            # And me
            > tricky
            \\> not an input
            \\# not a comment
            \\ends like a regex (re)
            > two lines
            first

            third

            """)
        // The rewritten transcript passes.
        #expect(try await runner.run(parse(updated)).passed)
    }

    @Test(arguments: [
        ("REPLY\n> hello\n", 1, "before any input"),
        ("> hello\nHELLO\n# note\nstray\n", 4, "after a comment"),
        ("> hello\nHELLO\n>count\n", 3, "input lines begin with '> '"),
        ("> hello\n(unclosed (re)\n", 2, "invalid regular expression"),
    ])
    func malformedTranscriptsNameFileAndLine(text: String, line: Int, message: String) {
        do {
            _ = try parse(text)
            Issue.record("accepted a malformed transcript")
        } catch let error as TranscriptError {
            #expect(error.file == "t.transcript")
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.description.hasPrefix("t.transcript:\(line): "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func theSuiteEndsWithTheTally() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("transcripts-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "> hello\nHELLO\n".write(to: folder.appendingPathComponent("a.transcript"), atomically: true, encoding: .utf8)
        try "> hello\nhello\n".write(to: folder.appendingPathComponent("b.transcript"), atomically: true, encoding: .utf8)
        try "> hello\nHELLO\n".write(to: folder.appendingPathComponent("ignored.txt"), atomically: true, encoding: .utf8)
        let files = try TranscriptSuite.files(at: [folder.path])
        #expect(files.count == 2)
        var printed: [String] = []
        let outcome = await TranscriptSuite(runner: runner, update: false).replay(files: files) { printed.append($0) }
        #expect(outcome.passed == 1 && outcome.failed == 1)
        #expect(printed.last == "1 passed, 1 failed")
        #expect(printed.contains { $0.contains("b.transcript:1: the reply to '> hello' differs") })
    }
}
