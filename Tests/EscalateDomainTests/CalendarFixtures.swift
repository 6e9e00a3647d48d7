import EscalateDomain

/// Calendars and instants shared by the calendar tests.
enum Fixtures {
    static let chicago = Zone(identifier: "America/Chicago")!

    static let holidays: [HolidayRule] = [
        HolidayRule(name: "New Year's Day", date: .fixed(month: 1, day: 1, observance: .nearestWeekday)),
        HolidayRule(name: "Memorial Day", date: .lastWeekday(.monday, month: 5)),
        HolidayRule(name: "Independence Day", date: .fixed(month: 7, day: 4, observance: .nearestWeekday)),
        HolidayRule(name: "Thanksgiving Day", date: .nthWeekday(4, .thursday, month: 11)),
        HolidayRule(name: "Christmas Day", date: .fixed(month: 12, day: 25, observance: .nearestWeekday)),
    ]

    /// Mon–Fri 08:00–17:00 Central with a few holidays: the management calendar's shape.
    static let central = BusinessCalendar(
        name: "central", zone: chicago, hours: .weekdays(.from(8, to: 17)), holidays: holidays)

    /// As `central`, plus the day after Thanksgiving and an early close on Christmas Eve.
    static let centralExtras = BusinessCalendar(
        name: "central-extras", zone: chicago, hours: .weekdays(.from(8, to: 17)),
        holidays: holidays + [
            HolidayRule(name: "Day after Thanksgiving", date: .dayAfter("Thanksgiving Day")),
            HolidayRule(name: "Christmas Eve", date: .fixed(month: 12, day: 24, observance: .none),
                        closed: .between(TimeOfDay(hour: 12), TimeOfDay(hour: 24))),
            HolidayRule(name: "Office move", date: .once(LocalDate(year: 2026, month: 12, day: 2))),
        ])

    /// Mon–Fri 09:00–12:00 and 13:00–17:00 New York: a lunch break.
    static let lunch = BusinessCalendar(
        name: "lunch", zone: Zone(identifier: "America/New_York")!,
        hours: .weekdays(.from(9, to: 12), .from(13, to: 17)))

    /// A night desk, Mon–Fri 22:00–06:00 the next morning, Los Angeles.
    static let nights = BusinessCalendar(
        name: "nights", zone: Zone(identifier: "America/Los_Angeles")!,
        hours: .weekdays(OpenInterval(start: TimeOfDay(hour: 22), end: TimeOfDay(hour: 30))))

    /// Open 01:00–05:00 every day: spans the small-hours daylight-saving switch.
    static func smallHours(_ zone: String) -> BusinessCalendar {
        BusinessCalendar(name: "small-hours", zone: Zone(identifier: zone)!,
                         hours: WeeklyHours(Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [OpenInterval.from(1, to: 5)]) })))
    }

    static let repair = BusinessCalendar(name: "repair", zone: chicago, hours: .alwaysOpen)

    static let sydney = BusinessCalendar(name: "sydney", zone: Zone(identifier: "Australia/Sydney")!, hours: .weekdays(.from(9, to: 17)))
    static let london = BusinessCalendar(name: "london", zone: Zone(identifier: "Europe/London")!, hours: .weekdays(.from(9, to: 17)))

    static let all = [central, centralExtras, lunch, nights, repair, sydney, london, smallHours("America/Chicago")]

    /// `at("2026-11-23 09:00")` in Chicago, or in `zone`.
    static func at(_ text: String, _ zone: String = "America/Chicago") -> Instant {
        let parts = text.split(separator: " ")
        let date = LocalDate(iso: parts[0])!
        let time = TimeOfDay(parsing: parts[1])!
        return Zone(identifier: zone)!.instant(for: LocalDateTime(date: date, time: time))
    }

    static func hours(_ h: Double) -> Int64 { Int64(h * 3600) }
}
