import EscalateAssistant
import EscalateCatalog
import EscalateDomain
import EscalateStore
import Foundation

/// Issue: the conversation. A whole turn (understanding, the handler, and
/// committing its effects) on the in-memory store, at most 200 µs median.
enum TurnBenchmarks {
    static let tickets = 200

    static func rows() async -> [BenchmarkRow] {
        let zone = Zone(identifier: "America/Chicago")!
        let start = Instant(secondsSinceEpoch: 1_795_446_000)
        let assistant = Assistant(catalog: try! Catalog.builtIn(localZone: zone))
        let session = Session(settings: SessionSettings(user: "bench", zone: zone, role: .ccm), assistant: assistant,
                              store: InMemoryTicketStore(), clock: .simulated(start), wallClock: FixedClock(start))
        let box = SessionBox(session)
        for n in 1...tickets { _ = await session.respond(to: "open a Lumen installation ticket for Customer \(n): turn-up \(n)") }
        var turn = 0
        // Half changes (a note, committed), half questions, spread over the
        // tickets so that no log grows long.
        let lines = ["update #%d: vendor dispatched, ETA Friday", "status of #%d", "who do I escalate to now on #%d?", "I called the regional manager about #%d at 8:30"]
        return [
            BenchmarkRow(name: "one turn: parse, handler, commit (in memory)", target: 200e-6, callsPerSample: 1, samples: 4_001) { () async -> Int in
                turn += 1
                let line = String(format: lines[turn % lines.count], turn % tickets + 1)
                return await box.session.respond(to: line).lines.count
            },
        ]
    }
}

/// The session the row drives; only the benchmark's one task uses it.
final class SessionBox: @unchecked Sendable {
    let session: Session
    init(_ session: Session) { self.session = session }
}
