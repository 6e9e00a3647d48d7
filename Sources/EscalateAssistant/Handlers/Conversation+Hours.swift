import EscalateDomain
import EscalateUnderstanding

/// When desks are open: now, at a time asked about, or on a day, in the
/// reader's zone with the desk's own clock beside it when it differs.
extension Conversation {
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
        let label = day == today ? "today" : day == today.adding(days: 1) ? "tomorrow" : "on \(day.friendlyShort)"
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
        let why = calendar.holiday(on: day).map { " for \($0.name)" } ?? (day.weekday.rawValue >= 6 ? " (weekend)" : "")
        return "closed \(label)\(why)" + (calendar.nextOpening(atOrAfter: end).map { "; opens \(at($0, now: now))" } ?? "")
    }

    func hoursInfo(_ slots: [String: SlotValue], now: Instant, at asked: ResolvedTime? = nil) throws -> Reply {
        // "Is CMS open on Friday?": a weekday or time asked about is the coming one.
        var when = asked?.instant
        // "Is CMS open today?": whether it is open now, and until when.
        if case .date(let date, _)? = asked, date == settings.zone.local(now).date { when = nil }
        if var moment = when, moment < now {
            let sameDay = settings.zone.local(moment).date == settings.zone.local(now).date
            while moment < now { moment = moment + (sameDay ? 86_400 : 7 * 86_400) }
            when = moment
        }
        var day: LocalDate?
        if case .date? = asked, let when { day = settings.zone.local(when).date }
        // Segments (Enterprise, National Wholesale) are Lumen's.
        var slots = slots
        if slots.org == nil, slots.entity("segment") != nil { slots["org"] = .entity("lumen") }
        var calendars: [(String, BusinessCalendar)] = []
        /// The calendars of a process's levels (those `where` keeps), each once.
        func addLevels(of process: EscalationProcess, where keep: (EscalationLevel) -> Bool = { _ in true }, title: (EscalationLevel, BusinessCalendar) -> String) {
            for level in process.ladder where keep(level) {
                let calendar = engine.calendar(for: level)
                if !calendars.contains(where: { $0.1.name == calendar.name }) { calendars.append((title(level, calendar), calendar)) }
            }
        }
        // "Is the regional manager working today?": the calendars of the levels with that role.
        if let role = slots.role {
            for process in catalog.processes where slots.org == nil || process.organisation == slots.org {
                addLevels(of: process, where: { $0.role == role }) { level, _ in "\(level.title) (\(process.shortTitle))" }
            }
        }
        for organisation in catalog.organisations where calendars.isEmpty && (slots.org == nil || organisation.id == slots.org) {
            for route in organisation.routes where slots.category == nil || route.topic == slots.category {
                if let segment = slots.entity("segment"), let routeSegment = route.segment, routeSegment != segment { continue }
                if let name = route.calendar, let calendar = catalog.calendar(named: name), !calendars.contains(where: { $0.1.name == name }) {
                    calendars.append(("\(organisation.name) \(Words.lowerFirst(route.title))", calendar))
                }
            }
            if slots.category == nil {
                for process in organisation.processes { addLevels(of: process) { _, calendar in calendar.title } }
            }
        }
        // "When is Lumen installation open?": a topic with no desk of its
        // own keeps the hours of its process's levels.
        if calendars.isEmpty, slots.category != nil, slots.category != "portal" {
            for process in processes(org: slots.org, category: slots.category) {
                addLevels(of: process) { _, calendar in "\(process.shortTitle), \(calendar.title)" }
            }
        }
        if calendars.isEmpty, slots.category == "portal" {
            return Reply("Lumen Connect and the CenturyLink customer portal are online 24 hours a day, seven days a week, holidays included. (The CenturyLink portal is not available on all products; ask your CCM.)")
        }
        guard !calendars.isEmpty else {
            let known = catalog.calendarNames.compactMap { catalog.calendar(named: $0)?.title }
            return .problem("I don't have opening hours for that. The hours I know: " + known.joined(separator: "; ") + ".")
        }
        var lines: [String] = []
        for (title, calendar) in calendars {
            if calendar.isAlwaysOpen {
                lines.append("\(Words.upperFirst(title)): open 24/7, holidays included.")
            } else {
                let open = day.map { openOn(calendar, day: $0, now: now) } ?? openNow(calendar, now: now, at: when)
                lines.append("\(Words.upperFirst(title)): \(hours(calendar, now: now)) — \(open).")
            }
        }
        return Reply(lines)
    }
}
