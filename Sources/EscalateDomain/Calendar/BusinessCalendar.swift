import Foundation

/// A named business calendar: a time zone, a weekly timetable and holiday
/// rules. Every wait and promise in an escalation matrix is measured in one.
///
/// The definition is a plain value. Arithmetic goes through a table of open
/// spans compiled a year at a time on first use and shared by copies of the
/// calendar, so that measuring a month costs a couple of binary searches.
public struct BusinessCalendar: Sendable {
    public var name: String
    public var title: String
    public var zone: Zone
    /// Whether the data said `zone: local`: it keeps the reader's own hours.
    public var isInReadersZone = false
    public var hours: WeeklyHours
    public var holidays: HolidayRules
    /// Notes on the assumptions behind the calendar, shown by `calendar show`.
    public var notes: [String]
    /// What its holidays are called ("US federal holidays"), for sentences.
    public var holidaysName: String?

    let tables: CalendarTables

    public init(name: String, title: String = "", zone: Zone, hours: WeeklyHours, holidays: [HolidayRule] = [], notes: [String] = []) {
        self.name = name
        self.title = title
        self.zone = zone
        self.hours = hours
        self.holidays = HolidayRules(holidays)
        self.notes = notes
        self.tables = CalendarTables()
    }

    /// Open around the clock with no holidays, like a repair desk.
    public var isAlwaysOpen: Bool { hours.isAlwaysOpen && holidays.rules.isEmpty }

    /// The years the arithmetic covers. Instants outside count as closed.
    public static let supportedYears = 1900...2399

    /// The holidays observed in `year`, in date order.
    public func holidays(in year: Int) -> [Holiday] { holidays.observed(in: year) }

    /// The open spans that belong to `date` (an interval that crosses
    /// midnight belongs to the day it starts), with holidays and closures
    /// removed, as instants. Daylight saving is applied here: an interval that
    /// spans the hour the clocks go forward is an hour shorter.
    public func openSpans(on date: LocalDate) -> [InstantRange] {
        openSpans(on: date, holidays: holidaysAround(date))
    }

    func holidaysAround(_ date: LocalDate) -> [Holiday] {
        holidays.rules.isEmpty ? [] : holidays(in: date.year) + holidays(in: date.year + 1).filter { $0.observed.month == 1 && $0.observed.day <= 2 }
    }

    func openSpans(on date: LocalDate, holidays: [Holiday]) -> [InstantRange] {
        let base = date.dayNumber * 86_400
        var wall: [(Int64, Int64)] = hours.intervals(on: date.weekday).map {
            (base + Int64($0.start.seconds), base + Int64($0.end.seconds))
        }
        if wall.isEmpty { return [] }
        for holiday in holidays {
            if wall.isEmpty { break }
            let closedBase = holiday.observed.dayNumber * 86_400
            let closed: (Int64, Int64)
            switch holiday.closed {
            case .allDay: closed = (closedBase, closedBase + 86_400)
            case .between(let from, let to): closed = (closedBase + Int64(from.seconds), closedBase + Int64(to.seconds))
            }
            guard closed.0 < wall.last!.1, closed.1 > wall.first!.0 else { continue }
            wall = wall.flatMap { open -> [(Int64, Int64)] in
                if closed.1 <= open.0 || closed.0 >= open.1 { return [open] }
                var pieces: [(Int64, Int64)] = []
                if open.0 < closed.0 { pieces.append((open.0, closed.0)) }
                if closed.1 < open.1 { pieces.append((closed.1, open.1)) }
                return pieces
            }
        }
        return wall.compactMap { open in
            let start = zone.instant(for: LocalDateTime(wallSeconds: open.0), repeated: .earlier)
            let end = zone.instant(for: LocalDateTime(wallSeconds: open.1), repeated: .later)
            return start < end ? InstantRange(start: start, end: end) : nil
        }
    }

    /// Business seconds that `date` offers in total.
    public func openSeconds(on date: LocalDate) -> Int64 {
        openSpans(on: date).reduce(0) { $0 + $1.seconds }
    }

    /// The holiday that closes (part of) `date`, if any.
    public func holiday(on date: LocalDate) -> Holiday? {
        holidays(in: date.year).first { $0.observed == date }
    }
}

extension BusinessCalendar: Equatable {
    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.name == rhs.name && lhs.title == rhs.title && lhs.zone == rhs.zone && lhs.hours == rhs.hours
            && lhs.holidays == rhs.holidays && lhs.notes == rhs.notes
    }
}
