import EscalateDomain
import GRDB

extension SQLiteTicketStore {
    static func save(_ contact: SavedContact, _ db: Database) throws {
        if let role = contact.role {
            // One contact per role and organisation: a newer one replaces it.
            try db.execute(sql: "DELETE FROM contact WHERE role = ? AND COALESCE(organisation, '') = ?",
                           arguments: [role, contact.organisation ?? ""])
        } else {
            try db.execute(sql: "DELETE FROM contact WHERE role IS NULL AND name = ? COLLATE NOCASE", arguments: [contact.name])
        }
        try db.execute(sql: """
            INSERT INTO contact (role, name, phone, email, organisation, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [contact.role, contact.name, contact.phone, contact.email, contact.organisation, contact.savedBy, contact.savedAt.secondsSinceEpoch])
    }

    public func contacts() async throws -> [SavedContact] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM contact ORDER BY id").map { row in
                SavedContact(role: row["role"], name: row["name"], phone: row["phone"], email: row["email"],
                             organisation: row["organisation"], savedBy: row["saved_by"],
                             savedAt: Instant(secondsSinceEpoch: row["saved_at"]))
            }
        }
    }

    public func allEvents() async throws -> [TicketEvent] {
        try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY ticket_id, id").map(Self.event) }
    }

    /// Imports whole ticket logs (see `StoreRules.importPlan`); event ids are
    /// reassigned, and `undone` events follow them. All or nothing.
    public func importEvents(_ events: [TicketEvent], schedule: @escaping @Sendable (Ticket) -> TicketSchedule) async throws -> Int {
        let path = self.path
        return try await write { db in
            let existing = Set(try Int.fetchAll(db, sql: "SELECT id FROM ticket"))
            let plan = try StoreRules.importPlan(events, existing: existing)
            for (ticketID, log) in plan {
                let first = log[0]
                guard case .opened(let details) = first.kind else { continue }
                try db.execute(sql: """
                    INSERT INTO ticket (id, customer, organisation, process, summary, status, opened_by, opened_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)
                    """, arguments: [ticketID, details.customer, details.organisation, details.process, details.summary,
                                     first.author, first.occurredAt.secondsSinceEpoch, first.recordedAt.secondsSinceEpoch])
                var newIDs: [Int64: Int64] = [:]
                for event in log {
                    var copy = event
                    if case .undone(let target) = event.kind { copy.kind = .undone(eventID: newIDs[target]!) }
                    try Self.insert(copy, db)
                    newIDs[event.id] = db.lastInsertedRowID
                }
                _ = try Self.reindex(ticketID, db, path: path, schedule: schedule)
            }
            return plan.count
        }
    }
}
