import EscalateDomain
import PostgresNIO

/// The schema, one numbered migration per change, applied at start-up while
/// holding an advisory lock, so that two escalates starting at once against
/// a new database never both create it. Columns mirror the SQLite file's:
/// instants are seconds since the epoch, an event's kind is the same JSON.
enum PostgresSchema {
    /// (version, name, statements). Never edit one that has shipped; add the next.
    static let migrations: [(Int, String, [String])] = [
        (1, "tickets, events, references, contacts", [
            """
            CREATE SEQUENCE ticket_id_seq
            """,
            """
            CREATE TABLE ticket (
                id BIGINT PRIMARY KEY,
                customer TEXT NOT NULL,
                organisation TEXT NOT NULL,
                process TEXT NOT NULL,
                summary TEXT NOT NULL,
                status TEXT NOT NULL,
                level INTEGER,
                opened_by TEXT NOT NULL,
                opened_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                next_due_at BIGINT,
                next_due_what TEXT,
                next_level_at BIGINT,
                version INTEGER NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE INDEX ticket_by_status ON ticket(status)
            """,
            """
            CREATE INDEX ticket_by_due ON ticket(next_due_at) WHERE next_due_at IS NOT NULL
            """,
            """
            CREATE INDEX ticket_by_next_level ON ticket(next_level_at) WHERE next_level_at IS NOT NULL
            """,
            """
            CREATE INDEX ticket_by_opener ON ticket(opened_by)
            """,
            """
            CREATE TABLE event (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                ticket_id BIGINT NOT NULL REFERENCES ticket(id),
                type TEXT NOT NULL,
                occurred_at BIGINT NOT NULL,
                recorded_at BIGINT NOT NULL,
                author TEXT NOT NULL,
                payload TEXT NOT NULL
            )
            """,
            """
            CREATE INDEX event_by_ticket ON event(ticket_id, id)
            """,
            // The log is append-only for everyone, owner included: a trigger
            // refuses UPDATE, DELETE and TRUNCATE, and no role but the owner
            // is granted them.
            """
            CREATE FUNCTION escalate_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'insufficient_privilege';
            END $$
            """,
            """
            CREATE TRIGGER event_is_append_only BEFORE UPDATE OR DELETE ON event
                FOR EACH ROW EXECUTE FUNCTION escalate_event_is_append_only()
            """,
            """
            CREATE TRIGGER event_is_not_truncated BEFORE TRUNCATE ON event
                FOR EACH STATEMENT EXECUTE FUNCTION escalate_event_is_append_only()
            """,
            """
            REVOKE UPDATE, DELETE, TRUNCATE ON event FROM PUBLIC
            """,
            """
            CREATE TABLE ticket_reference (
                ticket_id BIGINT NOT NULL REFERENCES ticket(id),
                kind TEXT NOT NULL,
                value TEXT NOT NULL
            )
            """,
            """
            CREATE UNIQUE INDEX ticket_reference_by_value ON ticket_reference(kind, lower(value), ticket_id)
            """,
            """
            CREATE TABLE contact (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                role TEXT,
                name TEXT NOT NULL,
                phone TEXT,
                email TEXT,
                organisation TEXT,
                saved_by TEXT NOT NULL,
                saved_at BIGINT NOT NULL
            )
            """,
        ]),
    ]

    /// Brings the connection's schema up to date (creating `schema` first,
    /// when named) and returns its name. Refuses a schema written by a newer
    /// escalate, and one that holds another program's `ticket` table.
    static func migrate(_ connection: PostgresConnection, creating schema: String?, location: PostgresLocation) async throws -> String {
        let logger = PostgresErrors.logger
        // A session-level lock, per schema name, taken before the schema may
        // exist and held across the migrations' own transactions.
        let key = schema ?? ""
        try await connection.query("SELECT pg_advisory_lock(4553, hashtext(\(key)))", logger: logger)
        do {
            if let schema {
                try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: PostgresTicketStore.quoteIdentifier(schema))", logger: logger)
            }
            guard let current = try await PostgresTicketStore.value(String?.self, "SELECT current_schema()", on: connection) else {
                throw StoreError(.invalid, "\(location.description) has no schema to work in (search_path names none that exists)")
            }
            try await apply(connection, schema: current, location: location)
            try await connection.query("SELECT pg_advisory_unlock(4553, hashtext(\(key)))", logger: logger)
            return current
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            _ = try? await connection.query("SELECT pg_advisory_unlock(4553, hashtext(\(key)))", logger: logger)
            throw error
        }
    }

    private static func apply(_ connection: PostgresConnection, schema: String, location: PostgresLocation) async throws {
        let logger = PostgresErrors.logger
        let tables = try await PostgresTicketStore.rows(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()", on: connection)
        let names = Set(try tables.map { try $0[0].decode(String.self) })
        if names.contains("ticket") && !names.contains("escalate_migration") {
            throw StoreError(.corrupt, "the schema \(schema) of \(location.description) holds another program's tickets; name another database")
        }
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS escalate_migration (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
            """, logger: logger)
        let applied = try await PostgresTicketStore.value(Int.self, "SELECT COALESCE(MAX(version), 0)::bigint FROM escalate_migration", on: connection)
        if applied > migrations.last!.0 {
            throw StoreError(.corrupt, "\(location.description) was set up by a newer escalate (schema version \(applied)); upgrade escalate to use it")
        }
        for (version, name, statements) in migrations where version > applied {
            try await connection.query("BEGIN", logger: logger)
            for statement in statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
            try await connection.query("INSERT INTO escalate_migration (version, name) VALUES (\(version), \(name))", logger: logger)
            try await connection.query("COMMIT", logger: logger)
        }
    }
}
