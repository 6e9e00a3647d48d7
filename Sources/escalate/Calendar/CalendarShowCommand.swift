import ArgumentParser
import EscalateDomain
import Foundation

/// `escalate calendar show NAME [--year Y]`.
struct CalendarShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a calendar's hours and one year's holidays with their observed dates.")

    @OptionGroup var data: DataOptions

    @Argument(help: "The calendar.")
    var name: String

    @Option(help: "The year whose holidays to list (default: this year).")
    var year: Int?

    func run() throws {
        let catalog = try data.loadCatalog(zone: try data.readerZone())
        let calendar = try catalog.requireCalendar(name)
        let year = self.year ?? LocalDate(dayNumber: Instant(Date()).secondsSinceEpoch / 86_400).year
        guard BusinessCalendar.supportedYears.contains(year) else {
            throw CLIError(UnsupportedTimeError("--year \(year)").description)
        }
        var lines = ["\(calendar.name): \(calendar.title)"]
        let midYear = calendar.zone.instant(for: LocalDateTime(date: LocalDate(year: year, month: 1, day: 15), time: TimeOfDay(hour: 12)))
        lines.append("Zone: \(calendar.zone.identifier) (\(calendar.zone.abbreviation(at: midYear)))")
        lines.append("Hours:")
        lines += calendar.hours.summary.map { "  " + $0 }
        let holidays = calendar.holidays(in: year)
        if holidays.isEmpty {
            lines.append("Holidays in \(year): none")
        } else {
            lines.append("Holidays in \(year):")
            for holiday in holidays {
                var text = "  \(holiday.observed.friendly)  \(holiday.name)"
                if holiday.observed != holiday.actual { text += " (falls on \(holiday.actual.friendly), observed here)" }
                if case .between = holiday.closed { text += " — \(holiday.closed)" }
                lines.append(text)
            }
        }
        if !calendar.notes.isEmpty {
            lines.append("Notes:")
            lines += calendar.notes.map { "  - " + $0 }
        }
        Console.print(lines.joined(separator: "\n"))
    }
}
