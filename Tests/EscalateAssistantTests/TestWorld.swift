import EscalateAssistant
import EscalateCatalog
import EscalateDomain
import EscalateStore
import EscalateUnderstanding
import Foundation
@testable import escalate

/// The transcript world, in process: a session on the built-in data, a
/// fresh in-memory store, and the clock at Monday 23 November 2026 09:00
/// Central, as every transcript starts.
enum TestWorld {
    static let zone = Zone(identifier: "America/Chicago")!
    static let start = try! ZonedTime(parsing: "2026-11-23T09:00 America/Chicago").instant

    static var assistant: Assistant { try! TranscriptEnvironment.assistant() }

    static func session(role: UserRole = .customer, user: String = "sam", store: any TicketStore = InMemoryTicketStore()) -> Session {
        Session(settings: SessionSettings(user: user, zone: zone, role: role, width: 80), assistant: assistant, store: store,
                clock: .simulated(start), wallClock: FixedClock(start), recordsSessionTime: true)
    }

    /// Says each line in turn and returns the last reply's text.
    @discardableResult
    static func say(_ lines: String..., to session: Session) async -> String {
        var last = ""
        for line in lines { last = await session.respond(to: line).text }
        return last
    }

    /// Every event in the store, for checking what was (not) recorded.
    static func events(_ store: any TicketStore) async throws -> [TicketEvent] { try await store.allEvents() }

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
