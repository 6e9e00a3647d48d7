import EscalateDomain

/// Times in the reader's zone, with their zone always named.
public struct TimeWords: Sendable {
    public let zone: Zone
    public init(zone: Zone) { self.zone = zone }

    /// `at 13:00 CT today`, `tomorrow at 08:00 CT`, `on Tue 24 Nov at 10:00 CT`.
    func at(_ instant: Instant, now: Instant) -> String {
        let time = ZonedTime(instant, in: zone)
        let today = zone.local(now).date
        let day = time.local.date
        let clock = time.clockTime
        if day == today { return "at \(clock) today" }
        if day == today.adding(days: 1) { return "tomorrow at \(clock)" }
        if day == today.adding(days: -1) { return "yesterday at \(clock)" }
        if day.year == today.year { return "on \(day.friendlyShort) at \(clock)" }
        return "on \(day.friendly) at \(clock)"
    }

    /// `by 13:00 CT today`, `by tomorrow at 09:00 CT`, `by Mon 30 Nov at 09:00 CT`.
    func by(_ instant: Instant, now: Instant) -> String {
        var when = at(instant, now: now)
        for word in ["at ", "on "] where when.hasPrefix(word) { when.removeFirst(word.count) }
        if when.hasSuffix(" today") { when = String(when.dropLast(" today".count)) + " today" }
        return "by " + when
    }

    /// `13:00 CT today`, `Tue 24 Nov 10:00 CT`: for tables and short clauses.
    func stamp(_ instant: Instant, now: Instant) -> String {
        let time = ZonedTime(instant, in: zone)
        if time.local.date == zone.local(now).date { return time.clockTime + " today" }
        if time.local.date.year == zone.local(now).date.year { return time.friendly }
        return time.friendlyWithYear
    }

    /// `Mon–Fri 08:00–17:00 CT, closed on US federal holidays` for a calendar.
    func hours(_ calendar: BusinessCalendar, now: Instant) -> String {
        if calendar.isAlwaysOpen { return "24/7, holidays included" }
        let abbreviation = calendar.zone.abbreviation(at: now)
        let open = calendar.hours.summary.filter { !$0.hasSuffix("closed") }
        let text = open.map { "\($0) \(abbreviation)" }.joined(separator: "; ")
        if calendar.holidays.rules.isEmpty { return text }
        return text + ", closed on " + (calendar.holidaysName ?? "holidays")
    }
}

extension TurnContext {
    var timeWords: TimeWords { TimeWords(zone: settings.zone) }
    func at(_ instant: Instant, now: Instant) -> String { timeWords.at(instant, now: now) }
    func by(_ instant: Instant, now: Instant) -> String { timeWords.by(instant, now: now) }
    func stamp(_ instant: Instant, now: Instant) -> String { timeWords.stamp(instant, now: now) }
    func hours(_ calendar: BusinessCalendar, now: Instant) -> String { timeWords.hours(calendar, now: now) }
}
