/// An instant together with the zone a reader sees it in.
///
/// Every time `escalate` prints is one of these, so that every answer says
/// which zone it speaks in.
public struct ZonedTime: Hashable, Sendable, CustomStringConvertible {
    public var instant: Instant
    public var zone: Zone

    public init(_ instant: Instant, in zone: Zone) {
        self.instant = instant
        self.zone = zone
    }

    public var local: LocalDateTime { zone.local(instant) }
    public var abbreviation: String { zone.abbreviation(at: instant) }

    /// `2026-11-23T09:00:00-06:00`.
    public var iso8601: String {
        local.isoString + Zone.formatOffset(zone.offset(at: instant))
    }

    /// `13:00 CT`.
    public var clockTime: String { "\(local.time) \(abbreviation)" }

    /// `Mon 23 Nov 13:00 CT`.
    public var friendly: String { "\(local.date.friendlyShort) \(local.time) \(abbreviation)" }

    /// `Mon 23 Nov 2026 13:00 CT`.
    public var friendlyWithYear: String { "\(local.date.friendly) \(local.time) \(abbreviation)" }

    public var description: String { friendlyWithYear }

    /// Describes this time relative to `now` in the same zone: `13:00 CT`
    /// today, `tomorrow 08:00 CT`, else `Mon 30 Nov 08:00 CT`.
    public func relative(to now: Instant) -> String {
        let today = zone.local(now).date
        let day = local.date
        if day == today { return "\(local.time) \(abbreviation) today" }
        if day == today.adding(days: 1) { return "tomorrow \(local.time) \(abbreviation)" }
        if day == today.adding(days: -1) { return "yesterday \(local.time) \(abbreviation)" }
        if day.year == today.year { return friendly }
        return friendlyWithYear
    }
}
