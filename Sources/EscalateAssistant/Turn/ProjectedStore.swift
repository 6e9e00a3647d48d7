import EscalateDomain

/// Read access to the store as it will be once a turn's earlier effects
/// are committed: a compound turn ("the SLA was missed, can I escalate?",
/// "escalate #1 and #2") sees its own first steps before anything is written.
struct ProjectedStore: TicketReading {
    let base: any TicketReading
    let effects: [Effect]
    let author: String
    let now: Instant
    let schedule: @Sendable (Ticket) -> TicketSchedule

    /// The events each ticket gains.
    private var appended: [Int: [PendingEvent]] {
        var result: [Int: [PendingEvent]] = [:]
        for case .record(let id, _, let events) in effects { result[id, default: []] += events }
        return result
    }

    /// `ticket` with `events` added, numbered after its last event so that
    /// undo and ordering see them as newest.
    static func project(_ ticket: Ticket, adding events: [PendingEvent], author: String, recordedAt: Instant) -> Ticket {
        guard !events.isEmpty else { return ticket }
        var next = (ticket.events.map(\.id).max() ?? 0) + 1
        var log = ticket.events
        for event in events {
            log.append(TicketEvent(id: next, ticketID: ticket.id, occurredAt: event.occurredAt, recordedAt: recordedAt, author: author, kind: event.kind))
            next += 1
        }
        return (try? Ticket(events: log)) ?? ticket
    }

    func ticket(_ id: Int) async throws -> Ticket? {
        guard let ticket = try await base.ticket(id) else { return nil }
        return Self.project(ticket, adding: appended[id] ?? [], author: author, recordedAt: now)
    }

    func tickets(_ query: TicketQuery) async throws -> [TicketSummary] {
        let touched = appended
        guard !touched.isEmpty else { return try await base.tickets(query) }
        var unlimited = query
        unlimited.limit = nil
        var rows = try await base.tickets(TicketQuery(.all, openedBy: query.openedBy)).filter { touched[$0.id] == nil && query.selects($0) }
        for id in touched.keys {
            guard let ticket = try await ticket(id) else { continue }
            let row = TicketSummary(ticket, schedule: schedule(ticket))
            if query.selects(row) { rows.append(row) }
        }
        return query.sorted(rows)
    }

    func count(_ query: TicketQuery) async throws -> Int {
        var unlimited = query
        unlimited.limit = nil
        return try await tickets(unlimited).count
    }

    func tickets(withReference reference: TicketReference) async throws -> [TicketSummary] {
        try await base.tickets(withReference: reference)
    }

    func tickets(customerMatching text: String) async throws -> [TicketSummary] {
        try await base.tickets(customerMatching: text)
    }

    func contacts() async throws -> [SavedContact] {
        var saved = try await base.contacts()
        for case .saveContact(let contact) in effects {
            saved.removeAll { old in
                contact.role.map { old.role == $0 && (old.organisation ?? "") == (contact.organisation ?? "") }
                    ?? (old.role == nil && old.name.lowercased() == contact.name.lowercased())
            }
            saved.append(contact)
        }
        return saved
    }

    func events(after id: Int64, limit: Int) async throws -> [TicketEvent] { try await base.events(after: id, limit: limit) }

    func latestEventID() async throws -> Int64 { try await base.latestEventID() }
}
