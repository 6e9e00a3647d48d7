import ArgumentParser
import EscalateCatalog
import EscalateDomain

/// `escalate calendar …`: business calendars, for scripting and checking.
struct CalendarCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List, show and measure with business calendars.",
        subcommands: [CalendarListCommand.self, CalendarShowCommand.self, CalendarElapsedCommand.self, CalendarAddCommand.self]
    )
}

extension Catalog {
    /// The calendar called `name`, or an error that lists the known ones.
    func requireCalendar(_ name: String) throws -> BusinessCalendar {
        guard let calendar = calendar(named: name) else {
            throw CLIError("unknown calendar '\(name)' (known: \(calendarNames.joined(separator: ", ")))")
        }
        return calendar
    }
}

/// Reads a FROM or TO argument: ISO 8601 with an offset or a zone name.
func parseInstant(_ text: String, what: String) throws -> ZonedTime {
    do { return try ZonedTime(parsing: text) } catch { throw CLIError("\(what): \(error)") }
}
