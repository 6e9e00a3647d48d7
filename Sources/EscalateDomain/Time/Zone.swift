import Foundation

/// An IANA time zone, or a fixed UTC offset, with the conversions business
/// time needs: instant to wall clock, and wall clock back to instant across
/// daylight-saving gaps and overlaps.
public struct Zone: Hashable, Sendable, CustomStringConvertible {
    /// The IANA identifier (`America/Chicago`), or `UTC+05:30` for a fixed offset.
    public let identifier: String
    let timeZone: TimeZone

    /// A zone from its IANA identifier; `nil` when the identifier is unknown.
    ///
    /// Abbreviations such as `CST` are refused on purpose: they are ambiguous
    /// and do not say whether daylight saving applies.
    public init?(identifier: String) {
        let trimmed = identifier.trimmingCharacters(in: .whitespaces)
        if trimmed == "UTC" || trimmed == "Z" || trimmed == "Etc/UTC" || trimmed == "GMT" {
            self.identifier = "UTC"
            self.timeZone = TimeZone(identifier: "UTC")!
            return
        }
        guard trimmed.contains("/"), let zone = TimeZone(identifier: trimmed) else { return nil }
        self.identifier = trimmed
        self.timeZone = zone
    }

    /// A zone that is always `seconds` ahead of UTC.
    public init(fixedOffsetSeconds seconds: Int) {
        self.timeZone = TimeZone(secondsFromGMT: seconds) ?? TimeZone(identifier: "UTC")!
        self.identifier = seconds == 0 ? "UTC" : "UTC" + Zone.formatOffset(seconds)
    }

    public static let utc = Zone(fixedOffsetSeconds: 0)

    public var description: String { identifier }

    public static func == (lhs: Zone, rhs: Zone) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    /// Seconds ahead of UTC at `instant` (negative west of Greenwich).
    public func offset(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: instant.date)
    }

    /// What a wall clock in this zone shows at `instant`.
    public func local(_ instant: Instant) -> LocalDateTime {
        LocalDateTime(wallSeconds: instant.secondsSinceEpoch + Int64(offset(at: instant)))
    }

    /// Whether daylight saving is in force at `instant`.
    public func isDaylightSaving(at instant: Instant) -> Bool {
        timeZone.isDaylightSavingTime(for: instant.date)
    }

    /// Which instant to choose when a wall time happens twice (the hour the
    /// clocks go back).
    public enum Repeated: Sendable {
        case earlier, later
    }

    /// The instant at which a wall clock in this zone shows `local`.
    ///
    /// A wall time that happens twice resolves as `repeated` says. A wall
    /// time that never happens (the hour skipped when clocks go forward)
    /// resolves to the moment the clocks jump, which is the first instant
    /// at which the wall clock reads `local` or later.
    public func instant(for local: LocalDateTime, repeated: Repeated = .earlier) -> Instant {
        let wall = local.wallSeconds
        let before = Int64(offset(at: Instant(secondsSinceEpoch: wall - 86_400)))
        let after = Int64(offset(at: Instant(secondsSinceEpoch: wall + 86_400)))
        let first = Instant(secondsSinceEpoch: wall - before)
        let second = Instant(secondsSinceEpoch: wall - after)
        let firstValid = Int64(offset(at: first)) == before
        let secondValid = Int64(offset(at: second)) == after
        switch (firstValid, secondValid) {
        case (true, true):
            if first == second { return first }
            return repeated == .earlier ? min(first, second) : max(first, second)
        case (true, false):
            return first
        case (false, true):
            return second
        case (false, false):
            return transition(between: min(first, second), and: max(first, second))
        }
    }

    /// The first instant in `(low, high]` whose offset differs from `low`'s.
    private func transition(between low: Instant, and high: Instant) -> Instant {
        let startOffset = offset(at: low)
        var lo = low.secondsSinceEpoch
        var hi = high.secondsSinceEpoch
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if offset(at: Instant(secondsSinceEpoch: mid)) == startOffset { lo = mid } else { hi = mid }
        }
        return Instant(secondsSinceEpoch: hi)
    }

    /// `+05:30`, `-06:00`.
    public static func formatOffset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        return "\(sign)\(pad(magnitude / 3600, 2)):\(pad((magnitude % 3600) / 60, 2))"
    }
}

/// A zone encodes as its identifier (`America/Chicago`, `UTC+05:30`).
extension Zone: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let identifier = try container.decode(String.self)
        if let zone = Zone(identifier: identifier) {
            self = zone
            return
        }
        // `UTC+05:30`, `UTC-06:00`.
        let body = identifier.dropFirst(3)
        let sign: Int = body.first == "-" ? -1 : 1
        let parts = body.dropFirst().split(separator: ":").compactMap { Int($0) }
        guard identifier.hasPrefix("UTC"), parts.count == 2 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown time zone '\(identifier)'")
        }
        self.init(fixedOffsetSeconds: sign * (parts[0] * 3600 + parts[1] * 60))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}
