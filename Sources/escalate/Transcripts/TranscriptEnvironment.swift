import EscalateAssistant
import EscalateCatalog
import EscalateDomain
import EscalateStore
import EscalateTerminal
import EscalateTranscripts
import Foundation

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
    private static let lock = NSLock()

    static func assistant() throws -> Assistant {
        lock.lock()
        defer { lock.unlock() }
        if let shared { return shared }
        let built = Assistant(catalog: try Catalog.builtIn(localZone: zone))
        shared = built
        return built
    }

    /// A fresh session in the fixed world, set up as the transcript's `#!`
    /// settings say: `matrix` (a data file, relative to the transcript),
    /// `role` and `user`.
    static func makeSession(for transcript: Transcript? = nil) throws -> Session {
        var role = UserRole.customer
        var name = user
        var assistant = try assistant()
        for (key, value) in transcript?.directives ?? [] {
            switch key {
            case "role":
                guard let chosen = UserRole(rawValue: value) else { throw TranscriptError(file: transcript!.path, line: 1, message: "unknown role '\(value)'") }
                role = chosen
            case "user":
                name = value
            case "matrix", "calendar":
                let folder = ((transcript!.path) as NSString).deletingLastPathComponent
                let path = value.hasPrefix("/") ? value : (folder as NSString).appendingPathComponent(value)
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw TranscriptError(file: transcript!.path, line: 1, message: "\(key) \(value): cannot read the file")
                }
                var catalog = assistant.catalog
                try catalog.loadDataFile(String(decoding: data, as: UTF8.self), file: path)
                assistant = Assistant(catalog: catalog)
            default:
                throw TranscriptError(file: transcript!.path, line: 1, message: "unknown setting '\(key)' (known: matrix, role, user)")
            }
        }
        let settings = SessionSettings(user: name, zone: zone, role: role, width: width)
        return Session(settings: settings, assistant: assistant, store: InMemoryTicketStore(), clock: .simulated(start.instant), wallClock: FixedClock(start.instant),
                       recordsSessionTime: true)
    }
}

/// A session as a transcript sees it: the reply and the nudges shown before
/// the next prompt, neutralised exactly as the REPL prints them. An input of
/// `^C` stands for pressing Ctrl-C.
final class TranscriptSessionAdapter: TranscriptSession {
    let session: Session

    init(_ session: Session) { self.session = session }

    func respond(to input: String) async -> (lines: [String], ended: Bool) {
        var lines: [String]
        var ended = false
        if input == "^C" {
            lines = session.cancelPending().map { [$0] } ?? []
        } else {
            let reply = await session.respond(to: input)
            lines = reply.lines
            ended = reply.endsSession
        }
        lines += await session.nudges()
        let printed = lines.flatMap { SafeText.fitted($0, width: session.settings.width).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        return (printed, ended)
    }
}
