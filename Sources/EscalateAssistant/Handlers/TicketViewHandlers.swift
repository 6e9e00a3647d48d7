import EscalateDomain
import EscalateUnderstanding

/// "Status of #12": where a ticket stands, its deadlines and what is next.
struct StatusHandler: IntentHandler {
    let intents: [IntentName] = [.status]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.status: "see a ticket's status"]
    let examples: [IntentName: String] = [.status: "status of #12"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let now = turn.now
        return try await turn.withTicket(includeClosed: true) { ticket, turn in
            let process = turn.process(of: ticket)
            var lines = ["#\(ticket.id) \(Words.quote(ticket.details.customer)) — \(process?.shortTitle ?? ticket.details.process) (\(ticket.status.words))"]
            if !ticket.details.summary.isEmpty {
                let summary = Words.quote(ticket.details.summary)
                lines.append("Summary: \(summary)\(summary.last.map { ".?!".contains($0) } == true ? "" : ".")")
            }
            lines += SetFieldHandler.fieldLines(ticket.details, including: [.account, .location, .senderEmail, .senderPhone])
            lines.append("Opened \(turn.at(ticket.openedAt, now: now)) by \(ticket.openedBy).")
            if let closure = ticket.closure {
                let text = turn.closureCodes(for: process).codes.first { $0.id == closure.code }?.text ?? closure.code
                lines.append("Closed \(turn.at(closure.at, now: now)) as \(Words.code(closure.code)): \(text) Agreed by \(Words.agreement(closure.agreedBy)).")
                if let note = closure.note { lines.append("Closing note: \(Words.quote(note))") }
            } else if let since = ticket.pausedSince {
                let reason = ticket.effectiveEvents.last { if case .paused = $0.kind { return true } else { return false } }
                var text = "Waiting on the customer since \(turn.stamp(since, now: now)); the escalation clock is stopped"
                if let reason, case .paused(let why?) = reason.kind { text += " (\(Words.quote(why)))" }
                lines.append(text + ".")
            }
            if let level = ticket.level, let engagedAt = ticket.engagedAt {
                let title = process?.level(level)?.title ?? ""
                lines.append("Level \(level): \(title), engaged \(turn.at(engagedAt, now: now)).")
            } else if ticket.closure == nil {
                lines.append("No level engaged yet.")
            }
            for clock in turn.engine.clocks(ticket, at: now) {
                switch clock.state {
                case .met(let when):
                    if let due = clock.due, when > due {
                        lines.append("\(Words.upperFirst(clock.what)): came late, \(turn.at(when, now: now)) (due \(turn.stamp(due, now: now))).")
                    } else {
                        lines.append("\(Words.upperFirst(clock.what)): came in time, \(turn.at(when, now: now)).")
                    }
                case .running: if let due = clock.due { lines.append("\(Words.upperFirst(clock.what)): due by \(turn.stamp(due, now: now)).") }
                case .breached(let since): lines.append("\(Words.upperFirst(clock.what)): overdue since \(turn.stamp(since, now: now)).")
                case .paused: lines.append("\(Words.upperFirst(clock.what)): on hold while waiting on the customer.")
                }
            }
            if let plan = ticket.plan, !turn.engine.clocks(ticket, at: now).contains(where: \.isUpdate) {
                lines.append("Plan: updates \(plan.description).")
            }
            if !ticket.details.references.isEmpty { lines.append("References: \(ticket.details.references.map(turn.describe).joined(separator: ", ")).") }
            if let last = ticket.effectiveEvents.last(where: { if case .updateLogged = $0.kind { return true } else { return false } }),
               case .updateLogged(let note) = last.kind {
                lines.append("Last update \(turn.at(last.occurredAt, now: now)): \(Words.quote(note))")
            }
            if let advice = turn.engine.whoNow(ticket, at: now) {
                switch advice.situation {
                case .waiting(_, let next, _, let opensAt): lines.append("Next: Level \(next.number) opens \(turn.at(opensAt, now: now)).")
                case .nextOpen(let current, let next, _) where next.assigned:
                    lines.append("Next: Level \(current.number) assigns Level \(next.number), \(next.title).")
                case .nextOpen(let current, let next, .noWait):
                    lines.append("Next: Level \(next.number), if Level \(current.number) does not resolve it (the matrix sets no wait).")
                case .nextOpen(_, let next, _): lines.append("Next: Level \(next.number) is open to you now.")
                default: break
                }
            }
            // "why?" after a status explains its first deadline.
            return turn.answer(lines, explanation: turn.promiseExplanation(ticket, now: now))
        }
    }

}

/// "History of #12": every entry, by when it happened.
struct HistoryHandler: IntentHandler {
    let intents: [IntentName] = [.history]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.history: "see a ticket's history"]
    let examples: [IntentName: String] = [.history: "history of #12"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let now = turn.now
        return try await turn.withTicket(includeClosed: true) { ticket, turn in
            let process = turn.process(of: ticket)
            var lines = ["History of #\(ticket.id) \(Words.quote(ticket.details.customer)), by when it happened:"]
            // By when it happened; an entry recorded later than it happened says so.
            let ordered = ticket.events.enumerated().sorted { ($0.element.occurredAt, $0.offset) < ($1.element.occurredAt, $1.offset) }.map(\.element)
            for event in ordered {
                var text = "  \(ZonedTime(event.occurredAt, in: turn.settings.zone).friendly)  \(event.author): \(EventText.describe(event, in: ticket, process: process, catalog: turn.catalog, zone: turn.settings.zone))"
                // Written down later than it happened; a log written on the real clock
                // while the session runs a simulated one is not "later".
                if event.recordedAt - event.occurredAt >= 15 * 60, event.recordedAt <= now + 60 { text += " (logged \(turn.stamp(event.recordedAt, now: now)))" }
                if ticket.undone.contains(event.id) { text += " [undone]" }
                lines.append(text)
            }
            return turn.answer(lines)
        }
    }

}

/// "What's overdue?", "my tickets", "due today": lists of tickets.
struct ListHandler: IntentHandler {
    let intents: [IntentName] = [.list]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.list: "list tickets"]
    let examples: [IntentName: String] = [.list: "what's overdue?"]

    /// The most tickets one list shows.
    static let listPage = 50

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let now = turn.now
        var filter = turn.slots.entity(.filter) ?? (turn.settings.role == .ccm ? "mine" : "open")
        // "Due tomorrow": the time word is read as a time, not as part of the filter.
        if filter == "due_today" {
            if turn.interpretation.mentions("tomorrow") { filter = "due_tomorrow" } else if turn.interpretation.mentions("week") { filter = "due_this_week" }
        }
        var query: TicketQuery
        let title: String
        switch filter {
        case "mine":
            query = TicketQuery(.active, openedBy: turn.settings.user)
            title = "Your open tickets"
        case "overdue":
            query = TicketQuery(.dueBy(now))
            title = "Overdue"
        case "due_today":
            let today = turn.settings.zone.local(now).date
            // Today's whole day: what fell due earlier today and is still
            // outstanding shows too, marked overdue.
            let startOfDay = turn.settings.zone.instant(for: LocalDateTime(date: today, time: TimeOfDay(seconds: 0)))
            let midnight = turn.settings.zone.instant(for: LocalDateTime(date: today.adding(days: 1), time: TimeOfDay(seconds: 0)))
            query = TicketQuery(.dueBetween(startOfDay, midnight))
            title = "Due today"
        case "due_tomorrow":
            let today = turn.settings.zone.local(now).date
            let start = turn.settings.zone.instant(for: LocalDateTime(date: today.adding(days: 1), time: TimeOfDay(seconds: 0)))
            let end = turn.settings.zone.instant(for: LocalDateTime(date: today.adding(days: 2), time: TimeOfDay(seconds: 0)))
            query = TicketQuery(.dueBetween(start, end))
            title = "Due tomorrow"
        case "due_this_week":
            // From now to the end of Sunday, in the reader's week.
            let today = turn.settings.zone.local(now).date
            let daysLeft = 8 - today.weekday.rawValue
            let end = turn.settings.zone.instant(for: LocalDateTime(date: today.adding(days: daysLeft), time: TimeOfDay(seconds: 0)))
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
        let tickets = try await turn.read { [query] in try await $0.tickets(query) }
        guard !tickets.isEmpty else {
            return turn.answer(filter == "overdue" ? "Nothing is overdue." : "\(title): none.")
        }
        let total = tickets.count < Self.listPage ? tickets.count : try await turn.read { [query] in try await $0.count(query) }
        var lines = ["\(title) (\(total)):"]
        for ticket in tickets {
            var line = turn.summaryLine(ticket)
            // Every outstanding item, each with what it is and when it was
            // due: an acknowledgement due at 13:00 never hides behind an
            // update due at 11:00.
            let items = ticket.status.isActive ? try await turn.outstanding(ticketID: ticket.id) : []
            for (index, item) in items.enumerated() {
                let text = item.due < now ? "overdue: \(item.what) was due \(turn.stamp(item.due, now: now))" : "due \(turn.stamp(item.due, now: now)): \(item.what)"
                if index == 0 { line += " — " + text } else { lines.append("  " + line); line = "    also " + text }
            }
            if let opened = ticket.schedule.nextLevelAt, opened <= now, ticket.status.isActive {
                line += " — next level open since \(turn.stamp(opened, now: now))"
            }
            lines.append("  " + line)
        }
        if total > tickets.count {
            lines.append("… and \(total - tickets.count) more. Ask about one by number, e.g. “status of #\(tickets[0].id)”.")
        }
        return turn.answer(lines)
    }
}
