import Foundation

/// A point on the UTC timeline, to the second.
///
/// `escalate` measures everything in whole seconds: no promise in the source
/// documents is finer than a minute, and integer seconds keep business-time
/// arithmetic exact (elapsed times add up to the second, never drift).
public struct Instant: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    public init(_ date: Date) {
        self.secondsSinceEpoch = Int64(date.timeIntervalSince1970.rounded(.down))
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch)) }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    public static func + (lhs: Instant, rhs: Int64) -> Instant {
        Instant(secondsSinceEpoch: lhs.secondsSinceEpoch + rhs)
    }

    public static func - (lhs: Instant, rhs: Int64) -> Instant {
        Instant(secondsSinceEpoch: lhs.secondsSinceEpoch - rhs)
    }

    /// Wall-clock seconds from `rhs` to `lhs`.
    public static func - (lhs: Instant, rhs: Instant) -> Int64 {
        lhs.secondsSinceEpoch - rhs.secondsSinceEpoch
    }

    /// ISO 8601 in UTC, e.g. `2026-11-23T15:00:00Z`.
    public var description: String {
        let local = LocalDateTime(wallSeconds: secondsSinceEpoch)
        return local.isoString + "Z"
    }

    public init(from decoder: Decoder) throws {
        secondsSinceEpoch = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(secondsSinceEpoch)
    }
}

/// A half-open span of instants, `[start, end)`.
public struct InstantRange: Hashable, Sendable, Codable {
    public var start: Instant
    public var end: Instant

    public init(start: Instant, end: Instant) {
        precondition(start <= end, "InstantRange start after end")
        self.start = start
        self.end = end
    }

    public var seconds: Int64 { end - start }
    public var isEmpty: Bool { start == end }

    public func clamped(to other: InstantRange) -> InstantRange? {
        let lower = max(start, other.start)
        let upper = min(end, other.end)
        return lower < upper ? InstantRange(start: lower, end: upper) : nil
    }

    /// What is left of this range once `holes` (sorted, not overlapping) are cut out.
    public func removing(_ holes: [InstantRange]) -> [InstantRange] {
        var pieces: [InstantRange] = []
        var cursor = start
        for hole in holes where hole.end > cursor && hole.start < end {
            if hole.start > cursor { pieces.append(InstantRange(start: cursor, end: hole.start)) }
            cursor = max(cursor, hole.end)
        }
        if cursor < end { pieces.append(InstantRange(start: cursor, end: end)) }
        return pieces
    }
}
