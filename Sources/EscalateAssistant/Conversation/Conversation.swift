import EscalateCatalog
import EscalateDomain
import EscalateUnderstanding
import Foundation

/// The conversation: one line at a time, it walks the pipeline
/// line → interpretation → dialogue state → handler → effects committed →
/// reply. It owns the dialogue state between turns and the connection to
/// the store; handlers only read and propose.
public final class Conversation {
    var assistant: Assistant
    let store: any TicketStore
    var settings: SessionSettings
    /// The real clock: what `recorded_at` says, whatever the session's clock.
    let wallClock: any Clock
    /// When set, what `recorded_at` says instead (the transcript world's own time).
    var recordingClock: (() -> Instant)?
    public internal(set) var state = DialogueState()
    /// How the last line was understood, for `:why`.
    public internal(set) var lastInterpretation: Interpretation?
    /// The question the last line answered, if it answered one, for `:why`.
    public internal(set) var lastAnsweredQuestion: String?
    /// The request this turn served, for undo and corrections.
    var servedRequest: Request?
    /// When nudges were last computed.
    var nudgedUpTo: Instant?
    /// The newest event this session has seen, for teammates' changes.
    var seenEventID: Int64?
    /// Names recognition needs from the store, read again only after a change.
    var cachedNames: (customers: [String], contacts: [SavedContact], tickets: [Int])?
    private var namedDaysCache: (from: LocalDate, days: [String: LocalDate])?
    private var cachedContext: RecognitionContext?

    public init(assistant: Assistant, store: any TicketStore, settings: SessionSettings, wallClock: any Clock = SystemClock()) {
        self.assistant = assistant
        self.store = store
        self.settings = settings
        self.wallClock = wallClock
    }

    var engine: EscalationEngine { assistant.engine }
    var catalog: Catalog { assistant.catalog }
    var registry: HandlerRegistry { assistant.registry }

    /// Whether a question is waiting for an answer (the prompt shows it).
    public var isAsking: Bool { state.pending != nil }

    func updateSettings(_ settings: SessionSettings) { self.settings = settings }

    /// Ctrl-C or "never mind": drops the pending question.
    public func cancelPending() -> String? {
        guard state.pending != nil else { return nil }
        state.pending = nil
        return "Cancelled."
    }

    /// The reply to one line of input at `now`. Whatever happens, the
    /// session goes on: a store failure is one sentence, and nothing is
    /// reported as saved that was not.
    public func respond(to line: String, now: Instant) async -> Reply {
        state.turn += 1
        let before = state
        do {
            let context = try await recognitionContext(now: now)
            let interpretation = assistant.matcher.interpret(line, context: context)
            lastInterpretation = interpretation
            if interpretation.isTooLong { return .problem(UtteranceLimits.tooLongMessage) }
            // A teammate's change between reading and writing refuses the
            // commit; the turn is worked out again on what is there now, so a
            // change is never based on a view someone else has moved past.
            for attempt in 1...Self.attempts {
                state = before
                lastAnsweredQuestion = nil
                servedRequest = nil
                let outcome = try await outcome(for: interpretation, now: now)
                do {
                    let reply = try await commit(outcome, now: now)
                    // Names for completion and recognition, ready before the next line.
                    _ = try? await knownNames()
                    return reply
                } catch let error as StoreError where error.code == .conflict && attempt < Self.attempts {
                    // A moment's pause, different each time, so that two sessions do not keep colliding.
                    try? await Task.sleep(nanoseconds: UInt64.random(in: 1_000_000...(5_000_000 * UInt64(attempt))))
                    continue
                } catch let error as StoreError where error.code == .conflict {
                    state = before
                    return .problem(conflictMessage(error))
                }
            }
            return .problem("That could not be saved. Nothing was changed.")
        } catch let failure as StoreFailure {
            return .problem(failure.message)
        } catch let error as StoreError {
            return .problem("The ticket store failed: \(error.message). Nothing was changed.")
        } catch {
            return .problem("That could not be saved: \(error). Nothing was changed.")
        }
    }

    /// How many times a turn is worked out again when teammates keep changing its tickets.
    static let attempts = 10

    /// A turn context for `request` at `now`.
    func turn(_ interpretation: Interpretation, _ request: Request, now: Instant, store: (any TicketReading)? = nil) -> TurnContext {
        TurnContext(interpretation: interpretation, request: request, state: state, now: now, assistant: assistant,
                    store: store ?? self.store, settings: settings)
    }

    // MARK: Recognition

    /// What the recognisers may know: the clock, the zone, the names in the
    /// matrices, the saved contacts and the tickets, and the organisations'
    /// kinds of outside number.
    func recognitionContext(now: Instant) async throws -> RecognitionContext {
        let days = namedDays(from: settings.zone.local(now).date)
        // Built once and kept: its names are prepared for matching, which
        // costs more than a turn should; only the clock moves on every line.
        if var context = cachedContext {
            context.now = now
            if context.zone != settings.zone { context.zone = settings.zone }
            if context.namedDays != days { context.namedDays = days }
            cachedContext = context
            return context
        }
        let names = try await knownNames()
        let context = RecognitionContext(now: now, zone: settings.zone, people: assistant.peopleInMatrices + names.contacts.map(\.name),
                                         customers: names.customers, namedDays: days, referenceKinds: catalog.referenceKinds)
        cachedContext = context
        return context
    }

    /// Forgets the names recognition knew, after a change that adds some
    /// (a ticket's customer, a saved contact): the next line reads them again.
    func namesChanged() {
        cachedNames = nil
        cachedContext = nil
    }

    /// The customers, contacts and open ticket numbers, read once and again
    /// only after this session changes them.
    func knownNames() async throws -> (customers: [String], contacts: [SavedContact], tickets: [Int]) {
        if let cachedNames { return cachedNames }
        let contacts = try await store.contacts()
        let tickets = try await store.tickets(TicketQuery(.all, limit: 500))
        let names = (customers: Array(Set(tickets.map(\.customer))).sorted(), contacts: contacts, tickets: tickets.filter { $0.status.isActive }.map(\.id))
        cachedNames = names
        return names
    }

    private func namedDays(from today: LocalDate) -> [String: LocalDate] {
        if let cache = namedDaysCache, cache.from == today { return cache.days }
        let days = assistant.namedDays(from: today)
        namedDaysCache = (today, days)
        return days
    }
}
