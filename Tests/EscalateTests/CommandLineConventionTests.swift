import Foundation
import Testing

/// What a command-line tool is expected to do: a version, completion
/// scripts, and one rule for exit statuses (0 success, 1 tests failed,
/// 2 bad input, 3 understood but needs more).
@Suite struct CommandLineConventionTests {
    @Test func versionIsPrintedWithStatusZero() throws {
        let outcome = try EscalateProcess.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(outcome.stdout)")
        #expect(outcome.stderr.isEmpty)
    }

    @Test(arguments: [
        ("bash", "complete -o filenames -F"), ("zsh", "#compdef escalate"), ("fish", "complete -c 'escalate'"),
    ])
    func completionScriptsAreGenerated(shell: String, marker: String) throws {
        let outcome = try EscalateProcess.run(["--generate-completion-script", shell])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains(marker), "\(outcome.stdout.prefix(300))")
        // Subcommands and their options are in it.
        for word in ["calendar", "elapsed", "replay", "intents"] {
            #expect(outcome.stdout.contains(word), "\(shell) lacks \(word)")
        }
        // The bash script is one that bash reads.
        if shell == "bash", FileManager.default.isExecutableFile(atPath: "/bin/bash") {
            let script = EscalateProcess.sandbox.appendingPathComponent("escalate-completion.bash")
            try outcome.stdout.write(to: script, atomically: true, encoding: .utf8)
            let check = try EscalateProcess.run(executable: "/bin/bash", ["-n", script.path])
            #expect(check.status == 0, "\(check.stderr)")
        }
    }

    @Test(arguments: [
        (["calendar"], "escalate: calendar needs a subcommand: list, show, elapsed, add"),
        (["matrix"], "escalate: matrix needs a subcommand: list, show, check"),
        (["help", "frobnicate"], "escalate: no help on 'frobnicate'"),
        (["help", "calendar", "frobnicate"], "escalate: no help on 'frobnicate': escalate calendar has the subcommands list"),
    ])
    func missingSubcommandsAndUnknownHelpTopicsAreBadInput(arguments: [String], message: String) throws {
        let outcome = try EscalateProcess.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix(message), "\(outcome.stderr)")
        #expect(outcome.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func helpOnAKnownTopicIsHelp() throws {
        let outcome = try EscalateProcess.run(["help", "calendar", "add"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("USAGE: escalate calendar add"))
        let root = try EscalateProcess.run(["--help"])
        #expect(root.stdout.contains("Exit status: 0 on success"))
    }

    @Test(arguments: [
        ("who is my CCM?", Int32(0), "answer"),
        ("open a ticket", Int32(3), "question"),
        ("asdf qwerty", Int32(2), "problem"),
    ])
    func askExitsByWhatTheReplyIs(text: String, status: Int32, kind: String) throws {
        let outcome = try EscalateProcess.run(["ask", "--db", ":memory:", text])
        #expect(outcome.status == status, "\(outcome.stdout)")
        let json = try EscalateProcess.run(["ask", "--db", ":memory:", "--json", text])
        #expect(json.status == status)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["reply", "kind", "understood", "invalid_utf8"])
        #expect(object["kind"] as? String == kind)
        #expect(object["invalid_utf8"] as? Bool == false)
        #expect((object["reply"] as? [String])?.isEmpty == false)
        if kind != "problem" {
            let understood = try #require(object["understood"] as? [String: Any])
            #expect(Set(understood.keys) == ["intent", "score", "slots", "confident", "distinctive_words", "runner_up"])
        }
    }

    @Test func aLineTooLongIsOneClearLineAndStatusTwo() throws {
        let long = String(repeating: "escalate ", count: 500)
        for arguments in [["ask", "--db", ":memory:", long], ["parse", long]] {
            let outcome = try EscalateProcess.run(arguments)
            #expect(outcome.status == 2)
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.stderr == "escalate: That line is longer than 4,000 characters, more than I read at once. Please say it in shorter lines.\n")
        }
        // Read line by line, the long line gives null and the others are read.
        let lines = try EscalateProcess.run(["parse"], input: "who is my ccm\n\(long)\nclose #1\n")
        #expect(lines.status == 2)
        let printed = lines.stdout.split(separator: "\n")
        #expect(printed.count == 3)
        #expect(printed[1] == "null")
        #expect(printed[2].contains("\"intent\":\"close\""))
        #expect(lines.stderr.hasPrefix("escalate: line 2: That line is longer than 4,000 characters"))
        // Exactly the most is still read.
        let most = String(repeating: "a", count: 4_000)
        #expect(try EscalateProcess.run(["parse", most]).status == 0)
    }

    @Test func bytesThatAreNotUTF8AreReplacedAndReported() throws {
        var bytes = Data("close #1\n".utf8)
        bytes += [0xFF, 0xC3, 0xFE, 0xE9]
        bytes += Data(" #1\n".utf8)
        let parsed = try EscalateProcess.run(executable: EscalateProcess.executable.path, ["parse"], bytes: bytes)
        #expect(parsed.status == 0)
        #expect(parsed.stderr == "escalate: line 2: Some bytes of that line were not UTF-8 text; they were read as \u{FFFD}.\n")
        let lines = parsed.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        // The replacements are no words: nothing to act on but a ticket number.
        #expect(lines[1].contains("\"confident\":false"), "\(lines[1])")
        let repl = try EscalateProcess.run(executable: EscalateProcess.executable.path, ["--db", ":memory:", "--no-config"], bytes: Data([0x68, 0x69, 0xFE, 0x0A]))
        #expect(repl.status == 0)
        #expect(repl.stdout.hasPrefix("Some bytes of that line were not UTF-8 text; they were read as \u{FFFD}.\n"))
    }

    /// A working copy of the intent files (`--intents DIR`) is built from
    /// the files, not taken from the tables compiled into the build.
    @Test func intentsFolderOverridesTheCompiledTables() throws {
        let folder = EscalateProcess.sandbox.appendingPathComponent("intents-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: EscalateProcess.packageRoot.appendingPathComponent("intents"), to: folder)
        try "(frobnicate|twiddle) the (widget|gizmo)\nwidget frobnication\n".write(
            to: folder.appendingPathComponent("frobnicate.intent"), atomically: true, encoding: .utf8)
        let line = "please frobnicate the widget"
        let builtIn = try EscalateProcess.run(["parse", line])
        #expect(!builtIn.stdout.contains("\"intent\":\"frobnicate\""))
        let working = try EscalateProcess.run(["parse", "--intents", folder.path, line])
        #expect(working.status == 0)
        #expect(working.stdout.contains("\"intent\":\"frobnicate\""), "\(working.stdout)")
        // A mistake in the working copy is reported as file:line, as before.
        try "(unclosed\n".write(to: folder.appendingPathComponent("broken.intent"), atomically: true, encoding: .utf8)
        let broken = try EscalateProcess.run(["parse", "--intents", folder.path, line])
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("escalate: \(folder.appendingPathComponent("broken.intent").path):1: '(' without a matching ')'"), "\(broken.stderr)")
    }
}
