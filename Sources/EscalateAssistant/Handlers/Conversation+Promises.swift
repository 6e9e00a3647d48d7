import EscalateDomain
import EscalateUnderstanding

/// "When should I hear back?": the promises running on a ticket, or what
/// an organisation promises in general.
extension Conversation {
    func promiseDue(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        let hasTickets = !(try storeCall { try store.tickets(TicketQuery(.active, limit: 1)) }).isEmpty
        var slots = slots
        // "When will billing get back to me?" with one billing ticket open is about that ticket.
        if slots.ticketRef == nil, slots.org != nil || slots.category != nil, hasTickets {
            let fitting = try storeCall { try store.tickets(TicketQuery(.active, limit: 50)) }.filter { summary in
                catalog.process(summary.process).map { fits($0, slots, byRole: false) } ?? false
            }
            if fitting.count == 1 { slots["ticket"] = .ticket(.number(fitting[0].id)) }
        }
        if slots.ticketRef == nil && (slots.org != nil || slots.category != nil || !hasTickets) {
            return generalPromises(slots, now: now)
        }
        return try withTicket("promise_due", slots) { ticket in
            let clocks = engine.clocks(ticket, at: now)
            guard !clocks.isEmpty else {
                var lines = ["No promise is running on #\(ticket.id) right now."]
                if let process = process(of: ticket), let current = engine.currentLevel(ticket, in: process),
                   let higher = process.ladder.first(where: { $0.number > current.number && !$0.promises.isEmpty }) {
                    lines.append("Further up: \(Words.level(higher)): \(higher.promises[0].text)")
                } else if ticket.level == nil {
                    lines.append("Nobody has been contacted yet; tell me when you do, e.g. “I called them at 9am”.")
                }
                return Reply(lines)
            }
            var lines: [String] = []
            for clock in clocks {
                switch clock.state {
                case .running(let remaining):
                    lines.append("#\(ticket.id): \(clock.what) is due \(at(clock.due!, now: now)) (\(Words.businessTime(remaining)) from now).")
                case .breached(let since):
                    lines.append("#\(ticket.id): \(clock.what) was due \(at(since, now: now)) and has not come: it is overdue, a reason to go higher.")
                case .met(let when):
                    if let due = clock.due, when > due {
                        lines.append("#\(ticket.id): \(clock.what) came \(at(when, now: now)), late (due \(at(due, now: now))).")
                    } else {
                        lines.append("#\(ticket.id): \(clock.what) came \(at(when, now: now)), in time.")
                    }
                case .paused:
                    lines.append("#\(ticket.id): \(clock.what) is on hold while the ticket waits on the customer.")
                }
                if case .promise(_, let promise) = clock.subject { lines.append("  (\(promise.text))") }
                if clock.due != nil, lastExplanation == nil { lastExplanation = promiseExplanation(ticket, now: now) }
            }
            return Reply(lines)
        }
    }

    /// What an organisation or topic promises, with no ticket.
    func generalPromises(_ slots: [String: SlotValue], now: Instant) -> Reply {
        var lines: [String] = []
        for organisation in catalog.organisations where slots.org == nil || organisation.id == slots.org {
            for route in organisation.routes where (slots.category == nil || route.topic == slots.category) && route.promise != nil {
                if let segment = slots.entity("segment"), let routeSegment = route.segment, segment != routeSegment { continue }
                lines.append("\(organisation.name), \(Words.lowerFirst(route.title)): \(route.promise!.text)")
            }
            for process in organisation.processes where slots.category == nil || process.topics.contains(slots.category!) {
                for level in process.ladder {
                    for promise in level.promises where !lines.contains(where: { $0.hasSuffix(promise.text) }) {
                        lines.append("\(process.shortTitle), \(Words.level(level)): \(promise.text)")
                    }
                }
            }
        }
        if lines.isEmpty { return .problem("I know of no promise for that. Ask about a ticket, e.g. “when should I hear back on #1?”.") }
        return Reply(Array(lines.prefix(8)))
    }
}

extension SLAClock.Subject {
    /// `4 business hours`, `every 2 business hours`.
    var span: String {
        switch self {
        case .promise(_, let promise): return "\(promise.within)"
        case .update(let plan): return "every \(plan.every)"
        }
    }
}
