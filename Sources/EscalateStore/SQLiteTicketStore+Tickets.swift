import EscalateDomain
import Foundation
import GRDB

extension SQLiteTicketStore {
    public func ticket(_ id: Int) async throws -> Ticket? {
        let path = self.path
        return try await read { db in try Self.loadTicket(id, db, path: path) }
    }

    public func tickets(_ query: TicketQuery) async throws -> [TicketSummary] {
        let (condition, arguments, order) = Self.selection(query)
        let sql = "SELECT * FROM ticket" + condition + " ORDER BY " + order + (query.limit.map { " LIMIT \($0)" } ?? "")
        return try await read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.summary) }
    }

    public func count(_ query: TicketQuery) async throws -> Int {
        let (condition, arguments, _) = Self.selection(query)
        return try await read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket" + condition, arguments: arguments) ?? 0 }
    }

    /// The WHERE clause (with its leading space, or empty), its arguments,
    /// and the order for `query`. Every filter runs on an indexed column.
    static func selection(_ query: TicketQuery) -> (String, StatementArguments, String) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        var order = "id"
        switch query.filter {
        case .active: conditions.append("status != 'closed'")
        case .all: break
        case .closed: conditions.append("status = 'closed'")
        case .status(let status):
            conditions.append("status = ?")
            arguments += [status.rawValue]
        case .dueBy(let instant):
            conditions.append("next_due_at <= ?")
            arguments += [instant.secondsSinceEpoch]
            order = "next_due_at, id"
        case .dueBetween(let from, let to):
            conditions.append("next_due_at >= ? AND next_due_at < ?")
            arguments += [from.secondsSinceEpoch, to.secondsSinceEpoch]
            order = "next_due_at, id"
        case .levelOpenedBetween(let after, let upTo):
            conditions.append("next_level_at > ? AND next_level_at <= ?")
            arguments += [after.secondsSinceEpoch, upTo.secondsSinceEpoch]
            order = "next_level_at, id"
        case .dueCrossedBetween(let after, let upTo):
            conditions.append("next_due_at > ? AND next_due_at <= ?")
            arguments += [after.secondsSinceEpoch, upTo.secondsSinceEpoch]
            order = "next_due_at, id"
        }
        if let openedBy = query.openedBy {
            conditions.append("opened_by = ?")
            arguments += [openedBy]
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), arguments, order)
    }

    public func tickets(withReference reference: TicketReference) async throws -> [TicketSummary] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT ticket.* FROM ticket JOIN ticket_reference ON ticket_reference.ticket_id = ticket.id
                WHERE ticket_reference.kind = ? AND ticket_reference.value = ? ORDER BY ticket.id
                """, arguments: [reference.kind.rawValue, reference.value]).map(Self.summary)
        }
    }

    public func tickets(customerMatching text: String) async throws -> [TicketSummary] {
        // LIKE's wildcards in a name are taken literally.
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%" + escaped + "%"
        return try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ticket WHERE customer LIKE ? ESCAPE '\\' ORDER BY id", arguments: [pattern]).map(Self.summary)
        }
    }

    public func events(after id: Int64, limit: Int) async throws -> [TicketEvent] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, limit]).map(Self.event)
        }
    }

    public func latestEventID() async throws -> Int64 {
        try await read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM event") ?? 0 }
    }

    public func commit(_ changes: ChangeSet, schedule: @escaping @Sendable (Ticket) -> TicketSchedule) async throws -> CommitReceipt {
        try StoreRules.check(changes)
        let path = self.path
        return try await write { db in
            // Versions first: a stale change saves nothing.
            var conflicts: [TicketConflict] = []
            for append in changes.appends {
                guard let version = try Int.fetchOne(db, sql: "SELECT version FROM ticket WHERE id = ?", arguments: [append.ticketID]) else {
                    throw StoreError(.notFound, "there is no ticket #\(append.ticketID)")
                }
                if let expected = append.expectedVersion, expected != version {
                    let log = try Row.fetchAll(db, sql: "SELECT * FROM event WHERE ticket_id = ? ORDER BY id", arguments: [append.ticketID]).map(Self.event)
                    conflicts.append(TicketConflict(ticketID: append.ticketID, expectedVersion: expected, actualVersion: version,
                                                    newEvents: Array(log.dropFirst(min(expected, log.count)))))
                }
            }
            if !conflicts.isEmpty { throw StoreRules.conflictError(conflicts) }
            var receipt = CommitReceipt()
            var touched: [Int] = []
            func record(_ pending: PendingEvent, on ticketID: Int) throws {
                try Self.insert(TicketEvent(ticketID: ticketID, occurredAt: pending.occurredAt, recordedAt: changes.recordedAt,
                                            author: changes.author, kind: pending.kind), db)
                receipt.eventIDs.append(db.lastInsertedRowID)
                receipt.eventIDsByTicket[ticketID, default: []].append(db.lastInsertedRowID)
            }
            for new in changes.newTickets {
                // Inside the write transaction no one else can take the number.
                let id = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM ticket") ?? 1
                try db.execute(sql: """
                    INSERT INTO ticket (id, customer, organisation, process, summary, status, opened_by, opened_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)
                    """, arguments: [id, new.details.customer, new.details.organisation, new.details.process, new.details.summary,
                                     changes.author, new.openedAt.secondsSinceEpoch, changes.recordedAt.secondsSinceEpoch])
                receipt.assignedIDs[new.placeholder] = id
                try record(PendingEvent(.opened(new.details), at: new.openedAt), on: id)
                for event in new.events { try record(event, on: id) }
                touched.append(id)
            }
            for append in changes.appends {
                for event in append.events { try record(event, on: append.ticketID) }
                touched.append(append.ticketID)
            }
            for id in touched where receipt.tickets[id] == nil {
                receipt.tickets[id] = try Self.reindex(id, db, path: path, schedule: schedule)
            }
            for contact in changes.contacts { try Self.save(contact, db) }
            return receipt
        }
    }

    // MARK: Rows

    static func insert(_ event: TicketEvent, _ db: Database) throws {
        let payload = String(decoding: try encoder.encode(event.kind), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO event (ticket_id, type, occurred_at, recorded_at, author, payload) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [event.ticketID, event.kind.type, event.occurredAt.secondsSinceEpoch, event.recordedAt.secondsSinceEpoch, event.author, payload])
        switch event.kind {
        case .opened(let details):
            for reference in details.references { try insertReference(reference, ticketID: event.ticketID, db) }
        case .referenceAdded(let reference):
            try insertReference(reference, ticketID: event.ticketID, db)
        default:
            break
        }
    }

    private static func insertReference(_ reference: TicketReference, ticketID: Int, _ db: Database) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO ticket_reference (ticket_id, kind, value) VALUES (?, ?, ?)",
                       arguments: [ticketID, reference.kind.rawValue, reference.value])
    }

    static func loadTicket(_ id: Int, _ db: Database, path: String) throws -> Ticket? {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM event WHERE ticket_id = ? ORDER BY id", arguments: [id])
        guard !rows.isEmpty else { return nil }
        let events = try rows.map(Self.event)
        do {
            return try Ticket(events: events)
        } catch {
            throw StoreError(.corrupt, "the log of ticket #\(id) in \(path) is damaged: \(error)")
        }
    }

    /// Re-projects a ticket from its log and updates its index row.
    static func reindex(_ id: Int, _ db: Database, path: String, schedule: (Ticket) -> TicketSchedule) throws -> Ticket {
        guard let ticket = try loadTicket(id, db, path: path) else { throw StoreError(.notFound, "there is no ticket #\(id)") }
        let plan = schedule(ticket)
        try db.execute(sql: """
            UPDATE ticket SET customer = ?, organisation = ?, process = ?, summary = ?, status = ?, level = ?,
                updated_at = ?, next_due_at = ?, next_due_what = ?, next_level_at = ?, version = ?
            WHERE id = ?
            """, arguments: [
                ticket.details.customer, ticket.details.organisation, ticket.details.process, ticket.details.summary,
                ticket.status.rawValue, ticket.level, ticket.updatedAt.secondsSinceEpoch,
                plan.nextDue?.secondsSinceEpoch, plan.nextDueWhat, plan.nextLevelAt?.secondsSinceEpoch, ticket.version, id,
            ])
        return ticket
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func event(_ row: Row) throws -> TicketEvent {
        let payload: String = row["payload"]
        let kind: TicketEventKind
        do {
            kind = try JSONDecoder().decode(TicketEventKind.self, from: Data(payload.utf8))
        } catch {
            let id: Int64 = row["id"]
            throw StoreError(.corrupt, "event \(id) cannot be read: \(error)")
        }
        return TicketEvent(
            id: row["id"], ticketID: row["ticket_id"], occurredAt: Instant(secondsSinceEpoch: row["occurred_at"]),
            recordedAt: Instant(secondsSinceEpoch: row["recorded_at"]), author: row["author"], kind: kind)
    }

    static func summary(_ row: Row) -> TicketSummary {
        let dueAt: Int64? = row["next_due_at"]
        let levelAt: Int64? = row["next_level_at"]
        return TicketSummary(
            id: row["id"], customer: row["customer"], organisation: row["organisation"], process: row["process"],
            summary: row["summary"], status: TicketStatus(rawValue: row["status"]) ?? .open, level: row["level"],
            openedBy: row["opened_by"], updatedAt: Instant(secondsSinceEpoch: row["updated_at"]),
            schedule: TicketSchedule(
                nextDue: dueAt.map(Instant.init(secondsSinceEpoch:)), nextDueWhat: row["next_due_what"],
                nextLevelAt: levelAt.map(Instant.init(secondsSinceEpoch:))),
            version: row["version"])
    }
}
