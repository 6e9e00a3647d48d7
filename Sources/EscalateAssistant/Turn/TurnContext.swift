import EscalateCatalog
import EscalateDomain
import EscalateUnderstanding

/// Everything a handler may use for one turn, passed in explicitly in the
/// style of Hummingbird's request context: how the line was understood, the
/// request to serve, the dialogue state as the turn found it, the clock,
/// the catalog and engine, read access to the store, and who is speaking.
/// A handler returns an `Outcome`; it never writes.
public struct TurnContext: Sendable {
    public let interpretation: Interpretation
    public var request: Request
    public var state: DialogueState
    public let now: Instant
    public let assistant: Assistant
    public var store: any TicketReading
    public let settings: SessionSettings

    public init(interpretation: Interpretation, request: Request, state: DialogueState, now: Instant, assistant: Assistant,
                store: any TicketReading, settings: SessionSettings) {
        self.interpretation = interpretation
        self.request = request
        self.state = state
        self.now = now
        self.assistant = assistant
        self.store = store
        self.settings = settings
    }

    public var catalog: Catalog { assistant.catalog }
    public var engine: EscalationEngine { assistant.engine }
    public var slots: Slots { request.slots }
    public var cues: Cues { request.cues }
    public var intent: IntentName { request.intent }

    /// The same turn serving another request.
    public func serving(_ request: Request) -> TurnContext {
        var copy = self
        copy.request = request
        return copy
    }

    // MARK: Outcomes

    /// An answer, with the state as it stands.
    public func answer(_ lines: [String], state: DialogueState? = nil, explanation: [String]? = nil) -> Outcome {
        Outcome(Reply(lines), state: state ?? self.state, explanation: explanation)
    }

    public func answer(_ text: String, state: DialogueState? = nil) -> Outcome {
        Outcome(Reply(text), state: state ?? self.state)
    }

    /// Input it could not use; nothing changes.
    public func problem(_ text: String) -> Outcome {
        Outcome(.problem(text), state: state)
    }

    /// Asks a question and waits for its answer.
    public func ask(_ kind: PendingQuestion.Kind, _ lines: [String], prompt: String? = nil, about: String, request: Request? = nil,
                    options: [String] = [], basis: [Int: Int] = [:], state: DialogueState? = nil) -> Outcome {
        var next = state ?? self.state
        next.pending = PendingQuestion(kind, request: request ?? self.request, prompt: prompt ?? lines.last ?? "", about: about,
                                       options: options, basis: basis, askedAt: now)
        return Outcome(Reply(lines, kind: .question), state: next, explanation: self.state.explanation)
    }

    /// A yes/no before a change to `ticket`; yes runs the request again, confirmed.
    public func confirm(_ lines: [String], about: String, ticket: Ticket, request: Request? = nil) -> Outcome {
        var next = state
        next.focus(on: ticket.id)
        return ask(.confirm, lines, about: about, request: request, basis: [ticket.id: ticket.version], state: next)
    }

    /// An outcome that records `events` on `ticket` and keeps it in focus.
    /// `dependsOnState`: the change was decided from the ticket as it stands
    /// (escalating to the next level, closing), so a teammate's change in
    /// between refuses it; a plain addition (a note, a contact) never does.
    public func recording(_ events: [PendingEvent], on ticket: Ticket, reply: [String], explanation: [String]? = nil,
                          dependsOnState: Bool = true) -> Outcome {
        var next = state
        next.focus(on: ticket.id)
        return Outcome(Reply(reply), state: next, effects: [.record(ticketID: ticket.id, basedOn: dependsOnState ? ticket.version : nil, events: events)],
                       explanation: explanation)
    }

    /// `ticket` as it will be once `events` are recorded, for wording the
    /// reply before the commit (the events get provisional ids).
    public func projected(_ ticket: Ticket, adding events: [PendingEvent]) -> Ticket {
        ProjectedStore.project(ticket, adding: events, author: settings.user, recordedAt: now)
    }

    /// The role the reader plays on the ladders, if any: a CCM.
    public var readerRole: String? { settings.role == .ccm ? catalog.readerRole?.id : nil }

    /// Which party of a closure the reader is.
    public var readerParty: String { settings.role == .ccm ? (catalog.readerRole?.abbreviation ?? "CCM") : "customer" }

    public func process(of ticket: Ticket) -> EscalationProcess? { engine.process(ticket.details.process) }

    public func organisationName(_ id: String) -> String { catalog.organisation(id)?.name ?? id }

    /// A reference in words: `IMS 482913`.
    public func describe(_ reference: TicketReference) -> String { catalog.describe(reference) }

    /// The outside numbers the request's line named, as references.
    public var references: [TicketReference] { request.references }

    /// `outcome` with the new outside numbers the line named added to `ticket`.
    func addingReferences(to outcome: Outcome, on ticket: Ticket) async throws -> Outcome {
        guard outcome.reply.kind != .problem else { return outcome }
        let (events, line) = try await newReferences(for: ticket)
        guard let line else { return outcome }
        var result = outcome
        if let index = result.effects.firstIndex(where: { $0.ticketID == ticket.id }), case .record(let id, let version, let existing) = result.effects[index] {
            result.effects[index] = .record(ticketID: id, basedOn: version, events: existing + events)
        } else {
            result.effects.append(.record(ticketID: ticket.id, basedOn: nil, events: events))
        }
        // Said before a question, after an answer.
        if result.reply.kind == .question { result.reply.lines.insert(line, at: 0) } else { result.reply.lines.append(line) }
        return result
    }

    /// "CMS replied on #1 at 8:30, IMS 482913": outside numbers said with a
    /// reply or a contact that no ticket has yet belong to this one, whatever
    /// the answer to a confirmation. The events and the line that says so.
    func newReferences(for ticket: Ticket) async throws -> (events: [PendingEvent], line: String?) {
        var added: [TicketReference] = []
        for reference in references where !ticket.details.references.contains(reference) && !added.contains(reference) {
            if try await read({ try await $0.tickets(withReference: reference) }).isEmpty { added.append(reference) }
        }
        guard !added.isEmpty else { return ([], nil) }
        return (added.map { PendingEvent(.referenceAdded($0), at: now) }, "Added \(Words.list(added.map(describe))) to #\(ticket.id).")
    }
}

/// A store failure, worded for the REPL.
struct StoreFailure: Error {
    var message: String
    var code: StoreErrorCode?
}

extension TurnContext {
    /// Reads from the store; a failure becomes one sentence, never a crash or silence.
    func read<T>(_ body: (any TicketReading) async throws -> T) async throws -> T {
        do { return try await body(store) } catch let error as StoreError {
            throw StoreFailure(message: "The ticket store failed: \(error.message). Nothing was changed.", code: error.code)
        }
    }

    /// A ticket by number, or nil.
    func load(_ id: Int) async throws -> Ticket? { try await read { try await $0.ticket(id) } }

    var savedContacts: [SavedContact] {
        get async throws { try await read { try await $0.contacts() } }
    }
}
