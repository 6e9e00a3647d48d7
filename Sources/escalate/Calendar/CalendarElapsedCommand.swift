import ArgumentParser
import EscalateDomain

/// `escalate calendar elapsed NAME FROM TO`.
struct CalendarElapsedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "elapsed",
        abstract: "Print the business time between two instants, e.g. 25h30m.",
        discussion: "FROM and TO are ISO 8601 with an offset (2026-11-23T09:00-06:00) or a zone name (2026-11-23T09:00 America/Chicago)."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The calendar.") var name: String
    @Argument(help: "The start.") var from: String
    @Argument(help: "The end, not before the start.") var to: String

    @Flag(help: "Print a bare whole number of seconds.")
    var seconds = false

    @Flag(help: "Print the day-by-day breakdown.")
    var explain = false

    @Option(name: .customLong("pause"), help: ArgumentHelp("A span to leave out, FROM/TO (repeatable).", valueName: "from/to"))
    var pauses: [String] = []

    func run() throws {
        let catalog = try data.loadCatalog(zone: try data.readerZone())
        let calendar = try catalog.requireCalendar(name)
        let start = try parseInstant(from, what: "FROM")
        let end = try parseInstant(to, what: "TO")
        guard start.instant <= end.instant else {
            throw CLIError("TO (\(to)) is before FROM (\(from))")
        }
        let paused = try pauses.map { text -> InstantRange in
            let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw CLIError("--pause '\(text)': write it as FROM/TO") }
            let a = try parseInstant(parts[0], what: "--pause start").instant
            let b = try parseInstant(parts[1], what: "--pause end").instant
            guard a <= b else { throw CLIError("--pause '\(text)': the end is before the start") }
            return InstantRange(start: a, end: b)
        }
        if explain {
            Console.print(calendar.breakdown(from: start.instant, to: end.instant, excluding: paused).lines.joined(separator: "\n"))
            return
        }
        let total = calendar.elapsed(from: start.instant, to: end.instant, excluding: paused)
        Console.print(seconds ? String(total) : BusinessDuration(seconds: total).description)
    }
}
