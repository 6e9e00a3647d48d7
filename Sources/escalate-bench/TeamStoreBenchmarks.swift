import EscalateCatalog
import EscalateDomain
import EscalatePostgres
import EscalateStore
import Foundation

/// Issue: a team's shared store. The store rows again on PostgreSQL, beside
/// SQLite's: whoNow for one ticket from 100k tickets / 1M events at most
/// 2 ms, the overdue list at most 20 ms; and on both, 8 concurrent writers
/// of 1,000 events each, all 8,000 recorded, with the throughput printed.
/// PostgreSQL is measured when `ESCALATE_BENCH_DATABASE_URL` (or
/// `ESCALATE_TEST_DATABASE_URL`) names a server; the data is kept in the
/// schema `escalate_bench` between runs.
enum TeamStoreBenchmarks {
    static let writers = 8
    static let eventsPerWriter = 1_000

    static var url: String? {
        let environment = ProcessInfo.processInfo.environment
        return [environment["ESCALATE_BENCH_DATABASE_URL"], environment["ESCALATE_TEST_DATABASE_URL"]].compactMap { $0 }.first { !$0.isEmpty }
    }

    static func rows(filter: String?) async -> [BenchmarkRow] {
        if let filter, !"store postgresql writers".localizedCaseInsensitiveContains(filter) && !filter.lowercased().contains("writers") {
            return []
        }
        let engine = try! Catalog.builtIn(localZone: Zone(identifier: "America/Chicago")!).engine
        let sqlitePath = FileManager.default.temporaryDirectory.appendingPathComponent("escalate-bench/writers-\(getpid()).sqlite").path
        var rows = [writersRow("SQLite", engine: engine) { try SQLiteTicketStore(path: sqlitePath) }]
        guard let url else {
            print("(PostgreSQL rows skipped: set ESCALATE_BENCH_DATABASE_URL=postgres://USER@HOST:PORT/DB to measure them)")
            return rows
        }
        do {
            let location = try PostgresLocation(url: url)
            let store = try await seededStore(location, engine: engine)
            rows += readingRows(store, engine: engine)
            let schema = "escalate_bench_writers_\(getpid())"
            rows.append(writersRow("PostgreSQL", engine: engine) { try await PostgresTicketStore.open(location, schema: schema) })
        } catch {
            print("(PostgreSQL rows skipped: \(error))")
        }
        return rows
    }

    static func readingRows(_ store: PostgresTicketStore, engine: EscalationEngine) -> [BenchmarkRow] {
        let now = StoreBenchmarks.now
        var generator = SplitMix64(seed: 11)
        return [
            BenchmarkRow(name: "PostgreSQL: whoNow for one ticket from the store", target: 2e-3, samples: 501) { () async -> Int in
                let id = Int(generator.next() % 100_000) + 1
                guard let ticket = try? await store.ticket(id), let advice = engine.whoNow(ticket, at: now + 86_400 * 3) else { return 0 }
                return advice.ticket.id
            },
            BenchmarkRow(name: "PostgreSQL: the overdue list (first 50, count)", target: 20e-3, samples: 101) { () async -> Int in
                let page = (try? await store.tickets(TicketQuery(.dueBy(now + 86_400 * 3), limit: 50)))?.count ?? 0
                return page + ((try? await store.count(TicketQuery(.dueBy(now + 86_400 * 3)))) ?? 0)
            },
        ]
    }

    /// 8 writers, each on a connection (or file handle) of its own, append
    /// 1,000 events one commit at a time to tickets of their own. The row
    /// is the whole run's time; the note, what was recorded and how fast.
    static func writersRow(_ backend: String, engine: EscalationEngine, open: @escaping @Sendable () async throws -> any TicketStore) -> BenchmarkRow {
        let outcome = Outcome()
        return BenchmarkRow(name: "\(backend): 8 writers × 1,000 events", target: 60, statistic: .total, samples: 1) { () async -> Int in
            do {
                (outcome.recorded, outcome.seconds) = try await runWriters(open: open, engine: engine)
            } catch {
                outcome.failure = "\(error)"
            }
            return outcome.recorded
        }.measuring { _ in outcome.seconds }
        .noting { outcome.summary }
    }

    final class Outcome: @unchecked Sendable {
        var recorded = 0
        var seconds = 0.0
        var failure: String?
        var summary: String {
            if let failure { return "ERROR: \(failure)" }
            return "\(recorded) of \(writers * eventsPerWriter) events recorded, \(Int(Double(writers * eventsPerWriter) / max(seconds, 1e-9))) events/s"
        }
    }

    /// Returns how many events the writers added to their tickets, and the seconds they took.
    static func runWriters(open: @escaping @Sendable () async throws -> any TicketStore, engine: EscalationEngine) async throws -> (Int, Double) {
        let setup = try await open()
        let t0 = StoreBenchmarks.now
        var tickets: [Int] = []
        for writer in 0..<writers {
            let process = engine.process("lumen-installation")!
            let details = TicketDetails(customer: "Writer \(writer)", organisation: process.organisation, process: process.id, summary: "Writers benchmark")
            let receipt = try await setup.commit(ChangeSet(author: "w\(writer)", recordedAt: t0, newTickets: [NewTicket(placeholder: 0, details: details, openedAt: t0)])) {
                engine.schedule($0)
            }
            tickets.append(receipt.assignedIDs[0]!)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                let ticket = tickets[writer]
                group.addTask {
                    let store = try await open()
                    for n in 0..<eventsPerWriter {
                        _ = try await store.commit(ChangeSet(author: "w\(writer)", recordedAt: t0, appends: [
                            TicketAppend(ticketID: ticket, expectedVersion: nil, events: [PendingEvent(.updateLogged(note: "writer \(writer) note \(n)"), at: t0)]),
                        ])) { engine.schedule($0) }
                    }
                }
            }
            try await group.waitForAll()
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var recorded = 0
        for ticket in tickets { recorded += (try await setup.ticket(ticket)?.events.count ?? 1) - 1 }
        return (recorded, seconds)
    }

    /// The 100k-ticket data in the schema `escalate_bench`, built once and kept.
    static func seededStore(_ location: PostgresLocation, engine: EscalationEngine) async throws -> PostgresTicketStore {
        let store = try await PostgresTicketStore.open(location, schema: "escalate_bench")
        if try await store.count(TicketQuery(.all)) == 100_000 { return store }
        guard try await store.count(TicketQuery(.all)) == 0 else {
            throw StoreError(.invalid, "the schema escalate_bench holds other data; drop it (DROP SCHEMA escalate_bench CASCADE) and run again")
        }
        print("(building the PostgreSQL benchmark data: 100,000 tickets and 1,000,000 events; this takes a while, once)")
        try await StoreBenchmarks.seed(engine: engine) { events in _ = try await store.importEvents(events) { engine.schedule($0) } }
        return store
    }
}
