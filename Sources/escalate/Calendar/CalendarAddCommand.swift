import ArgumentParser
import EscalateDomain
import Foundation

/// `escalate calendar add NAME FROM DURATION`.
struct CalendarAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Print the deadline DURATION of business time after FROM, in ISO 8601 with its offset.",
        discussion: """
            DURATION is business time (4h, 90m, 3h30m, 48 business hours), business days \
            (3 business days: the same point in the day, so many business days later) or working days \
            (2 working days: by the close of the second working day). The deadline is shown in FROM's zone.
            """
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The calendar.") var name: String
    @Argument(help: "The start.") var from: String
    @Argument(help: "How much business time.") var duration: String

    @Flag(help: "Print the day-by-day breakdown.")
    var explain = false

    func run() throws {
        let catalog = try data.loadCatalog(zone: try data.readerZone())
        let calendar = try catalog.requireCalendar(name)
        let start = try parseInstant(from, what: "FROM")
        let span: BusinessSpan
        let text = duration.replacingOccurrences(of: Escalate.negativeMark, with: "-")
        do { span = try BusinessSpan(parsing: text) } catch { throw CLIError("DURATION: \(error)") }
        // A deadline past the supported years is refused as every time outside them is.
        guard let deadline = calendar.add(span, to: start.instant), BusinessCalendar.supports(deadline, in: start.zone) else {
            if Weekday.allCases.allSatisfy({ calendar.hours.intervals(on: $0).isEmpty }) { throw CLIError("\(name) never opens") }
            throw CLIError(UnsupportedTimeError("the deadline \(duration) after \(from)").description)
        }
        let shown = ZonedTime(deadline, in: start.zone)
        if explain {
            var lines = calendar.breakdown(from: start.instant, to: deadline).lines
            switch span {
            case .hours: break
            case .businessDays(let n):
                lines.insert("\(span) from \(start.friendlyWithYear): the same point in the business day, \(n) business day\(n == 1 ? "" : "s") later.", at: 0)
            case .workingDays(let n):
                lines.insert("\(span) from \(start.friendlyWithYear): by the close of the \(ordinal(n)) working day after the start's.", at: 0)
            }
            lines.append("Deadline: \(shown.iso8601) (\(ZonedTime(deadline, in: calendar.zone).friendlyWithYear))")
            Console.print(lines.joined(separator: "\n"))
            return
        }
        Console.print(shown.iso8601)
    }
}

func ordinal(_ n: Int) -> String {
    let suffix: String
    switch (n % 10, n % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(n)\(suffix)"
}
