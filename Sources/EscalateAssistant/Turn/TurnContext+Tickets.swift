import EscalateDomain
import EscalateUnderstanding

/// Finding the ticket a line is about.
extension TurnContext {
    enum Resolution {
        case found(Ticket)
        /// A question or a refusal to show instead.
        case reply(Outcome)
    }

    /// The ticket the slots name, or the one in focus, or the only active one;
    /// otherwise a question listing the candidates.
    func resolveTicket(includeClosed: Bool = false) async throws -> Resolution {
        switch slots.ticketRef {
        case .number(let n)?:
            guard n > 0 else { return .reply(problem("Ticket numbers start at #1, so #\(n) names no ticket.\(try await yourTickets())")) }
            guard let ticket = try await load(n) else {
                return .reply(problem("There is no ticket #\(n).\(try await yourTickets())"))
            }
            return .found(ticket)
        case .external(let kind, let value)?:
            let reference = TicketReference(kind: TicketReference.Kind(rawValue: kind), value: value)
            let matches = try await read { try await $0.tickets(withReference: reference) }
            return try await choose(from: matches,
                                    none: "No ticket has \(describe(reference)) yet. To add it, say “update #\(state.focus?.ticketID ?? 1): \(describe(reference))”.")
        case .customer(let name)?:
            var matches = try await read { try await $0.tickets(customerMatching: name) }
            if !includeClosed, matches.contains(where: { $0.status.isActive }) { matches = matches.filter { $0.status.isActive } }
            return try await choose(from: matches, none: "No ticket is for a customer called \(Words.upperFirst(name)).\(try await yourTickets())")
        case .context?:
            if let focus = state.focus, let ticket = try await load(focus.ticketID) { return .found(ticket) }
        case nil:
            // No reference at all: the ticket of the line before, if there
            // was one and it fits what the line names ("I called my CCM"
            // is not about a CMS ticket, which has no CCM).
            if let id = state.recentFocus(at: state.turn), let ticket = try await load(id),
               !namesSomething || catalog.process(ticket.details.process).map({ fits($0) }) ?? true {
                return .found(ticket)
            }
        }
        var candidates = try await read { try await $0.tickets(TicketQuery(includeClosed ? .all : .active)) }
        // "I e-mailed the billing mailbox": the tickets whose process fits
        // what the line names, if that narrows the choice.
        if candidates.count > 1, namesSomething {
            let fitting = candidates.filter { summary in catalog.process(summary.process).map { fits($0) } ?? false }
            if !fitting.isEmpty { candidates = fitting }
        }
        return try await choose(from: candidates,
                                none: includeClosed ? "There are no tickets yet." : "You have no open tickets. Open one with “open a ticket for Acme”.")
    }

    /// Runs `body` with the ticket the slots name, or returns the question
    /// or refusal that finding it produced. The ticket comes into focus.
    /// `forChange`: the body changes the ticket, so a closed one is
    /// reopened first, when the user agrees, in the same commit.
    func withTicket(includeClosed: Bool = false, forChange: Bool = false, _ body: (Ticket, TurnContext) async throws -> Outcome) async throws -> Outcome {
        switch try await resolveTicket(includeClosed: includeClosed) {
        case .reply(let outcome): return outcome
        case .found(let ticket):
            var turn = self
            turn.state.focus(on: ticket.id)
            // Something said to have happened before the closing is history,
            // not a change to the closed ticket.
            let beforeClosing = ticket.closure.map { closure in saidTime.map { $0 < closure.at } ?? false } ?? false
            guard forChange, ticket.status == .closed, !beforeClosing else { return try await body(ticket, turn) }
            return try await turn.reopeningFirst(ticket, body)
        }
    }

    /// A change to a closed ticket: asks "reopen it first?"; after a yes,
    /// the change is made on the ticket reopened, and the reopening is
    /// recorded with it, resting on the ticket as it was.
    private func reopeningFirst(_ ticket: Ticket, _ body: (Ticket, TurnContext) async throws -> Outcome) async throws -> Outcome {
        guard request.accepted.contains(.reopen) else {
            let closed = ticket.closure.map { " (\($0.code.replacingOccurrences(of: "_", with: " ")), \(at($0.at, now: now)))" } ?? ""
            return accept(.reopen, ["#\(ticket.id) is closed\(closed). Reopen it first? (yes/no)"], about: "reopening #\(ticket.id)", ticket: ticket)
        }
        let reopen = PendingEvent(.reopened(reason: nil), at: now)
        var outcome = try await body(projected(ticket, adding: [reopen]), self)
        var reopened = false
        outcome.effects = outcome.effects.map { effect in
            guard case .record(let id, _, let events) = effect, id == ticket.id else { return effect }
            reopened = true
            return .record(ticketID: id, basedOn: ticket.version, events: [reopen] + events)
        }
        if reopened { outcome.reply.lines.insert("Reopened #\(ticket.id) \(at(now, now: now)).", at: 0) }
        return outcome
    }

    /// Whether the line names an organisation, a topic or a role.
    var namesSomething: Bool { slots.org != nil || slots.category != nil || slots.role != nil }

    /// Whether a process has the organisation and topic the line names, and
    /// (with `byRole`) the role.
    func fits(_ process: EscalationProcess, byRole: Bool = true) -> Bool {
        if let org = slots.org, process.organisation != org { return false }
        if let category = slots.category, !process.topics.contains(category) { return false }
        if byRole, let role = slots.role, level(forRole: role, in: process) == nil { return false }
        return true
    }

    /// Whether the organisation and topic named (if any) are the ticket's.
    func fits(_ ticket: Ticket) -> Bool {
        guard let process = process(of: ticket) else { return slots.org == nil || slots.org == ticket.details.organisation }
        return fits(process, byRole: false)
    }

    private func choose(from candidates: [TicketSummary], none: String) async throws -> Resolution {
        switch candidates.count {
        case 0:
            return .reply(problem(none))
        case 1:
            guard let ticket = try await load(candidates[0].id) else { return .reply(problem(none)) }
            return .found(ticket)
        default:
            let shown = Array(candidates.prefix(9))
            var lines = ["Which ticket?"]
            for (index, ticket) in shown.enumerated() {
                lines.append("  \(index + 1). \(summaryLine(ticket))")
            }
            if candidates.count > 9 { lines.append("  … and \(candidates.count - 9) more: name one by its number, e.g. #\(candidates[9].id).") }
            let labels = shown.map { "\($0.customer) \(catalog.process($0.process)?.shortTitle ?? $0.process) \(organisationName($0.organisation))" }
            return .reply(ask(.whichTicket(shown.map(\.id)), lines, prompt: "Which ticket?", about: "which ticket you meant", options: labels))
        }
    }

    /// `#12 Acme — Lumen installation (escalated, Level 2)`.
    func summaryLine(_ ticket: TicketSummary) -> String {
        let process = catalog.process(ticket.process)?.shortTitle ?? ticket.process
        var state = ticket.status.words
        if let level = ticket.level { state += ", Level \(level)" }
        return "#\(ticket.id) \(Words.quote(ticket.customer)) — \(process) (\(state))"
    }

    func yourTickets() async throws -> String {
        let active = try await read { try await $0.tickets(TicketQuery(.active, limit: 6)) }
        guard !active.isEmpty else { return "" }
        return " Open tickets: " + active.map { "#\($0.id) \(Words.quote($0.customer))" }.joined(separator: ", ") + "."
    }

    /// Whether any ticket is open.
    var hasActiveTickets: Bool {
        get async throws { !(try await read { try await $0.tickets(TicketQuery(.active, limit: 1)) }).isEmpty }
    }
}
