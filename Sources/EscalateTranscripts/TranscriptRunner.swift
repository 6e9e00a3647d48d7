import Foundation

/// One session a transcript is replayed against: it answers each input with
/// the lines a user would see before the next prompt.
public protocol TranscriptSession: AnyObject {
    /// The reply to `input`, and whether the session ended (`:quit`).
    func respond(to input: String) async -> (lines: [String], ended: Bool)
}

/// The outcome of replaying one transcript.
public struct TranscriptResult: Sendable {
    public var path: String
    /// The actual reply for each turn, in order (fewer if the session ended early).
    public var actual: [[String]]
    public var failures: [TranscriptFailure]
    public var passed: Bool { failures.isEmpty }
}

/// A turn whose reply differed from what the transcript expects.
public struct TranscriptFailure: Sendable {
    public var path: String
    public var turn: Transcript.Turn
    public var actual: [String]
    public var message: String?

    /// `file:line: …` followed by a unified diff of expected against actual.
    public var report: String {
        var lines = ["\(path):\(turn.line): \(message ?? "the reply to '> \(turn.input)' differs")"]
        lines += UnifiedDiff.lines(expected: turn.expected, actual: actual, firstLine: (turn.expected.first?.line ?? turn.line + 1))
        return lines.joined(separator: "\n")
    }
}

/// Replays transcripts against fresh sessions.
public struct TranscriptRunner {
    /// A fresh session for a transcript, set up as its `#!` settings say.
    public var makeSession: (Transcript) async throws -> TranscriptSession

    public init(makeSession: @escaping (Transcript) async throws -> TranscriptSession) {
        self.makeSession = makeSession
    }

    public func run(_ transcript: Transcript) async throws -> TranscriptResult {
        let session = try await makeSession(transcript)
        var actual: [[String]] = []
        var failures: [TranscriptFailure] = []
        var ended = false
        for turn in transcript.turns {
            if ended {
                failures.append(TranscriptFailure(path: transcript.path, turn: turn, actual: [], message: "input after the session ended"))
                continue
            }
            let reply = await session.respond(to: turn.input)
            ended = reply.ended
            var lines = reply.lines
            while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
            actual.append(lines)
            if !TranscriptRunner.matches(expected: turn.expected, actual: lines) {
                failures.append(TranscriptFailure(path: transcript.path, turn: turn, actual: lines, message: nil))
            }
        }
        return TranscriptResult(path: transcript.path, actual: actual, failures: failures)
    }

    static func matches(expected: [Transcript.ExpectedLine], actual: [String]) -> Bool {
        expected.count == actual.count && zip(expected, actual).allSatisfy { $0.matches($1) }
    }

    /// The transcript rewritten with the actual replies (record mode).
    /// Comments, blank lines and inputs stay as they are; an expected
    /// regular expression that still matches its line is kept.
    public static func updated(_ transcript: Transcript, with result: TranscriptResult) -> String {
        var output: [String] = []
        var turnIndex = 0
        for segment in transcript.segments {
            switch segment {
            case .verbatim(_, let text):
                output.append(text)
            case .turn(let turn):
                output.append(turn.input.isEmpty ? ">" : "> " + turn.input)
                if turnIndex < result.actual.count {
                    let actual = result.actual[turnIndex]
                    for (index, line) in actual.enumerated() {
                        if index < turn.expected.count, turn.expected[index].regex != nil, turn.expected[index].matches(line) {
                            output.append(turn.expected[index].written)
                        } else {
                            output.append(Transcript.written(line))
                        }
                    }
                } else {
                    output += turn.expected.map(\.written)
                }
                turnIndex += 1
            }
        }
        return output.joined(separator: "\n") + "\n"
    }
}
