import Foundation
import EscalateDomain
import EscalateUnderstanding

/// The e-mail to send, per the matrix's template, filled in from the ticket.
extension Conversation {
    func draftMessage(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        try withTicket("draft_message", slots, includeClosed: true) { ticket in
            guard let process = process(of: ticket) else { return .problem("#\(ticket.id)'s process is not in the matrices.") }
            let saved = (try? store.contacts()) ?? []
            let escalating = slots.role != nil || slots.level != nil || ticket.status == .escalated || (ticket.level ?? process.firstLevel.number) > process.firstLevel.number
                || { if let advice = engine.whoNow(ticket, at: now), case .nextOpen = advice.situation { return true } else { return false } }()
            let target = draftTarget(ticket, process: process, slots: slots)
            // The source's escalation template is for the first escalation; a
            // higher level gets a plain e-mail addressed to it.
            let firstEscalation = process.level(after: process.firstLevel.number)?.number
            var template = process.templates.first { escalating ? $0.id.hasSuffix("escalation") : !$0.id.hasSuffix("escalation") } ?? process.templates.first
            if escalating, let target, target.number != firstEscalation { template = nil }
            var values = placeholders(ticket, saved: saved)
            values["escalation_reason"] = escalationReason(ticket, now: now)
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
                let address = reach(target, of: process, segment: ticket.details.segment, saved: saved).lazy
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
                    let zone = engine.calendar(for: current).zone
                    lines.append("I first contacted the \(Words.lowerFirst(current.title)) on \(ZonedTime(engagedAt, in: zone).friendly).")
                } else {
                    lines.append("The issue has been open since \(ZonedTime(ticket.openedAt, in: engine.calendar(for: target).zone).friendly).")
                }
                for promise in target.promises { lines.append("Per your process: \(promise.text)") }
                lines.append("Please acknowledge and confirm next steps.")
            }
            return Reply(lines)
        }
    }

    /// The level an escalation e-mail goes to: one named in the line; the
    /// level just escalated to, before anyone there was contacted; else the
    /// next one up.
    func draftTarget(_ ticket: Ticket, process: EscalationProcess, slots: [String: SlotValue]) -> EscalationLevel? {
        if let named = level(named: slots, in: process, current: ticket.level) { return named }
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
    func escalationReason(_ ticket: Ticket, now: Instant) -> String {
        if let missed = engine.clocks(ticket, at: now).first(where: { if case .breached = $0.state { return true } else { return false } }),
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
            }
        }
        if let process = process(of: ticket) {
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

    private func placeholders(_ ticket: Ticket, saved: [SavedContact]) -> [String: String] {
        let references = ticket.details.references.filter { $0.kind != .account }.map(\.description).joined(separator: ", ")
        let account = ticket.details.account ?? ticket.details.references.last { $0.kind == .account }?.value
        let summary = ticket.details.summary.trimmingCharacters(in: .whitespaces)
        return [
            "customer": Words.quote(ticket.details.customer),
            "account": account.map(Words.quote) ?? "<account number>",
            "description": summary.isEmpty ? "<describe the issue>" : Words.quote(summary),
            "location": "<service location>",
            "ticket": "#\(ticket.id)",
            "sender_email": "<your e-mail address>",
            // Our ticket number means nothing to the recipient.
            "references": references.isEmpty ? "this issue" : references,
            "impact": ticket.details.impact.map(Words.quote) ?? "<business impact>",
        ]
    }

    private func fill(_ text: String, _ values: [String: String]) -> String {
        var result = text
        for (key, value) in values { result = result.replacingOccurrences(of: "{\(key)}", with: value) }
        return result
    }

    func help() -> Reply {
        let matcher = assistant.matcher
        func example(_ intent: String) -> String? {
            if let written = matcher.helpExamples[intent]?.first { return written }
            guard let phrasing = matcher.phrasings[intent]?.first else { return nil }
            let samples = ["ticket": "#12", "role": "CCM", "time": "9am", "person": "Dana", "note": "vendor dispatched, ETA Friday",
                           "category": "billing", "org": "Lumen", "level": "level 2", "duration": "every 4 hours", "channel": "e-mail",
                           "customer": "Acme", "name": "Dana Reyes", "phone": "555-0142", "email": "dana.reyes@example.com",
                           "closure_code": "resolved", "filter": "overdue", "condition": "production down", "segment": "enterprise"]
            return phrasing.parts.map { part -> String in
                switch part {
                case .text(let text): return text
                case .slot(let name): return samples[name] ?? name
                }
            }.joined().split(separator: " ").joined(separator: " ")
        }
        let asking = ["who_next", "when_next", "contact_lookup", "route", "hours_info", "ladder", "timeline", "escalation_checklist", "elapsed_query", "explain"]
        let working = ["open_ticket", "log_contact", "log_update", "acknowledge", "escalate", "pause", "set_plan", "close", "status", "list", "draft_message", "undo"]
        var lines = ["Ask me, for example:"]
        lines += asking.compactMap(example).map { "  \($0)" }
        lines.append("Work a ticket:")
        lines += working.compactMap(example).map { "  \($0)" }
        lines.append("Meta-commands start with ':' — type :help for them, :why to see how I read your last line.")
        return Reply(lines)
    }
}
