import EscalateDomain
import EscalateUnderstanding

/// "Who do I escalate to now?" and "when can I go to the next level?"
extension Conversation {
    func whoNext(_ slots: [String: SlotValue], line: String = "", asking: Bool = false, now: Instant, asOf moment: Instant? = nil) throws -> Reply {
        if slots.ticketRef == nil, focus == nil, slots.org != nil || slots.category != nil || slots.process != nil {
            return generalAdvice(slots, intent: "who_next")
        }
        // "Who do I contact to disconnect a CMS circuit?" with a maintenance
        // ticket in focus: a question about another process, not that ticket.
        if slots.ticketRef == nil, let id = focus, let ticket = try load(id), !fits(ticket, slots) {
            return generalAdvice(slots, intent: "who_next")
        }
        if slots.ticketRef == nil, focus == nil, try storeCall({ try store.tickets(TicketQuery(.active, limit: 1)) }).isEmpty {
            return generalAdvice(slots, intent: "who_next")
        }
        switch try resolveTicket(intent: "who_next", slots: slots) {
        case .reply(let reply): return reply
        case .found(let ticket):
            focus = ticket.id
            // "If the SLA was missed, can I…?": weigh the condition without
            // recording it. Said as a fact ("the follow-up never came, can
            // I escalate?"), it is recorded as a reason to escalate.
            var probe = ticket
            let known = process(of: ticket)?.whenToRaise.map(\.id) ?? []
            var hypothetical = slots.entity("condition").flatMap { ticket.conditions.contains($0) || !known.contains($0) ? nil : $0 }
            var recorded: String?
            if let stated = hypothetical, moment == nil, !Tokenizer.tokens(line).contains(where: { $0.text == "if" || $0.text == "suppose" || $0.text == "say" }) {
                probe = try record([(.conditionRaised(condition: stated, note: nil), now)], on: ticket.id, now: now)
                recorded = stated
                hypothetical = nil
            }
            if let hypothetical { probe.conditions.append(hypothetical) }
            guard let advice = engine.whoNow(probe, at: moment ?? now) else {
                return .problem("#\(ticket.id) follows the process '\(ticket.details.process)', which is not in the matrices any more.")
            }
            if let moment {
                // The answer as of a later moment, as long as nothing else happens.
                var lines = ["As of \(stamp(moment, now: now)), if nothing else happens on #\(ticket.id) before then:"]
                switch advice.situation {
                case .waiting(_, let next, let remaining, let opensAt):
                    lines.append("Not yet: Level \(next.number) opens \(at(opensAt, now: now)), \(Words.businessTime(remaining)) after that.")
                case .nextOpen(_, let next, _):
                    lines.append("Yes: Level \(next.number), \(next.title), will be open to you then.")
                default:
                    lines += adviceLines(advice, now: now)
                }
                return Reply(lines)
            }
            lastExplanation = explanation(advice, now: now)
            // A missed promise leads: it is the strongest reason to go higher.
            var lines = breachedLines(ticket, now: now) + adviceLines(advice, now: now)
            if let recorded, let text = process(of: ticket)?.whenToRaise.first(where: { $0.id == recorded })?.text {
                lines.insert("Noted on #\(ticket.id) as a reason to escalate: \(text).", at: 0)
            }
            if asking {
                // "Can I escalate yet?" is answered yes or no first.
                switch advice.situation {
                case .nextOpen: lines.insert("Yes.", at: 0)
                case .waiting(_, _, let remaining, let opensAt): lines.insert("Not yet: \(Words.businessTime(remaining)) to go, until \(stamp(opensAt, now: now)).", at: 0)
                case .top: lines.insert("There is no higher level on the matrix.", at: 0)
                case .start: lines.insert("Not yet: start with the first level.", at: 0)
                default: break
                }
            }
            if hypothetical != nil, case .nextOpen(_, let next, .condition) = advice.situation {
                lines.append("Nothing is recorded yet: say “escalate #\(ticket.id)” to go to Level \(next.number).")
            }
            return Reply(lines)
        }
    }

    /// Whether the organisation and topic named in `slots` (if any) are the ticket's.
    func fits(_ ticket: Ticket, _ slots: [String: SlotValue]) -> Bool {
        guard let process = process(of: ticket) else { return slots.org == nil || slots.org == ticket.details.organisation }
        return fits(process, slots, byRole: false)
    }

    func whenNext(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        if slots.ticketRef == nil, focus == nil, slots.org != nil || slots.category != nil {
            return generalAdvice(slots, intent: "when_next")
        }
        if slots.ticketRef == nil, let id = focus, let ticket = try load(id), !fits(ticket, slots) {
            return generalAdvice(slots, intent: "when_next")
        }
        // No ticket to go by: the rule of the process asked about.
        if slots.ticketRef == nil, focus == nil, try storeCall({ try store.tickets(TicketQuery(.active, limit: 1)) }).isEmpty {
            return generalAdvice(slots, intent: "when_next")
        }
        switch try resolveTicket(intent: "when_next", slots: slots) {
        case .reply(let reply): return reply
        case .found(let ticket):
            focus = ticket.id
            // "Can I escalate on Tuesday at 9am?": a day named in a question
            // about going up is the coming one.
            if var moment = slots.time?.instant, moment != now {
                while moment < now, now - moment < 7 * 86_400 { moment = moment + 7 * 86_400 }
                if moment > now { return try whoNext(slots, now: now, asOf: moment) }
            }
            guard let advice = engine.whoNow(ticket, at: now) else { return .problem("#\(ticket.id)'s process is not in the matrices.") }
            lastExplanation = explanation(advice, now: now)
            switch advice.situation {
            case .waiting(let current, let next, let remaining, let opensAt):
                return Reply([
                    "#\(ticket.id): Level \(next.number) opens \(at(opensAt, now: now)), \(advice.wait!) after you engaged Level \(current.number) \(at(advice.engagedAt!, now: now)).",
                    "That is \(Words.businessTime(remaining)) from now (business hours: \(hours(advice.calendar, now: now)))\(advice.ticket.pauses.isEmpty && advice.ticket.pausedSince == nil ? "" : ", leaving out the time spent waiting on the customer"). Ask “why?” for the count.",
                ])
            case .nextOpen(_, let next, .waitPassed(let wait, let openedAt)):
                return Reply(["#\(ticket.id): you can go to Level \(next.number) now. It opened \(at(openedAt, now: now)), \(wait) after you engaged Level \(advice.ticket.level ?? advice.process.firstLevel.number) \(at(advice.engagedAt!, now: now))."])
            default:
                return Reply(adviceLines(advice, now: now))
            }
        }
    }

    /// Advice without a ticket: where a process starts or, when a role is
    /// named ("when can I go above my CCM?"), that role's level, and what
    /// opens the next one.
    func generalAdvice(_ slots: [String: SlotValue], intent: String) -> Reply {
        var candidates = slots.process.flatMap { catalog.process($0) }.map { [$0] } ?? processes(org: slots.org, category: slots.category, segment: slots.entity("segment"))
        // Only the processes with the role asked about, when some have it.
        if candidates.count > 1, let role = slots.role {
            let withRole = candidates.filter { $0.ladder.contains { $0.role == role } }
            if !withRole.isEmpty { candidates = withRole }
        }
        if candidates.count > 1 || candidates.isEmpty {
            if slots.org == nil && slots.category == nil {
                return Reply([
                    "You have no tickets yet, so I can't say where you are on a ladder.",
                    "Open one (“open a ticket for Acme”), or ask about a process, e.g. “who do I escalate to for CMS billing?”.",
                ])
            }
            return askWhichProcess(intent: intent, slots: slots, candidates: candidates.isEmpty ? catalog.processes : candidates, question: "Which process is it?")
        }
        let process = candidates[0]
        let named = slots.role.flatMap { role in process.ladder.first { $0.role == role } }
        let level = named ?? process.firstLevel
        let saved = (try? store.contacts()) ?? []
        var lines: [String] = []
        if named == nil || level.number == process.firstLevel.number {
            lines.append("\(process.title): start with Level \(level.number), \(level.title).")
            lines += reach(level, of: process, segment: slots.entity("segment"), saved: saved).map { "  Contact: \($0)" }
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
        return Reply(lines)
    }

    /// The answer to "who now?", in words.
    func adviceLines(_ advice: EscalationAdvice, now: Instant) -> [String] {
        let ticket = advice.ticket
        let process = advice.process
        let saved = (try? store.contacts()) ?? []
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
            lastExplanation = promiseExplanation(ticket, now: now)
            reach(top)
            if let beyond = process.beyondTop { lines.append(beyond) }
        case .deescalated(let current, let next):
            lines.append("\(head) was de-escalated, so no escalation is running.")
            if let current { lines.append("Level \(current.number), \(current.title), remains the contact.") }
            if let next { lines.append("If progress stalls again, escalate to Level \(next.number): \(next.title).") }
        case .closed(let code, let agreedBy, let closedAt):
            let text = closureCodes(for: process).first { $0.id == code }?.text ?? code
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

    func explainLast() -> Reply {
        guard let explanation = previousExplanation else {
            return Reply("There's nothing to explain yet. Ask me who to escalate to, or when the next level opens, and then ask “why?”.")
        }
        // “why?” twice explains the same answer again.
        lastExplanation = explanation
        return Reply(explanation)
    }

    func elapsedQuery(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        var ticket: Ticket?
        if slots.ticketRef != nil || focus != nil || slots.time == nil {
            switch try resolveTicket(intent: "elapsed_query", slots: slots) {
            case .reply(let reply): if slots.time == nil { return reply }
            case .found(let found): ticket = found
            }
        }
        // The current level's hours, or before any is engaged the first one's.
        let level = ticket.flatMap { t in process(of: t).flatMap { engine.currentLevel(t, in: $0) ?? $0.firstLevel } }
        let calendar = level.map { engine.calendar(for: $0, segment: ticket?.details.segment) } ?? catalog.calendar(named: "support-desk")!
        // "How long has #1 been waiting on the customer?"
        if slots.entity("filter") == "waiting", let ticket {
            guard let since = ticket.pausedSince else {
                let waited = ticket.pauses.reduce(Int64(0)) { $0 + ($1.end - $1.start) }
                return Reply(waited == 0 ? "#\(ticket.id) is not waiting on the customer." : "#\(ticket.id) is not waiting on the customer now; it waited \(WallText.duration(waited)) in all.")
            }
            let business = calendar.elapsed(from: since, to: now)
            lastExplanation = calendar.breakdown(from: since, to: now).lines(in: settings.zone)
            return Reply(["#\(ticket.id) has been waiting on the customer since \(stamp(since, now: now)): \(WallText.duration(now - since)) on the clock, \(Words.businessTime(business)) (business hours: \(hours(calendar, now: now))).",
                          "The escalation clock is stopped meanwhile. Ask “why?” for the day-by-day count."])
        }
        // "How long has #1 been open?": from the opening, not from the level.
        if slots.entity("filter") == "open", slots.time == nil, let ticket {
            let end = ticket.closure?.at ?? now
            let pauses = ticket.pauses(until: end)
            let business = calendar.elapsed(from: ticket.openedAt, to: end, excluding: pauses)
            lastExplanation = calendar.breakdown(from: ticket.openedAt, to: end, excluding: pauses).lines(in: settings.zone)
            let span = ticket.closure == nil
                ? "#\(ticket.id) has been open since \(stamp(ticket.openedAt, now: now))"
                : "#\(ticket.id) was open from \(stamp(ticket.openedAt, now: now)) until it was closed \(stamp(end, now: now))"
            var lines = ["\(span): \(WallText.duration(end - ticket.openedAt)) on the clock, "
                + (calendar.isAlwaysOpen ? "all of it working time (this level works 24/7)." : "\(Words.businessTime(business)) (business hours: \(hours(calendar, now: now))).")]
            if !pauses.isEmpty { lines.append("Time waiting on the customer is not counted in the business hours.") }
            lines.append("Ask “why?” for the day-by-day count.")
            return Reply(lines)
        }
        let start: Instant
        let since: String
        if let time = slots.time {
            start = time.instant
            // “since 09:00 CT today”, “since yesterday at 15:00 CT”, “since Wed 25 Nov at 16:00 CT”.
            var when = at(start, now: now)
            for word in ["at ", "on "] where when.hasPrefix(word) { when.removeFirst(word.count) }
            since = "since \(when)"
        } else if let ticket, let engagedAt = ticket.engagedAt {
            start = engagedAt
            since = "since you engaged Level \(ticket.level!) \(at(engagedAt, now: now))"
        } else if let ticket {
            start = ticket.openedAt
            since = "since #\(ticket.id) was opened \(at(ticket.openedAt, now: now))"
        } else {
            return .problem("Since when? Say e.g. “how many business hours since 9am?”.")
        }
        guard start <= now else { return .problem("\(Words.upperFirst(stamp(start, now: now))) is in the future.") }
        let pauses = ticket?.pauses(until: now) ?? []
        let seconds = calendar.elapsed(from: start, to: now, excluding: pauses)
        lastExplanation = calendar.breakdown(from: start, to: now, excluding: pauses).lines(in: settings.zone)
        var lines = calendar.isAlwaysOpen
            ? ["\(Words.upperFirst(WallText.duration(seconds))) \(since), counted around the clock (this level works 24/7)."]
            : ["\(Words.upperFirst(Words.businessTime(seconds))) \(since) (business hours: \(hours(calendar, now: now)))."]
        if let ticket { lines[0] = "#\(ticket.id): " + Words.lowerFirst(lines[0]) }
        if !pauses.isEmpty { lines.append("Time waiting on the customer is not counted.") }
        lines.append("Ask “why?” for the day-by-day count.")
        return Reply(lines)
    }
}
