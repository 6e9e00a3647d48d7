import EscalateAssistant
import EscalateCatalog
import EscalateDomain
import EscalateStore
import EscalateTerminal
import EscalateTranscripts

/// The fixed world every transcript runs in, so that it replays the same on
/// any machine: the built-in data only, a fresh in-memory store, the clock at
/// Monday 23 November 2026 09:00 America/Chicago until `:now` moves it, 80
/// columns, no colour, and the user `sam` reading Central time as a customer.
enum TranscriptEnvironment {
    static let zone = Zone(identifier: "America/Chicago")!
    static let user = "sam"
    static let width = 80
    static let start = try! ZonedTime(parsing: "2026-11-23T09:00 America/Chicago")

    /// Built once per process and shared: the data and the matcher never change.
    nonisolated(unsafe) private static var shared: Assistant?

    static func assistant() throws -> Assistant {
        if let shared { return shared }
        let built = Assistant(catalog: try Catalog.builtIn(localZone: zone))
        shared = built
        return built
    }

    static func makeSession() throws -> Session {
        let settings = SessionSettings(user: user, zone: zone, role: .customer, width: width)
        let store = try SQLiteTicketStore(path: ":memory:")
        return Session(settings: settings, assistant: try assistant(), store: store, clock: .simulated(start.instant), wallClock: FixedClock(start.instant))
    }
}

/// A session as a transcript sees it: the reply and the nudges shown before
/// the next prompt, neutralised exactly as the REPL prints them. An input of
/// `^C` stands for pressing Ctrl-C.
final class TranscriptSessionAdapter: TranscriptSession {
    let session: Session

    init(_ session: Session) { self.session = session }

    func respond(to input: String) -> (lines: [String], ended: Bool) {
        var lines: [String]
        var ended = false
        if input == "^C" {
            lines = session.cancelPending().map { [$0] } ?? []
        } else {
            let reply = session.respond(to: input)
            lines = reply.lines
            ended = reply.endsSession
        }
        lines += session.nudges()
        let printed = lines.flatMap { SafeText.fitted($0, width: session.settings.width).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        return (printed, ended)
    }
}
