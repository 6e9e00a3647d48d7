/// A time of day, as seconds after local midnight.
///
/// Values up to 48:00 are allowed so that an opening interval can cross
/// midnight (`22:00–26:00` is 10 pm to 2 am the next morning).
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public init(hour: Int, minute: Int = 0, second: Int = 0) {
        self.seconds = hour * 3600 + minute * 60 + second
    }

    public var hour: Int { seconds / 3600 }
    public var minute: Int { (seconds % 3600) / 60 }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.seconds < rhs.seconds }

    /// `09:00`; a time past midnight prints as `02:00` of the next day.
    public var description: String {
        let wrapped = seconds % 86_400
        return "\(pad(wrapped / 3600, 2)):\(pad((wrapped % 3600) / 60, 2))"
    }

    /// Parses `9`, `9:30`, `09:30`, `17:00`, `24:00`, `26:00`.
    public init?(parsing text: Substring) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let h = Int(parts[0]), (0...48).contains(h) else { return nil }
        var m = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let mm = Int(parts[1]), (0..<60).contains(mm) else { return nil }
            m = mm
        }
        self.init(hour: h, minute: m)
        if seconds > 48 * 3600 { return nil }
    }
}

/// A calendar date and time of day with no zone: what a wall clock shows.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: LocalDate
    public var time: TimeOfDay

    public init(date: LocalDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// Interprets `wallSeconds` as seconds since 1970-01-01T00:00 on the wall clock.
    public init(wallSeconds: Int64) {
        let day = wallSeconds >= 0 ? wallSeconds / 86_400 : (wallSeconds - 86_399) / 86_400
        self.date = LocalDate(dayNumber: day)
        self.time = TimeOfDay(seconds: Int(wallSeconds - day * 86_400))
    }

    public var wallSeconds: Int64 { date.dayNumber * 86_400 + Int64(time.seconds) }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.wallSeconds < rhs.wallSeconds
    }

    /// `2026-11-23T09:00:00`.
    public var isoString: String {
        let s = time.seconds
        return "\(date.isoString)T\(pad(s / 3600, 2)):\(pad((s % 3600) / 60, 2)):\(pad(s % 60, 2))"
    }

    public var description: String { isoString }
}
