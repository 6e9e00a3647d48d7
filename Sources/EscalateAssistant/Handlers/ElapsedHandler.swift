import EscalateDomain
import EscalateUnderstanding

/// "How many business hours since I called?", "how long has #1 been open?":
/// business time counted on the ticket's current level's hours.
struct ElapsedHandler: IntentHandler {
    let intents: [IntentName] = [.elapsedQuery]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.elapsedQuery: "ask how much business time has passed"]
    let examples: [IntentName: String] = [.elapsedQuery: "how many business hours since I called?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let slots = turn.slots
        let now = turn.now
        var ticket: Ticket?
        if slots.ticketRef != nil || turn.state.focus != nil || slots.time == nil {
            switch try await turn.resolveTicket() {
            case .reply(let reply): if slots.time == nil { return reply }
            case .found(let found): ticket = found
            }
        }
        var state = turn.state
        if let ticket { state.focus(on: ticket.id) }
        // The current level's hours, or before any is engaged the first one's.
        let level = ticket.flatMap { t in turn.process(of: t).flatMap { turn.engine.currentLevel(t, in: $0) ?? $0.firstLevel } }
        guard let calendar = level.map({ turn.engine.calendar(for: $0, segment: ticket?.details.segment) }) ?? turn.state.topic.process.flatMap({ turn.catalog.process($0) }).map({ turn.engine.calendar(for: $0.firstLevel) })
            ?? turn.catalog.calendars.values.sorted(by: { $0.name < $1.name }).first(where: \.isInReadersZone) else {
            return turn.problem("Since when, and on which hours? Name a ticket, e.g. “how many business hours since I called on #1?”.")
        }
        // "How long has #1 been waiting on the customer?"
        if slots.entity(.filter) == "waiting", let ticket {
            guard let since = ticket.pausedSince else {
                let waited = ticket.pauses.reduce(Int64(0)) { $0 + ($1.end - $1.start) }
                return turn.answer(waited == 0 ? "#\(ticket.id) is not waiting on the customer." : "#\(ticket.id) is not waiting on the customer now; it waited \(WallText.duration(waited)) in all.")
            }
            let business = calendar.elapsed(from: since, to: now)
            let explanation = calendar.breakdown(from: since, to: now).lines(in: turn.settings.zone)
            return turn.answer(["#\(ticket.id) has been waiting on the customer since \(turn.stamp(since, now: now)): \(WallText.duration(now - since)) on the clock, \(Words.businessTime(business)) (business hours: \(turn.hours(calendar, now: now))).",
                          "The escalation clock is stopped meanwhile. Ask “why?” for the day-by-day count."], state: state, explanation: explanation)
        }
        // "How long has #1 been open?": from the opening, not from the level.
        if slots.entity(.filter) == "open", slots.time == nil, let ticket {
            let end = ticket.closure?.at ?? now
            let pauses = ticket.pauses(until: end)
            let business = calendar.elapsed(from: ticket.openedAt, to: end, excluding: pauses)
            let explanation = calendar.breakdown(from: ticket.openedAt, to: end, excluding: pauses).lines(in: turn.settings.zone)
            let span = ticket.closure == nil
                ? "#\(ticket.id) has been open since \(turn.stamp(ticket.openedAt, now: now))"
                : "#\(ticket.id) was open from \(turn.stamp(ticket.openedAt, now: now)) until it was closed \(turn.stamp(end, now: now))"
            var lines = ["\(span): \(WallText.duration(end - ticket.openedAt)) on the clock, "
                + (calendar.isAlwaysOpen ? "all of it working time (this level works 24/7)." : "\(Words.businessTime(business)) (business hours: \(turn.hours(calendar, now: now))).")]
            if !pauses.isEmpty { lines.append("Time waiting on the customer is not counted in the business hours.") }
            lines.append("Ask “why?” for the day-by-day count.")
            return turn.answer(lines, state: state, explanation: explanation)
        }
        let start: Instant
        let since: String
        if let time = slots.time {
            start = time.instant
            // “since 09:00 CT today”, “since yesterday at 15:00 CT”, “since Wed 25 Nov at 16:00 CT”.
            var when = turn.at(start, now: now)
            for word in ["at ", "on "] where when.hasPrefix(word) { when.removeFirst(word.count) }
            since = "since \(when)"
        } else if let ticket, let engagedAt = ticket.engagedAt {
            start = engagedAt
            since = "since you engaged Level \(ticket.level!) \(turn.at(engagedAt, now: now))"
        } else if let ticket {
            start = ticket.openedAt
            since = "since #\(ticket.id) was opened \(turn.at(ticket.openedAt, now: now))"
        } else {
            return turn.problem("Since when? Say e.g. “how many business hours since 9am?”.")
        }
        guard start <= now else { return turn.problem("\(Words.upperFirst(turn.stamp(start, now: now))) is in the future.") }
        let pauses = ticket?.pauses(until: now) ?? []
        let seconds = calendar.elapsed(from: start, to: now, excluding: pauses)
        let explanation = calendar.breakdown(from: start, to: now, excluding: pauses).lines(in: turn.settings.zone)
        var lines = calendar.isAlwaysOpen
            ? ["\(Words.upperFirst(WallText.duration(seconds))) \(since), counted around the clock (this level works 24/7)."]
            : ["\(Words.upperFirst(Words.businessTime(seconds))) \(since) (business hours: \(turn.hours(calendar, now: now)))."]
        if let ticket { lines[0] = "#\(ticket.id): " + Words.lowerFirst(lines[0]) }
        if !pauses.isEmpty { lines.append("Time waiting on the customer is not counted.") }
        lines.append("Ask “why?” for the day-by-day count.")
        return turn.answer(lines, state: state, explanation: explanation)
    }
}
