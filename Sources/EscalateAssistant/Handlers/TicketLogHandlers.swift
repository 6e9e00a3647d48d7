import EscalateDomain
import EscalateUnderstanding

/// "Update #12: vendor dispatched, ETA Friday": a note on the log, and any
/// outside number in it added as a reference.
struct LogUpdateHandler: IntentHandler {
    let intents: [IntentName] = [.logUpdate]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.logUpdate: "add an update to a ticket"]
    let examples: [IntentName: String] = [.logUpdate: "update #12: vendor dispatched, ETA Friday"]
    let slotPrompts: [SlotName: String] = [.note: "What's the update?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        var turn = turn
        // "I sent the customer their update on #1": an update to the customer, with or without words.
        if turn.cues.has(.withCustomer), !turn.cues.has(.fromCustomer) {
            return try await turn.withTicket(forChange: true) { ticket, turn in CustomerContactLog.record(ticket, turn: turn) }
        }
        // "update #1: IMS 482913": the outside number is the update.
        if turn.slots.text(.note)?.isEmpty ?? true {
            let found = turn.references
            if !found.isEmpty {
                turn.request.slots[.note] = .text(Words.list(found.map(turn.describe)))
                if case .external? = turn.slots.ticketRef { turn.request.slots[.ticket] = nil }
            }
        }
        guard let note = turn.slots.text(.note), !note.isEmpty else {
            var ticketID: Int?
            if case .found(let ticket) = try await turn.resolveTicket() { ticketID = ticket.id }
            return askFor(.note, in: turn, ticketID: ticketID, about: "the update")
        }
        return try await turn.withTicket(forChange: true) { ticket, turn in
            let now = turn.now
            guard case .at(let when) = turn.moment(for: ticket, what: "the update") else { return turn.momentQuestion(for: ticket, what: "the update") }
            var events = [PendingEvent(.updateLogged(note: Words.quote(note)), at: when)]
            let found = turn.references.filter { !ticket.details.references.contains($0) }
            events += found.map { PendingEvent(.referenceAdded($0), at: now) }
            let updated = turn.projected(ticket, adding: events)
            var lines = ["Noted on #\(ticket.id) \(turn.at(when, now: now)): \(Words.quote(note))"]
            if !found.isEmpty { lines.append("Added \(Words.list(found.map(turn.describe))) to #\(ticket.id).") }
            // A note is the ticket's; the plan asks for updates to the customer.
            if let clock = turn.engine.clocks(updated, at: now).first(where: \.isUpdate), let due = clock.due {
                lines.append("The customer's next update is due by \(turn.stamp(due, now: now)); say “sent the customer the update on #\(ticket.id)” once they have it.")
            }
            return turn.recording(events, on: ticket, reply: lines, dependsOnState: false)
        }
    }
}

/// "Waiting on the customer for #12": the escalation clock stops.
struct PauseHandler: IntentHandler {
    let intents: [IntentName] = [.pause]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.pause: "put a ticket on hold (waiting on the customer)"]
    let examples: [IntentName: String] = [.pause: "waiting on the customer for #12"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        try await turn.withTicket(forChange: true) { ticket, turn in
            let now = turn.now
            if let since = ticket.pausedSince {
                return turn.answer("#\(ticket.id) is already waiting on the customer, since \(turn.stamp(since, now: now)).")
            }
            guard ticket.status != .closed else { return turn.problem("#\(ticket.id) is closed; there is no clock to stop.") }
            if turn.cues.has(.until), let until = turn.slots.time { return holdWithReminder(ticket, until: until, turn: turn) }
            guard case .at(let when) = turn.moment(for: ticket, what: "the hold") else { return turn.momentQuestion(for: ticket, what: "the hold") }
            var lines = ["#\(ticket.id) is waiting on the customer from \(turn.stamp(when, now: now)); the escalation clock is stopped until they reply."]
            // "Pause #1 until Monday": the hold ends when they reply, not by itself.
            if turn.cues.has(.until) {
                lines.append("It stays on hold until you tell me they replied (e.g. “the customer replied on #\(ticket.id)”); I don't take it off hold by myself.")
            }
            return turn.recording([PendingEvent(.paused(reason: turn.slots.text(.note)), at: when)], on: ticket, reply: lines)
        }
    }

    /// "Waiting on the customer for #1 until Monday": on hold from now, and
    /// a reminder on Monday (at 09:00 when only the day is said) unless the
    /// customer is heard from first.
    func holdWithReminder(_ ticket: Ticket, until: ResolvedTime, turn: TurnContext) -> Outcome {
        let now = turn.now
        let due: Instant
        switch until {
        case .instant(let instant, _): due = instant
        case .date(let date, let zone): due = zone.instant(for: LocalDateTime(date: date, time: TimeOfDay(hour: 9, minute: 0)))
        }
        guard due > now else {
            return turn.problem("\(Words.upperFirst(turn.stamp(due, now: now))) has already passed; say until when #\(ticket.id) waits, e.g. “until Monday”.")
        }
        let events = [
            PendingEvent(.paused(reason: turn.slots.text(.note)), at: now),
            PendingEvent(.reminderSet(due: due, what: "reply from the customer"), at: now),
        ]
        return turn.recording(events, on: ticket, reply: [
            "#\(ticket.id) is waiting on the customer from \(turn.stamp(now, now: now)); the escalation clock is stopped until they reply.",
            "I'll remind you \(turn.at(due, now: now)) if they haven't got back to you by then.",
        ])
    }
}

/// "The customer replied on #12": the clock runs again.
struct ResumeHandler: IntentHandler {
    let intents: [IntentName] = [.resume]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.resume: "take a ticket off hold"]
    let examples: [IntentName: String] = [.resume: "the customer replied on #12"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        try await turn.withTicket(forChange: true) { ticket, turn in
            let now = turn.now
            guard let since = ticket.pausedSince else {
                return turn.answer("#\(ticket.id) isn't waiting on the customer; its clock is already running.")
            }
            guard case .at(let when) = turn.moment(for: ticket, what: "the customer's reply") else { return turn.momentQuestion(for: ticket, what: "the customer's reply") }
            let event = PendingEvent(.resumed(note: turn.slots.text(.note)), at: when)
            let updated = turn.projected(ticket, adding: [event])
            let note = turn.slots.text(.note).map { " (\(Words.quote($0)))" } ?? ""
            var lines = ["#\(ticket.id) is active again from \(turn.stamp(when, now: now))\(note); it waited on the customer for \(WallText.duration(when - since))."]
            if let advice = turn.engine.whoNow(updated, at: now), case .waiting(_, let next, _, let opensAt) = advice.situation {
                lines.append("Level \(next.number) now opens \(turn.at(opensAt, now: now)).")
            }
            return turn.recording([event], on: ticket, reply: lines)
        }
    }
}

/// "Updates every 4 business hours by e-mail on #12": a communication plan.
struct SetPlanHandler: IntentHandler {
    let intents: [IntentName] = [.setPlan]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.setPlan: "set a communication plan"]
    let examples: [IntentName: String] = [.setPlan: "updates every 4 business hours by e-mail on #12"]
    let slotPrompts: [SlotName: String] = [.duration: "How often should updates go out? (e.g. every 4 hours)"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        // "What's the comms plan on #1?", "show the plan": read, not set.
        if turn.slots.duration == nil, turn.cues.has(.asksToSee) || turn.cues.endsWithQuestionMark {
            return try await guide(turn)
        }
        return try await turn.withTicket(forChange: true) { ticket, turn in
            guard let every = turn.slots.duration else {
                return askFor(.duration, in: turn, ticketID: ticket.id, about: "the communication plan on #\(ticket.id)")
            }
            let now = turn.now
            // "every 2 hours" is taken as said: clock hours. Business hours
            // are counted when the user says so, and for a share of a
            // business day ("twice a day").
            var clockTime = false
            if case .hours = every, !turn.cues.has(.businessHours) { clockTime = true }
            // "Make that every 4 business hours": what is not said again stays.
            var named = turn.cues.attendees.map(Words.quote)
            if named.isEmpty { named = ticket.plan?.attendees ?? [] }
            // "Every business day at 4pm": due at that time, where the reader is.
            var at: TimeOfDay?
            if let time = turn.slots.time, case .instant(let instant, _) = time, CommunicationPlan(every: every, at: TimeOfDay(seconds: 0)).dailyAt != nil {
                at = turn.settings.zone.local(instant).time
            }
            let plan = CommunicationPlan(every: every, channel: turn.slots.channel ?? ticket.plan?.channel, attendees: named, clockTime: clockTime,
                                         at: at, zone: at == nil ? nil : turn.settings.zone)
            let event = PendingEvent(.planSet(plan), at: now)
            let updated = turn.projected(ticket, adding: [event])
            var lines = ["Communication plan for #\(ticket.id): updates \(plan.description)."]
            if clockTime { lines.append("Say “every N business hours” to count only the level's business hours instead.") }
            if let clock = turn.engine.clocks(updated, at: now).first(where: \.isUpdate), let due = clock.due {
                lines.append("Next update due by \(turn.stamp(due, now: now)).")
            }
            return turn.recording([event], on: ticket, reply: lines)
        }
    }

    /// "Would updates every 2 hours be reasonable?", "how often will I get updates?".
    func answerAsked(_ turn: TurnContext) async throws -> Outcome? { try await guide(turn) }

    /// What the process says about the communication plan, and the plan agreed on the ticket.
    func guide(_ turn: TurnContext) async throws -> Outcome {
        let now = turn.now
        var turn = turn
        // Only the processes that say something about a plan, when it is not clear which.
        if turn.slots.ticketRef == nil, turn.state.focus == nil, turn.slots.process == nil {
            let guided = turn.processes(org: turn.slots.org, category: turn.slots.category, segment: turn.slots.segment).filter { $0.communicationPlan != nil }
            if guided.count == 1 { turn.request.slots[.process] = .text(guided[0].id) }
            if guided.count > 1 { return turn.askWhichProcess(candidates: guided, question: "Which process? These say how updates are agreed:") }
        }
        let (found, ticket, reply) = try await turn.processFor(intent: .setPlan)
        if let reply { return reply }
        guard let process = found else { return turn.problem("Which process?") }
        var lines: [String] = []
        if let guide = process.communicationPlan {
            lines.append("\(process.title): the communication plan")
            lines += guide.text.map { "  - \($0)" }
        } else {
            lines.append("\(process.title) says nothing about a communication plan; agree one with the level you are working with.")
        }
        if let ticket, let plan = ticket.plan {
            lines.append("Agreed on #\(ticket.id): updates \(plan.description).")
            if let clock = turn.engine.clocks(ticket, at: now).first(where: \.isUpdate), let due = clock.due {
                lines.append(due < now ? "The next update is overdue since \(turn.stamp(due, now: now))." : "Next update due by \(turn.stamp(due, now: now)).")
            }
        } else {
            lines.append("To record one, say e.g. “updates every 4 business hours by e-mail\(ticket.map { " on #\($0.id)" } ?? "")”.")
        }
        return turn.answer(lines)
    }
}

/// Wall-clock lengths for sentences: `2h15m`, `3 days 4h`.
enum WallText {
    static func duration(_ seconds: Int64) -> String {
        let days = seconds / 86_400
        let rest = BusinessDuration(seconds: seconds % 86_400).description
        if days == 0 { return rest }
        return "\(Words.plural(Int(days), "day"))" + (seconds % 86_400 >= 60 ? " \(rest)" : "")
    }
}
