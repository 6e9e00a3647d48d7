import EscalateDomain
import EscalateUnderstanding

/// When desks are open: now, at a time asked about, or on a day, in the
/// reader's zone with the desk's own clock beside it when it differs.
extension TurnContext {
    /// `open now, until 19:00 CT` or `closed now; opens tomorrow at 07:00 CT`.
    /// Whether `calendar` is open at `when` (now, unless another time was
    /// asked about), and until or from when.
    func openNow(_ calendar: BusinessCalendar, now: Instant, at when: Instant? = nil) -> String {
        let moment = when ?? now
        // A desk in another zone: the moment in its own time too, "at 16:00 CT today (17:00 ET)".
        let then = when.map { at($0, now: now) + deskTime(calendar, $0) } ?? "now"
        if calendar.isAlwaysOpen { return "open \(then)" }
        if calendar.isOpen(at: moment) {
            // "until 19:00 CT" on the same day as the moment asked about.
            let until: (Instant) -> String = { closing in
                let sameDay = self.settings.zone.local(closing).date == self.settings.zone.local(moment).date
                return sameDay && when != nil ? ZonedTime(closing, in: self.settings.zone).clockTime : self.stamp(closing, now: now)
            }
            return calendar.nextClosing(atOrAfter: moment).map { "open \(then), until \(until($0))" } ?? "open \(then)"
        }
        let day = calendar.zone.local(moment).date
        let why = calendar.holiday(on: day).map { " for \($0.name)" } ?? ""
        return calendar.nextOpening(atOrAfter: moment).map { "closed \(then)\(why); opens \(at($0, now: now))" } ?? "closed"
    }

    /// ` (17:00 ET)`: `instant` on the desk's own clock, when its zone's
    /// clock differs from the reader's; otherwise nothing.
    func deskTime(_ calendar: BusinessCalendar, _ instant: Instant) -> String {
        let desk = ZonedTime(instant, in: calendar.zone)
        let reader = ZonedTime(instant, in: settings.zone)
        return desk.abbreviation == reader.abbreviation && desk.local.time == reader.local.time ? "" : " (\(desk.clockTime))"
    }

    /// `open on Fri 27 Nov, 08:00–17:00 CT` or `closed on Thu 26 Nov for
    /// Thanksgiving Day; opens on Fri 27 Nov at 08:00 CT`: the hours on one
    /// day, in the reader's zone.
    func openOn(_ calendar: BusinessCalendar, day: LocalDate, now: Instant) -> String {
        let today = settings.zone.local(now).date
        let label = day == today ? "today" : day == today.adding(days: 1) ? "tomorrow" : "on \(day.friendlyShort)" + (day.year == today.year ? "" : " \(day.year)")
        if calendar.isAlwaysOpen { return "open all day \(label)" }
        let start = calendar.zone.instant(for: LocalDateTime(date: day, time: TimeOfDay(seconds: 0)))
        let end = calendar.zone.instant(for: LocalDateTime(date: day.adding(days: 1), time: TimeOfDay(seconds: 0)))
        var spans: [String] = []
        var cursor = start
        while let open = calendar.isOpen(at: cursor) ? cursor : calendar.nextOpening(atOrAfter: cursor), open < end,
              let close = calendar.nextClosing(atOrAfter: open) {
            let shown = ZonedTime(min(close, end), in: settings.zone)
            spans.append("\(ZonedTime(open, in: settings.zone).local.time)–\(shown.local.time)")
            if close >= end || spans.count > 3 { break }
            cursor = close
        }
        if !spans.isEmpty { return "open \(label), \(spans.joined(separator: ", ")) \(ZonedTime(start, in: settings.zone).abbreviation)" }
        var why = calendar.holiday(on: day).map { holiday in
            " for \(holiday.name)" + (holiday.actual == holiday.observed ? "" : " (observed; it falls on \(holiday.actual.friendlyShort) \(holiday.actual.year))")
        } ?? (day.weekday.rawValue >= 6 ? " (weekend)" : "")
        // "Is it open on Christmas 2027?": a holiday on a weekend closes another day.
        if let moved = (calendar.holidays(in: day.year - 1) + calendar.holidays(in: day.year) + calendar.holidays(in: day.year + 1))
            .first(where: { $0.actual == day && $0.observed != day }) {
            why += "; \(moved.name) is observed on \(moved.observed.friendlyShort) \(moved.observed.year), when it is closed"
        }
        return "closed \(label)\(why)" + (calendar.nextOpening(atOrAfter: end).map { "; opens \(at($0, now: now))" } ?? "")
    }
}
