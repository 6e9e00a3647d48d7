import EscalateDomain
import EscalateUnderstanding

/// Finding the ticket a line is about.
extension Conversation {
    enum TicketResolution {
        case found(Ticket)
        /// A question or a refusal to show instead.
        case reply(Reply)
    }

    /// The ticket the slots name, or the one in focus, or the only active one;
    /// otherwise a question listing the candidates.
    func resolveTicket(intent: String, slots: [String: SlotValue], includeClosed: Bool = false) throws -> TicketResolution {
        switch slots.ticketRef {
        case .number(let n)?:
            guard let ticket = try load(n) else {
                return .reply(.problem("There is no ticket #\(n).\(try yourTickets())"))
            }
            return .found(ticket)
        case .external(let kind, let value)?:
            guard let referenceKind = TicketReference.Kind(rawValue: kind) else { break }
            let reference = TicketReference(kind: referenceKind, value: value)
            return try choose(from: try storeCall { try store.tickets(withReference: reference) }, intent: intent, slots: slots,
                              none: "No ticket has \(reference) yet. To add it, say “update #\(focus ?? 1): \(reference)”.")
        case .customer(let name)?:
            var matches = try storeCall { try store.tickets(customerMatching: name) }
            if !includeClosed, matches.contains(where: { $0.status.isActive }) { matches = matches.filter { $0.status.isActive } }
            return try choose(from: matches, intent: intent, slots: slots, none: "No ticket is for a customer called \(Words.upperFirst(name)).\(try yourTickets())")
        case .context?:
            if let focus, let ticket = try load(focus) { return .found(ticket) }
        case nil:
            // No reference at all: the ticket of the line before, if there
            // was one and it fits what the line names ("I called my CCM"
            // is not about a CMS ticket, which has no CCM).
            if let focus, focusTurn >= turn - 1, let ticket = try load(focus),
               !names(slots) || catalog.process(ticket.details.process).map({ fits($0, slots) }) ?? true {
                return .found(ticket)
            }
        }
        var candidates = try storeCall { try store.tickets(TicketQuery(includeClosed ? .all : .active)) }
        // "I e-mailed the billing mailbox": the tickets whose process fits
        // what the line names, if that narrows the choice.
        if candidates.count > 1, names(slots) {
            let fitting = candidates.filter { summary in catalog.process(summary.process).map { fits($0, slots) } ?? false }
            if !fitting.isEmpty { candidates = fitting }
        }
        return try choose(from: candidates, intent: intent, slots: slots,
                          none: includeClosed ? "There are no tickets yet." : "You have no open tickets. Open one with “open a ticket for Acme”.")
    }

    /// Whether the line names an organisation, a topic or a role.
    private func names(_ slots: [String: SlotValue]) -> Bool {
        slots.org != nil || slots.category != nil || slots.role != nil
    }

    /// Whether a process has the organisation and topic the line names, and
    /// (with `byRole`) the role.
    func fits(_ process: EscalationProcess, _ slots: [String: SlotValue], byRole: Bool = true) -> Bool {
        if let org = slots.org, process.organisation != org { return false }
        if let category = slots.category, !process.topics.contains(category) { return false }
        if byRole, let role = slots.role, level(forRole: role, in: process) == nil { return false }
        return true
    }

    private func choose(from candidates: [TicketSummary], intent: String, slots: [String: SlotValue], none: String) throws -> TicketResolution {
        switch candidates.count {
        case 0:
            return .reply(.problem(none))
        case 1:
            guard let ticket = try load(candidates[0].id) else { return .reply(.problem(none)) }
            return .found(ticket)
        default:
            pending = .whichTicket(intent: intent, slots: slots, candidates: Array(candidates.prefix(9)))
            var lines = ["Which ticket?"]
            for (index, ticket) in candidates.prefix(9).enumerated() {
                lines.append("  \(index + 1). \(summaryLine(ticket))")
            }
            if candidates.count > 9 { lines.append("  … and \(candidates.count - 9) more: name one by its number, e.g. #\(candidates[9].id).") }
            return .reply(Reply(lines, kind: .question))
        }
    }

    /// `#12 Acme — Lumen installation and activation (escalated, Level 2)`.
    func summaryLine(_ ticket: TicketSummary) -> String {
        let process = catalog.process(ticket.process)?.shortTitle ?? ticket.process
        var state = ticket.status.words
        if let level = ticket.level { state += ", Level \(level)" }
        return "#\(ticket.id) \(Words.quote(ticket.customer)) — \(process) (\(state))"
    }

    func load(_ id: Int) throws -> Ticket? {
        try storeCall { try store.ticket(id) }
    }

    func yourTickets() throws -> String {
        let active = try storeCall { try store.tickets(TicketQuery(.active, limit: 6)) }
        guard !active.isEmpty else { return "" }
        return " Open tickets: " + active.map { "#\($0.id) \(Words.quote($0.customer))" }.joined(separator: ", ") + "."
    }

    /// Runs a store call, turning its failures into one friendly sentence.
    func storeCall<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw StoreFailure(message: "The ticket store failed: \(error). Nothing was changed.") }
    }

    /// Appends events to a ticket (committed before the reply), keeps it in focus.
    @discardableResult
    func record(_ kinds: [(kind: TicketEventKind, occurredAt: Instant)], on ticketID: Int, now: Instant) throws -> Ticket {
        let ticket = try storeCall {
            try store.append(kinds, to: ticketID, at: now, by: settings.user) { engine.schedule($0) }
        }
        focus = ticketID
        lastChanged = ticketID
        return ticket
    }

    func process(of ticket: Ticket) -> EscalationProcess? { engine.process(ticket.details.process) }
}
