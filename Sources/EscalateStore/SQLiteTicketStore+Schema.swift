import GRDB

extension SQLiteTicketStore {
    /// Marks a file as an escalate database ("ESCA"), so that another
    /// program's SQLite file is never taken for one.
    static let applicationID: Int32 = 0x4553_4341

    static let firstMigration = "v1: tickets, events, references, contacts"

    /// The schema, one migration per change. Events are append-only, which
    /// triggers enforce; each ticket row is an index over its log (status,
    /// level, version, and the instants when it next needs attention).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
            try db.execute(sql: """
                CREATE TABLE ticket (
                    id INTEGER PRIMARY KEY,
                    customer TEXT NOT NULL,
                    organisation TEXT NOT NULL,
                    process TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    status TEXT NOT NULL,
                    level INTEGER,
                    opened_by TEXT NOT NULL,
                    opened_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    next_due_at INTEGER,
                    next_due_what TEXT,
                    next_level_at INTEGER
                );
                CREATE INDEX ticket_by_status ON ticket(status);
                CREATE INDEX ticket_by_due ON ticket(next_due_at) WHERE next_due_at IS NOT NULL;
                CREATE INDEX ticket_by_next_level ON ticket(next_level_at) WHERE next_level_at IS NOT NULL;
                CREATE INDEX ticket_by_customer ON ticket(customer COLLATE NOCASE);

                CREATE TABLE event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                    type TEXT NOT NULL,
                    occurred_at INTEGER NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    author TEXT NOT NULL,
                    payload TEXT NOT NULL
                );
                CREATE INDEX event_by_ticket ON event(ticket_id, id);
                CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
                    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
                    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

                CREATE TABLE ticket_reference (
                    ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                    kind TEXT NOT NULL,
                    value TEXT NOT NULL COLLATE NOCASE,
                    PRIMARY KEY (kind, value, ticket_id)
                ) WITHOUT ROWID;

                CREATE TABLE contact (
                    id INTEGER PRIMARY KEY,
                    role TEXT,
                    name TEXT NOT NULL,
                    phone TEXT,
                    email TEXT,
                    organisation TEXT,
                    saved_by TEXT NOT NULL,
                    saved_at INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: ticket versions") { db in
            // A ticket's version is the length of its log; kept on the index
            // row so that a stale change is refused without reading the log.
            try db.execute(sql: """
                ALTER TABLE ticket ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
                UPDATE ticket SET version = (SELECT COUNT(*) FROM event WHERE event.ticket_id = ticket.id);
                """)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        return migrator
    }
}
