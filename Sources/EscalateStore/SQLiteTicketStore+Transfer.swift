import EscalateDomain
import GRDB

extension SQLiteTicketStore {
    public func saveContact(_ contact: SavedContact) throws {
        try write { db in
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
    }

    public func contacts() throws -> [SavedContact] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM contact ORDER BY id").map { row in
                SavedContact(role: row["role"], name: row["name"], phone: row["phone"], email: row["email"],
                             organisation: row["organisation"], savedBy: row["saved_by"],
                             savedAt: Instant(secondsSinceEpoch: row["saved_at"]))
            }
        }
    }

    public func allEvents() throws -> [TicketEvent] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY ticket_id, id").map(Self.event) }
    }

    /// Imports whole ticket logs. Each ticket must begin with `opened` and
    /// have an id not in use; event ids are reassigned, and `undone` events
    /// follow them. All or nothing.
    public func importEvents(_ events: [TicketEvent], schedule: (Ticket) -> TicketSchedule) throws -> Int {
        let byTicket = Dictionary(grouping: events, by: \.ticketID)
        return try write { db in
            for (ticketID, log) in byTicket.sorted(by: { $0.key < $1.key }) {
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM ticket WHERE id = ?", arguments: [ticketID]) == true {
                    throw StoreError("ticket #\(ticketID) already exists; nothing was imported")
                }
                let sorted = log.sorted { $0.id < $1.id }
                guard let first = sorted.first, case .opened(let details) = first.kind else {
                    throw StoreError("ticket #\(ticketID) does not begin with 'opened'; nothing was imported")
                }
                try db.execute(sql: """
                    INSERT INTO ticket (id, customer, organisation, process, summary, status, opened_by, opened_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)
                    """, arguments: [ticketID, details.customer, details.organisation, details.process, details.summary,
                                     first.author, first.occurredAt.secondsSinceEpoch, first.recordedAt.secondsSinceEpoch])
                var newIDs: [Int64: Int64] = [:]
                for event in sorted {
                    var copy = event
                    if case .undone(let target) = event.kind {
                        guard let mapped = newIDs[target] else {
                            throw StoreError("ticket #\(ticketID): an undo refers to event \(target), which is not earlier in its log")
                        }
                        copy.kind = .undone(eventID: mapped)
                    }
                    try insert(copy, db)
                    newIDs[event.id] = db.lastInsertedRowID
                }
                do {
                    _ = try reindex(ticketID, db, schedule: schedule)
                } catch let error as TicketLogError {
                    throw StoreError("ticket #\(ticketID): \(error)")
                }
            }
            return byTicket.count
        }
    }
}
