import EscalateDomain
import EscalateStore
import PostgresNIO

extension PostgresTicketStore {
    public func ticket(_ id: Int) async throws -> Ticket? {
        try await read { connection in try await Self.loadTicket(id, on: connection) }
    }

    public func tickets(_ query: TicketQuery) async throws -> [TicketSummary] {
        let (condition, binds, order) = try Self.selection(query)
        let sql = "SELECT * FROM ticket" + condition + " ORDER BY " + order + (query.limit.map { " LIMIT \(max(0, $0))" } ?? "")
        return try await read { connection in
            try await Self.rows(PostgresQuery(unsafeSQL: sql, binds: binds), on: connection).map(Self.summary)
        }
    }

    public func count(_ query: TicketQuery) async throws -> Int {
        let (condition, binds, _) = try Self.selection(query)
        return try await read { connection in
            try await Self.value(Int.self, PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM ticket" + condition, binds: binds), on: connection)
        }
    }

    /// The WHERE clause (with its leading space, or empty), its binds and the
    /// order: the SQLite store's, with numbered parameters. Every filter runs
    /// on an indexed column.
    static func selection(_ query: TicketQuery) throws -> (String, PostgresBindings, String) {
        var conditions: [String] = []
        var binds = PostgresBindings()
        var order = "id"
        func bind(_ value: Int64) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        switch query.filter {
        case .active: conditions.append("status <> 'closed'")
        case .all: break
        case .closed: conditions.append("status = 'closed'")
        case .status(let status):
            binds.append(status.rawValue)
            conditions.append("status = $\(binds.count)")
        case .dueBy(let instant):
            conditions.append("next_due_at <= \(bind(instant.secondsSinceEpoch))")
            order = "next_due_at, id"
        case .dueBetween(let from, let to):
            conditions.append("next_due_at >= \(bind(from.secondsSinceEpoch)) AND next_due_at < \(bind(to.secondsSinceEpoch))")
            order = "next_due_at, id"
        case .levelOpenedBetween(let after, let upTo):
            conditions.append("next_level_at > \(bind(after.secondsSinceEpoch)) AND next_level_at <= \(bind(upTo.secondsSinceEpoch))")
            order = "next_level_at, id"
        case .dueCrossedBetween(let after, let upTo):
            conditions.append("next_due_at > \(bind(after.secondsSinceEpoch)) AND next_due_at <= \(bind(upTo.secondsSinceEpoch))")
            order = "next_due_at, id"
        }
        if let openedBy = query.openedBy {
            binds.append(openedBy)
            conditions.append("opened_by = $\(binds.count)")
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), binds, order)
    }

    public func tickets(withReference reference: TicketReference) async throws -> [TicketSummary] {
        try await read { connection in
            try await Self.rows("""
                SELECT ticket.* FROM ticket JOIN ticket_reference ON ticket_reference.ticket_id = ticket.id
                WHERE ticket_reference.kind = \(reference.kind.rawValue) AND lower(ticket_reference.value) = lower(\(reference.value))
                ORDER BY ticket.id
                """, on: connection).map(Self.summary)
        }
    }

    public func tickets(customerMatching text: String) async throws -> [TicketSummary] {
        // ILIKE's wildcards in a name are taken literally.
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%" + escaped + "%"
        return try await read { connection in
            try await Self.rows("SELECT * FROM ticket WHERE customer ILIKE \(pattern) ESCAPE '\\' ORDER BY id", on: connection).map(Self.summary)
        }
    }

    public func events(after id: Int64, limit: Int) async throws -> [TicketEvent] {
        try await read { connection in
            try await Self.rows("SELECT * FROM event WHERE id > \(id) ORDER BY id LIMIT \(Int64(max(0, limit)))", on: connection).map(Self.event)
        }
    }

    public func latestEventID() async throws -> Int64 {
        try await read { connection in try await Self.value(Int64.self, "SELECT COALESCE(MAX(id), 0)::bigint FROM event", on: connection) }
    }

    public func commit(_ changes: ChangeSet, schedule: @escaping @Sendable (Ticket) -> TicketSchedule) async throws -> CommitReceipt {
        try StoreRules.check(changes)
        let channel = Self.channel(schema)
        return try await transaction { connection in
            // One commit at a time per schema: ids are given out in the order
            // commits become visible, so the change feed never skips one.
            try await connection.query("SELECT pg_advisory_xact_lock(4554, hashtext(current_schema()))", logger: PostgresErrors.logger)
            try await Self.checkVersions(changes, on: connection)
            var receipt = CommitReceipt()
            var touched: [Int] = []
            func record(_ pending: PendingEvent, on ticketID: Int) async throws {
                let id = try await Self.insert(TicketEvent(ticketID: ticketID, occurredAt: pending.occurredAt, recordedAt: changes.recordedAt,
                                                           author: changes.author, kind: pending.kind), on: connection)
                receipt.eventIDs.append(id)
                receipt.eventIDsByTicket[ticketID, default: []].append(id)
            }
            for new in changes.newTickets {
                let id = try await Self.value(Int.self, """
                    INSERT INTO ticket (id, customer, organisation, process, summary, status, opened_by, opened_at, updated_at)
                    VALUES (nextval('ticket_id_seq'), \(new.details.customer), \(new.details.organisation), \(new.details.process),
                            \(new.details.summary), 'open', \(changes.author), \(new.openedAt.secondsSinceEpoch), \(changes.recordedAt.secondsSinceEpoch))
                    RETURNING id
                    """, on: connection)
                receipt.assignedIDs[new.placeholder] = id
                try await record(PendingEvent(.opened(new.details), at: new.openedAt), on: id)
                for event in new.events { try await record(event, on: id) }
                touched.append(id)
            }
            for append in changes.appends {
                for event in append.events { try await record(event, on: append.ticketID) }
                touched.append(append.ticketID)
            }
            for id in touched where receipt.tickets[id] == nil {
                receipt.tickets[id] = try await Self.reindex(id, on: connection, schedule: schedule)
            }
            for contact in changes.contacts { try await Self.save(contact, on: connection) }
            // Delivered at COMMIT, to every session listening on this schema.
            let payload = receipt.eventIDs.last.map(String.init) ?? "contacts"
            try await connection.query("SELECT pg_notify(\(channel), \(payload))", logger: PostgresErrors.logger)
            return receipt
        }
    }

    /// Versions first, each row locked: a stale change saves nothing, and
    /// its error carries the events the caller had not seen.
    static func checkVersions(_ changes: ChangeSet, on connection: PostgresConnection) async throws {
        var conflicts: [TicketConflict] = []
        for append in changes.appends {
            let rows = try await rows("SELECT version FROM ticket WHERE id = \(append.ticketID) FOR UPDATE", on: connection)
            guard let row = rows.first else { throw StoreError(.notFound, "there is no ticket #\(append.ticketID)") }
            let version = try row[0].decode(Int.self)
            if let expected = append.expectedVersion, expected != version {
                let log = try await Self.rows("SELECT * FROM event WHERE ticket_id = \(append.ticketID) ORDER BY id", on: connection).map(Self.event)
                conflicts.append(TicketConflict(ticketID: append.ticketID, expectedVersion: expected, actualVersion: version,
                                                newEvents: Array(log.dropFirst(min(expected, log.count)))))
            }
        }
        if !conflicts.isEmpty { throw StoreRules.conflictError(conflicts) }
    }

    // MARK: Rows

    /// Records one event (and the references it adds); returns its id.
    static func insert(_ event: TicketEvent, on connection: PostgresConnection) async throws -> Int64 {
        let payload = StoreRules.encodedKind(event.kind)
        let id = try await value(Int64.self, """
            INSERT INTO event (ticket_id, type, occurred_at, recorded_at, author, payload)
            VALUES (\(event.ticketID), \(event.kind.type), \(event.occurredAt.secondsSinceEpoch), \(event.recordedAt.secondsSinceEpoch),
                    \(event.author), \(payload))
            RETURNING id
            """, on: connection)
        var references: [TicketReference] = []
        switch event.kind {
        case .opened(let details): references = details.references
        case .referenceAdded(let reference): references = [reference]
        default: break
        }
        for reference in references {
            try await connection.query("""
                INSERT INTO ticket_reference (ticket_id, kind, value) VALUES (\(event.ticketID), \(reference.kind.rawValue), \(reference.value))
                ON CONFLICT DO NOTHING
                """, logger: PostgresErrors.logger)
        }
        return id
    }

    static func loadTicket(_ id: Int, on connection: PostgresConnection) async throws -> Ticket? {
        let events = try await rows("SELECT * FROM event WHERE ticket_id = \(id) ORDER BY id", on: connection).map(Self.event)
        guard !events.isEmpty else { return nil }
        return try StoreRules.project(id, events)
    }

    /// Re-projects a ticket from its log and updates its index row.
    static func reindex(_ id: Int, on connection: PostgresConnection, schedule: (Ticket) -> TicketSchedule) async throws -> Ticket {
        guard let ticket = try await loadTicket(id, on: connection) else { throw StoreError(.notFound, "there is no ticket #\(id)") }
        let plan = schedule(ticket)
        try await connection.query("""
            UPDATE ticket SET customer = \(ticket.details.customer), organisation = \(ticket.details.organisation),
                process = \(ticket.details.process), summary = \(ticket.details.summary), status = \(ticket.status.rawValue),
                level = \(ticket.level), updated_at = \(ticket.updatedAt.secondsSinceEpoch),
                next_due_at = \(plan.nextDue?.secondsSinceEpoch), next_due_what = \(plan.nextDueWhat),
                next_level_at = \(plan.nextLevelAt?.secondsSinceEpoch), version = \(ticket.version)
            WHERE id = \(id)
            """, logger: PostgresErrors.logger)
        return ticket
    }

    static func event(_ row: PostgresRandomAccessRow) throws -> TicketEvent {
        let id = try row["id"].decode(Int64.self)
        let kind = try StoreRules.decodedKind(try row["payload"].decode(String.self), eventID: id)
        return TicketEvent(
            id: id, ticketID: try row["ticket_id"].decode(Int.self),
            occurredAt: Instant(secondsSinceEpoch: try row["occurred_at"].decode(Int64.self)),
            recordedAt: Instant(secondsSinceEpoch: try row["recorded_at"].decode(Int64.self)),
            author: try row["author"].decode(String.self), kind: kind)
    }

    static func summary(_ row: PostgresRandomAccessRow) throws -> TicketSummary {
        TicketSummary(
            id: try row["id"].decode(Int.self), customer: try row["customer"].decode(String.self),
            organisation: try row["organisation"].decode(String.self), process: try row["process"].decode(String.self),
            summary: try row["summary"].decode(String.self),
            status: TicketStatus(rawValue: try row["status"].decode(String.self)) ?? .open, level: try row["level"].decode(Int?.self),
            openedBy: try row["opened_by"].decode(String.self), updatedAt: Instant(secondsSinceEpoch: try row["updated_at"].decode(Int64.self)),
            schedule: TicketSchedule(
                nextDue: try row["next_due_at"].decode(Int64?.self).map(Instant.init(secondsSinceEpoch:)),
                nextDueWhat: try row["next_due_what"].decode(String?.self),
                nextLevelAt: try row["next_level_at"].decode(Int64?.self).map(Instant.init(secondsSinceEpoch:))),
            version: try row["version"].decode(Int.self))
    }
}
