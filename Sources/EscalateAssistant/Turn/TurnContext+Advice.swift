import EscalateDomain
import EscalateUnderstanding

/// Where a ticket stands on its ladder, in words, and the arithmetic behind it.
extension TurnContext {
    /// The answer to "who now?", in words.
    func adviceLines(_ advice: EscalationAdvice, now: Instant, saved: [SavedContact]) -> [String] {
        let ticket = advice.ticket
        let process = advice.process
        let head = "#\(ticket.id) \(Words.quote(ticket.details.customer)) (\(process.shortTitle))"
        var lines: [String] = []
        func reach(_ level: EscalationLevel, withNotes: Bool = false) {
            lines += self.reach(level, of: process, segment: ticket.details.segment, saved: saved).map { "  Contact: \($0)" }
            for promise in level.promises { lines.append("  Promise: \(promise.text)") }
            if withNotes { for note in level.notes { lines.append("  Note: \(note)") } }
        }
        switch advice.situation {
        case .start(let first):
            lines.append("\(head): start with Level \(first.number), \(first.title).")
            reach(first)
            if let start = process.start { lines.append(start) }
        case .waiting(let current, let next, let remaining, let opensAt):
            lines.append("\(head): stay with Level \(current.number), \(current.title), for now.")
            lines.append("You engaged Level \(current.number) \(at(advice.engagedAt!, now: now)); allow \(advice.wait!) before Level \(next.number), so it opens \(at(opensAt, now: now)) (\(Words.businessTime(remaining)) to go).")
            lines.append("Then: Level \(next.number), \(next.title).")
        case .nextOpen(let current, let next, _) where next.assigned:
            lines.append("\(head): you are with Level \(current.number), \(current.title).")
            lines.append("Level \(next.number), \(next.title), is assigned to you by Level \(current.number); you don't contact them first. "
                + "Tell me when they get in touch, e.g. “the \(next.title.components(separatedBy: " (")[0]) called me at 10am”.")
            for note in next.notes { lines.append("  \(note)") }
            if let beyond = process.level(after: next.number) {
                lines.append("If you are concerned about the escalation itself, Level \(beyond.number) is \(beyond.title).")
            }
        case .nextOpen(let current, let next, let reason):
            switch reason {
            case .anyTime:
                lines.append("\(head): you are with Level \(current.number), \(current.title). You may go to Level \(next.number) at any time: \(next.title).")
                if !process.whenToRaise.isEmpty {
                    lines.append("Escalate when \(Words.list(process.whenToRaise.map(\.text), conjunction: "or")).")
                }
            case .waitPassed(let wait, let openedAt):
                lines.append("\(head): Level \(next.number) is open to you now: \(next.title).")
                lines.append("You engaged Level \(current.number) \(at(advice.engagedAt!, now: now)); \(wait) passed \(at(openedAt, now: now)).")
            case .condition(let condition):
                lines.append("\(head): you may go to Level \(next.number) now, without waiting: \(next.title).")
                lines.append("Reason: \(condition.text).")
            case .noWait:
                lines.append("\(head): you are with Level \(current.number), \(current.title). The next level is Level \(next.number): \(next.title).")
                // The process's reasons to raise apply from its first level; higher up, none are published.
                let reasons = current.number == process.firstLevel.number ? process.whenToRaise.map(\.text) : []
                lines.append(reasons.isEmpty
                    ? "The process sets no wait at this level: go up when it does not resolve your issue."
                    : "The process sets no wait: go up when \(Words.list(reasons, conjunction: "or")).")
            }
            reach(next, withNotes: true)
        case .paused(let current, let since, let remaining):
            lines.append("\(head) has been waiting on the customer since \(stamp(since, now: now)), so the escalation clock is stopped.")
            if let current { lines.append("Level \(current.number), \(current.title), stays your contact.") }
            if let remaining {
                let more = remaining % 3600 == 0 ? "\(remaining / 3600) more business hour\(remaining == 3600 ? "" : "s")" : "\(BusinessDuration(seconds: remaining)) more of business time"
                lines.append("When the customer replies, the next level opens after \(more).")
            }
        case .top(let top):
            lines.append("\(head): you are at the top of the ladder, Level \(top.number): \(top.title).")
            reach(top)
            if let beyond = process.beyondTop { lines.append(beyond) }
        case .deescalated(let current, let next):
            lines.append("\(head) was de-escalated, so no escalation is running.")
            if let current { lines.append("Level \(current.number), \(current.title), remains the contact.") }
            if let next { lines.append("If progress stalls again, escalate to Level \(next.number): \(next.title).") }
        case .closed(let code, let agreedBy, let closedAt):
            let text = closureCodes(for: process).codes.first { $0.id == code }?.text ?? code
            lines.append("\(head) has been closed since \(stamp(closedAt, now: now)), as \(Words.code(code)): \(text) Agreed by \(Words.agreement(agreedBy)).")
            lines.append("Reopen it if the problem is back.")
        }
        return lines
    }

    /// Missed promises, as reasons to go higher.
    func breachedLines(_ ticket: Ticket, now: Instant) -> [String] {
        engine.clocks(ticket, at: now).compactMap { clock in
            guard case .breached(let since) = clock.state else { return nil }
            return "Missed: \(clock.what) was due \(at(since, now: now))."
        }
    }

    /// The arithmetic behind an answer, for "why?": while waiting, the count
    /// up to the moment the next level opens; once open, up to when it opened.
    func explanation(_ advice: EscalationAdvice, now: Instant) -> [String]? {
        // With no wait to explain, a promise's deadline is the arithmetic to show.
        if advice.wait == nil, let promise = promiseExplanation(advice.ticket, now: now) { return promise }
        guard var breakdown = advice.breakdown, let engagedAt = advice.engagedAt else { return nil }
        let pauses = advice.ticket.pauses(until: now)
        switch advice.situation {
        case .waiting(_, _, _, let opensAt):
            breakdown = advice.calendar.breakdown(from: engagedAt, to: opensAt, excluding: pauses)
        case .nextOpen(_, _, .waitPassed(_, let openedAt)):
            breakdown = advice.calendar.breakdown(from: engagedAt, to: openedAt, excluding: pauses)
        default:
            break
        }
        var lines: [String] = []
        if let wait = advice.wait {
            lines.append("The wait is \(wait), counted on \(advice.calendar.title) hours: \(hours(advice.calendar, now: now)).")
        } else {
            lines.append("\(advice.process.shortTitle) sets no wait before the next level; here is the business time since the current level was engaged (\(hours(advice.calendar, now: now))).")
        }
        lines += breakdown.lines(in: settings.zone)
        switch advice.situation {
        case .waiting(_, let next, let remaining, let opensAt):
            lines.append("So Level \(next.number) opens \(at(opensAt, now: now)), \(Words.businessTime(remaining)) from now.")
        case .nextOpen(_, let next, .waitPassed(_, let openedAt)):
            lines.append("The wait was used up \(at(openedAt, now: now)), so Level \(next.number) is open.")
        default:
            break
        }
        return lines
    }

    /// The count behind the first promise still running, for "why?".
    func promiseExplanation(_ ticket: Ticket, now: Instant) -> [String]? {
        guard let clock = engine.clocks(ticket, at: now).first(where: { $0.due != nil }), let due = clock.due else { return nil }
        return ["\(Words.upperFirst(clock.what)) is due \(clock.subject.span) after \(stamp(clock.startedAt, now: now)):"]
            + clock.calendar.breakdown(from: clock.startedAt, to: due, excluding: ticket.pauses(until: now)).lines(in: settings.zone)
    }


    /// A warning when `target` is above the level the matrix recommends now.
    func aboveRecommended(_ ticket: Ticket, process: EscalationProcess, target: EscalationLevel, now: Instant) -> String? {
        guard let advice = engine.whoNow(ticket, at: now) else { return nil }
        switch advice.situation {
        case _ where target.anyTime && process.ladder.filter({ $0.number < target.number && $0.number > (ticket.level ?? -1) }).allSatisfy({ $0.number == process.firstLevel.number || $0.anyTime }):
            // "You can escalate … at any time": nothing to warn about.
            return nil
        case .start(let first) where target.number > first.number:
            // A raised condition that skips the first level's wait opens the next one.
            if let next = process.level(after: first.number), target.number == next.number,
               ticket.conditions.contains(where: { first.skipWhen.contains($0) }) { return nil }
            let skipped = process.ladder.filter { $0.number >= first.number && $0.number < target.number }.map { String($0.number) }
            return "The matrix says to start with \(Words.level(first)). \(process.start ?? "")"
                + (skipped.count > 1 ? " Going to Level \(target.number) skips Levels \(Words.list(skipped))." : "")
        case .waiting(let current, let next, let remaining, let opensAt) where target.number >= next.number:
            let skipped = process.ladder.filter { $0.number >= next.number && $0.number < target.number }.map { String($0.number) }
            let skipping = skipped.isEmpty ? "" : " Going to Level \(target.number) skips Level\(skipped.count > 1 ? "s" : "") \(Words.list(skipped))."
            return "The matrix asks you to wait until \(stamp(opensAt, now: now)) (\(Words.businessTime(remaining)) more with Level \(current.number)) before going to Level \(next.number).\(skipping)"
        case .nextOpen(_, let next, _) where target.number > next.number:
            let skipped = process.ladder.filter { $0.number >= next.number && $0.number < target.number }.map { String($0.number) }
            return "The matrix recommends \(Words.level(next)) next; going to Level \(target.number) skips Level\(skipped.count > 1 ? "s" : "") \(Words.list(skipped))."
        default:
            return nil
        }
    }


    /// How the reader reaches `level` of `process`, for a customer of
    /// `segment` when it is known (see `ContactText.reach`).
    func reach(_ level: EscalationLevel, of process: EscalationProcess, segment: String? = nil, saved: [SavedContact]) -> [String] {
        ContactText.reach(level, saved: saved, reader: readerRole,
                          lists: catalog.organisation(process.organisation)?.contactLists ?? [], segment: segment)
    }

    /// The closure codes for a process: its own, or the guide the data names
    /// for processes that set none, and whether they are borrowed.
    func closureCodes(for process: EscalationProcess?) -> (codes: [ClosureCode], borrowedFrom: EscalationProcess?) {
        if let process, !process.closureCodes.isEmpty { return (process.closureCodes, nil) }
        guard let guide = catalog.defaultClosureCodes else { return ([], nil) }
        return (guide.codes, guide.process)
    }

    /// "This needs your agreement." or "This needs your agreement and the CCM's."
    func agreementNeeded(_ parties: String) -> String {
        let named = parties.components(separatedBy: " and ")
        let others = named.filter { $0 != readerParty }.map { $0.hasPrefix("the ") || $0.hasPrefix("all ") ? $0 : "the " + $0 }
        if others.count == named.count { return "This needs the agreement of \(Words.list(others, conjunction: "and"))." }
        if others.isEmpty { return "This needs your agreement." }
        return "This needs your agreement and that of \(Words.list(others, conjunction: "and"))."
    }

    /// A sentence that logs first contact with `level`, in the words the
    /// level itself suggests: “I called the CSR at 9am”, “I e-mailed them at 9am”.
    func contactExample(_ level: EscalationLevel) -> String {
        let role = level.role.flatMap { catalog.role($0) }
        let name = role?.abbreviation ?? role.map { Words.lowerFirst($0.title) }.flatMap { $0.split(separator: " ").count <= 2 ? $0 : nil }
        let own = level.role != nil && level.role == catalog.readerRole?.id
        let who = name.map { own ? "my \($0)" : "the \($0)" } ?? "them"
        let emailOnly = !level.contacts.isEmpty && level.contacts.allSatisfy { route in
            if case .email = route { return true }
            if case .portal = route { return true }
            return false
        }
        let firstIsEmail: Bool
        if case .email? = level.contacts.first { firstIsEmail = true } else { firstIsEmail = false }
        return emailOnly || firstIsEmail ? "I e-mailed \(who) at 9am" : "I called \(who) at 9am"
    }
}

extension SLAClock.Subject {
    /// `4 business hours`, `every 2 business hours`.
    var span: String {
        switch self {
        case .promise(_, let promise): return "\(promise.within)"
        case .update(let plan): return "every \(plan.every)"
        case .reminder: return "as you set it"
        }
    }
}

extension TurnContext {
    /// What a ticket is waiting for, soonest first: promises, the plan's
    /// next update and reminders that are running or overdue.
    func outstanding(ticketID: Int) async throws -> [OutstandingItem] {
        guard let ticket = try await load(ticketID) else { return [] }
        return OutstandingItem.items(of: ticket, engine: engine, now: now)
    }
}

/// One thing a ticket waits for: what it is and when it falls due.
struct OutstandingItem: Equatable {
    var what: String
    var due: Instant

    static func items(of ticket: Ticket, engine: EscalationEngine, now: Instant) -> [OutstandingItem] {
        engine.clocks(ticket, at: now).compactMap { clock -> OutstandingItem? in
            guard let due = clock.due else { return nil }
            switch clock.state {
            case .running, .breached: return OutstandingItem(what: clock.what, due: due)
            default: return nil
            }
        }.sorted { $0.due < $1.due }
    }
}
