import EscalateDomain
import EscalateUnderstanding

/// What the user asked for: an intent with its slots and the cues of the
/// line that asked. A pending question keeps the request it will finish, so
/// a request outlives its line.
public struct Request: Sendable, Codable, Equatable {
    public var intent: IntentName
    public var slots: Slots
    public var cues: Cues
    /// The user said yes to this request's own question.
    public var confirmed = false
    /// The user said yes to a time that looked wrong (before the ticket was opened).
    public var timeAccepted = false
    /// Checklist answers given on the way (de-escalation).
    public var answers: [ChecklistAnswer] = []
    /// Outside numbers the line named (an IMS number said with a reply).
    public var references: [TicketReference] = []

    public init(_ intent: IntentName, slots: Slots = Slots(), cues: Cues = Cues()) {
        self.intent = intent
        self.slots = slots
        self.cues = cues
    }

    /// The same request with one slot set.
    public func with(_ slot: SlotName, _ value: SlotValue?) -> Request {
        var copy = self
        copy.slots[slot] = value
        return copy
    }

    /// The same request about ticket `id`.
    public func on(ticket id: Int) -> Request { with(.ticket, .ticket(.number(id))) }
}

