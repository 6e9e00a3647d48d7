import Foundation
import EscalateDomain
import EscalateUnderstanding

/// "Draft the escalation e-mail for #12": the e-mail to send, per the
/// matrix's template, filled in from the ticket; or the update a CCM sends
/// the customer.
struct DraftHandler: IntentHandler {
    let intents: [IntentName] = [.draftMessage]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.draftMessage: "draft the escalation e-mail"]
    let examples: [IntentName: String] = [.draftMessage: "draft the escalation e-mail for #12"]

    /// The reference kind that holds an account number, where no field does.
    static let account = TicketReference.Kind(rawValue: "account")

    func handle(_ turn: TurnContext) async throws -> Outcome {
        if turn.cues.has(.customerUpdate) { return try await customerUpdate(turn) }
        // "Draft a CMS billing e-mail" before any ticket: the template itself.
        if turn.slots.ticketRef == nil, turn.state.recentFocus(at: turn.state.turn) == nil {
            let named = turn.slots.org != nil || turn.slots.category != nil
            let none = named ? true : !(try await turn.hasActiveTickets)
            if none, let blank = blankDraft(turn) { return blank }
        }
        let now = turn.now
        return try await turn.withTicket(includeClosed: true) { ticket, turn in
            let slots = turn.slots
            guard let process = turn.process(of: ticket) else { return turn.problem("#\(ticket.id)'s process is not in the matrices.") }
            let saved = try await turn.savedContacts
            let escalating = slots.role != nil || slots.level != nil || ticket.status == .escalated || (ticket.level ?? process.firstLevel.number) > process.firstLevel.number
                || { if let advice = turn.engine.whoNow(ticket, at: now), case .nextOpen = advice.situation { return true } else { return false } }()
            let target = draftTarget(ticket, process: process, turn: turn, saved: saved)
            // The source's escalation template is for the first escalation; a
            // higher level gets a plain e-mail addressed to it.
            let firstEscalation = process.level(after: process.firstLevel.number)?.number
            var template = process.templates.first { escalating ? $0.id.hasSuffix("escalation") : !$0.id.hasSuffix("escalation") } ?? process.templates.first
            if escalating, let target, target.number != firstEscalation { template = nil }
            var values = placeholders(ticket, turn: turn)
            values["escalation_reason"] = escalationReason(ticket, turn: turn)
            var lines: [String] = []
            if let template {
                lines.append("Draft: \(template.title) for #\(ticket.id)")
                if !template.to.isEmpty { lines.append("To: \(template.to.joined(separator: ", "))") }
                if !template.cc.isEmpty { lines.append("Cc: \(template.cc.joined(separator: ", "))") }
                lines.append("Subject: \(fill(template.subject, values))")
                lines.append("")
                lines += template.opening.map { fill($0, values) }
                lines.append("")
                lines.append("Issue: \(Words.upperFirst(values["description"]!)).")
                if ticket.details.impact != nil { lines.append("Business impact: \(values["impact"]!).") }
                // A note the opening already carries out ("My e-mail address: …") is not repeated.
                let asksForAddress = template.opening.contains { $0.contains("{sender_email}") }
                for note in template.notes where !(asksForAddress && note.lowercased().contains("e-mail address")) { lines.append("(\(note))") }
            } else {
                // No template in the source: a plain escalation e-mail to the next level.
                let target = target ?? process.topLevel
                // The address alone, from whichever way of reaching the level carries one.
                let address = turn.reach(target, of: process, segment: ticket.details.segment, saved: saved).lazy
                    .compactMap { line in line.range(of: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#, options: .regularExpression).map { String(line[$0]) } }
                    .first
                lines.append("Draft: escalation to Level \(target.number) (\(target.title)) for #\(ticket.id)")
                if let address { lines.append("To: \(address)") }
                lines.append("Subject: Escalation: \(values["customer"]!) – \(values["description"]!)\(values["references"]! == "this issue" ? "" : " (\(values["references"]!))")")
                lines.append("")
                // Written for the recipient: their title, not our level numbers; their clock.
                lines.append("I am escalating \(values["customer"]!)'s \(process.shortTitle) issue to you.")
                lines.append("Problem: \(Words.upperFirst(values["description"]!)).")
                if let impact = ticket.details.impact { lines.append("Business impact: \(Words.quote(impact)).") }
                let reason = values["escalation_reason"]!
                if !reason.hasPrefix("<") { lines.append("Why now: \(reason).") }
                if let number = ticket.level, number != target.number, let current = process.level(number), let engagedAt = ticket.engagedAt {
                    let zone = turn.engine.calendar(for: current).zone
                    // A CCM writing as the level it holds has worked it, not contacted it.
                    lines.append(current.role != nil && current.role == turn.readerRole
                        ? "I have worked this issue as the \(Words.lowerFirst(current.title)) since \(ZonedTime(engagedAt, in: zone).friendly)."
                        : "I first contacted the \(Words.lowerFirst(current.title)) on \(ZonedTime(engagedAt, in: zone).friendly).")
                } else {
                    lines.append("The issue has been open since \(ZonedTime(ticket.openedAt, in: turn.engine.calendar(for: target).zone).friendly).")
                }
                for promise in target.promises { lines.append("Per your process: \(promise.text)") }
                lines.append("Please acknowledge and confirm next steps.")
            }
            var state = turn.state
            state.subject = .level(process: process.id, number: (target ?? process.topLevel).number)
            return turn.answer(lines, state: state)
        }
    }

    /// The level an escalation e-mail goes to: one named in the line; the
    /// level just escalated to, before anyone there was contacted; else the
    /// next one up.
    func draftTarget(_ ticket: Ticket, process: EscalationProcess, turn: TurnContext, saved: [SavedContact]) -> EscalationLevel? {
        if let named = turn.level(named: turn.slots, in: process, current: ticket.level, saved: saved) { return named }
        let lastMove = ticket.effectiveEvents.last { event in
            switch event.kind {
            case .escalated, .contactMade, .contactAttempted, .acknowledged: return true
            default: return false
            }
        }
        if case .escalated? = lastMove?.kind, let current = ticket.level, let level = process.level(current) { return level }
        return process.level(after: ticket.level ?? (process.firstLevel.number - 1))
    }

    /// Why the ticket goes up, in the words of the ladder: a missed
    /// promise, a reason raised, or a blank to fill in.
    func escalationReason(_ ticket: Ticket, turn: TurnContext) -> String {
        let now = turn.now
        // A CCM's own overdue update to the customer is no reason to go higher.
        let missedClocks = turn.engine.clocks(ticket, at: now).filter { clock in
            guard case .breached = clock.state else { return false }
            if case .update = clock.subject, turn.readerRole != nil { return false }
            return true
        }
        if let missed = missedClocks.first,
           let due = missed.due {
            // Written for the recipient: no ticket numbers or level numbers of
            // ours, and times on the organisation's own clock with their dates.
            let zone = missed.calendar.zone
            let dueText = ZonedTime(due, in: zone).friendly
            switch missed.subject {
            case .promise(let level, let promise):
                let since = ZonedTime(missed.startedAt, in: zone).friendly
                return "no \(promise.kind.noun) from the \(Words.lowerFirst(level.title)) within \(promise.within) of my first contact on \(since) (due \(dueText))"
            case .update(let plan):
                return "the update agreed (\(plan.description)) was due \(dueText) and has not come"
            case .reminder:
                break
            }
        }
        if let process = turn.process(of: ticket) {
            let reasons = ticket.conditions.compactMap { id in process.whenToRaise.first { $0.id == id }?.text }
            if !reasons.isEmpty { return Words.list(reasons, conjunction: "and") }
            // The reason given when it was escalated ("escalate #1: vendor missed the date").
            for event in ticket.effectiveEvents.reversed() {
                if case .escalated(_, let reason?, _) = event.kind, !reason.isEmpty { return Words.quote(reason) }
            }
            if ticket.acknowledgements[ticket.level ?? -1] != nil, let followUp = process.whenToRaise.first(where: { $0.id == "no_follow_up" }) {
                return followUp.text
            }
        }
        return "<why you are escalating>"
    }

    private func placeholders(_ ticket: Ticket, turn: TurnContext) -> [String: String] {
        let references = ticket.details.references.filter { $0.kind != Self.account }.map(turn.describe).joined(separator: ", ")
        let account = ticket.details.account ?? ticket.details.references.last { $0.kind == Self.account }?.value
        let summary = ticket.details.summary.trimmingCharacters(in: .whitespaces)
        return [
            "customer": Words.quote(ticket.details.customer),
            "account": account.map(Words.quote) ?? "<account number>",
            "description": summary.isEmpty ? "<describe the issue>" : Words.quote(summary),
            "location": ticket.details.location.map(Words.quote) ?? "<service location>",
            "ticket": "#\(ticket.id)",
            "sender_email": (ticket.details.senderEmail ?? turn.state.details[TicketField.senderEmail.rawValue]).map(Words.quote) ?? "<your e-mail address>",
            "sender_phone": (ticket.details.senderPhone ?? turn.state.details[TicketField.senderPhone.rawValue]).map(Words.quote) ?? "<your phone number>",
            // Our ticket number means nothing to the recipient.
            "references": references.isEmpty ? "this issue" : references,
            "impact": ticket.details.impact.map(Words.quote) ?? "<business impact>",
        ]
    }

    func fill(_ text: String, _ values: [String: String]) -> String {
        var result = text
        for (key, value) in values { result = result.replacingOccurrences(of: "{\(key)}", with: value) }
        return result
    }

    /// "Draft the customer update e-mail": what a CCM sends the customer
    /// under the communication plan, from the ticket's latest updates.
    func customerUpdate(_ turn: TurnContext) async throws -> Outcome {
        let now = turn.now
        return try await turn.withTicket(includeClosed: true) { ticket, turn in
            guard let process = turn.process(of: ticket) else { return turn.problem("#\(ticket.id)'s process is not in the matrices.") }
            let customer = Words.quote(ticket.details.customer)
            let summary = ticket.details.summary.isEmpty ? process.shortTitle : ticket.details.summary
            var lines = ["Draft: update to the customer for #\(ticket.id)", "To: \(customer)'s contact",
                         "Subject: Update on \(summary)", "", "Hello,", "",
                         "Here is where things stand on \(summary):"]
            // The latest updates and replies first, at most three.
            let updates = ticket.effectiveEvents.reversed().compactMap { event -> String? in
                switch event.kind {
                case .updateLogged(let note): return "  - \(Words.upperFirst(Words.quote(note))) (\(turn.stamp(event.occurredAt, now: now)))."
                case .acknowledged(let record):
                    return process.level(record.level).map { "  - \(Words.upperFirst($0.title)) replied \(turn.at(event.occurredAt, now: now))." }
                default: return nil
                }
            }.prefix(3)
            lines += updates.isEmpty ? ["  - Work is under way; there is nothing new to report yet."] : Array(updates)
            if let level = ticket.level.flatMap({ process.level($0) }) {
                let since = turn.stamp(ticket.engagedAt ?? ticket.openedAt, now: now)
                lines.append(level.number > process.firstLevel.number
                    ? "It has been escalated to \(level.title), since \(since)."
                    : "It is with \(level.title), since \(since).")
            }
            if let plan = ticket.plan, let clock = turn.engine.clocks(ticket, at: now).first(where: \.isUpdate), let due = clock.due {
                lines.append("You will hear from me again \(turn.by(due, now: now))\(plan.channel.map { " by \($0.noun)" } ?? "").")
            }
            lines += ["", "Regards,", turn.settings.user]
            return turn.answer(lines)
        }
    }
}
