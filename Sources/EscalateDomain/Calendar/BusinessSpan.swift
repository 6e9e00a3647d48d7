/// An amount of business time, in one of the three senses the source
/// documents use.
///
/// - `hours`: "allow at least four business hours", "acknowledged within 48
///   business hours". So many seconds of open time.
/// - `businessDays`: "a minimum 3-business-day SLA", "a response within 1
///   business day". The same open-time position so many business days later:
///   Monday 15:00 plus one business day is Tuesday 15:00, not 24 open hours
///   (three working days) later.
/// - `workingDays`: "in contact within 2 working days". By the close of the
///   Nth working day after the day of the start.
public enum BusinessSpan: Hashable, Sendable, CustomStringConvertible {
    case hours(seconds: Int64)
    case businessDays(Int)
    case workingDays(Int)

    public static func hours(_ hours: Int) -> BusinessSpan { .hours(seconds: Int64(hours) * 3600) }
    public static func minutes(_ minutes: Int) -> BusinessSpan { .hours(seconds: Int64(minutes) * 60) }

    /// `4 business hours`, `3 business days`, `2 working days`, `90 business minutes`.
    public var description: String {
        switch self {
        case .hours(let seconds):
            if seconds % 3600 == 0 {
                let h = seconds / 3600
                return "\(h) business hour\(h == 1 ? "" : "s")"
            }
            return "\(BusinessDuration(seconds: seconds)) of business time"
        case .businessDays(let n): return "\(n) business day\(n == 1 ? "" : "s")"
        case .workingDays(let n): return "\(n) working day\(n == 1 ? "" : "s")"
        }
    }

    /// Short form for tables: `4h`, `3bd`, `2wd`.
    public var compact: String {
        switch self {
        case .hours(let seconds): return BusinessDuration(seconds: seconds).description
        case .businessDays(let n): return "\(n) business day\(n == 1 ? "" : "s")"
        case .workingDays(let n): return "\(n) working day\(n == 1 ? "" : "s")"
        }
    }
}

/// A length of time in whole seconds, printed the way people write it:
/// `25h30m`, `45m`, `0m`.
public struct BusinessDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (lhs: BusinessDuration, rhs: BusinessDuration) -> Bool { lhs.seconds < rhs.seconds }

    public var description: String {
        let sign = seconds < 0 ? "-" : ""
        let total = abs(seconds)
        let h = total / 3600
        let m = (total % 3600) / 60
        let s = total % 60
        var text = sign
        if h > 0 { text += "\(h)h" }
        if m > 0 || (h == 0 && s == 0) { text += "\(m)m" }
        if s > 0 { text += "\(s)s" }
        return text
    }

    /// `4 hours`, `1 hour 30 minutes`, `45 minutes`: for sentences.
    public var spoken: String {
        let total = abs(seconds)
        let h = total / 3600
        let m = (total % 3600) / 60
        var parts: [String] = []
        if h > 0 { parts.append("\(h) hour\(h == 1 ? "" : "s")") }
        if m > 0 { parts.append("\(m) minute\(m == 1 ? "" : "s")") }
        if parts.isEmpty { return total == 0 ? "no time" : "\(total) second\(total == 1 ? "" : "s")" }
        return parts.joined(separator: " ")
    }
}
