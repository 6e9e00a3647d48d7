import EscalateDomain
import EscalateUnderstanding

/// Escalating, de-escalating, closing, reopening and undoing: the steps that
/// change where a ticket stands, with a yes/no before consequential ones.
extension Conversation {
    func escalate(_ slots: [String: SlotValue], line: String, now: Instant) throws -> Reply {
        try withTicket("escalate", slots) { ticket in
            guard let process = process(of: ticket) else { return .problem("#\(ticket.id)'s process is not in the matrices.") }
            guard ticket.status != .closed else { return .problem("#\(ticket.id) is closed. Reopen it first if the problem is back.") }
            let current = ticket.level
            let when = moment(of: slots, for: ticket, now: now)
            // With nobody engaged yet, you are at the first level: escalating goes past it.
            let target = level(named: slots, in: process, current: current)
                ?? process.level(after: current ?? process.firstLevel.number)
            guard let target else {
                let top = process.topLevel
                var lines = ["#\(ticket.id) is already at the top of the ladder, Level \(top.number) (\(top.title))."]
                if let beyond = process.beyondTop { lines.append(beyond) }
                return Reply(lines)
            }
            if let current, target.number <= current {
                return .problem("#\(ticket.id) is already at Level \(current). To go back down, say “de-escalate #\(ticket.id)”.")
            }
            // A reason the process itself lists; any other stays a note.
            let condition = slots.entity("condition").flatMap { id in process.whenToRaise.contains { $0.id == id } ? id : nil }
            let reason = slots.text("note")
            // A condition that allows skipping the wait is recorded first, so the engine sees it.
            var probe = ticket
            if let condition, !ticket.conditions.contains(condition) { probe.conditions.append(condition) }
            // "the VP" on a ladder that names none: say where it tops out.
            var roleNote: String?
            if let role = slots.role, target.role != role, let description = catalog.role(role),
               !target.title.lowercased().contains((description.abbreviation ?? description.title).lowercased()) {
                roleNote = "\(process.title) names no \(description.abbreviation ?? Words.lowerFirst(description.title)); the nearest is Level \(target.number), \(target.title)."
            }
            if let warning = aboveRecommended(probe, process: process, target: target, now: when) {
                pending = .confirm(action: .escalate(ticketID: ticket.id, toLevel: target.number, reason: reason, condition: condition, at: when),
                                   prompt: "Escalate #\(ticket.id) to Level \(target.number) anyway? (yes/no)")
                return Reply([roleNote, warning, "Escalate #\(ticket.id) to Level \(target.number) anyway? (yes/no)"].compactMap { $0 }, kind: .question)
            }
            if let roleNote {
                pending = .confirm(action: .escalate(ticketID: ticket.id, toLevel: target.number, reason: reason, condition: condition, at: when),
                                   prompt: "Escalate #\(ticket.id) to Level \(target.number)? (yes/no)")
                return Reply([roleNote, "Escalate #\(ticket.id) to Level \(target.number)? (yes/no)"], kind: .question)
            }
            return try finishEscalation(ticket.id, toLevel: target.number, reason: reason, condition: condition, at: when, now: now)
        }
    }

    /// When a change happened: the past time the line gives ("escalated at
    /// 1:30pm", "closed at 3pm"), if it is not before the ticket was opened;
    /// otherwise now.
    func moment(of slots: [String: SlotValue], for ticket: Ticket, now: Instant) -> Instant {
        guard case .instant(let time, _)? = slots.time, time <= now, time >= ticket.openedAt else { return now }
        return time
    }

    func finishEscalation(_ ticketID: Int, toLevel: Int, reason: String?, condition: String?, at when: Instant? = nil, now: Instant) throws -> Reply {
        let when = when ?? now
        var kinds: [(kind: TicketEventKind, occurredAt: Instant)] = []
        if let condition { kinds.append((.conditionRaised(condition: condition, note: reason), when)) }
        kinds.append((.escalated(toLevel: toLevel, reason: reason, condition: condition), when))
        let ticket = try record(kinds, on: ticketID, now: now)
        let said = when == now ? "" : " \(at(when, now: now))"
        guard let process = process(of: ticket), let level = process.level(toLevel) else { return Reply("Escalated #\(ticketID) to Level \(toLevel)\(said).") }
        var lines = ["Escalated #\(ticketID) to Level \(level.number)\(said): \(level.title)."]
        lines += reach(level, of: process, segment: ticket.details.segment).map { "  Contact: \($0)" }
        lines += level.notes.map { "  Note: \($0)" }
        for clock in engine.clocks(ticket, at: now) {
            if let due = clock.due, case .promise(_, let promise) = clock.subject {
                lines.append("Promise: \(promise.text) Due \(at(due, now: now)).")
            }
        }
        lastExplanation = promiseExplanation(ticket, now: now)
        if let guide = process.communicationPlan, ticket.plan == nil {
            lines.append("Agree a communication plan (mode, frequency, attendees), e.g. “updates every 4 hours by e-mail”.")
            _ = guide
        }
        return Reply(lines)
    }

    func deescalate(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        try withTicket("deescalate", slots) { ticket in
            guard ticket.status == .escalated || ticket.status == .waitingOnCustomer && (ticket.level ?? 0) > (ticket.entryLevel ?? 0) else {
                return .problem("#\(ticket.id) isn't escalated (it is \(ticket.status.words)), so there is nothing to de-escalate.")
            }
            if let checklist = process(of: ticket)?.checklist("de-escalation") {
                pending = .checklist(ticketID: ticket.id, checklist: checklist, answers: [])
                return Reply(["\(checklist.title):", checklistPrompt(checklist, index: 0)], kind: .question)
            }
            pending = .confirm(action: .deescalate(ticketID: ticket.id), prompt: "De-escalate #\(ticket.id)? (yes/no)")
            return Reply("#\(ticket.id) is back on track? De-escalate #\(ticket.id)? (yes/no)", kind: .question)
        }
    }

    func checklistPrompt(_ checklist: Checklist, index: Int) -> String {
        "\(index + 1)/\(checklist.items.count) \(checklist.items[index].question) — done? (yes/no)"
    }

    func finishDeescalation(_ ticketID: Int, answers: [ChecklistAnswer], now: Instant) throws -> Reply {
        try record([(.deescalated(answers: answers), now)], on: ticketID, now: now)
        let confirmed = answers.isEmpty ? "" : " Checklist: \(answers.count) of \(answers.count) confirmed."
        let planEnds = (try? load(ticketID))??.plan != nil ? " The communication plan ends with the escalation." : ""
        return Reply("De-escalated #\(ticketID) \(at(now, now: now)).\(confirmed)\(planEnds) Escalate again if progress stalls.")
    }

    func close(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        try withTicket("close", slots) { ticket in
            guard ticket.status != .closed else { return Reply("#\(ticket.id) is already closed.") }
            let codes = closureCodes(for: process(of: ticket))
            guard let id = slots.entity("closure_code"), let code = codes.first(where: { $0.id == id }) else {
                pending = .missingSlot(intent: "close", slots: slots, slot: "closure_code", ticketID: ticket.id)
                var lines = ["Which closure code applies to #\(ticket.id)?"]
                if let process = process(of: ticket), process.closureCodes.isEmpty {
                    lines[0] += " \(process.shortTitle) sets none of its own; these are CenturyLink's, as a guide:"
                }
                lines += codes.enumerated().map { "  \($0.offset + 1). \(Words.upperFirst(Words.code($0.element.id))): \($0.element.text)" }
                return Reply(lines, kind: .question)
            }
            pending = .confirm(action: .close(ticketID: ticket.id, code: code, note: slots.text("note"), at: moment(of: slots, for: ticket, now: now)), prompt: "Close #\(ticket.id)? (yes/no)")
            return Reply([
                "Close #\(ticket.id) (\(Words.quote(ticket.details.customer))) as \(Words.code(code.id)): \(code.text)",
                "\(agreementNeeded(code.agreement)) Close it? (yes/no)",
            ], kind: .question)
        }
    }

    func reopen(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        try withTicket("reopen", slots, includeClosed: true) { ticket in
            guard ticket.status == .closed else { return Reply("#\(ticket.id) isn't closed; it is \(ticket.status.words).") }
            let reason = slots.text("note").map(Words.quote)
            let updated = try record([(.reopened(reason: reason), now)], on: ticket.id, now: now)
            var lines = ["Reopened #\(ticket.id) \(at(now, now: now))\(reason.map { ": \($0)" } ?? "")."]
            if let level = updated.level, let process = process(of: updated), let current = process.level(level) {
                lines.append("\(Words.level(current)) is engaged again; its clock restarts now.")
            }
            return Reply(lines)
        }
    }

    func undo(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        // "Undo" or "undo it" undoes this session's last change, wherever it was.
        var slots = slots
        if slots.ticketRef == nil || slots.ticketRef == .context, let id = lastChanged { slots["ticket"] = .ticket(.number(id)) }
        return try withTicket("undo", slots) { ticket in
            guard let last = ticket.lastUndoable else {
                return Reply("There's nothing to undo on #\(ticket.id): only its opening is recorded.")
            }
            let updated = try record([(.undone(eventID: last.id), now)], on: ticket.id, now: now)
            var lines = ["Undone on #\(ticket.id): \(EventText.describe(last, in: ticket, process: process(of: ticket))), \(at(last.occurredAt, now: now)) (entered by \(last.author)). It stays in the history, marked undone."]
            // Where the ticket stands without it, when that changed.
            if updated.level == ticket.level && updated.engagedAt == ticket.engagedAt {
            } else if let level = updated.level, let process = process(of: updated), let current = process.level(level) {
                lines.append("#\(ticket.id) is now with \(Words.level(current))\(updated.engagedAt.map { ", engaged \(at($0, now: now))" } ?? "").")
            } else if updated.level == nil {
                lines.append("#\(ticket.id) now has no level engaged.")
            }
            return Reply(lines)
        }
    }

    /// Carries out a step the user confirmed.
    func carryOut(_ action: ConfirmedAction, now: Instant) throws -> Reply {
        switch action {
        case .escalate(let ticketID, let toLevel, let reason, let condition, let when):
            return try finishEscalation(ticketID, toLevel: toLevel, reason: reason, condition: condition, at: when, now: now)
        case .close(let ticketID, let code, let note, let when):
            try record([(.closed(code: code.id, note: note, agreedBy: code.agreement), when)], on: ticketID, now: now)
            return Reply(["Closed #\(ticketID) \(at(when, now: now)) as \(Words.code(code.id)): \(code.text) Agreed by \(Words.agreement(code.agreement, reader: readerParty)); recorded by \(settings.user)."])
        case .logContact(let ticketID, let kind, let when):
            return try finishLogContact(ticketID, kind: kind, at: when, now: now)
        case .deescalate(let ticketID):
            return try finishDeescalation(ticketID, answers: [], now: now)
        case .acknowledge(let ticketID, let level, let when, let person):
            return try finishAcknowledge(ticketID, level: level, at: when, person: person, now: now)
        case .answer(let intent, let slots, let line):
            return try perform(intent, slots: slots, line: line, now: now)
        }
    }

    /// The role the reader plays on the ladders, if any: a CCM.
    var readerRole: String? { settings.role == .ccm ? "ccm" : nil }

    /// How the reader reaches `level` of `process`, for a customer of
    /// `segment` when it is known (see `ContactText.reach`).
    func reach(_ level: EscalationLevel, of process: EscalationProcess, segment: String? = nil, saved: [SavedContact]? = nil) -> [String] {
        ContactText.reach(level, saved: saved ?? (try? store.contacts()) ?? [], reader: readerRole,
                          lists: catalog.organisation(process.organisation)?.contactLists ?? [], segment: segment)
    }

    /// Which party of a closure the reader is.
    var readerParty: String { settings.role == .ccm ? "CCM" : "customer" }

    /// "This needs your agreement." or "This needs your agreement and the CCM's."
    func agreementNeeded(_ parties: String) -> String {
        let named = parties.components(separatedBy: " and ")
        let others = named.filter { $0 != readerParty }.map { $0.hasPrefix("the ") || $0.hasPrefix("all ") ? $0 : "the " + $0 }
        if others.count == named.count { return "This needs the agreement of \(Words.list(others, conjunction: "and"))." }
        if others.isEmpty { return "This needs your agreement." }
        return "This needs your agreement and that of \(Words.list(others, conjunction: "and"))."
    }
}
