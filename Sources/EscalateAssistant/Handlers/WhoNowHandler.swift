import EscalateDomain
import EscalateUnderstanding

/// "Who do I escalate to now?" and "when can I go to the next level?":
/// where a ticket stands on its ladder, or, with no ticket, how the ladder
/// asked about starts and when its next level opens.
struct WhoNowHandler: IntentHandler {
    let intents: [IntentName] = [.whoNext, .whenNext]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.whoNext: "ask who to escalate to now", .whenNext: "ask when you can go to the next level"]
    let examples: [IntentName: String] = [.whoNext: "who do I escalate to now?", .whenNext: "when can I go to the next level on #12?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        // "The follow-up never came, can I escalate?": a reason given with
        // the question is weighed as "can I escalate?" is.
        if turn.intent == .whenNext, turn.slots.entity(.condition) != nil {
            return try await canEscalate(turn)
        }
        return turn.intent == .whenNext ? try await whenNext(turn) : try await whoNow(turn)
    }

    /// "Can I escalate #1?" and its kin: yes or not yet first, then who. A
    /// future time asked about is answered as of then.
    func canEscalate(_ turn: TurnContext) async throws -> Outcome {
        if let time = turn.slots.time, time.instant > turn.now {
            return try await whoNow(turn, asOf: time.instant)
        }
        // "When can I…?" asks when, so it gets no yes or no in front; nor does "who do I send it to?".
        let asking = turn.cues.questionWord != "when" && !turn.cues.hasWhQuestion
        return try await whoNow(turn, asking: asking)
    }

    /// Whether to answer from the ladder alone, without a ticket.
    func answersWithoutTicket(_ turn: TurnContext) async throws -> Bool {
        let slots = turn.slots
        // "My support ticket is going nowhere, can I escalate it?" with no
        // ticket here: "it" is the customer's own case, not one of ours.
        if slots.ticketRef == .context, turn.state.focus == nil, !(try await turn.hasActiveTickets) { return true }
        if slots.ticketRef != nil { return false }
        if turn.state.focus == nil, slots.org != nil || slots.category != nil || slots.process != nil { return true }
        // "Who do I contact to disconnect a CMS circuit?" with a maintenance
        // ticket in focus: a question about another process, not that ticket.
        if let id = turn.state.focus?.ticketID, let ticket = try await turn.load(id), !turn.fits(ticket) { return true }
        if turn.state.focus == nil, !(try await turn.hasActiveTickets) { return true }
        return false
    }

    func whoNow(_ turn: TurnContext, asking: Bool = false, asOf moment: Instant? = nil) async throws -> Outcome {
        if try await answersWithoutTicket(turn) { return try await GeneralAdvice(turn: turn).outcome() }
        return try await turn.withTicket { ticket, turn in
            let now = turn.now
            // "If the SLA was missed, can I…?": weigh the condition without recording it.
            var probe = ticket
            let known = turn.process(of: ticket)?.whenToRaise.map(\.id) ?? []
            let hypothetical = turn.slots.entity(.condition).flatMap { ticket.conditions.contains($0) || !known.contains($0) ? nil : $0 }
            if let hypothetical { probe.conditions.append(hypothetical) }
            guard let advice = turn.engine.whoNow(probe, at: moment ?? now) else {
                return turn.problem("#\(ticket.id) follows the process '\(ticket.details.process)', which is not in the matrices any more.")
            }
            var state = turn.state
            if let next = nextLevel(advice) { state.subject = .level(process: advice.process.id, number: next.number) }
            if let moment {
                // The answer as of a later moment, as long as nothing else happens.
                var lines = ["As of \(turn.stamp(moment, now: now)), if nothing else happens on #\(ticket.id) before then:"]
                switch advice.situation {
                case .waiting(_, let next, let remaining, let opensAt):
                    lines.append("Not yet: Level \(next.number) opens \(turn.at(opensAt, now: now)), \(Words.businessTime(remaining)) after that.")
                case .nextOpen(_, let next, _):
                    lines.append("Yes: Level \(next.number), \(next.title), will be open to you then.")
                default:
                    lines += turn.adviceLines(advice, now: now, saved: try await turn.savedContacts)
                }
                return turn.answer(lines, state: state)
            }
            // A missed promise leads: it is the strongest reason to go higher.
            var lines = turn.breachedLines(ticket, now: now) + turn.adviceLines(advice, now: now, saved: try await turn.savedContacts)
            if asking {
                // "Can I escalate yet?" is answered yes or no first.
                switch advice.situation {
                case .nextOpen: lines.insert("Yes.", at: 0)
                case .waiting(_, _, let remaining, let opensAt): lines.insert("Not yet: \(Words.businessTime(remaining)) to go, until \(turn.stamp(opensAt, now: now)).", at: 0)
                case .top: lines.insert("There is no higher level on the matrix.", at: 0)
                case .start: lines.insert("Not yet: start with the first level.", at: 0)
                default: break
                }
            }
            if hypothetical != nil, case .nextOpen(_, let next, .condition) = advice.situation {
                lines.append("Nothing is recorded yet: say “escalate #\(ticket.id)” to go to Level \(next.number).")
            }
            let explanation = turn.explanation(advice, now: now) ?? (advice.wait == nil ? turn.promiseExplanation(ticket, now: now) : nil)
            return turn.answer(lines, state: state, explanation: explanation)
        }
    }

    func whenNext(_ turn: TurnContext) async throws -> Outcome {
        if try await answersWithoutTicket(turn) { return try await GeneralAdvice(turn: turn).outcome() }
        return try await turn.withTicket { ticket, turn in
            let now = turn.now
            // "Can I escalate on Tuesday at 9am?": a day named in a question
            // about going up is the coming one.
            if var moment = turn.slots.time?.instant, moment != now {
                while moment < now, now - moment < 7 * 86_400 { moment = moment + 7 * 86_400 }
                if moment > now { return try await whoNow(turn, asOf: moment) }
            }
            guard let advice = turn.engine.whoNow(ticket, at: now) else { return turn.problem("#\(ticket.id)'s process is not in the matrices.") }
            var state = turn.state
            if let next = nextLevel(advice) { state.subject = .level(process: advice.process.id, number: next.number) }
            let explanation = turn.explanation(advice, now: now)
            switch advice.situation {
            case .waiting(let current, let next, let remaining, let opensAt):
                let paused = advice.ticket.pauses.isEmpty && advice.ticket.pausedSince == nil ? "" : ", leaving out the time spent waiting on the customer"
                return turn.answer([
                    "#\(ticket.id): Level \(next.number) opens \(turn.at(opensAt, now: now)), \(advice.wait!) after you engaged Level \(current.number) \(turn.at(advice.engagedAt!, now: now)).",
                    "That is \(Words.businessTime(remaining)) from now (business hours: \(turn.hours(advice.calendar, now: now)))\(paused). Ask “why?” for the count.",
                ], state: state, explanation: explanation)
            case .nextOpen(_, let next, .waitPassed(let wait, let openedAt)):
                return turn.answer(["#\(ticket.id): you can go to Level \(next.number) now. It opened \(turn.at(openedAt, now: now)), \(wait) after you engaged Level \(advice.ticket.level ?? advice.process.firstLevel.number) \(turn.at(advice.engagedAt!, now: now))."],
                                   state: state, explanation: explanation)
            default:
                return turn.answer(turn.adviceLines(advice, now: now, saved: try await turn.savedContacts), state: state, explanation: explanation)
            }
        }
    }

    /// The level the advice points to next, for follow-ups ("their number?").
    func nextLevel(_ advice: EscalationAdvice) -> EscalationLevel? {
        switch advice.situation {
        case .start(let first): return first
        case .waiting(_, let next, _, _), .nextOpen(_, let next, _): return next
        case .top(let top): return top
        case .paused(let current, _, _): return current
        case .deescalated(let current, _): return current
        case .closed: return nil
        }
    }
}

/// Advice without a ticket: where a process starts or, when a role is named
/// ("when can I go above my CCM?"), that role's level, and what opens the
/// next one.
struct GeneralAdvice {
    let turn: TurnContext

    func outcome() async throws -> Outcome {
        let slots = turn.slots
        var candidates = slots.process.flatMap { turn.catalog.process($0) }.map { [$0] }
            ?? turn.processes(org: slots.org, category: slots.category, segment: slots.segment)
        // Only the processes with the role asked about, when some have it.
        if candidates.count > 1, let role = slots.role {
            let withRole = candidates.filter { $0.ladder.contains { $0.role == role } }
            if !withRole.isEmpty { candidates = withRole }
        }
        // What the line leaves out, the conversation supplies: the process
        // or organisation last talked about ("my CCM isn't answering, who is
        // above them?" after a CenturyLink question).
        if candidates.count > 1, slots.org == nil, slots.process == nil {
            let topic = turn.state.topic
            if let id = topic.process, let only = candidates.first(where: { $0.id == id }),
               topic.organisation == nil || only.organisation == topic.organisation {
                candidates = [only]
            } else {
                if let org = topic.organisation {
                    let theirs = candidates.filter { $0.organisation == org }
                    if !theirs.isEmpty { candidates = theirs }
                }
                if candidates.count > 1, slots.category == nil, let category = topic.category {
                    let onTopic = candidates.filter { $0.topics.contains(category) }
                    if !onTopic.isEmpty { candidates = onTopic }
                }
            }
        }
        if candidates.count > 1 || candidates.isEmpty {
            if slots.org == nil && slots.category == nil {
                return turn.answer([
                    "You have no tickets yet, so I can't say where you are on a ladder.",
                    "Open one (“open a ticket for Acme”), or ask about a process, e.g. “who do I escalate to for CMS billing?”.",
                ])
            }
            return turn.askWhichProcess(candidates: candidates.isEmpty ? turn.catalog.processes : candidates, question: "Which process is it?")
        }
        let process = candidates[0]
        let named = slots.role.flatMap { role in process.ladder.first { $0.role == role } }
        let level = named ?? process.firstLevel
        let saved = try await turn.savedContacts
        if asksAbove, let outcome = above(level, of: process, saved: saved) { return outcome }
        var lines: [String] = []
        var state = turn.state
        state.topic = Topic(organisation: process.organisation, process: process.id, category: slots.category ?? turn.state.topic.category,
                            segment: slots.segment ?? turn.state.topic.segment)
        state.subject = .level(process: process.id, number: level.number)
        if named == nil || level.number == process.firstLevel.number {
            lines.append("\(process.title): start with Level \(level.number), \(level.title).")
            lines += turn.reach(level, of: process, segment: slots.segment, saved: saved).map { "  Contact: \($0)" }
            if let start = process.start { lines.append(start) }
        } else {
            lines.append("\(process.title): \(level.title) is Level \(level.number).")
        }
        if let next = process.level(after: level.number) {
            if next.anyTime {
                let reasons = process.whenToRaise.map(\.text)
                lines.append("You may ask for Level \(next.number), \(next.title), at any time\(reasons.isEmpty ? "." : ", for example when:")")
                lines += reasons.map { "  - \($0)" }
            } else if let wait = level.wait {
                lines.append("Allow \(wait) after engaging Level \(level.number) before Level \(next.number), \(next.title).")
            } else {
                let reasons = process.whenToRaise.map(\.text)
                lines.append("Then Level \(next.number), \(next.title), when a reason to escalate holds\(reasons.isEmpty ? "." : ":")")
                lines += reasons.map { "  - \($0)" }
            }
        } else if named != nil {
            lines.append("There is no level above it on the ladder.")
        }
        lines.append("Open a ticket to track it: “open a ticket for <customer>”.")
        return turn.answer(lines, state: state)
    }

    /// Whether the line asks past a level: "who is above them?", "the rep
    /// couldn't fix it, who now?", "my CCM isn't answering, who next?".
    var asksAbove: Bool {
        let words = turn.interpretation.correctedWords
        if words.contains(where: { ["above", "higher", "over", "beyond", "after", "next"].contains($0) }) { return true }
        // "And if the technician can't fix it?": past the level named.
        if turn.cues.hypothetical, turn.slots.role != nil || turn.slots.level != nil { return true }
        return turn.slots.entity(.condition) != nil
    }

    /// The level above `level`, how to reach it and when it may be asked
    /// for; or, at the top, what the documents say lies beyond.
    func above(_ level: EscalationLevel, of process: EscalationProcess, saved: [SavedContact]) -> Outcome? {
        var state = turn.state
        state.topic = Topic(organisation: process.organisation, process: process.id, category: turn.slots.category ?? turn.state.topic.category,
                            segment: turn.slots.segment ?? turn.state.topic.segment)
        guard let next = process.level(after: level.number) else {
            state.subject = .level(process: process.id, number: level.number)
            let beyond = process.beyondTop.map { [$0] } ?? ["There is no level above it on the ladder."]
            return turn.answer(["\(process.title): Level \(level.number), \(level.title), is the top of the ladder."] + beyond, state: state)
        }
        state.subject = .level(process: process.id, number: next.number)
        var lines = ["\(process.title): above Level \(level.number) (\(level.title)) is Level \(next.number), \(next.title)."]
        lines += turn.reach(next, of: process, segment: turn.slots.segment, saved: saved).map { "  Contact: \($0)" }
        if next.anyTime {
            let reasons = process.whenToRaise.map(\.text)
            lines.append("You may ask for them at any time\(reasons.isEmpty ? "." : ", for example when:")")
            lines += reasons.map { "  - \($0)" }
        } else if let wait = level.wait {
            lines.append("Go to them once \(wait) have passed since you first contacted Level \(level.number); a ticket here counts it for you.")
        } else {
            let reasons = process.whenToRaise.map(\.text)
            if !reasons.isEmpty {
                lines.append("Go to them when a reason to escalate holds:")
                lines += reasons.map { "  - \($0)" }
            }
        }
        lines += next.promises.map { "Promise: \($0.text)" }
        lines.append("Open a ticket to track it: “open a ticket for <customer>”.")
        return turn.answer(lines, state: state)
    }
}
