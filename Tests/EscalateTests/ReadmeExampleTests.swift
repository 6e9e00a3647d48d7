import Foundation
import Testing

/// The README's example session, run by the built executable: the first
/// thing a reader sees must be what the tool really says.
@Suite struct ReadmeExampleTests {
    /// One ```text block that starts with `$ escalate --…`: its arguments, the
    /// lines typed at `escalate> ` (or `escalate ?> ` when answering a question), and the replies shown after each.
    struct Session {
        var arguments: [String]
        var turns: [(input: String, reply: [String])]
    }

    static func sessions() throws -> [Session] {
        let text = try String(contentsOf: EscalateProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var sessions: [Session] = []
        var current: Session?
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if inBlock, let session = current { sessions.append(session) }
                current = nil
                inBlock = line == "```text"
                continue
            }
            guard inBlock else { continue }
            if current == nil {
                // A conversation: the REPL started with options only, no subcommand.
                guard line.hasPrefix("$ escalate --") else { inBlock = false; continue }
                current = Session(arguments: arguments(String(line.dropFirst("$ escalate ".count))), turns: [])
            } else if let prompt = ["escalate> ", "escalate ?> "].first(where: { line.hasPrefix($0) }) {
                current!.turns.append((String(line.dropFirst(prompt.count)), []))
            } else if !current!.turns.isEmpty {
                current!.turns[current!.turns.count - 1].reply.append(line)
            }
        }
        return sessions
    }

    /// Splits a shell line on spaces, keeping "double-quoted" words whole.
    static func arguments(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == " " && !quoted {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    @Test func theReadmeHasAnExampleSession() throws {
        let sessions = try Self.sessions()
        #expect(!sessions.isEmpty)
        #expect(sessions.allSatisfy { $0.turns.count >= 3 })
    }

    /// Each reply in the README is the start of the real one: a reply cut
    /// short ends with a line holding only `…`.
    @Test func theExampleSessionsSayWhatTheToolSays() throws {
        for session in try Self.sessions() {
            let input = session.turns.map { $0.input + "\n" }.joined()
            let outcome = try EscalateProcess.run(session.arguments + ["--no-config"], input: input)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            var actual = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if actual.last == "" { actual.removeLast() }
            var expected: [String] = []
            var cut = false
            for turn in session.turns {
                for line in turn.reply {
                    if line.trimmingCharacters(in: .whitespaces) == "…" { cut = true; break }
                    expected.append(line)
                }
                if cut { break }
            }
            let shown = Array(actual.prefix(expected.count))
            #expect(shown == expected, "README example differs from the tool:\n\(zip(expected, shown).filter { $0 != $1 }.map { "- \($0)\n+ \($1)" }.joined(separator: "\n"))")
        }
    }
}
