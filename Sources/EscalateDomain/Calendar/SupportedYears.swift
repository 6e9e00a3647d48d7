/// A time outside the years the arithmetic covers (`BusinessCalendar
/// .supportedYears`), however it was reached: typed, computed as a deadline,
/// or moved to. Every way in says so in these words.
public struct UnsupportedTimeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is out of range: a time as typed, "the deadline 4h after …".
    public var subject: String

    public init(_ subject: String) {
        self.subject = subject
    }

    public var description: String {
        let years = BusinessCalendar.supportedYears
        return "\(subject) is outside the years \(years.lowerBound)–\(years.upperBound) that escalate counts in"
    }
}

extension BusinessCalendar {
    /// Whether `instant`, read in `zone`, falls in the supported years.
    public static func supports(_ instant: Instant, in zone: Zone) -> Bool {
        supportedYears.contains(zone.local(instant).date.year)
    }
}
