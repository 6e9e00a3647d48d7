import EscalateDomain
import Foundation
import GRDB

extension SQLiteTicketStore {
    public func openTicket(_ details: TicketDetails, at: Instant, by author: String, schedule: (Ticket) -> TicketSchedule) throws -> Ticket {
        try write { db in
            let id = (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM ticket")) ?? 1
            try db.execute(sql: """
                INSERT INTO ticket (id, customer, organisation, process, summary, status, opened_by, opened_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)
                """, arguments: [id, details.customer, details.organisation, details.process, details.summary, author, at.secondsSinceEpoch, at.secondsSinceEpoch])
            let event = TicketEvent(ticketID: id, occurredAt: at, recordedAt: at, author: author, kind: .opened(details))
            try insert(event, db)
            return try reindex(id, db, schedule: schedule)
        }
    }

    public func append(_ kinds: [(kind: TicketEventKind, occurredAt: Instant)], to ticketID: Int, at recordedAt: Instant, by author: String,
                       schedule: (Ticket) -> TicketSchedule) throws -> Ticket {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM ticket WHERE id = ?", arguments: [ticketID]) == true else {
                throw StoreError("there is no ticket #\(ticketID)")
            }
            for (kind, occurredAt) in kinds {
                try insert(TicketEvent(ticketID: ticketID, occurredAt: occurredAt, recordedAt: recordedAt, author: author, kind: kind), db)
            }
            return try reindex(ticketID, db, schedule: schedule)
        }
    }

    public func ticket(_ id: Int) throws -> Ticket? {
        try read { db in try loadTicket(id, db) }
    }

    public func tickets(_ query: TicketQuery) throws -> [TicketSummary] {
        let (condition, arguments, order) = Self.selection(query)
        var sql = "SELECT * FROM ticket" + condition + " ORDER BY " + order
        if let limit = query.limit { sql += " LIMIT \(limit)" }
        return try read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.summary) }
    }

    public func count(_ query: TicketQuery) throws -> Int {
        let (condition, arguments, _) = Self.selection(query)
        return try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket" + condition, arguments: arguments) ?? 0 }
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

    public func tickets(withReference reference: TicketReference) throws -> [TicketSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT ticket.* FROM ticket JOIN ticket_reference ON ticket_reference.ticket_id = ticket.id
                WHERE ticket_reference.kind = ? AND ticket_reference.value = ? ORDER BY ticket.id
                """, arguments: [reference.kind.rawValue, reference.value]).map(Self.summary)
        }
    }

    public func tickets(customerMatching text: String) throws -> [TicketSummary] {
        let pattern = "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ticket WHERE customer LIKE ? ORDER BY id", arguments: [pattern]).map(Self.summary)
        }
    }

    // MARK: Rows

    func insert(_ event: TicketEvent, _ db: Database) throws {
        let payload = String(decoding: try Self.encoder.encode(event.kind), as: UTF8.self)
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

    private func insertReference(_ reference: TicketReference, ticketID: Int, _ db: Database) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO ticket_reference (ticket_id, kind, value) VALUES (?, ?, ?)",
                       arguments: [ticketID, reference.kind.rawValue, reference.value])
    }

    func loadTicket(_ id: Int, _ db: Database) throws -> Ticket? {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM event WHERE ticket_id = ? ORDER BY id", arguments: [id])
        guard !rows.isEmpty else { return nil }
        let events = try rows.map(Self.event)
        do {
            return try Ticket(events: events)
        } catch {
            throw StoreError("the log of ticket #\(id) in \(path) is damaged: \(error)")
        }
    }

    /// Re-projects a ticket from its log and updates its index row.
    func reindex(_ id: Int, _ db: Database, schedule: (Ticket) -> TicketSchedule) throws -> Ticket {
        guard let ticket = try loadTicket(id, db) else { throw StoreError("there is no ticket #\(id)") }
        let plan = schedule(ticket)
        try db.execute(sql: """
            UPDATE ticket SET customer = ?, organisation = ?, process = ?, summary = ?, status = ?, level = ?,
                updated_at = ?, next_due_at = ?, next_due_what = ?, next_level_at = ?
            WHERE id = ?
            """, arguments: [
                ticket.details.customer, ticket.details.organisation, ticket.details.process, ticket.details.summary,
                ticket.status.rawValue, ticket.level, ticket.updatedAt.secondsSinceEpoch,
                plan.nextDue?.secondsSinceEpoch, plan.nextDueWhat, plan.nextLevelAt?.secondsSinceEpoch, id,
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
            throw StoreError("event \(id) cannot be read: \(error)")
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
                nextLevelAt: levelAt.map(Instant.init(secondsSinceEpoch:))))
    }
}
