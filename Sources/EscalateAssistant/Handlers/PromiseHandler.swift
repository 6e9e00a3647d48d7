import EscalateDomain
import EscalateUnderstanding

/// "When should I hear back?": the promises running on a ticket, or what
/// an organisation promises in general, each with its channel.
struct PromiseHandler: IntentHandler {
    let intents: [IntentName] = [.promiseDue]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.promiseDue: "ask when a reply is due"]
    let examples: [IntentName: String] = [.promiseDue: "when should Level 2 get back to me?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        var turn = turn
        let slots = turn.slots
        let hasTickets = try await turn.hasActiveTickets
        // "When will billing get back to me?" with one billing ticket open is about that ticket.
        if slots.ticketRef == nil, slots.org != nil || slots.category != nil, hasTickets {
            let fitting = try await turn.read { try await $0.tickets(TicketQuery(.active, limit: 50)) }.filter { summary in
                turn.catalog.process(summary.process).map { turn.fits($0, byRole: false) } ?? false
            }
            if fitting.count == 1 { turn.request = turn.request.on(ticket: fitting[0].id) }
        }
        if turn.slots.ticketRef == nil && (slots.org != nil || slots.category != nil || !hasTickets) {
            return general(turn)
        }
        let now = turn.now
        return try await turn.withTicket { ticket, turn in
            let clocks = turn.engine.clocks(ticket, at: now)
            guard !clocks.isEmpty else {
                var lines = ["No promise is running on #\(ticket.id) right now."]
                if let process = turn.process(of: ticket), let current = turn.engine.currentLevel(ticket, in: process),
                   let higher = process.ladder.first(where: { $0.number > current.number && !$0.promises.isEmpty }) {
                    lines.append("Further up: \(Words.level(higher)): \(higher.promises[0].text)")
                } else if ticket.level == nil {
                    lines.append("Nobody has been contacted yet; tell me when you do, e.g. “I called them at 9am”.")
                }
                return turn.answer(lines)
            }
            var lines: [String] = []
            for clock in clocks {
                switch clock.state {
                case .running(let remaining):
                    lines.append("#\(ticket.id): \(clock.what) is due \(turn.at(clock.due!, now: now)) (\(Words.businessTime(remaining)) from now).")
                case .breached(let since):
                    lines.append("#\(ticket.id): \(clock.what) was due \(turn.at(since, now: now)) and has not come: it is overdue, a reason to go higher.")
                case .met(let when):
                    if let due = clock.due, when > due {
                        lines.append("#\(ticket.id): \(clock.what) came \(turn.at(when, now: now)), late (due \(turn.at(due, now: now))).")
                    } else {
                        lines.append("#\(ticket.id): \(clock.what) came \(turn.at(when, now: now)), in time.")
                    }
                case .paused:
                    lines.append("#\(ticket.id): \(clock.what) is on hold while the ticket waits on the customer.")
                }
                if case .promise(_, let promise) = clock.subject { lines.append("  (\(promise.text))") }
            }
            let explanation = clocks.contains { $0.due != nil } ? turn.promiseExplanation(ticket, now: now) : nil
            return turn.answer(lines, explanation: explanation)
        }
    }

    /// What an organisation or topic promises, with no ticket.
    func general(_ turn: TurnContext) -> Outcome {
        let slots = turn.slots
        var lines: [String] = []
        for organisation in turn.catalog.organisations where slots.org == nil || organisation.id == slots.org {
            for route in organisation.routes where (slots.category == nil || route.topic == slots.category) && route.promise != nil {
                if let segment = slots.segment, let routeSegment = route.segment, segment != routeSegment { continue }
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
        if lines.isEmpty { return turn.problem("I know of no promise for that. Ask about a ticket, e.g. “when should I hear back on #1?”.") }
        return turn.answer(Array(lines.prefix(8)))
    }
}
