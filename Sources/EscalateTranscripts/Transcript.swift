import Foundation

/// A REPL session written down: the specification of a conversation.
///
/// ```
/// # A comment: a line that is "#" alone or begins "# ".
/// > who do I escalate to now?
/// The expected reply, line by line.
/// Mon 23 Nov 2026 09:00 CT (re)
/// ```
///
/// - `> ` begins typed input, meta-commands included.
/// - The lines after an input, up to the next input or comment, are its
///   expected reply. Blank lines inside a reply count; trailing ones do not.
/// - An expected line ending in ` (re)` is a regular expression that must
///   match the whole actual line.
/// - A reply line that would read as input, a comment or a regular
///   expression is written with a leading `\`, which is not part of it.
public struct Transcript: Sendable {
    public var path: String
    public var segments: [Segment]
    /// Settings for the session, from `#! key: value` lines before the first
    /// input: `#! matrix: fixtures/acme.yaml` loads a data file (relative to
    /// the transcript), `#! role: ccm`, `#! user: kim`.
    public var directives: [(key: String, value: String)] = []

    /// A piece of the file, in order.
    public enum Segment: Sendable {
        /// A comment or blank line, kept as written.
        case verbatim(line: Int, text: String)
        /// An input and the reply expected after it.
        case turn(Turn)
    }

    public struct Turn: Sendable {
        /// The file line of the `> ` input.
        public var line: Int
        public var input: String
        public var expected: [ExpectedLine]
    }

    public struct ExpectedLine: Sendable {
        public var line: Int
        /// The line as it appears in the file, `\` escape and ` (re)` included.
        public var written: String
        /// The text to compare (escape removed; for a regex, the pattern).
        public var text: String
        public var regex: NSRegularExpression?

        public func matches(_ actual: String) -> Bool {
            guard let regex else { return text == actual }
            let range = NSRange(actual.startIndex..., in: actual)
            guard let match = regex.firstMatch(in: actual, options: [.anchored], range: range) else { return false }
            return match.range == range
        }
    }

    public var turns: [Turn] {
        segments.compactMap { if case .turn(let turn) = $0 { return turn } else { return nil } }
    }
}

/// A transcript that cannot be read, at `file:line`.
public struct TranscriptError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

extension Transcript {
    /// Reads a transcript, or says which line is wrong and why.
    public init(parsing text: String, path: String) throws {
        self.path = path
        segments = []
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var current: Turn?
        var pendingBlanks: [Segment] = []

        func finishTurn() {
            if let turn = current { segments.append(.turn(turn)) }
            current = nil
            segments += pendingBlanks
            pendingBlanks = []
        }

        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : rawLine
            if line.hasPrefix("> ") || line == ">" {
                finishTurn()
                current = Turn(line: number, input: String(line.dropFirst(2)), expected: [])
            } else if line.hasPrefix(">") {
                throw TranscriptError(file: path, line: number, message: "input lines begin with '> ' (a '>' and a space); write '\\\(line)' for a reply line that begins with '>'")
            } else if line.hasPrefix("#! ") {
                guard segments.allSatisfy({ if case .turn = $0 { return false } else { return true } }), current == nil else {
                    throw TranscriptError(file: path, line: number, message: "a '#! key: value' setting must come before the first input")
                }
                let body = line.dropFirst(3)
                guard let colon = body.firstIndex(of: ":") else {
                    throw TranscriptError(file: path, line: number, message: "a setting is written '#! key: value'")
                }
                directives.append((String(body[..<colon]).trimmingCharacters(in: .whitespaces), String(body[body.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
                segments.append(.verbatim(line: number, text: line))
            } else if Transcript.isComment(line) {
                finishTurn()
                segments.append(.verbatim(line: number, text: line))
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if current != nil { pendingBlanks.append(.verbatim(line: number, text: line)) } else { segments.append(.verbatim(line: number, text: line)) }
            } else {
                guard var turn = current else {
                    let after = segments.last.map { segment -> String in
                        if case .verbatim(_, let text) = segment, Transcript.isComment(text) { return "after a comment" }
                        return "before any input"
                    } ?? "before any input"
                    throw TranscriptError(file: path, line: number, message: "reply line \(after): every reply must follow a '> ' input line")
                }
                for blank in pendingBlanks {
                    if case .verbatim(let blankLine, let text) = blank {
                        turn.expected.append(ExpectedLine(line: blankLine, written: text, text: "", regex: nil))
                    }
                }
                pendingBlanks = []
                turn.expected.append(try Transcript.expectedLine(line, number: number, path: path))
                current = turn
            }
        }
        finishTurn()
    }

    static func isComment(_ line: String) -> Bool {
        line == "#" || line.hasPrefix("# ")
    }

    static func expectedLine(_ line: String, number: Int, path: String) throws -> ExpectedLine {
        if line.hasPrefix("\\") {
            return ExpectedLine(line: number, written: line, text: String(line.dropFirst()), regex: nil)
        }
        if line.hasSuffix(" (re)") {
            let pattern = String(line.dropLast(5))
            do {
                let regex = try NSRegularExpression(pattern: pattern)
                return ExpectedLine(line: number, written: line, text: pattern, regex: regex)
            } catch {
                throw TranscriptError(file: path, line: number, message: "invalid regular expression '\(pattern)'")
            }
        }
        return ExpectedLine(line: number, written: line, text: line, regex: nil)
    }

    /// How an actual reply line is written into a transcript: escaped when
    /// it would otherwise read as input, a comment or a regular expression.
    public static func written(_ actual: String) -> String {
        if actual.hasPrefix(">") || isComment(actual) || actual.hasPrefix("\\") || actual.hasSuffix(" (re)") {
            return "\\" + actual
        }
        return actual
    }
}
