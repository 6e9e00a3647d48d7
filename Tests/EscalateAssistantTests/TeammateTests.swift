import EscalateAssistant
import EscalateDomain
import EscalatePostgres
import EscalateStore
import Foundation
import PostgresNIO
import Testing
@testable import EscalatePostgres

/// Two sessions on one store see each other's changes as nudges before the
/// prompt: who, what and when, the time with its zone. On a shared
/// in-memory store (what SQLite's polling does) and, when a server is
/// named, on PostgreSQL with LISTEN/NOTIFY.
@Suite struct TeammateTests {
    static let openLine = "open a CenturyLink installation ticket for Initech: turn-up slipping"

    /// Nudges for `session`, asked until some arrive: a notification is
    /// delivered asynchronously, so this waits on that state, never a time.
    static func nudges(_ session: Session, until wanted: (String) -> Bool) async throws -> [String] {
        var seen: [String] = []
        for _ in 0..<500 {
            seen += await session.nudges()
            if seen.contains(where: wanted) { return seen }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return seen
    }

    func twoSessionsSeeEachOther(on sharedStore: any TicketStore, and otherStore: any TicketStore) async throws {
        let kim = TestWorld.session(role: .ccm, user: "Kim Lee", store: otherStore)
        #expect(await kim.nudges().isEmpty)  // the start: what came before is history
        await TestWorld.say("what time is it?", to: kim)  // names read: no tickets yet
        #expect(!kim.completions(for: "#").contains("#1"))
        let sam = TestWorld.session(role: .ccm, user: "Dana Reyes", store: sharedStore)
        _ = await sam.nudges()
        await TestWorld.say(Self.openLine, to: sam)
        let seenByKim = try await Self.nudges(kim) { $0.hasPrefix("Dana Reyes opened #1") }
        let opened = try #require(seenByKim.first { $0.hasPrefix("Dana Reyes opened #1") }, "\(seenByKim)")
        #expect(opened.contains("for Initech at 09:00 CT today"), "\(opened)")
        // Kim's names were read again: the next line knows Dana's ticket.
        await TestWorld.say("what time is it?", to: kim)
        #expect(kim.completions(for: "#").contains("#1"))
        // Their own changes are not news to them.
        #expect(!(await sam.nudges()).contains { $0.contains("Dana Reyes") })

        let noted = await TestWorld.say("#1 update: splicing crew booked for 8am", to: kim)
        #expect(noted.contains("Noted on #1"), "\(noted)")
        let seenBySam = try await Self.nudges(sam) { $0.hasPrefix("Kim Lee on #1") }
        let update = try #require(seenBySam.first { $0.hasPrefix("Kim Lee on #1") }, "\(seenBySam)")
        #expect(update.contains("Initech at 09:00 CT today: update: splicing crew booked for 8am"), "\(update)")
        #expect(!(await kim.nudges()).contains { $0.contains("Kim Lee") })
    }

    @Test func twoSessionsOnOneStoreSeeEachOthersChanges() async throws {
        let store = InMemoryTicketStore()
        try await twoSessionsSeeEachOther(on: store, and: store)
    }

    @Test(.enabled(if: PostgresTestServer.url != nil, "ESCALATE_TEST_DATABASE_URL is not set: PostgreSQL skipped"))
    func twoSessionsOnOnePostgreSQLDatabaseSeeEachOthersChangesThroughNotifications() async throws {
        let schema = PostgresTestServer.freshSchema()
        let dana = try await PostgresTestServer.open(schema: schema)
        let kim = try await PostgresTestServer.open(schema: schema)
        try await twoSessionsSeeEachOther(on: dana, and: kim)
        await dana.close()
        await kim.close()
    }

    /// The server drops the session's connection while its turn is being
    /// saved: the reply says it was not saved, nothing of it is stored, and
    /// the next turn reconnects and is saved.
    @Test(.enabled(if: PostgresTestServer.url != nil, "ESCALATE_TEST_DATABASE_URL is not set: PostgreSQL skipped"))
    func aTurnWhoseConnectionIsLostSaysItWasNotSavedAndTheNextTurnGoesOn() async throws {
        let schema = PostgresTestServer.freshSchema()
        let store = try await PostgresTestServer.open(schema: schema)
        let blocker = try await PostgresTestServer.open(schema: schema)
        let session = TestWorld.session(role: .ccm, store: store)
        await TestWorld.say(Self.openLine, to: session)
        let pid = try await store.read { try await PostgresTicketStore.value(Int32.self, "SELECT pg_backend_pid()", on: $0) }
        let holder = try await blocker.connections.lease()
        try await holder.query("BEGIN", logger: PostgresErrors.logger)
        try await holder.query("SELECT pg_advisory_xact_lock(4554, hashtext(current_schema()))", logger: PostgresErrors.logger)
        // The session is used by this task alone until it is awaited below.
        nonisolated(unsafe) let busy = session
        let turn = Task { await busy.respond(to: "#1 update: this one is lost with the connection").text }
        try await PostgresTestServer.waitUntilBlocked(pid, on: holder)
        try await holder.query("SELECT pg_terminate_backend(\(pid))", logger: PostgresErrors.logger)
        let reply = await turn.value
        try await holder.query("ROLLBACK", logger: PostgresErrors.logger)
        await blocker.connections.release(holder)
        #expect(reply.contains("not saved"), "\(reply)")
        #expect(!reply.contains("Noted"), "\(reply)")
        let next = await TestWorld.say("#1 update: this one is saved", to: session)
        #expect(next.contains("Noted on #1"), "\(next)")
        let notes = try await store.allEvents().compactMap { event -> String? in
            if case .updateLogged(let note) = event.kind { return note } else { return nil }
        }
        #expect(notes == ["this one is saved"])
        await store.close()
        await blocker.close()
    }
}

/// The test server named by `ESCALATE_TEST_DATABASE_URL`, a fresh schema per test.
enum PostgresTestServer {
    static let url: String? = ProcessInfo.processInfo.environment["ESCALATE_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }

    static func freshSchema() -> String { "a_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(24) }

    static func open(schema: String) async throws -> PostgresTicketStore {
        try await PostgresTicketStore.open(try PostgresLocation(url: url ?? ""), schema: schema)
    }

    /// Waits (a state, not a time) until backend `pid` waits on a lock.
    static func waitUntilBlocked(_ pid: Int32, on connection: PostgresConnection) async throws {
        for _ in 0..<1_000 {
            let rows = try await connection.query("SELECT wait_event_type FROM pg_stat_activity WHERE pid = \(pid)", logger: PostgresErrors.logger).collect()
            if try rows.first?.makeRandomAccess()[0].decode(String?.self) == "Lock" { return }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        Issue.record("backend \(pid) never waited on the commit lock")
    }
}
