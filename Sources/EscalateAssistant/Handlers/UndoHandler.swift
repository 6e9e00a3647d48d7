import EscalateDomain
import EscalateUnderstanding

/// "Undo": takes back this session's last change, the whole of it ("escalate
/// #1 and #2", then "undo", undoes both). With nothing of this session's to
/// undo, the last change on the ticket in focus, after a yes when someone
/// else made it. Undone entries stay in the history, marked undone.
struct UndoHandler: IntentHandler {
    let intents: [IntentName] = [.undo]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.undo: "undo the last change"]
    let examples: [IntentName: String] = [.undo: "undo"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let named: Int? = { if case .number(let id)? = turn.slots.ticketRef { return id } else { return nil } }()
        // "My e-mail is …", then "undo": details said with no ticket, when
        // they were the last thing changed.
        if named == nil, let before = turn.state.detailsBefore, before.turn > (turn.state.changes.last?.turn ?? -1) {
            var state = turn.state
            let forgotten = state.details.filter { before.previous[$0.key] != $0.value }
            state.details = before.previous
            state.detailsBefore = nil
            let said = forgotten.keys.sorted().map { "\(SetFieldHandler.subject(of: TicketField(rawValue: $0))) “\(Words.quote(forgotten[$0]!))”" }
            return Outcome(Reply(said.isEmpty ? "Nothing to take back: those details were already so." : "Taken back: \(Words.list(said)). Nothing was recorded."), state: state)
        }
        // This session's last change, when the line names no other ticket.
        if let last = turn.state.changes.last, named == nil || last.events.keys.contains(named!) {
            return try await undo(last, turn: turn)
        }
        return try await turn.withTicket { ticket, turn in
            guard let last = ticket.lastUndoable else {
                return turn.answer("There's nothing to undo on #\(ticket.id): only its opening is recorded.")
            }
            let record = ChangeRecord(turn: -1, events: [ticket.id: [last.id]], request: turn.request, at: last.recordedAt)
            if last.author != turn.settings.user, !turn.request.confirmed {
                let what = EventText.describe(last, in: ticket, process: turn.process(of: ticket), catalog: turn.catalog, zone: turn.settings.zone)
                return turn.confirm([
                    "The last change on #\(ticket.id) was made by \(last.author) \(turn.at(last.recordedAt, now: turn.now)): \(what).",
                    "Undo \(last.author)'s change? (yes/no)",
                ], about: "undoing \(last.author)'s change on #\(ticket.id)", ticket: ticket, request: turn.request.on(ticket: ticket.id))
            }
            return try await undo(record, turn: turn)
        }
    }

    func undo(_ record: ChangeRecord, turn: TurnContext) async throws -> Outcome {
        var lines: [String] = []
        var effects: [Effect] = []
        var state = turn.state
        for ticketID in record.events.keys.sorted() {
            guard let ticket = try await turn.load(ticketID) else { continue }
            // An opening is never taken back: tickets are never deleted.
            let ids = record.events[ticketID]!.filter { id in
                !ticket.undone.contains(id) && ticket.events.contains { event in
                    guard event.id == id else { return false }
                    if case .opened = event.kind { return false }
                    if case .undone = event.kind { return false }
                    return true
                }
            }
            guard !ids.isEmpty else { continue }
            let events = ids.reversed().map { PendingEvent(.undone(eventID: $0), at: turn.now) }
            effects.append(.record(ticketID: ticket.id, basedOn: ticket.version, events: events))
            let updated = turn.projected(ticket, adding: events)
            let process = turn.process(of: ticket)
            for id in ids {
                guard let event = ticket.events.first(where: { $0.id == id }) else { continue }
                if case .opened = event.kind { continue }
                let what = EventText.describe(event, in: ticket, process: process, catalog: turn.catalog, zone: turn.settings.zone)
                lines.append("Undone on #\(ticket.id): \(what), \(turn.at(event.occurredAt, now: turn.now)) (entered by \(event.author)). It stays in the history, marked undone.")
            }
            // Where the ticket stands without it, when that changed.
            if updated.level == ticket.level && updated.engagedAt == ticket.engagedAt {
            } else if let level = updated.level, let process, let current = process.level(level) {
                lines.append("#\(ticket.id) is now with \(Words.level(current))\(updated.engagedAt.map { ", engaged \(turn.at($0, now: turn.now))" } ?? "").")
            } else if updated.level == nil {
                lines.append("#\(ticket.id) now has no level engaged.")
            }
            state.focus(on: ticket.id)
        }
        if record.turn >= 0 { state.changes.removeAll { $0 == record } }
        guard !effects.isEmpty else {
            if record.events.values.contains(where: { $0.count == 1 }), record.request.intent == .openTicket {
                return turn.answer("Opening a ticket can't be undone: tickets are never deleted. If it was opened by mistake, close it (“close #\(record.events.keys.sorted().first ?? 1)”).", state: state)
            }
            return turn.answer("That change is already undone; there's nothing more of this session's to undo.", state: state)
        }
        var outcome = Outcome(Reply(lines), state: state, effects: effects)
        outcome.isUndo = true
        return outcome
    }
}

/// "No wait, I meant #2", "the time on that should be 8:30": the last
/// change taken back and made again with what the line corrects.
struct CorrectHandler: IntentHandler {
    let intents: [IntentName] = [.correct]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.correct: "correct the last change"]
    let examples: [IntentName: String] = [.correct: "no wait, I meant #2"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        // "I called the technician on #1" refused, then "no wait, I meant
        // #2": the refused request is asked again on #2; nothing made is undone.
        if let refused = turn.state.refused, refused.turn >= turn.state.turn - 1, let ticket = turn.slots.ticketRef,
           let handler = turn.assistant.registry.handler(for: refused.request.intent) {
            var request = refused.request
            request.slots[.ticket] = .ticket(ticket)
            if let time = turn.slots.time { request.slots[.time] = .time(time) }
            var outcome = try await handler.handle(turn.serving(request))
            outcome.changeRequest = request
            return outcome
        }
        guard let last = turn.state.changes.last else {
            return turn.answer("There's no change of this session's to correct. Say what happened again, e.g. “update #1: …”.")
        }
        var request = last.request
        var corrected: [String] = []
        if let ticket = turn.slots.ticketRef {
            request.slots[.ticket] = .ticket(ticket)
            corrected.append("the ticket")
        }
        if let time = turn.slots.time {
            // A clock time corrects the time on the day the change was recorded for.
            request.slots[.time] = .time(time)
            corrected.append("the time")
        }
        if let customer = turn.slots.text(.customer) ?? turn.slots.text(.person), last.request.intent == .openTicket {
            request.slots[.customer] = .text(customer)
            corrected.append("the customer")
        }
        guard !corrected.isEmpty else {
            return turn.answer("What should it be instead? Say e.g. “I meant #2” or “the time on that should be 8:30”.")
        }
        guard request.intent != .openTicket else {
            return turn.answer("A ticket's opening can't be corrected: tickets are never deleted. Close it if it was opened by mistake, and open the right one.")
        }
        guard let handler = turn.assistant.registry.handler(for: request.intent), handler.kind == .action else {
            return turn.answer("The last change can't be made again; say “undo” and then say it afresh.")
        }
        let undone = try await UndoHandler().undo(last, turn: turn)
        var rerun = turn.serving(request)
        rerun.state = undone.state
        let engine = turn.engine
        rerun.store = ProjectedStore(base: turn.store, effects: undone.effects, author: turn.settings.user, now: turn.now, schedule: { engine.schedule($0) })
        var again = try await handler.handle(rerun)
        guard again.writes else {
            // The corrected change needs something first (a question, a refusal): nothing is undone.
            return again
        }
        again.effects = undone.effects + again.effects
        again.reply = Reply(["Corrected \(Words.list(corrected)): the earlier entry is undone and this one recorded."] + again.reply.lines, kind: again.reply.kind)
        again.changeRequest = request
        return again
    }
}
