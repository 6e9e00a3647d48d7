import EscalateDomain

/// Tickets and contacts kept in memory only: for tests, transcripts and
/// `--db :memory:`. It keeps the same rules as the file and server stores
/// (append-only logs, versions, all-or-nothing commits), so the contract
/// suite runs against it unchanged.
public actor InMemoryTicketStore: TicketStore {
    private var logs: [Int: [TicketEvent]] = [:]
    private var index: [Int: TicketSummary] = [:]
    private var references: [TicketReference: Set<Int>] = [:]
    private var saved: [SavedContact] = []
    private var nextEventID: Int64 = 1
    /// Every event in the order recorded, for the change feed.
    private var feed: [TicketEvent] = []

    public init() {}

    public func ticket(_ id: Int) throws -> Ticket? {
        guard let log = logs[id] else { return nil }
        return try Ticket(events: log)
    }

    public func tickets(_ query: TicketQuery) -> [TicketSummary] {
        query.sorted(index.values.filter(query.selects))
    }

    public func count(_ query: TicketQuery) -> Int {
        index.values.filter(query.selects).count
    }

    public func tickets(withReference reference: TicketReference) -> [TicketSummary] {
        let key = TicketReference(kind: reference.kind, value: reference.value.lowercased())
        return (references[key] ?? []).sorted().compactMap { index[$0] }
    }

    public func tickets(customerMatching text: String) -> [TicketSummary] {
        let wanted = text.lowercased()
        return index.values.filter { $0.customer.lowercased().contains(wanted) }.sorted { $0.id < $1.id }
    }

    public func contacts() -> [SavedContact] { saved }

    public func events(after id: Int64, limit: Int) -> [TicketEvent] {
        Array(feed.drop { $0.id <= id }.prefix(limit))
    }

    public func latestEventID() -> Int64 { feed.last?.id ?? 0 }

    public func commit(_ changes: ChangeSet, schedule: @escaping @Sendable (Ticket) -> TicketSchedule) throws -> CommitReceipt {
        try StoreRules.check(changes)
        // Check everything first, so that a refusal leaves nothing half done.
        var conflicts: [TicketConflict] = []
        for append in changes.appends {
            guard let log = logs[append.ticketID] else {
                throw StoreError(.notFound, "there is no ticket #\(append.ticketID)")
            }
            if let expected = append.expectedVersion, expected != log.count {
                conflicts.append(TicketConflict(ticketID: append.ticketID, expectedVersion: expected, actualVersion: log.count,
                                                newEvents: Array(log.dropFirst(min(expected, log.count)))))
            }
        }
        if !conflicts.isEmpty { throw StoreRules.conflictError(conflicts) }
        // Work on copies and swap them in at the end: all or nothing.
        var logs = self.logs
        var nextEventID = self.nextEventID
        var recorded: [TicketEvent] = []
        var receipt = CommitReceipt()
        var touched: [Int] = []
        func record(_ pending: PendingEvent, on ticketID: Int) {
            let event = TicketEvent(id: nextEventID, ticketID: ticketID, occurredAt: pending.occurredAt, recordedAt: changes.recordedAt,
                                    author: changes.author, kind: pending.kind)
            nextEventID += 1
            logs[ticketID, default: []].append(event)
            recorded.append(event)
            receipt.eventIDs.append(event.id)
            receipt.eventIDsByTicket[ticketID, default: []].append(event.id)
        }
        var nextTicketID = (logs.keys.max() ?? 0) + 1
        for new in changes.newTickets {
            let id = nextTicketID
            nextTicketID += 1
            receipt.assignedIDs[new.placeholder] = id
            record(PendingEvent(.opened(new.details), at: new.openedAt), on: id)
            for event in new.events { record(event, on: id) }
            touched.append(id)
        }
        for append in changes.appends {
            for event in append.events { record(event, on: append.ticketID) }
            touched.append(append.ticketID)
        }
        var index = self.index
        var references = self.references
        for id in touched {
            let ticket: Ticket
            do { ticket = try Ticket(events: logs[id]!) } catch { throw StoreError(.invalid, "ticket #\(id): \(error)") }
            index[id] = TicketSummary(ticket, schedule: schedule(ticket))
            for reference in ticket.details.references {
                references[TicketReference(kind: reference.kind, value: reference.value.lowercased()), default: []].insert(id)
            }
            receipt.tickets[id] = ticket
        }
        self.logs = logs
        self.index = index
        self.references = references
        self.nextEventID = nextEventID
        self.feed += recorded
        for contact in changes.contacts { saved = StoreRules.saving(contact, into: saved) }
        return receipt
    }

    public func allEvents() -> [TicketEvent] {
        logs.keys.sorted().flatMap { logs[$0]! }
    }

    public func importEvents(_ events: [TicketEvent], schedule: @escaping @Sendable (Ticket) -> TicketSchedule) throws -> Int {
        let plan = try StoreRules.importPlan(events, existing: Set(logs.keys))
        var logs = self.logs
        var nextEventID = self.nextEventID
        var imported: [TicketEvent] = []
        for (ticketID, log) in plan {
            var newIDs: [Int64: Int64] = [:]
            for event in log {
                var stored = event
                stored.id = nextEventID
                if case .undone(let target) = event.kind { stored.kind = .undone(eventID: newIDs[target]!) }
                newIDs[event.id] = nextEventID
                nextEventID += 1
                logs[ticketID, default: []].append(stored)
                imported.append(stored)
            }
        }
        var index = self.index
        var references = self.references
        for (ticketID, _) in plan {
            let ticket = try StoreRules.project(ticketID, logs[ticketID]!)
            index[ticketID] = TicketSummary(ticket, schedule: schedule(ticket))
            for reference in ticket.details.references {
                references[TicketReference(kind: reference.kind, value: reference.value.lowercased()), default: []].insert(ticketID)
            }
        }
        self.logs = logs
        self.index = index
        self.references = references
        self.nextEventID = nextEventID
        self.feed += imported
        return plan.count
    }
}
