import ArgumentParser

/// `escalate matrix …`: the escalation matrices.
struct MatrixCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "List, show and check escalation matrices.",
        subcommands: [MatrixListCommand.self, MatrixShowCommand.self, MatrixCheckCommand.self]
    )
}
