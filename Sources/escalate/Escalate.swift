import ArgumentParser
import EscalateBuiltInIntents
import Foundation

/// `escalate`: who do I escalate to now?
///
/// With no subcommand it starts the conversation (the REPL). The other
/// subcommands serve scripts, test authors and data authors.
@main
struct Escalate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate",
        abstract: "Who do I escalate to now? A conversational assistant for escalation matrices, tickets and business hours.",
        discussion: """
            Exit status: 0 on success (an answer, a passing replay); 1 when transcripts fail; 2 on bad input (not \
            understood, a bad option, file or value: one line on standard error starting 'escalate:'); 3 when ask is \
            understood but needs more, and its reply is a question back.
            """,
        version: EscalateVersion.current,
        subcommands: [
            ReplCommand.self, AskCommand.self, ParseCommand.self, ReplayCommand.self, RecordCommand.self,
            CalendarCommand.self, MatrixCommand.self, ExportCommand.self, ImportCommand.self,
        ],
        defaultSubcommand: ReplCommand.self
    )

    /// Runs the command. Bad input of any kind exits with status 2 and one
    /// line on standard error that names what is wrong.
    static func main() async {
        do {
            let arguments = Self.arguments(CommandLine.arguments.dropFirst())
            // The matcher's tables are read while the arguments and the data files are.
            if readsBuiltInIntents(arguments) { BuiltInIntents.startReading() }
            try checkHelpTopics(arguments)
            var command = try parseAsRoot(arguments)
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Console.error(message(for: error))
            Foundation.exit(ExitStatus.badInput.rawValue)
        }
    }

    /// Whether the command will read text with the built-in intents: the
    /// first argument that names a subcommand decides, and none means the
    /// REPL. Help, the version and `--intents` (a working copy) read none.
    static func readsBuiltInIntents(_ arguments: [String]) -> Bool {
        let quick: Set<String> = ["-h", "--help", "--version", "--generate-completion-script", "--intents"]
        guard !arguments.contains(where: { quick.contains($0) || $0.hasPrefix("--intents=") }) else { return false }
        let understanding: Set<String> = ["repl", "ask", "parse", "replay", "record"]
        let others: Set<String> = ["calendar", "matrix", "export", "import", "help"]
        guard let command = arguments.first(where: { understanding.contains($0) || others.contains($0) }) else { return true }
        return understanding.contains(command)
    }

    /// A minus sign that stands for a leading `-` before a digit.
    static let negativeMark = "\u{2212}"

    /// The arguments, with a leading `-` before a digit (`-4h`) swapped for a
    /// minus sign, so that a negative duration reaches its parser and is
    /// refused by name instead of being read as the flags `-4 -h`.
    static func arguments(_ raw: ArraySlice<String>) -> [String] {
        raw.map { argument in
            guard argument.count > 1, argument.hasPrefix("-"), argument.dropFirst().first?.isNumber == true else { return argument }
            return negativeMark + argument.dropFirst()
        }
    }

    /// The first line of what went wrong, without ArgumentParser's usage text.
    static func message(for error: Error) -> String {
        if let error = error as? CLIError { return error.message }
        let full = fullMessage(for: error)
        let first = full.split(separator: "\n").first.map(String.init) ?? "\(error)"
        return first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
    }
}
