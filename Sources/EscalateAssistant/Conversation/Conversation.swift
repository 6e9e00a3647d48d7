import EscalateCatalog
import EscalateDomain
import EscalateUnderstanding
import Foundation

/// The conversation: it understands each line, turns the intent and its
/// slots into domain operations and a reply, and keeps the context: the
/// ticket in focus, a pending question, the last explanation for "why?".
public final class Conversation {
    var assistant: Assistant
    let store: TicketStore
    var settings: SessionSettings

    /// The ticket last mentioned or opened: "it". With no reference at all,
    /// it is assumed only on the line right after it was mentioned.
    var focus: Int? { didSet { focusTurn = turn } }
    var focusTurn = 0
    /// The ticket of this session's last recorded change: what a bare
    /// "undo" undoes, even after another ticket has been looked at.
    var lastChanged: Int?
    /// Lines handled so far.
    var turn = 0
    var pending: PendingQuestion?
    /// The arithmetic behind this turn's answer, when it gave a time.
    var lastExplanation: [String]?
    /// The arithmetic behind the previous turn's answer: what “why?” explains.
    var previousExplanation: [String]?
    /// How the last line was understood, for `:why`.
    public private(set) var lastInterpretation: Interpretation?
    /// The question the last line answered, if it answered one, for `:why`.
    private(set) var lastAnswered: PendingQuestion?
    /// That question in words.
    public var lastAnsweredQuestion: String? { lastAnswered?.question }
    /// When nudges were last computed.
    var nudgedUpTo: Instant?
    /// The holidays by name from a day on, kept for that day: they change
    /// only when the date does, not on every line.
    private var namedDaysCache: (from: LocalDate, days: [String: LocalDate])?
    /// The recognition context of the last line. Its names (the people in
    /// the matrices and contacts, the tickets' customers) change only when
    /// this session opens a ticket or saves a contact, so they are not read
    /// from the store on every line; another session's new names arrive
    /// after this one's next such change.
    private var cachedContext: RecognitionContext?

    public init(assistant: Assistant, store: TicketStore, settings: SessionSettings) {
        self.assistant = assistant
        self.store = store
        self.settings = settings
    }

    var engine: EscalationEngine { assistant.engine }
    var catalog: Catalog { assistant.catalog }

    /// Whether a question is waiting for an answer (the prompt shows it).
    public var isAsking: Bool { pending != nil }

    func updateSettings(_ settings: SessionSettings) { self.settings = settings }

    func replaceMatcher(_ matcher: IntentMatcher) { assistant.matcher = matcher }

    /// What the recognisers may know: the clock, the zone, and the names
    /// in the matrices, the saved contacts and the tickets.
    func recognitionContext(now: Instant) -> RecognitionContext {
        let days = namedDays(from: settings.zone.local(now).date)
        if var context = cachedContext {
            context.now = now
            if context.zone != settings.zone { context.zone = settings.zone }
            if context.namedDays != days { context.namedDays = days }
            cachedContext = context
            return context
        }
        let contacts = (try? store.contacts()) ?? []
        let customers = ((try? store.tickets(TicketQuery(.all, limit: 500))) ?? []).map(\.customer)
        let context = RecognitionContext(
            now: now, zone: settings.zone, people: assistant.peopleInMatrices + contacts.map(\.name),
            customers: Array(Set(customers)).sorted(), namedDays: days)
        cachedContext = context
        return context
    }

    /// Forgets the names recognition knew, after this session opened a
    /// ticket or saved a contact: the next line reads them again.
    func namesChanged() { cachedContext = nil }

    private func namedDays(from today: LocalDate) -> [String: LocalDate] {
        if let cache = namedDaysCache, cache.from == today { return cache.days }
        let days = assistant.namedDays(from: today)
        namedDaysCache = (today, days)
        return days
    }

    /// The reply to one line of input at `now`.
    public func respond(to line: String, now: Instant) -> Reply {
        turn += 1
        previousExplanation = lastExplanation
        lastExplanation = nil
        let context = recognitionContext(now: now)
        var interpretation = assistant.matcher.interpret(line, context: context)
        // A customer named in the line picks their ticket ("where are we with Acme?").
        if interpretation.slots.ticketRef == nil, let intent = interpretation.intent, !["open_ticket", "set_contact"].contains(intent),
           let customer = Self.customerNamed(in: line, customers: context.customers) {
            interpretation.slots["ticket"] = .ticket(.customer(customer))
        }
        if let pending {
            if let reply = answer(pending, with: line, interpretation: interpretation, now: now) {
                lastInterpretation = interpretation
                lastAnswered = pending
                return reply
            }
        }
        lastAnswered = nil
        // A bare "yes" or "ok" with no question waiting.
        let bare = line.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        if ["yes", "yeah", "yep", "y", "no", "nope", "n"].contains(bare) || (!bare.isEmpty && bare.allSatisfy(\.isNumber)) {
            lastInterpretation = interpretation
            return Reply("There's no question waiting for an answer. Say “help” to see what I can do.")
        }
        if ["redo", "redo that", "redo it"].contains(bare) {
            lastInterpretation = interpretation
            return Reply("There is no redo: say again what happened, e.g. “update #1: …”, and it is recorded anew.")
        }
        if ["ok", "okay", "k", "got it", "cool", "great", "right", "fine", "alright", "noted", "understood"].contains(bare) {
            lastInterpretation = interpretation
            return Reply("OK.")
        }
        lastInterpretation = interpretation
        do {
            let reply = try handle(interpretation, line: line, now: now)
            // A question back ("Record that …? (yes/no)") keeps the last answer's "why".
            if reply.kind == .question, lastExplanation == nil { lastExplanation = previousExplanation }
            return reply
        } catch let error as StoreFailure {
            return .problem(error.message)
        } catch {
            return .problem("That could not be saved: \(error). Nothing was changed.")
        }
    }

    /// The known customer whose name the line contains as whole words.
    static func customerNamed(in line: String, customers: [String]) -> String? {
        let words = Tokenizer.tokens(line).map(\.text)
        return customers.sorted { $0.count > $1.count }.first { customer in
            let name = Tokenizer.tokens(customer).map(\.text)
            guard !name.isEmpty, name.count <= words.count else { return false }
            return (0...(words.count - name.count)).contains { Array(words[$0..<$0 + name.count]) == name }
        }
    }

    /// Ctrl-C or "never mind": drops the pending question.
    public func cancelPending() -> String? {
        guard pending != nil else { return nil }
        pending = nil
        return "Cancelled."
    }
}

/// A store failure, worded for the REPL.
struct StoreFailure: Error {
    var message: String
}
