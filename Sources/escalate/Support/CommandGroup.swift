import ArgumentParser

/// A command that only groups others (`calendar`, `matrix`): run on its
/// own, it is missing its subcommand, which is bad input (status 2), not a
/// request for help.
protocol CommandGroup: ParsableCommand {}

extension CommandGroup {
    func run() throws {
        throw CLIError("\(Self.name) needs a subcommand: \(Self.subcommandNames.joined(separator: ", ")) (see 'escalate help \(Self.name)')")
    }

    static var name: String { configuration.commandName ?? "\(Self.self)" }

    static var subcommandNames: [String] {
        configuration.subcommands.map { command in command.configuration.commandName ?? "\(command)" }
    }
}

extension Escalate {
    /// `escalate help TOPIC…` must name commands: an unknown topic is bad
    /// input, not a cue for the general help.
    static func checkHelpTopics(_ arguments: [String]) throws {
        guard arguments.first == "help" else { return }
        var subcommands = configuration.subcommands
        var path = "escalate"
        for topic in arguments.dropFirst() where !topic.hasPrefix("-") {
            let names = subcommands.map { name(of: $0) }
            guard let found = names.firstIndex(of: topic) else {
                let known = names.isEmpty ? "no subcommands" : "the subcommands " + names.joined(separator: ", ")
                throw CLIError("no help on '\(topic)': \(path) has \(known)")
            }
            subcommands = subcommands[found].configuration.subcommands
            path += " " + topic
        }
    }

    private static func name(of command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? "\(command)"
    }
}
