import EscalateDomain
import EscalateUnderstanding

/// When something the user reports or asks for happened. Every change
/// honours the time said with it; an ambiguous clock time is the most recent
/// past one; a time that cannot be (in the future, before the ticket was
/// opened, before its hold began) is asked about, and nothing is recorded
/// until it is answered.
extension TurnContext {
    /// The outcome of reading a change's time.
    enum Moment {
        case at(Instant)
        /// A question or a refusal instead.
        case ask(Outcome)
    }

    /// The time the line gives, read as a moment that has passed: for a clock
    /// time without am or pm, the latest of its readings (12 hours apart, on
    /// the day named if one is) that is not in the future.
    var saidTime: Instant? {
        guard let time = slots.time else { return nil }
        guard case .instant(let instant, let zone) = time, cues.has(.ambiguousClock) else { return time.instant }
        return Self.latestPastReading(of: instant, in: zone, keepingDay: cues.has(.dayNamed), now: now)
    }

    /// "at 1:45" said at 02:00 is 01:45, not 13:45: of the readings of a
    /// clock time without am or pm (12 hours apart, on the same day when a
    /// day was named), the latest that has passed.
    static func latestPastReading(of instant: Instant, in zone: Zone, keepingDay: Bool, now: Instant) -> Instant {
        let day = zone.local(instant).date
        let readings = [instant - 86_400, instant - 43_200, instant, instant + 43_200]
            .filter { !keepingDay || zone.local($0).date == day }
            .filter { $0 <= now + 60 }
        return readings.max() ?? instant
    }

    /// A time given as the answer to "At what time on Fri 20 Nov …?": the
    /// clock time on the day asked about (unless the answer names its own
    /// day), read as the latest past reading when it has no am or pm.
    static func answeredTime(_ said: ResolvedTime, cues: Cues, askedAbout asked: ResolvedTime?, now: Instant) -> ResolvedTime {
        guard case .instant(var instant, let zone) = said else { return said }
        var dayNamed = cues.has(.dayNamed)
        if !dayNamed, case .date(let day, _)? = asked {
            instant = zone.instant(for: LocalDateTime(date: day, time: zone.local(instant).time))
            dayNamed = true
        }
        if cues.has(.ambiguousClock) { instant = latestPastReading(of: instant, in: zone, keepingDay: dayNamed, now: now) }
        return .instant(instant, zone)
    }

    /// When a change to `ticket` happened or happens: the time said with it,
    /// checked, or now. `what` names the change in a question ("the call").
    func moment(for ticket: Ticket?, what: String, defaultsToNow: Bool = true) -> Moment {
        // "this morning", "earlier": a part of a day is not a time to record.
        if cues.has(.vagueTime), !request.confirmed || slots.time == nil {
            let when = slots.time.map { at($0.instant, now: now).replacingOccurrences(of: " at 09:00", with: "") } ?? "earlier"
            return .ask(askForTime("At what time was \(what)? Say it with the time, e.g. “at 8:30”.", about: "the time of \(what)", ticket: ticket, hint: when))
        }
        guard let said = saidTime else { return .at(now) }
        if case .date(let date, _)? = slots.time {
            // "On Friday" says the day, not the time: midnight would be a guess.
            guard date == settings.zone.local(now).date else {
                let day = date.year == settings.zone.local(now).date.year ? date.friendlyShort : date.friendly
                return .ask(askForTime("At what time on \(day) was \(what)? Say it with the time, e.g. “at 4pm”.", about: "the time of \(what)", ticket: ticket, day: slots.time))
            }
            return .at(now)
        }
        // "At 10:30" said at 10:00 is not 22:30 last night without asking: a
        // reading without am or pm that falls in the night, hours ago, is a
        // guess ("at 1:45" said at 02:00 is not).
        if cues.has(.ambiguousClock), !request.confirmed, Self.isNight(said, in: settings.zone), now - said > 3 * 3_600 {
            let day = said + 43_200 <= now + 60 ? said + 43_200 : said - 43_200
            let other = said + 43_200 > now + 60 ? "\(Words.upperFirst(stamp(said + 43_200, now: now))) is still to come; " : ""
            return .ask(askForTime("\(other)was \(what) at \(stamp(said, now: now)) or \(stamp(day, now: now))? Say it with am or pm, e.g. “at \(Self.twelveHour(said, in: settings.zone))”.",
                                   about: "the time of \(what)", ticket: ticket))
        }
        if said > now + 60 {
            return .ask(askForTime("\(Words.upperFirst(stamp(said, now: now))) is still to come, so I can't record \(what) then. When was it?",
                                   about: "the time of \(what)", ticket: ticket))
        }
        guard let ticket, !request.confirmed, !request.accepted.contains(.earlyTime) else { return .at(said) }
        if said < ticket.openedAt {
            return .ask(accept(.earlyTime, ["\(Words.upperFirst(stamp(said, now: now))) is before #\(ticket.id) was opened (\(stamp(ticket.openedAt, now: now))).",
                                 "Record \(what) at \(stamp(said, now: now)) all the same? (yes/no)"],
                                about: "the time of \(what)", ticket: ticket, request: request.with(.time, .time(.instant(said, settings.zone)))))
        }
        if let since = ticket.pausedSince, said < since, request.intent == .resume {
            return .ask(askForTime("#\(ticket.id) has waited on the customer since \(stamp(since, now: now)); the customer can't have replied at \(stamp(said, now: now)), before that. When did they reply?",
                                   about: "the time of \(what)", ticket: ticket))
        }
        return .at(said)
    }

    /// Between 21:00 and 06:00 where the reader is: when a report is rarely made.
    static func isNight(_ instant: Instant, in zone: Zone) -> Bool {
        let hour = zone.local(instant).time.hour
        return hour < 6 || hour >= 21
    }

    /// "10:30pm": a time as the reader would say it to be unambiguous.
    static func twelveHour(_ instant: Instant, in zone: Zone) -> String {
        let time = zone.local(instant).time
        let hour = time.hour % 12 == 0 ? 12 : time.hour % 12
        return "\(hour)\(time.minute == 0 ? "" : String(format: ":%02d", time.minute))\(time.hour < 12 ? "am" : "pm")"
    }

    /// The question `moment(for:what:)` asked.
    func momentQuestion(for ticket: Ticket?, what: String) -> Outcome {
        if case .ask(let outcome) = moment(for: ticket, what: what) { return outcome }
        return problem("When was \(what)?")
    }

    /// Asks for the time, keeping the request, with nothing recorded.
    func askForTime(_ question: String, about: String, ticket: Ticket?, hint: String? = nil, day: ResolvedTime? = nil) -> Outcome {
        var request = self.request
        // The day asked about stays with the request, so that the answer's
        // clock time is read on it.
        request.slots[.time] = day.map { .time($0) }
        request.cues.phrases.remove(.vagueTime)
        request.cues.phrases.remove(.ambiguousClock)
        if let ticket, request.slots.ticketRef == nil { request = request.on(ticket: ticket.id) }
        var state = self.state
        if let ticket { state.focus(on: ticket.id) }
        return ask(.missingSlot(.time), [question], about: about, request: request, state: state)
    }

    /// For reports ("I called …", "they replied"): the moment, or nil and the question asked instead.
    func occurred(for ticket: Ticket? = nil, what: String = "it") -> (Instant?, Outcome?) {
        switch moment(for: ticket, what: what) {
        case .at(let instant): return (instant, nil)
        case .ask(let outcome): return (nil, outcome)
        }
    }

    /// A yes/no on one thing about a change to `ticket`; yes accepts it and
    /// the change goes on to its own checks.
    func accept(_ acceptance: Acceptance, _ lines: [String], about: String, ticket: Ticket, request: Request? = nil) -> Outcome {
        var next = state
        next.focus(on: ticket.id)
        return ask(.accept(acceptance), lines, about: about, request: request ?? self.request, basis: [ticket.id: ticket.version], state: next)
    }
}
