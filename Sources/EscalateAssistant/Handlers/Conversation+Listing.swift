import EscalateDomain
import EscalateUnderstanding

/// Where a ticket stands, its history, and lists of tickets.
extension Conversation {
    func status(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        try withTicket("status", slots, includeClosed: true) { ticket in
            let process = self.process(of: ticket)
            var lines = ["#\(ticket.id) \(Words.quote(ticket.details.customer)) — \(process?.shortTitle ?? ticket.details.process) (\(ticket.status.words))"]
            lines.append("Summary: \(Words.quote(ticket.details.summary)). Opened \(at(ticket.openedAt, now: now)) by \(ticket.openedBy).")
            if let level = ticket.level, let engagedAt = ticket.engagedAt {
                let title = process?.level(level)?.title ?? ""
                lines.append("Level \(level): \(title), engaged \(at(engagedAt, now: now)).")
            } else {
                lines.append("No level engaged yet.")
            }
            for clock in engine.clocks(ticket, at: now) {
                switch clock.state {
                case .met(let when): lines.append("\(Words.upperFirst(clock.what)): met \(at(when, now: now)).")
                case .running: if let due = clock.due { lines.append("\(Words.upperFirst(clock.what)): due by \(stamp(due, now: now)).") }
                case .breached(let since): lines.append("\(Words.upperFirst(clock.what)): OVERDUE since \(stamp(since, now: now)).")
                case .paused: lines.append("\(Words.upperFirst(clock.what)): on hold while waiting on the customer.")
                }
            }
            if let plan = ticket.plan { lines.append("Plan: updates \(plan.description).") }
            if !ticket.details.references.isEmpty { lines.append("References: \(ticket.details.references.map(\.description).joined(separator: ", ")).") }
            if let last = ticket.effectiveEvents.last(where: { if case .updateLogged = $0.kind { return true } else { return false } }),
               case .updateLogged(let note) = last.kind {
                lines.append("Last update \(at(last.occurredAt, now: now)): \(Words.quote(note))")
            }
            if let advice = engine.whoNow(ticket, at: now) {
                switch advice.situation {
                case .waiting(_, let next, _, let opensAt): lines.append("Next: Level \(next.number) opens \(at(opensAt, now: now)).")
                case .nextOpen(_, let next, _): lines.append("Next: Level \(next.number) is open to you now.")
                default: break
                }
            }
            return Reply(TextWrap.wrap(lines, width: settings.width))
        }
    }

    func history(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        try withTicket("history", slots, includeClosed: true) { ticket in
            let process = self.process(of: ticket)
            var lines = ["History of #\(ticket.id) \(Words.quote(ticket.details.customer)) (times in \(settings.zone.abbreviation(at: now))):"]
            for event in ticket.events {
                var text = "  \(stamp(event.occurredAt, now: now))  \(event.author)  \(EventText.describe(event, process: process))"
                if ticket.undone.contains(event.id) { text += "  [undone]" }
                lines.append(text)
            }
            return Reply(TextWrap.wrap(lines, width: settings.width))
        }
    }

    func list(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        let filter = slots.entity("filter") ?? (settings.role == .ccm ? "mine" : "open")
        let query: TicketQuery
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
            let midnight = settings.zone.instant(for: LocalDateTime(date: today.adding(days: 1), time: TimeOfDay(seconds: 0)))
            query = TicketQuery(.dueBetween(now, midnight))
            title = "Due later today"
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
        let tickets = try storeCall { try store.tickets(query) }
        guard !tickets.isEmpty else {
            return Reply(filter == "overdue" ? "Nothing is overdue." : "\(title): none.")
        }
        var lines = ["\(title) (\(tickets.count)):"]
        for ticket in tickets {
            var line = summaryLine(ticket)
            if let due = ticket.schedule.nextDue, let what = ticket.schedule.nextDueWhat, ticket.status.isActive {
                line += due <= now ? " — OVERDUE: \(what) was due \(stamp(due, now: now))" : " — due \(stamp(due, now: now)): \(what)"
            }
            lines += TextWrap.wrap(line, width: settings.width, firstIndent: "  ", indent: "      ")
        }
        if filter == "overdue" || filter == "due_today" {
            lines.append("Ask “who do I escalate to now?” about any of them.")
        }
        return Reply(lines)
    }
}
