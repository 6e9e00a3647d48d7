import EscalateDomain
import EscalateUnderstanding

/// Where a ticket stands, its history, and lists of tickets.
extension Conversation {
    func status(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        try withTicket("status", slots, includeClosed: true) { ticket in
            let process = self.process(of: ticket)
            var lines = ["#\(ticket.id) \(Words.quote(ticket.details.customer)) — \(process?.shortTitle ?? ticket.details.process) (\(ticket.status.words))"]
            if !ticket.details.summary.isEmpty { lines.append("Summary: \(Words.quote(ticket.details.summary)).") }
            lines.append("Opened \(at(ticket.openedAt, now: now)) by \(ticket.openedBy).")
            if let closure = ticket.closure {
                let text = closureCodes(for: process).first { $0.id == closure.code }?.text ?? closure.code
                lines.append("Closed \(at(closure.at, now: now)) as \(Words.code(closure.code)): \(text) Agreed by \(Words.agreement(closure.agreedBy)).")
                if let note = closure.note { lines.append("Closing note: \(Words.quote(note))") }
            } else if let since = ticket.pausedSince {
                let reason = ticket.effectiveEvents.last { if case .paused = $0.kind { return true } else { return false } }
                var text = "Waiting on the customer since \(stamp(since, now: now)); the escalation clock is stopped"
                if let reason, case .paused(let why?) = reason.kind { text += " (\(Words.quote(why)))" }
                lines.append(text + ".")
            }
            if let level = ticket.level, let engagedAt = ticket.engagedAt {
                let title = process?.level(level)?.title ?? ""
                lines.append("Level \(level): \(title), engaged \(at(engagedAt, now: now)).")
            } else if ticket.closure == nil {
                lines.append("No level engaged yet.")
            }
            for clock in engine.clocks(ticket, at: now) {
                switch clock.state {
                case .met(let when):
                    if let due = clock.due, when > due {
                        lines.append("\(Words.upperFirst(clock.what)): came late, \(at(when, now: now)) (due \(stamp(due, now: now))).")
                    } else {
                        lines.append("\(Words.upperFirst(clock.what)): came in time, \(at(when, now: now)).")
                    }
                case .running: if let due = clock.due { lines.append("\(Words.upperFirst(clock.what)): due by \(stamp(due, now: now)).") }
                case .breached(let since): lines.append("\(Words.upperFirst(clock.what)): overdue since \(stamp(since, now: now)).")
                case .paused: lines.append("\(Words.upperFirst(clock.what)): on hold while waiting on the customer.")
                }
            }
            if let plan = ticket.plan, !engine.clocks(ticket, at: now).contains(where: \.isUpdate) {
                lines.append("Plan: updates \(plan.description).")
            }
            if !ticket.details.references.isEmpty { lines.append("References: \(ticket.details.references.map(\.description).joined(separator: ", ")).") }
            if let last = ticket.effectiveEvents.last(where: { if case .updateLogged = $0.kind { return true } else { return false } }),
               case .updateLogged(let note) = last.kind {
                lines.append("Last update \(at(last.occurredAt, now: now)): \(Words.quote(note))")
            }
            if let advice = engine.whoNow(ticket, at: now) {
                switch advice.situation {
                case .waiting(_, let next, _, let opensAt): lines.append("Next: Level \(next.number) opens \(at(opensAt, now: now)).")
                case .nextOpen(let current, let next, _) where next.assigned:
                    lines.append("Next: Level \(current.number) assigns Level \(next.number), \(next.title).")
                case .nextOpen(let current, let next, .noWait):
                    lines.append("Next: Level \(next.number), if Level \(current.number) does not resolve it (the matrix sets no wait).")
                case .nextOpen(_, let next, _): lines.append("Next: Level \(next.number) is open to you now.")
                default: break
                }
            }
            // "why?" after a status explains its first deadline.
            lastExplanation = promiseExplanation(ticket, now: now)
            return Reply(lines)
        }
    }

    func history(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        try withTicket("history", slots, includeClosed: true) { ticket in
            let process = self.process(of: ticket)
            var lines = ["History of #\(ticket.id) \(Words.quote(ticket.details.customer)), by when it happened:"]
            // By when it happened; an entry recorded later than it happened says so.
            let ordered = ticket.events.enumerated().sorted { ($0.element.occurredAt, $0.offset) < ($1.element.occurredAt, $1.offset) }.map(\.element)
            for event in ordered {
                var text = "  \(ZonedTime(event.occurredAt, in: settings.zone).friendly)  \(event.author): \(EventText.describe(event, in: ticket, process: process))"
                if event.recordedAt - event.occurredAt >= 15 * 60 { text += " (logged \(stamp(event.recordedAt, now: now)))" }
                if ticket.undone.contains(event.id) { text += " [undone]" }
                lines.append(text)
            }
            return Reply(lines)
        }
    }

    /// The most tickets one list shows.
    static let listPage = 50

    func list(_ slots: [String: SlotValue], line: String = "", now: Instant) throws -> Reply {
        var filter = slots.entity("filter") ?? (settings.role == .ccm ? "mine" : "open")
        // "Due tomorrow": the time word is read as a time, not as part of the filter.
        if filter == "due_today" {
            let words = Set(Tokenizer.tokens(line).map(\.text))
            if words.contains("tomorrow") { filter = "due_tomorrow" } else if words.contains("week") { filter = "due_this_week" }
        }
        var query: TicketQuery
        let title: String
        switch filter {
        case "mine":
            query = TicketQuery(.active, openedBy: settings.user)
            title = "Your open tickets"
        case "overdue":
            query = TicketQuery(.dueBy(now))
            title = "Overdue"
        case "due_today":
            let today = settings.zone.local(now).date
            // Today's whole day: what fell due earlier today and is still
            // outstanding shows too, marked overdue.
            let startOfDay = settings.zone.instant(for: LocalDateTime(date: today, time: TimeOfDay(seconds: 0)))
            let midnight = settings.zone.instant(for: LocalDateTime(date: today.adding(days: 1), time: TimeOfDay(seconds: 0)))
            query = TicketQuery(.dueBetween(startOfDay, midnight))
            title = "Due today"
        case "due_tomorrow":
            let today = settings.zone.local(now).date
            let start = settings.zone.instant(for: LocalDateTime(date: today.adding(days: 1), time: TimeOfDay(seconds: 0)))
            let end = settings.zone.instant(for: LocalDateTime(date: today.adding(days: 2), time: TimeOfDay(seconds: 0)))
            query = TicketQuery(.dueBetween(start, end))
            title = "Due tomorrow"
        case "due_this_week":
            // From now to the end of Sunday, in the reader's week.
            let today = settings.zone.local(now).date
            let daysLeft = 8 - today.weekday.rawValue
            let end = settings.zone.instant(for: LocalDateTime(date: today.adding(days: daysLeft), time: TimeOfDay(seconds: 0)))
            query = TicketQuery(.dueBetween(now, end))
            title = "Due this week"
        case "waiting":
            query = TicketQuery(.status(.waitingOnCustomer))
            title = "Waiting on the customer"
        case "escalated":
            query = TicketQuery(.status(.escalated))
            title = "Escalated"
        case "closed":
            query = TicketQuery(.closed)
            title = "Closed"
        case "all":
            query = TicketQuery(.all)
            title = "All tickets"
        default:
            query = TicketQuery(.active)
            title = "Open tickets"
        }
        // A long list shows its first page: the most urgent first for the
        // time-ordered filters, else the oldest tickets.
        query.limit = Self.listPage
        let tickets = try storeCall { try store.tickets(query) }
        guard !tickets.isEmpty else {
            return Reply(filter == "overdue" ? "Nothing is overdue." : "\(title): none.")
        }
        let total = tickets.count < Self.listPage ? tickets.count : try storeCall { try store.count(query) }
        var lines = ["\(title) (\(total)):"]
        for ticket in tickets {
            var line = summaryLine(ticket)
            if let due = ticket.schedule.nextDue, let what = ticket.schedule.nextDueWhat, ticket.status.isActive {
                line += due < now ? " — overdue: \(what) was due \(stamp(due, now: now))" : " — due \(stamp(due, now: now)): \(what)"
            }
            if let opened = ticket.schedule.nextLevelAt, opened <= now, ticket.status.isActive {
                line += " — next level open since \(stamp(opened, now: now))"
            }
            lines.append("  " + line)
        }
        if total > tickets.count {
            lines.append("… and \(total - tickets.count) more. Ask about one by number, e.g. “status of #\(tickets[0].id)”.")
        }
        return Reply(lines)
    }
}
