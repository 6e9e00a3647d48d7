import EscalateDomain
import EscalateUnderstanding

/// "De-escalate #12": back on track, after the process's checklist.
struct DeescalateHandler: IntentHandler {
    let intents: [IntentName] = [.deescalate]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.deescalate: "de-escalate a ticket"]
    let examples: [IntentName: String] = [.deescalate: "de-escalate #12"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        try await turn.withTicket { ticket, turn in
            guard ticket.status == .escalated || ticket.status == .waitingOnCustomer && (ticket.level ?? 0) > (ticket.entryLevel ?? 0) else {
                return turn.problem("#\(ticket.id) isn't escalated (it is \(ticket.status.words)), so there is nothing to de-escalate.")
            }
            if turn.request.confirmed {
                let event = PendingEvent(.deescalated(answers: turn.request.answers), at: turn.now)
                let answers = turn.request.answers
                let confirmed = answers.isEmpty ? "" : " Checklist: \(answers.count) of \(answers.count) confirmed."
                let planEnds = ticket.plan != nil ? " The communication plan ends with the escalation." : ""
                return turn.recording([event], on: ticket, reply: ["De-escalated #\(ticket.id) \(turn.at(turn.now, now: turn.now)).\(confirmed)\(planEnds) Escalate again if progress stalls."])
            }
            var state = turn.state
            state.focus(on: ticket.id)
            if let checklist = turn.process(of: ticket)?.checklist("de-escalation") {
                let questions = checklist.items.map(\.question)
                let prompt = PendingQuestion.checklistPrompt(questions, index: 0)
                return turn.ask(.checklist(ids: checklist.items.map(\.id), questions: questions), ["\(checklist.title):", prompt], prompt: prompt,
                                about: "de-escalating #\(ticket.id)", request: turn.request.on(ticket: ticket.id), basis: [ticket.id: ticket.version], state: state)
            }
            return turn.confirm(["#\(ticket.id) is back on track? De-escalate #\(ticket.id)? (yes/no)"], about: "de-escalating #\(ticket.id)", ticket: ticket,
                                request: turn.request.on(ticket: ticket.id))
        }
    }

    /// "How do I de-escalate?": the de-escalation checklist, when the process has one.
    func answerAsked(_ turn: TurnContext) async throws -> Outcome? {
        let (found, ticket, reply) = try await turn.processFor(intent: .deescalate)
        if let reply { return reply }
        guard let process = found else { return turn.problem("Which process?") }
        var lines: [String] = []
        if let checklist = process.checklist("de-escalation") {
            lines.append("\(checklist.title):")
            lines += checklist.items.enumerated().map { "  \($0.offset + 1). \($0.element.question)" }
        } else {
            lines.append("\(process.title) gives no de-escalation checklist: agree with the level working the issue that it is back on track.")
        }
        lines += process.notes.filter { $0.lowercased().contains("de-escalat") }
        lines.append("Then say “de-escalate\(ticket.map { " #\($0.id)" } ?? "")” and I'll go through it with you.")
        return turn.answer(lines)
    }
}

/// "Close #12, the customer agrees it is resolved": after a closure code
/// and a yes.
struct CloseHandler: IntentHandler {
    let intents: [IntentName] = [.close]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.close: "close a ticket"]
    let examples: [IntentName: String] = [.close: "close #12, the customer agrees it is resolved"]

    /// "How do I close it?", "can I close #1?": the closure codes.
    func answerAsked(_ turn: TurnContext) async throws -> Outcome? {
        try await ClosureInfoHandler().handle(turn.serving(Request(.closureInfo, slots: turn.slots, cues: turn.cues)))
    }

    func handle(_ turn: TurnContext) async throws -> Outcome {
        try await turn.withTicket { ticket, turn in
            guard ticket.status != .closed else { return turn.answer("#\(ticket.id) is already closed.") }
            let process = turn.process(of: ticket)
            let (codes, borrowed) = turn.closureCodes(for: process)
            guard let id = turn.slots.entity(.closureCode), let code = codes.first(where: { $0.id == id }) else {
                var lines = ["Which closure code applies to #\(ticket.id)?"]
                if let process, let borrowed {
                    lines[0] += " \(process.shortTitle) sets none of its own; these are \(turn.organisationName(borrowed.organisation))'s, as a guide:"
                }
                lines += codes.enumerated().map { "  \($0.offset + 1). \(Words.upperFirst(Words.code($0.element.id))): \($0.element.text)" }
                var state = turn.state
                state.focus(on: ticket.id)
                return turn.ask(.missingSlot(.closureCode), lines, prompt: lines[0], about: "closing #\(ticket.id)", request: turn.request.on(ticket: ticket.id),
                                options: codes.map(\.id), state: state)
            }
            guard case .at(let when) = turn.moment(for: ticket, what: "the closure") else { return turn.momentQuestion(for: ticket, what: "the closure") }
            if !turn.request.confirmed {
                return turn.confirm([
                    "Close #\(ticket.id) (\(Words.quote(ticket.details.customer))) as \(Words.code(code.id)): \(code.text)",
                    "\(turn.agreementNeeded(code.agreement)) Close it? (yes/no)",
                ], about: "closing #\(ticket.id)", ticket: ticket, request: turn.request.on(ticket: ticket.id))
            }
            let event = PendingEvent(.closed(code: code.id, note: turn.slots.text(.note), agreedBy: code.agreement), at: when)
            return turn.recording([event], on: ticket, reply: [
                "Closed #\(ticket.id) \(turn.at(when, now: turn.now)) as \(Words.code(code.id)): \(code.text) Agreed by \(Words.agreement(code.agreement, reader: turn.readerParty)); recorded by \(turn.settings.user).",
            ])
        }
    }
}

/// "Reopen #12, the circuit is down again".
struct ReopenHandler: IntentHandler {
    let intents: [IntentName] = [.reopen]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.reopen: "reopen a ticket"]
    let examples: [IntentName: String] = [.reopen: "reopen #12, the circuit is down again"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        try await turn.withTicket(includeClosed: true) { ticket, turn in
            guard ticket.status == .closed else { return turn.answer("#\(ticket.id) isn't closed; it is \(ticket.status.words).") }
            let now = turn.now
            guard case .at(let when) = turn.moment(for: ticket, what: "the reopening") else { return turn.momentQuestion(for: ticket, what: "the reopening") }
            if let closedAt = ticket.closure?.at, when < closedAt {
                return turn.askForTime("#\(ticket.id) was closed \(turn.at(closedAt, now: now)); it can't have been reopened \(turn.at(when, now: now)), before that. When was it reopened?",
                                       about: "the time of the reopening", ticket: ticket)
            }
            let reason = turn.slots.text(.note).map(Words.quote)
            let event = PendingEvent(.reopened(reason: reason), at: when)
            let updated = turn.projected(ticket, adding: [event])
            var lines = ["Reopened #\(ticket.id) \(turn.at(when, now: now))\(reason.map { ": \($0)" } ?? "")."]
            if let level = updated.level, let process = turn.process(of: updated), let current = process.level(level) {
                lines.append("\(Words.level(current)) is engaged again; its clock restarts now.")
            }
            return turn.recording([event], on: ticket, reply: lines)
        }
    }
}

/// "Delete #12": tickets are never deleted; say what to do instead.
struct DeleteHandler: IntentHandler {
    let intents: [IntentName] = [.delete]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.delete: "delete a ticket"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let which = turn.slots.ticketRef.map { "\($0)" } ?? "a ticket"
        return turn.answer([
            "Tickets are never deleted: each is a log kept whole, for the record.",
            "To take back your last change, say “undo”; to end \(which), close it (“close \(which.hasPrefix("#") ? which : "#1")”).",
        ])
    }
}
