import EscalateDomain
import EscalateUnderstanding

/// "Escalate #12 to the regional manager", "production is down, escalate
/// #12": goes up the ladder, after a yes when the matrix says to wait.
struct EscalateHandler: IntentHandler {
    let intents: [IntentName] = [.escalate]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.escalate: "escalate a ticket"]
    let examples: [IntentName: String] = [.escalate: "escalate #12 to the regional manager"]

    /// "Can I escalate #1?": yes or not yet, recording nothing.
    func answerAsked(_ turn: TurnContext) async throws -> Outcome? {
        try await WhoNowHandler().canEscalate(turn.serving(Request(.whoNext, slots: turn.slots, cues: turn.cues)))
    }

    func handle(_ turn: TurnContext) async throws -> Outcome {
        try await turn.withTicket { ticket, turn in
            guard let process = turn.process(of: ticket) else { return turn.problem("#\(ticket.id)'s process is not in the matrices.") }
            guard ticket.status != .closed else { return turn.problem("#\(ticket.id) is closed. Reopen it first if the problem is back.") }
            let slots = turn.slots
            let current = ticket.level
            guard case .at(let when) = turn.moment(for: ticket, what: "the escalation") else { return turn.momentQuestion(for: ticket, what: "the escalation") }
            let saved = try await turn.savedContacts
            // With nobody engaged yet, you are at the first level: escalating goes past it.
            let target = turn.level(named: slots, in: process, current: current, saved: saved)
                ?? process.level(after: current ?? process.firstLevel.number)
            guard let target else {
                let top = process.topLevel
                var lines = ["#\(ticket.id) is already at the top of the ladder, Level \(top.number) (\(top.title))."]
                if let beyond = process.beyondTop { lines.append(beyond) }
                return turn.answer(lines)
            }
            if let current, target.number <= current {
                return turn.problem("#\(ticket.id) is already at Level \(current). To go back down, say “de-escalate #\(ticket.id)”.")
            }
            // A reason the process itself lists; any other stays a note.
            let condition = slots.entity(.condition).flatMap { id in process.whenToRaise.contains { $0.id == id } ? id : nil }
            let reason = slots.text(.note)
            // A condition that allows skipping the wait counts before it is recorded.
            var probe = ticket
            if let condition, !ticket.conditions.contains(condition) { probe.conditions.append(condition) }
            if !turn.request.confirmed {
                // "the VP" on a ladder that names none: say where it tops out.
                var roleNote: String?
                if let role = slots.role, target.role != role, let description = turn.catalog.role(role),
                   !target.title.lowercased().contains((description.abbreviation ?? description.title).lowercased()) {
                    roleNote = "\(process.title) names no \(description.abbreviation ?? Words.lowerFirst(description.title)); the nearest is Level \(target.number), \(target.title)."
                }
                // The yes is to this level, whatever the line named.
                let request = turn.request.with(.level, .level(.number(target.number))).with(.role, nil)
                if let warning = turn.aboveRecommended(probe, process: process, target: target, now: when) {
                    let prompt = "Escalate #\(ticket.id) to Level \(target.number) anyway? (yes/no)"
                    return turn.confirm([roleNote, warning, prompt].compactMap { $0 }, about: "escalating #\(ticket.id)", ticket: ticket, request: request)
                }
                if let roleNote {
                    let prompt = "Escalate #\(ticket.id) to Level \(target.number)? (yes/no)"
                    return turn.confirm([roleNote, prompt], about: "escalating #\(ticket.id)", ticket: ticket, request: request)
                }
            }
            return finish(ticket, process: process, to: target, reason: reason, condition: condition, at: when, turn: turn, saved: saved)
        }
    }

    func finish(_ ticket: Ticket, process: EscalationProcess, to level: EscalationLevel, reason: String?, condition: String?, at when: Instant,
                turn: TurnContext, saved: [SavedContact]) -> Outcome {
        let now = turn.now
        var events: [PendingEvent] = []
        if let condition, !ticket.conditions.contains(condition) { events.append(PendingEvent(.conditionRaised(condition: condition, note: reason), at: when)) }
        events.append(PendingEvent(.escalated(toLevel: level.number, reason: reason, condition: condition), at: when))
        let updated = turn.projected(ticket, adding: events)
        let said = when == now ? "" : " \(turn.at(when, now: now))"
        var lines = ["Escalated #\(ticket.id) to Level \(level.number)\(said): \(level.title)."]
        lines += turn.reach(level, of: process, segment: updated.details.segment, saved: saved).map { "  Contact: \($0)" }
        lines += level.notes.map { "  Note: \($0)" }
        for clock in turn.engine.clocks(updated, at: now) {
            if let due = clock.due, case .promise(_, let promise) = clock.subject {
                lines.append("Promise: \(promise.text) Due \(turn.at(due, now: now)).")
            }
        }
        if process.communicationPlan != nil, updated.plan == nil {
            lines.append("Agree a communication plan (mode, frequency, attendees), e.g. “updates every 4 hours by e-mail”.")
        }
        var outcome = turn.recording(events, on: ticket, reply: lines, explanation: turn.promiseExplanation(updated, now: now))
        outcome.state.subject = .level(process: process.id, number: level.number)
        return outcome
    }
}

/// A reason to escalate stated with a question ("the SLA was missed, can
/// I escalate?"): recorded before the question is answered, when the
/// ticket's process lists it and it is not recorded yet.
enum ConditionNote {
    static func note(_ ticket: Ticket, turn: TurnContext) -> Outcome? {
        guard let stated = turn.slots.entity(.condition), !ticket.conditions.contains(stated),
              let condition = turn.process(of: ticket)?.whenToRaise.first(where: { $0.id == stated }) else { return nil }
        return turn.recording([PendingEvent(.conditionRaised(condition: stated, note: nil), at: turn.now)], on: ticket,
                              reply: ["Noted on #\(ticket.id) as a reason to escalate: \(condition.text)."], dependsOnState: false)
    }
}
