/// One stretch of opening on a weekday, in wall-clock time.
///
/// `end` may pass midnight (up to 48:00): `Fri 22:00–26:00` is open from
/// Friday 10 pm until 2 am on Saturday, and that time belongs to Friday.
public struct OpenInterval: Hashable, Sendable, CustomStringConvertible {
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) {
        precondition(start < end, "an open interval must end after it starts")
        self.start = start
        self.end = end
    }

    public static func from(_ startHour: Int, _ startMinute: Int = 0, to endHour: Int, _ endMinute: Int = 0) -> OpenInterval {
        OpenInterval(start: TimeOfDay(hour: startHour, minute: startMinute), end: TimeOfDay(hour: endHour, minute: endMinute))
    }

    /// `08:00–17:00`, `22:00–02:00`.
    public var description: String { "\(start)–\(end)" }

    public var seconds: Int { end.seconds - start.seconds }
}

/// The weekly timetable of a calendar: its open intervals for each weekday.
public struct WeeklyHours: Hashable, Sendable {
    /// Open intervals per weekday (index 0 is Monday), sorted and disjoint.
    public private(set) var days: [[OpenInterval]]

    public init(_ byDay: [Weekday: [OpenInterval]] = [:]) {
        days = Weekday.allCases.map { (byDay[$0] ?? []).sorted { $0.start < $1.start } }
    }

    /// Open around the clock, every day.
    public static let alwaysOpen = WeeklyHours(
        Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [OpenInterval.from(0, to: 24)]) })
    )

    /// The same intervals Monday to Friday.
    public static func weekdays(_ intervals: OpenInterval...) -> WeeklyHours {
        WeeklyHours(Dictionary(uniqueKeysWithValues: Weekday.allCases.filter { !$0.isWeekend }.map { ($0, intervals) }))
    }

    public func intervals(on weekday: Weekday) -> [OpenInterval] { days[weekday.rawValue - 1] }

    public var isAlwaysOpen: Bool { self == WeeklyHours.alwaysOpen }

    /// Open wall-clock seconds in a week, ignoring holidays and daylight saving.
    public var weeklySeconds: Int { days.joined().reduce(0) { $0 + $1.seconds } }

    /// A problem with the timetable (overlapping intervals, or one longer
    /// than a day), or `nil` when it is sound.
    public func validationProblem() -> String? {
        for weekday in Weekday.allCases {
            let list = intervals(on: weekday)
            for interval in list where interval.seconds > 86_400 {
                return "\(weekday.name) \(interval) is longer than a day"
            }
            for (a, b) in zip(list, list.dropFirst()) where b.start < a.end {
                return "\(weekday.name) intervals \(a) and \(b) overlap"
            }
        }
        return nil
    }

    /// `Mon–Fri 08:00–17:00`, `24/7`, or one line per distinct pattern.
    public var summary: [String] {
        if isAlwaysOpen { return ["24/7"] }
        var lines: [String] = []
        var index = 0
        while index < 7 {
            let pattern = days[index]
            var last = index
            while last + 1 < 7 && days[last + 1] == pattern { last += 1 }
            let first = Weekday(rawValue: index + 1)!.shortName
            let label = last == index ? first : "\(first)–\(Weekday(rawValue: last + 1)!.shortName)"
            let text = pattern.isEmpty ? "closed" : pattern.map(\.description).joined(separator: ", ")
            lines.append("\(label) \(text)")
            index = last + 1
        }
        return lines
    }
}
