import EscalateUnderstanding

/// Whether a handler may change anything.
public enum HandlerKind: Sendable, Equatable {
    /// Answers; never records anything (the conversation refuses effects from one).
    case question
    /// Records what happened or changes a ticket; a weak match never runs one.
    case action
}

/// One intent, or a small family of them: what it serves, whether it
/// writes, how to ask for what is missing, and the work itself. Handlers
/// are small values registered in one place (`HandlerRegistry`), in the
/// style of swift-argument-parser's command types, each carrying its own
/// description.
public protocol IntentHandler: Sendable {
    /// The intents it serves.
    var intents: [IntentName] { get }
    var kind: HandlerKind { get }
    /// What each intent does, in a few words, for "did you mean to …?".
    var summaries: [IntentName: String] { get }
    /// A line that shows each intent in `help`.
    var examples: [IntentName: String] { get }
    /// How to ask for a slot the request needs and the line left out.
    var slotPrompts: [SlotName: String] { get }

    func handle(_ turn: TurnContext) async throws -> Outcome

    /// For an action asked about ("can I escalate #1?", "how do I
    /// de-escalate?"): the answer, which records nothing; `nil` when the
    /// question needs no answer of its own.
    func answerAsked(_ turn: TurnContext) async throws -> Outcome?
}

extension IntentHandler {
    public var slotPrompts: [SlotName: String] { [:] }
    public var examples: [IntentName: String] { [:] }
    public func answerAsked(_ turn: TurnContext) async throws -> Outcome? { nil }

    /// Asks for a missing slot with this handler's own words for it.
    func askFor(_ slot: SlotName, in turn: TurnContext, ticketID: Int? = nil, about: String) -> Outcome {
        var request = turn.request
        if let ticketID, request.slots.ticketRef == nil { request = request.on(ticket: ticketID) }
        let prompt = slotPrompts[slot] ?? "What is the \(slot.rawValue.replacingOccurrences(of: "_", with: " "))?"
        var state = turn.state
        if let ticketID { state.focus(on: ticketID) }
        return turn.ask(.missingSlot(slot), [prompt], about: about, request: request, state: state)
    }
}
