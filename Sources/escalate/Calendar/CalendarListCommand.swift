import ArgumentParser

/// `escalate calendar list`.
struct CalendarListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the calendars.")

    @OptionGroup var data: DataOptions

    func run() throws {
        let catalog = try data.loadCatalog(zone: try data.readerZone())
        let rows = catalog.calendarNames.map { name -> [String] in
            let calendar = catalog.calendars[name]!
            return [name, calendar.zone.identifier, calendar.hours.summary.first ?? "", calendar.title]
        }
        Console.print(TextTable(header: ["NAME", "ZONE", "HOURS", "TITLE"], rows: rows).render())
    }
}
