import EscalateDomain
import EscalateStore
import PostgresNIO

extension PostgresTicketStore {
    /// Saves a contact in place of the one it replaces (`StoreRules.saving`'s rule).
    static func save(_ contact: SavedContact, on connection: PostgresConnection) async throws {
        let logger = PostgresErrors.logger
        if let role = contact.role {
            // One contact per role and organisation: a newer one replaces it.
            try await connection.query("DELETE FROM contact WHERE role = \(role) AND COALESCE(organisation, '') = \(contact.organisation ?? "")",
                                       logger: logger)
        } else {
            try await connection.query("DELETE FROM contact WHERE role IS NULL AND lower(name) = lower(\(contact.name))", logger: logger)
        }
        try await connection.query("""
            INSERT INTO contact (role, name, phone, email, organisation, saved_by, saved_at)
            VALUES (\(contact.role), \(contact.name), \(contact.phone), \(contact.email), \(contact.organisation), \(contact.savedBy),
                    \(contact.savedAt.secondsSinceEpoch))
            """, logger: logger)
    }

    public func contacts() async throws -> [SavedContact] {
        try await read { connection in
            try await Self.rows("SELECT * FROM contact ORDER BY id", on: connection).map { row in
                SavedContact(role: try row["role"].decode(String?.self), name: try row["name"].decode(String.self),
                             phone: try row["phone"].decode(String?.self), email: try row["email"].decode(String?.self),
                             organisation: try row["organisation"].decode(String?.self), savedBy: try row["saved_by"].decode(String.self),
                             savedAt: Instant(secondsSinceEpoch: try row["saved_at"].decode(Int64.self)))
            }
        }
    }

    public func allEvents() async throws -> [TicketEvent] {
        try await read { connection in try await Self.rows("SELECT * FROM event ORDER BY ticket_id, id", on: connection).map(Self.event) }
    }

    /// Imports whole ticket logs (see `StoreRules.importPlan`); event ids are
    /// reassigned and `undone` events follow them. All or nothing. The ticket
    /// sequence moves past the imported numbers, so the next ticket opened
    /// takes the next free one.
    public func importEvents(_ events: [TicketEvent], schedule: @escaping @Sendable (Ticket) -> TicketSchedule) async throws -> Int {
        let channel = Self.channel(schema)
        // An import may be long: only the statement timeout bounds it.
        return try await transaction(deadline: nil) { connection in
            let logger = PostgresErrors.logger
            try await connection.query("SELECT pg_advisory_xact_lock(4554, hashtext(current_schema()))", logger: logger)
            let existing = Set(try await Self.rows("SELECT id FROM ticket", on: connection).map { try $0[0].decode(Int.self) })
            let plan = try StoreRules.importPlan(events, existing: existing)
            for (ticketID, log) in plan {
                let first = log[0]
                guard case .opened(let details) = first.kind else { continue }
                try await connection.query("""
                    INSERT INTO ticket (id, customer, organisation, process, summary, status, opened_by, opened_at, updated_at)
                    VALUES (\(ticketID), \(details.customer), \(details.organisation), \(details.process), \(details.summary), 'open',
                            \(first.author), \(first.occurredAt.secondsSinceEpoch), \(first.recordedAt.secondsSinceEpoch))
                    """, logger: logger)
                var newIDs: [Int64: Int64] = [:]
                for event in log {
                    var copy = event
                    if case .undone(let target) = event.kind { copy.kind = .undone(eventID: newIDs[target]!) }
                    newIDs[event.id] = try await Self.insert(copy, on: connection)
                }
                _ = try await Self.reindex(ticketID, on: connection, schedule: schedule)
            }
            if !plan.isEmpty {
                try await connection.query("""
                    SELECT setval('ticket_id_seq', GREATEST((SELECT MAX(id) FROM ticket),
                                                           (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ticket_id_seq)))
                    """, logger: logger)
                try await connection.query("SELECT pg_notify(\(channel), 'import')", logger: logger)
            }
            return plan.count
        }
    }
}
