import EscalateDomain
import Foundation
import PostgresNIO
import Testing
@testable import EscalatePostgres
@testable import EscalateStore

/// In CI (`ESCALATE_REQUIRE_POSTGRES=1`) a missing or unreachable server is
/// a failure, never a skip.
@Suite struct PostgresRequirementTests {
    @Test func aRequiredServerIsThere() async throws {
        guard PostgresBackend.isRequired else { return }
        try #require(PostgresBackend.url != nil, "ESCALATE_REQUIRE_POSTGRES=1 but ESCALATE_TEST_DATABASE_URL is not set: no PostgreSQL server to test against")
        let store = try await PostgresBackend.open(schema: PostgresBackend.freshSchemaName())
        #expect(try await store.latestEventID() == 0)
        await store.close()
    }
}

/// What only a server store has: the database's own refusal to change the
/// log, versioned migrations, a lost connection in the middle of a commit.
@Suite(.enabled(if: PostgresBackend.url != nil, "ESCALATE_TEST_DATABASE_URL is not set: PostgreSQL skipped"))
struct PostgresStoreTests {
    static let t0 = StoreContractTests.t0

    func open(_ store: PostgresTicketStore) async throws -> Int {
        let receipt = try await store.commit(ChangeSet(author: "sam", recordedAt: Self.t0, newTickets: [
            NewTicket(placeholder: 0, details: StoreContractTests.details, openedAt: Self.t0),
        ]), schedule: StoreContractTests.scheduleDue)
        return try #require(receipt.assignedIDs[0])
    }

    func note(_ store: PostgresTicketStore, _ text: String, on id: Int = 1) async throws -> CommitReceipt {
        try await store.commit(ChangeSet(author: "sam", recordedAt: Self.t0, appends: [
            TicketAppend(ticketID: id, expectedVersion: nil, events: [PendingEvent(.updateLogged(note: text), at: Self.t0)]),
        ]), schedule: StoreContractTests.scheduleDue)
    }

    /// Runs `sql` on a connection of the store's own, outside its methods.
    func run(_ sql: String, on store: PostgresTicketStore) async throws {
        let connection = try await store.connections.lease()
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: PostgresErrors.logger)
        } catch {
            await store.connections.release(connection, healthy: false)
            throw error
        }
        await store.connections.release(connection, healthy: false)
    }

    @Test func theDatabaseItselfRefusesToChangeOrDeleteEvents() async throws {
        let store = try await PostgresBackend.open(schema: PostgresBackend.freshSchemaName())
        _ = try await open(store)
        for sql in ["UPDATE event SET author = 'mallory'", "DELETE FROM event", "TRUNCATE event CASCADE"] {
            do {
                try await run(sql, on: store)
                Issue.record("the server ran \(sql)")
            } catch let error as PSQLError {
                #expect(error.serverInfo?[.message] == "events are append-only", "\(sql)")
                #expect(PostgresErrors.describe(error, location: store.location).code == .permission)
            }
        }
        #expect(try await store.ticket(1)?.events.first?.author == "sam")
        await store.close()
    }

    @Test func migrationsAreVersionedAndRunOnceEvenWhenTwoStartTogether() async throws {
        let schema = PostgresBackend.freshSchemaName()
        async let first = PostgresBackend.open(schema: schema)
        async let second = PostgresBackend.open(schema: schema)
        let stores = try await [first, second]
        let versions = try await stores[0].read { connection in
            try await PostgresTicketStore.rows("SELECT version FROM escalate_migration ORDER BY version", on: connection).map { try $0[0].decode(Int.self) }
        }
        #expect(versions == PostgresSchema.migrations.map(\.0))
        // A schema from a newer escalate is refused, not used.
        try await run("INSERT INTO escalate_migration (version, name) VALUES (999, 'from the future')", on: stores[0])
        await #expect { try await PostgresBackend.open(schema: schema) } throws: { ($0 as? StoreError)?.code == .corrupt }
        for store in stores { await store.close() }
    }

    @Test func ticketNumbersComeFromASequenceThatSkipsImportedOnes() async throws {
        let store = try await PostgresBackend.open(schema: PostgresBackend.freshSchemaName())
        let opened = TicketEvent(id: 1, ticketID: 5, occurredAt: Self.t0, recordedAt: Self.t0, author: "kim", kind: .opened(StoreContractTests.details))
        #expect(try await store.importEvents([opened], schedule: StoreContractTests.scheduleDue) == 1)
        #expect(try await open(store) == 6)
        #expect(try await open(store) == 7)
        await store.close()
    }

    /// The store's connection is killed while its commit waits inside the
    /// transaction (held at the commit lock by another connection). That
    /// commit must fail as not saved and leave nothing; the one acknowledged
    /// before it stays; the next one reconnects and is saved.
    @Test func aConnectionKilledMidCommitLosesNothingAcknowledgedAndSavesNothingUnacknowledged() async throws {
        let schema = PostgresBackend.freshSchemaName()
        let store = try await PostgresBackend.open(schema: schema)
        let blocker = try await PostgresBackend.open(schema: schema)
        _ = try await open(store)
        let acknowledged = try await note(store, "acknowledged before the kill")
        // The pool hands back its one idle connection: the commit below runs on this backend.
        let pid = try await store.read { try await PostgresTicketStore.value(Int32.self, "SELECT pg_backend_pid()", on: $0) }
        let holder = try await blocker.connections.lease()
        try await holder.query("BEGIN", logger: PostgresErrors.logger)
        try await holder.query("SELECT pg_advisory_xact_lock(4554, hashtext(current_schema()))", logger: PostgresErrors.logger)
        let pending = Task { try await note(store, "in flight when the connection died") }
        try await waitUntilBlocked(pid, on: holder)
        try await holder.query("SELECT pg_terminate_backend(\(pid))", logger: PostgresErrors.logger)
        let outcome = await pending.result
        try await holder.query("ROLLBACK", logger: PostgresErrors.logger)
        await blocker.connections.release(holder)
        switch outcome {
        case .success: Issue.record("a commit on a killed connection was reported saved")
        case .failure(let error):
            #expect((error as? StoreError)?.code == .unavailable)
            #expect((error as? StoreError)?.message.contains("not saved") == true, "\(error)")
        }
        let after = try await note(store, "after reconnecting")
        let notes = try #require(try await store.ticket(1)).events.compactMap { event -> String? in
            if case .updateLogged(let note) = event.kind { return note } else { return nil }
        }
        #expect(notes == ["acknowledged before the kill", "after reconnecting"])
        #expect(after.eventIDs.first! > acknowledged.eventIDs.first!)
        await store.close()
        await blocker.close()
    }

    /// Waits (a state, not a time) until backend `pid` waits on a lock.
    func waitUntilBlocked(_ pid: Int32, on connection: PostgresConnection) async throws {
        for _ in 0..<1_000 {
            let rows = try await connection.query("SELECT wait_event_type FROM pg_stat_activity WHERE pid = \(pid)", logger: PostgresErrors.logger).collect()
            if try rows.first?.makeRandomAccess()[0].decode(String?.self) == "Lock" { return }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        Issue.record("backend \(pid) never waited on the commit lock")
    }

    @Test func aStoreListeningIsSignalledByAnothersCommit() async throws {
        let schema = PostgresBackend.freshSchemaName()
        let mine = try await PostgresBackend.open(schema: schema)
        let theirs = try await PostgresBackend.open(schema: schema)
        // Not sure before listening starts, then quiet until someone writes.
        #expect(await mine.takeChangeSignal())
        try await waitUntilListening(mine)
        #expect(await mine.takeChangeSignal() == false)
        _ = try await open(theirs)
        try await waitForSignal(mine)
        #expect(await mine.takeChangeSignal())
        #expect(await mine.takeChangeSignal() == false)
        await mine.close()
        await theirs.close()
    }

    func waitUntilListening(_ store: PostgresTicketStore) async throws {
        for _ in 0..<1_000 where await !store.listener.isListening { try await Task.sleep(nanoseconds: 10_000_000) }
        _ = await store.takeChangeSignal()  // the signal raised when listening began
    }

    func waitForSignal(_ store: PostgresTicketStore) async throws {
        for _ in 0..<1_000 {
            if await store.listener.isSignalled { return }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        Issue.record("no notification arrived")
    }
}

/// The address, the password's sources, and a server that is not there:
/// no server needed.
@Suite struct PostgresLocationTests {
    @Test func aServerThatIsDownIsUnavailableAtOnceNamingIt() async throws {
        let location = try PostgresLocation(url: "postgres://nobody@127.0.0.1:1/none", environment: [:])
        await #expect { try await PostgresTicketStore.open(location) } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .unavailable && error.message.contains("127.0.0.1:1")
        }
    }

    @Test func aURLGivesItsPartsAndDefaultsTheRest() throws {
        let full = try PostgresLocation(url: "postgresql://kim:s%40cret@db.example.com:6543/team?sslmode=require", environment: [:])
        #expect(full == PostgresLocation(host: "db.example.com", port: 6543, user: "kim", password: "s@cret", database: "team", tls: .require))
        #expect(full.description == "postgres://kim@db.example.com:6543/team")
        let bare = try PostgresLocation(url: "postgres://db.example.com", environment: ["USER": "lee", "PGPASSWORD": "from-env", "HOME": "/nonexistent"])
        #expect(bare == PostgresLocation(host: "db.example.com", port: 5432, user: "lee", password: "from-env", database: "lee", tls: .prefer))
        let socket = try PostgresLocation(url: "postgres://kim@/team?host=/tmp/pg", environment: ["HOME": "/nonexistent"])
        #expect(socket.socketFolder == "/tmp/pg")
        #expect(throws: StoreError.self) { try PostgresLocation(url: "postgres://kim@db/team?sslmode=sometimes", environment: [:]) }
        #expect(PostgresLocation.redacted("postgres://kim:hunter2@db/team").contains("hunter2") == false)
    }

    @Test func aPasswordFileIsReadAsLibpqReadsItAndIgnoredWhenOthersMayReadIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(".pgpass").path
        try """
            # comment
            other.example.com:5432:*:kim:wrong
            db.example.com:*:team:kim:pa\\:ss\\\\word
            *:*:*:*:fallback
            """.write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let environment = ["HOME": folder.path]
        #expect(try PostgresLocation(url: "postgres://kim@db.example.com/team", environment: environment).password == "pa:ss\\word")
        #expect(try PostgresLocation(url: "postgres://lee@elsewhere/x", environment: environment).password == "fallback")
        // The URL's own password comes first, then PGPASSWORD.
        #expect(try PostgresLocation(url: "postgres://kim:mine@db.example.com/team", environment: environment).password == "mine")
        #expect(try PostgresLocation(url: "postgres://kim@db.example.com/team", environment: environment.merging(["PGPASSWORD": "env"]) { $1 }).password == "env")
        chmod(file, 0o644)
        #expect(try PostgresLocation(url: "postgres://kim@db.example.com/team", environment: environment).password == nil)
    }
}
