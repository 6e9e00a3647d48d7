import EscalateDomain
import EscalateUnderstanding

/// "The CCM manager acknowledged at 2pm", "they replied": a level's
/// acknowledgement, which meets (or misses) its promise.
struct AcknowledgeHandler: IntentHandler {
    let intents: [IntentName] = [.acknowledge]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.acknowledge: "record an acknowledgement"]
    let examples: [IntentName: String] = [.acknowledge: "the CCM manager acknowledged at 2pm"]

    /// "When will they acknowledge?": when the promise falls due.
    func answerAsked(_ turn: TurnContext) async throws -> Outcome? {
        try await PromiseHandler().handle(turn.serving(Request(.promiseDue, slots: turn.slots, cues: turn.cues)))
    }

    func handle(_ turn: TurnContext) async throws -> Outcome {
        try await turn.withTicket { ticket, turn in try await turn.addingReferences(to: try await acknowledge(ticket, turn: turn), on: ticket) }
    }

    func acknowledge(_ ticket: Ticket, turn: TurnContext) async throws -> Outcome {
        do {
            guard let process = turn.process(of: ticket) else { return turn.problem("#\(ticket.id)'s process is not in the matrices.") }
            let (when, refusal) = turn.occurred(for: ticket, what: "the reply")
            if let refusal { return refusal }
            let slots = turn.slots
            if let org = slots.org, org != ticket.details.organisation {
                return turn.problem("#\(ticket.id) is a \(turn.organisationName(ticket.details.organisation)) ticket, not \(turn.organisationName(org)); name the ticket the reply was about.")
            }
            let saved = try await turn.savedContacts
            let level = turn.level(named: slots, in: process, current: ticket.level, saved: saved) ?? ticket.level.flatMap { process.level($0) } ?? process.firstLevel
            // An assigned level getting in touch (the Escalation Engineer
            // calling) is that level engaged.
            if level.assigned, let current = ticket.level, process.level(after: current)?.number == level.number {
                let kind = TicketEventKind.contactMade(ContactRecord(level: level.number, person: slots.text(.person), note: "assigned by Level \(current)"))
                return LogContactHandler().finish(ticket, kind: kind, at: when!, turn: turn)
            }
            guard let current = ticket.level, level.number <= current else {
                return turn.problem("\(Words.level(level)) hasn't been engaged on #\(ticket.id) yet, so it has nothing to acknowledge. "
                    + "Log the contact first, e.g. “\(turn.contactExample(level).replacingOccurrences(of: " at 9am", with: " about #\(ticket.id) at 9am"))”.")
            }
            if level.number == current, let engagedAt = ticket.engagedAt, when! < engagedAt {
                return turn.problem("\(Words.upperFirst(turn.stamp(when!, now: turn.now))) is before you engaged Level \(level.number) (\(turn.stamp(engagedAt, now: turn.now))); give a later time.")
            }
            // "they replied": who replied is a guess, so ask before recording it.
            let weak = !turn.interpretation.isConfident && turn.request.intent == turn.interpretation.intent
            if !turn.request.confirmed, weak || (slots.role == nil && slots.text(.person) == nil && slots.level == nil && slots.org == nil) {
                let prompt = "Record that \(Words.level(level)) replied on #\(ticket.id) \(turn.at(when!, now: turn.now))? (yes/no)"
                let request = turn.request.with(.time, .time(.instant(when!, turn.settings.zone))).with(.level, .level(.number(level.number)))
                return turn.confirm([prompt], about: "the reply on #\(ticket.id)", ticket: ticket, request: request)
            }
            return finish(ticket, level: level, at: when!, person: slots.text(.person), turn: turn)
        }
    }

    func finish(_ ticket: Ticket, level: EscalationLevel, at when: Instant, person: String?, turn: TurnContext) -> Outcome {
        let now = turn.now
        let engine = turn.engine
        let before = engine.clocks(ticket, at: when).first { if case .promise(let l, _) = $0.subject { return l.number == level.number } else { return false } }
        let verb = level.promise(.contact) != nil ? "got in touch" : (level.promise(.respond) != nil ? "responded" : "acknowledged")
        if ticket.acknowledgements[level.number] == when {
            return turn.answer("\(Words.upperFirst(Words.level(level))) already \(verb) on #\(ticket.id) \(turn.at(when, now: now)); nothing new to record.")
        }
        let event = PendingEvent(.acknowledged(ContactRecord(level: level.number, person: person)), at: when)
        let updated = turn.projected(ticket, adding: [event])
        // A second acknowledgement of one level is a reply like any other;
        // the first is what its promise counts.
        if let earlier = ticket.acknowledgements[level.number], earlier <= when {
            return turn.recording([event], on: ticket, reply: [
                "Recorded on #\(ticket.id): \(Words.level(level)) replied again \(turn.at(when, now: now)).",
                "It first \(verb) \(turn.at(earlier, now: now)); that one stands as its acknowledgement.",
            ], dependsOnState: false)
        }
        var lines = ["Recorded on #\(ticket.id): \(Words.level(level)) \(verb) \(turn.at(when, now: now))."]
        if let earlier = ticket.acknowledgements[level.number] {
            lines.append("That is before the acknowledgement logged for \(turn.stamp(earlier, now: now)), so it is the one that counts.")
        }
        if let before, let due = before.due {
            if when <= due {
                lines.append("In time: it was due \(turn.by(due, now: now)).")
            } else {
                lines.append("That was late: it was due by \(turn.stamp(due, now: now)) (\(BusinessDuration(seconds: before.calendar.elapsed(from: due, to: when))) of business time over).")
            }
        }
        if let advice = engine.whoNow(updated, at: now), case .waiting(_, let next, _, let opensAt) = advice.situation, level.waitAfterAcknowledgement != nil {
            lines.append("Now expect follow-up as committed; Level \(next.number) opens \(turn.at(opensAt, now: now)) if it does not come.")
        }
        var outcome = turn.recording([event], on: ticket, reply: lines, dependsOnState: false)
        if let process = turn.process(of: ticket) { outcome.state.subject = .level(process: process.id, number: level.number) }
        return outcome
    }
}
