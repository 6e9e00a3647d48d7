import ArgumentParser
import EscalateAssistant
import EscalateTerminal

/// `escalate matrix show NAME`: levels, waits, promises and contacts.
struct MatrixShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a process's ladder: levels, waits, promises and contacts.")

    @OptionGroup var data: DataOptions

    @Argument(help: "A process (lumen-installation), or an organisation (lumen) for all of its processes.")
    var name: String

    func run() throws {
        let catalog = try data.loadCatalog(zone: try data.readerZone())
        let processes = catalog.process(name).map { [$0] } ?? catalog.organisation(name)?.processes ?? []
        guard !processes.isEmpty else {
            let known = catalog.processes.map(\.id).sorted() + catalog.organisations.map(\.id).sorted()
            throw CLIError("unknown process or organisation '\(name)' (known: \(known.joined(separator: ", ")))")
        }
        let width = TerminalStyle.columns()
        let text = processes.map { LadderPresentation.lines($0, catalog: catalog).joined(separator: "\n") }
        Console.print(SafeText.fitted(text.joined(separator: "\n\n"), width: width))
    }
}
