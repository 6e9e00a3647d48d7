import EscalateCatalog
import EscalateDomain
import EscalateStore
import Foundation

/// Issue: matrices, tickets and their store. With 100,000 tickets (10,000 of
/// them open) and 1,000,000 events: whoNow for one ticket loaded from the
/// store at most 1 ms, the overdue list at most 10 ms, opening the store at
/// most 20 ms.
enum StoreBenchmarks {
    static let path = FileManager.default.temporaryDirectory.appendingPathComponent("escalate-bench/store-100k.sqlite").path
    static let now = Instant(secondsSinceEpoch: 1_795_446_000)  // Mon 23 Nov 2026 09:00 CT

    static func rows(filter: String?) async -> [BenchmarkRow] {
        if let filter, !"store whoNow overdue opening".localizedCaseInsensitiveContains(filter) && !filter.lowercased().contains("store") {
            return []
        }
        let catalog = try! Catalog.builtIn(localZone: Zone(identifier: "America/Chicago")!)
        let engine = catalog.engine
        let store = try! await seededStore(engine: engine)
        var generator = SplitMix64(seed: 11)
        return [
            BenchmarkRow(name: "whoNow for one ticket, loaded from the store", target: 1e-3, callsPerSample: 1, samples: 501) { () async -> Int in
                let id = Int(generator.next() % 100_000) + 1
                guard let ticket = try? await store.ticket(id), let advice = engine.whoNow(ticket, at: now + 86_400 * 3) else { return 0 }
                return advice.ticket.id
            },
            // What "what's overdue?" reads: the first page and the total.
            BenchmarkRow(name: "the overdue list (first 50 and the count)", target: 10e-3, callsPerSample: 1, samples: 101) { () async -> Int in
                let page = (try? await store.tickets(TicketQuery(.dueBy(now + 86_400 * 3), limit: 50)))?.count ?? 0
                return page + ((try? await store.count(TicketQuery(.dueBy(now + 86_400 * 3)))) ?? 0)
            },
            BenchmarkRow(name: "opening the store (100k tickets, 1M events)", target: 20e-3, callsPerSample: 1, samples: 51) {
                (try? SQLiteTicketStore(path: path)).map { _ in 1 } ?? 0
            },
        ]
    }

    /// The benchmark database, built once and kept in the temporary folder.
    static func seededStore(engine: EscalationEngine) async throws -> SQLiteTicketStore {
        if FileManager.default.fileExists(atPath: path), let store = try? SQLiteTicketStore(path: path),
           (try? await store.tickets(TicketQuery(.all, limit: 100_001)).count) == 100_000 {
            return store
        }
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
        let store = try SQLiteTicketStore(path: path)
        print("(building the benchmark store: 100,000 tickets and 1,000,000 events; this takes a while, once)")
        try await seed(engine: engine) { events in _ = try await store.importEvents(events) { engine.schedule($0) } }
        return store
    }

    /// The benchmark's 100,000 tickets and 1,000,000 events, handed over in
    /// batches of 100,000 events (whole tickets), the same for every backend.
    static func seed(engine: EscalationEngine, importing: ([TicketEvent]) async throws -> Void) async throws {
        var generator = SplitMix64(seed: 3)
        let processes = ["lumen-installation", "centurylink-installation", "cms-billing", "lumen-billing", "support-requests"]
        var events: [TicketEvent] = []
        var eventID: Int64 = 0
        for id in 1...100_000 {
            let process = processes[id % processes.count]
            let organisation = engine.process(process)!.organisation
            let first = engine.process(process)!.firstLevel.number
            // Tickets opened over the last two years; the newest 10,000 are still open.
            let opened = now - Int64(100_000 - id) * 600 - Int64(generator.next() % 600)
            func event(_ kind: TicketEventKind, _ offset: Int64) {
                eventID += 1
                events.append(TicketEvent(id: eventID, ticketID: id, occurredAt: opened + offset, recordedAt: opened + offset, author: "bench", kind: kind))
            }
            event(.opened(TicketDetails(customer: "Customer \(id % 977)", organisation: organisation, process: process, summary: "Benchmark ticket \(id)")), 0)
            event(.contactAttempted(ContactRecord(level: first, channel: .phone)), 60)
            for n in 0..<7 { event(.updateLogged(note: "update \(n) on ticket \(id)"), 120 + Int64(n) * 60) }
            if id <= 90_000 {
                event(.closed(code: "resolved", note: nil, agreedBy: "customer"), 1_000)
            } else {
                event(.acknowledged(ContactRecord(level: first)), 900)
                event(.escalated(toLevel: first + 1, reason: nil, condition: nil), 1_000)
            }
            if events.count >= 100_000 {
                try await importing(events)
                events.removeAll(keepingCapacity: true)
            }
        }
        if !events.isEmpty { try await importing(events) }
    }
}
