import EscalateDomain
import EscalateUnderstanding

/// "I called my CCM at 9am", "the engineer called me", "left a voicemail
/// for the RM": a contact with a level of the ladder, made or attempted,
/// which starts that level's wait and promises.
struct LogContactHandler: IntentHandler {
    let intents: [IntentName] = [.logContact]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.logContact: "log a call or e-mail"]
    let examples: [IntentName: String] = [.logContact: "I called my CCM at 9am"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        if turn.cues.has(.requestToContact) {
            return turn.answer("I can't call or e-mail anyone myself. Once you have, tell me, e.g. “I e-mailed my CCM at 9am”, and I'll log it and time the next level.")
        }
        return try await turn.withTicket(forChange: true) { ticket, turn in try await turn.addingReferences(to: try await log(ticket, turn: turn), on: ticket) }
    }

    /// "Can I call the Customer Escalations Desk directly?", "can I call Lumen billing at 6pm?".
    func answerAsked(_ turn: TurnContext) async throws -> Outcome? {
        if let role = turn.slots.role, let description = turn.catalog.role(role), let opener = description.contactedBy,
           opener != turn.readerRole, let text = description.contactedByText {
            return turn.answer(text)
        }
        if turn.slots.org != nil || turn.slots.category != nil || turn.slots.time != nil {
            // Whether they are open then.
            return try await HoursHandler().hours(turn, at: turn.slots.time)
        }
        return nil
    }

    func log(_ ticket: Ticket, turn: TurnContext) async throws -> Outcome {
        if turn.cues.has(.withCustomer), turn.slots.role == nil, turn.slots.level == nil { return CustomerContactLog.record(ticket, turn: turn) }
        guard let process = turn.process(of: ticket) else { return turn.problem("#\(ticket.id)'s process is not in the matrices.") }
        let (when, refusal) = turn.occurred(for: ticket, what: "the contact")
        if let refusal { return refusal }
        let slots = turn.slots
        let saved = try await turn.savedContacts
        let named = turn.level(named: slots, in: process, current: ticket.level, saved: saved)
        let target = named ?? ticket.level.flatMap { process.level($0) } ?? process.firstLevel
        if slots.role != nil || slots.text(.person) != nil || slots.level != nil, named == nil {
            let who = slots.role.flatMap { turn.catalog.role($0)?.title } ?? slots.text(.person) ?? "that contact"
            return turn.problem("\(Words.upperFirst(who)) is not on the \(process.title) ladder. Its levels: \(process.ladder.map { "\($0.number) \($0.title)" }.joined(separator: "; ")).")
        }
        let cues = turn.cues
        // "The engineer called me": they reached you, so you spoke.
        let spoke = cues.has(.inbound) || cues.has(.assigned) || cues.has(.spoke)
        let channel = slots.channel ?? (cues.has(.mail) ? .email : nil)
        // A voicemail is a call that reached nobody; what it said is its note.
        let voicemail = cues.has(.voicemail)
        // "No answer from the CCM manager": an attempt, and it says so.
        let unanswered = !voicemail && cues.has(.noAnswer)
        let note = [voicemail ? "left a voicemail" : nil, unanswered ? "no answer" : nil, cues.has(.assigned) ? "assigned" : nil, slots.text(.note)]
            .compactMap { $0 }.joined(separator: ": ")
        let record = ContactRecord(level: target.number, person: slots.text(.person), channel: channel ?? (voicemail ? .phone : nil), note: note.isEmpty ? nil : note)
        let kind: TicketEventKind = spoke && !unanswered ? .contactMade(record) : .contactAttempted(record)
        // Going above the level the matrix recommends needs a yes. The
        // contact happened when it was reported, whenever the yes comes.
        if !turn.request.confirmed, let warning = turn.aboveRecommended(ticket, process: process, target: target, now: when!) {
            let request = turn.request.with(.time, .time(.instant(when!, turn.settings.zone)))
            return turn.confirm([warning, "Log it anyway? (yes/no)"], about: "logging the contact on #\(ticket.id)", ticket: ticket, request: request)
        }
        return finish(ticket, kind: kind, at: when!, turn: turn)
    }

    func finish(_ ticket: Ticket, kind: TicketEventKind, at when: Instant, turn: TurnContext) -> Outcome {
        let event = PendingEvent(kind, at: when)
        let updated = turn.projected(ticket, adding: [event])
        let lines: [String]
        var explanation: [String]?
        switch kind {
        case .contactMade(let made):
            // Spoken with, a level has given its news (the Escalation Engineer
            // calling is the plan's update); a voicemail has given none.
            (lines, explanation) = reply(updated, record: made, verb: "spoke with", when: when, turn: turn, reachedCustomer: true)
        case .contactAttempted(let attempt):
            let verb: String
            switch attempt.channel {
            case .phone?: verb = "called"
            case .email?: verb = "e-mailed"
            case .portal?: verb = "contacted (through the portal)"
            default: verb = "contacted"
            }
            (lines, explanation) = reply(updated, record: attempt, verb: verb, when: when, turn: turn, reachedCustomer: false)
        default:
            lines = ["Logged on #\(ticket.id)."]
        }
        var outcome = turn.recording([event], on: ticket, reply: lines, explanation: explanation, dependsOnState: false)
        if let process = turn.process(of: ticket), case .contactAttempted(let record) = kind {
            outcome.state.subject = .level(process: process.id, number: record.level)
        } else if let process = turn.process(of: ticket), case .contactMade(let record) = kind {
            outcome.state.subject = .level(process: process.id, number: record.level)
        }
        return outcome
    }

    private func reply(_ ticket: Ticket, record: ContactRecord, verb: String, when: Instant, turn: TurnContext, reachedCustomer: Bool) -> ([String], [String]?) {
        let now = turn.now
        let engine = turn.engine
        let process = turn.process(of: ticket)
        let level = process?.level(record.level)
        let who = level.map { Words.level($0) } ?? "Level \(record.level)"
        var lines = ["Logged on #\(ticket.id): you \(verb) \(who) \(turn.at(when, now: now))."]
        if record.note == "assigned" { lines[0] = "Logged on #\(ticket.id): \(who) is assigned, \(turn.at(when, now: now))." }
        if record.note?.hasPrefix("left a voicemail") == true { lines[0] = "Logged on #\(ticket.id): you left a voicemail for \(who) \(turn.at(when, now: now))." }
        if record.note?.hasPrefix("no answer") == true { lines[0] = "Logged on #\(ticket.id): you tried \(who) \(turn.at(when, now: now)), with no answer." }
        let promises = engine.clocks(ticket, at: now).compactMap { clock -> (what: String, due: Instant, span: String)? in
            guard case .running = clock.state, let due = clock.due, case .promise = clock.subject else { return nil }
            return (clock.what, due, "\(clock.subject.span)")
        }
        var opensWithPromise = false
        var explanation: [String]?
        if let advice = engine.whoNow(ticket, at: now) {
            explanation = turn.explanation(advice, now: now)
            switch advice.situation {
            case .waiting(_, let next, _, let opensAt):
                if let promise = promises.first, promise.due == opensAt {
                    // One moment, said once: the promise falls due as the next level opens.
                    lines.append("Expect \(Words.withArticle(promise.what)) \(turn.by(opensAt, now: now)) (within \(promise.span)); if none comes, Level \(next.number) is open to you then.")
                    opensWithPromise = true
                } else if let engagedAt = advice.engagedAt, engagedAt < when {
                    lines.append("Level \(next.number) still opens \(turn.at(opensAt, now: now)): the wait runs from your first contact with this level, \(turn.at(engagedAt, now: now)).")
                } else {
                    lines.append("Level \(next.number) opens after \(advice.wait!), \(turn.at(opensAt, now: now)).")
                }
            case .nextOpen(_, let next, .waitPassed(_, let openedAt)):
                lines.append("The wait has passed: Level \(next.number) has been open to you since \(turn.stamp(openedAt, now: now)).")
            default:
                break
            }
        }
        for promise in promises.dropFirst(opensWithPromise ? 1 : 0) {
            lines.append("Expect \(Words.withArticle(promise.what)) \(turn.by(promise.due, now: now)) (within \(promise.span)).")
        }
        // Under a communication plan, a contact counts as the update.
        if reachedCustomer, ticket.plan != nil, let clock = engine.clocks(ticket, at: now).first(where: \.isUpdate), let due = clock.due, due > now {
            lines.append("That counts as the update: the next is due by \(turn.stamp(due, now: now)).")
        }
        return (lines, explanation)
    }
}
