import ArgumentParser

/// `escalate matrix list`.
struct MatrixListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the escalation processes.")

    @OptionGroup var data: DataOptions

    func run() throws {
        let catalog = try data.loadCatalog(zone: try data.readerZone())
        let rows = catalog.processes.sorted { $0.id < $1.id }.map { process -> [String] in
            let levels = process.ladder.map { String($0.number) }
            let wait = process.firstLevel.wait.map(\.description) ?? "none"
            return [process.id, catalog.organisation(process.organisation)?.name ?? process.organisation,
                    "\(levels.first!)–\(levels.last!)", wait, process.shortTitle]
        }
        Console.print(TextTable(header: ["PROCESS", "ORGANISATION", "LEVELS", "FIRST WAIT", "NAME"], rows: rows).render())
    }
}
