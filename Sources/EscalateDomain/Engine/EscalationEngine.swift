/// The escalation engine: pure functions of a ticket, its process and an
/// instant. It reads no clock; the caller says when "now" is.
public struct EscalationEngine: Sendable {
    public var calendars: [String: BusinessCalendar]
    public var organisations: [Organisation]
    private var processes: [String: EscalationProcess]

    public init(calendars: [String: BusinessCalendar], organisations: [Organisation]) {
        self.calendars = calendars
        self.organisations = organisations
        var processes: [String: EscalationProcess] = [:]
        for organisation in organisations {
            for process in organisation.processes { processes[process.id] = process }
        }
        self.processes = processes
    }

    public func process(_ id: String) -> EscalationProcess? { processes[id] }

    public var allProcesses: [EscalationProcess] { organisations.flatMap(\.processes) }

    /// The calendar a level is measured in (the repair calendar never
    /// closes), or the one it names for the ticket's segment.
    public func calendar(for level: EscalationLevel, segment: String? = nil) -> BusinessCalendar {
        if let segment, let name = level.calendarBySegment[segment], let calendar = calendars[name] { return calendar }
        return calendars[level.calendar] ?? calendars.values.first!
    }

    /// The ticket's current level in its ladder, if one is engaged.
    public func currentLevel(_ ticket: Ticket, in process: EscalationProcess) -> EscalationLevel? {
        guard let number = ticket.level else { return nil }
        return process.level(number) ?? process.ladder.last { $0.number <= number }
    }

    /// Who to escalate to now, and why.
    public func whoNow(_ ticket: Ticket, at now: Instant) -> EscalationAdvice? {
        guard let process = process(ticket.details.process) else { return nil }
        let first = process.firstLevel
        var advice = EscalationAdvice(
            ticket: ticket, process: process, situation: .start(first), calendar: calendar(for: first, segment: ticket.details.segment),
            engagedAt: ticket.engagedAt, wait: nil, breakdown: nil)
        if let closure = ticket.closure {
            advice.situation = .closed(code: closure.code, agreedBy: closure.agreedBy, at: closure.at)
            return advice
        }
        guard let current = currentLevel(ticket, in: process), let engagedAt = ticket.engagedAt else {
            return advice
        }
        let calendar = calendar(for: current, segment: ticket.details.segment)
        advice.calendar = calendar
        let next = process.level(after: current.number)
        let wait = effectiveWait(ticket, level: current)
        advice.wait = wait
        let pauses = ticket.pauses(until: now)
        advice.breakdown = calendar.breakdown(from: engagedAt, to: max(engagedAt, now), excluding: pauses)

        if ticket.status == .deescalated {
            advice.situation = .deescalated(current: current, next: next)
            return advice
        }
        guard let next else {
            advice.situation = .top(current)
            return advice
        }
        if let condition = skipCondition(ticket, level: current, process: process) {
            advice.situation = .nextOpen(current: current, next: next, reason: .condition(condition))
            return advice
        }
        if next.anyTime {
            advice.situation = .nextOpen(current: current, next: next, reason: .anyTime)
            return advice
        }
        guard let wait else {
            advice.situation = .nextOpen(current: current, next: next, reason: .noWait)
            return advice
        }
        if let since = ticket.pausedSince, since <= now {
            let opensAt = calendar.deadline(adding: wait, to: engagedAt, paused: ticket.pauses, pausedSince: since)
            let remaining: Int64? = opensAt == nil ? remainingSeconds(wait, from: engagedAt, pauses: pauses, now: now, calendar: calendar) : nil
            if opensAt == nil {
                advice.situation = .paused(current: current, since: since, remaining: remaining)
                return advice
            }
        }
        guard let opensAt = calendar.deadline(adding: wait, to: engagedAt, paused: pauses) else {
            advice.situation = .top(current)
            return advice
        }
        if opensAt <= now {
            advice.situation = .nextOpen(current: current, next: next, reason: .waitPassed(wait: wait, openedAt: opensAt))
        } else {
            advice.situation = .waiting(current: current, next: next, remaining: calendar.elapsed(from: now, to: opensAt, excluding: pauses), opensAt: opensAt)
        }
        return advice
    }

    /// The wait that applies at `level`: after an acknowledgement, CMS's
    /// longer follow-up wait replaces the wait for a first response.
    func effectiveWait(_ ticket: Ticket, level: EscalationLevel) -> BusinessSpan? {
        if let after = level.waitAfterAcknowledgement, ticket.acknowledgements[level.number] != nil {
            return after
        }
        return level.wait
    }

    private func skipCondition(_ ticket: Ticket, level: EscalationLevel, process: EscalationProcess) -> Condition? {
        for id in ticket.conditions where level.skipWhen.contains(id) {
            return process.whenToRaise.first { $0.id == id } ?? Condition(id: id, text: id.replacingUnderscores)
        }
        return nil
    }

    private func remainingSeconds(_ wait: BusinessSpan, from start: Instant, pauses: [InstantRange], now: Instant, calendar: BusinessCalendar) -> Int64? {
        guard case .hours(let seconds) = wait else { return nil }
        return max(0, seconds - calendar.elapsed(from: start, to: now, excluding: pauses))
    }

    // MARK: Clocks

    /// The promise and plan clocks of the ticket's current level at `now`.
    public func clocks(_ ticket: Ticket, at now: Instant) -> [SLAClock] {
        guard let process = process(ticket.details.process), ticket.status != .closed else { return [] }
        var clocks = reminderClocks(ticket, now: now)
        guard let current = currentLevel(ticket, in: process), let engagedAt = ticket.engagedAt else {
            // No level engaged yet: an agreed plan still falls due, on the first level's hours.
            if let plan = ticket.plan, ticket.status != .deescalated, let from = ticket.lastUpdateAt {
                clocks.append(planClock(plan, from: from, ticket: ticket, calendar: calendar(for: process.firstLevel, segment: ticket.details.segment), now: now))
            }
            return clocks
        }
        let calendar = calendar(for: current, segment: ticket.details.segment)
        for promise in current.promises {
            let promiseCalendar = promise.calendar.flatMap { calendars[$0] } ?? calendar
            var metAt: Instant?
            // Waiting on the customer stops our clocks, not a level's promise
            // to answer us; work that needs the customer (completing a
            // request) waits with them.
            var holds = false
            switch promise.kind {
            case .acknowledge, .respond, .contact:
                metAt = ticket.acknowledgements[current.number].flatMap { $0 >= engagedAt ? $0 : nil }
                    ?? contactMade(ticket, level: current.number, since: engagedAt)
            case .complete:
                metAt = nil
                holds = true
            }
            clocks.append(clock(.promise(level: current, promise), span: promise.within, from: engagedAt, metAt: metAt, ticket: ticket, calendar: promiseCalendar,
                                now: now, holdsWhileWaiting: holds))
        }
        // The communication plan belongs to the escalation: it ends with it.
        if let plan = ticket.plan, ticket.status != .deescalated {
            clocks.append(planClock(plan, from: ticket.lastUpdateAt ?? engagedAt, ticket: ticket, calendar: calendar, now: now))
        }
        return clocks
    }

    /// The plan's next update, due `plan.every` after the last one.
    private func planClock(_ plan: CommunicationPlan, from: Instant, ticket: Ticket, calendar: BusinessCalendar, now: Instant) -> SLAClock {
        // A plan in clock time runs around the clock, in the level's zone.
        let planCalendar = plan.clockTime ? BusinessCalendar(name: "clock time", zone: calendar.zone, hours: .alwaysOpen) : calendar
        if let daily = plan.dailyAt { return dailyClock(plan, days: daily.days, at: daily.at, from: from, ticket: ticket, calendar: calendar, now: now) }
        return clock(.update(plan), span: plan.every, from: from, metAt: nil, ticket: ticket, calendar: planCalendar, now: now)
    }

    /// "Every business day at 4pm": due at that time of day on the
    /// `days`-th business day whose time is after the last update (today's
    /// 16:00 if it is still to come). Held while waiting on the customer.
    private func dailyClock(_ plan: CommunicationPlan, days: Int, at: TimeOfDay, from: Instant, ticket: Ticket, calendar: BusinessCalendar, now: Instant) -> SLAClock {
        let zone = plan.zone ?? calendar.zone
        var due: Instant?
        if ticket.pausedSince == nil {
            var day = zone.local(from).date
            var counted = 0
            for _ in 0..<3_700 where due == nil {
                let instant = zone.instant(for: LocalDateTime(date: day, time: at))
                if instant > from, !calendar.openSpans(on: calendar.zone.local(instant).date).isEmpty {
                    counted += 1
                    if counted == days { due = instant }
                }
                day = day.adding(days: 1)
            }
        }
        let state: SLAClock.State
        if let due {
            state = due < now ? .breached(since: due) : .running(remaining: calendar.elapsed(from: now, to: due, excluding: ticket.pauses(until: now)))
        } else {
            state = .paused
        }
        return SLAClock(subject: .update(plan), startedAt: from, due: due, state: state, calendar: calendar)
    }

    /// Reminders still waiting: met once the customer is heard from after
    /// one was set, or the ticket is taken off hold.
    private func reminderClocks(_ ticket: Ticket, now: Instant) -> [SLAClock] {
        ticket.reminders.compactMap { reminder in
            let heard = [ticket.lastCustomerContactAt, ticket.pauses.last(where: { $0.start >= reminder.setAt || $0.end >= reminder.setAt })?.end]
                .compactMap { $0 }.filter { $0 >= reminder.setAt }.min()
            let clockCalendar = BusinessCalendar(name: "clock time", zone: .utc, hours: .alwaysOpen)
            let state: SLAClock.State
            if let heard { state = .met(at: heard) } else { state = reminder.due < now ? .breached(since: reminder.due) : .running(remaining: reminder.due - now) }
            return SLAClock(subject: .reminder(reminder), startedAt: reminder.setAt, due: reminder.due, state: state, calendar: clockCalendar)
        }
    }

    private func contactMade(_ ticket: Ticket, level: Int, since: Instant) -> Instant? {
        ticket.effectiveEvents.first { event in
            if case .contactMade(let record) = event.kind { return record.level == level && event.occurredAt >= since }
            return false
        }?.occurredAt
    }

    private func clock(_ subject: SLAClock.Subject, span: BusinessSpan, from start: Instant, metAt: Instant?, ticket: Ticket, calendar: BusinessCalendar,
                       now: Instant, holdsWhileWaiting: Bool = true) -> SLAClock {
        let pauses = holdsWhileWaiting ? ticket.pauses : []
        let due = calendar.deadline(adding: span, to: start, paused: pauses, pausedSince: holdsWhileWaiting ? ticket.pausedSince : nil)
        var state: SLAClock.State
        if let metAt {
            state = .met(at: metAt)
        } else if let due {
            // Due at this very minute is due, not yet overdue.
            state = due < now ? .breached(since: due) : .running(remaining: calendar.elapsed(from: now, to: due, excluding: holdsWhileWaiting ? ticket.pauses(until: now) : []))
        } else {
            state = .paused
        }
        return SLAClock(subject: subject, startedAt: start, due: due, state: state, calendar: calendar)
    }

    /// What the store indexes: the earliest open deadline, and when the next
    /// level opens. Computed when the ticket changes; time passing only makes
    /// these instants overdue, which is a cheap indexed query.
    public func schedule(_ ticket: Ticket) -> TicketSchedule {
        guard ticket.status != .closed else { return TicketSchedule() }
        var schedule = TicketSchedule()
        let farPast = ticket.engagedAt ?? ticket.openedAt
        for clock in clocks(ticket, at: farPast) {
            guard case .running = clock.state, let due = clock.due else { continue }
            if schedule.nextDue == nil || due < schedule.nextDue! {
                schedule.nextDue = due
                schedule.nextDueWhat = clock.what
            }
        }
        if let advice = whoNow(ticket, at: farPast), case .waiting(_, _, _, let opensAt) = advice.situation {
            schedule.nextLevelAt = opensAt
        }
        return schedule
    }
}

extension String {
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
