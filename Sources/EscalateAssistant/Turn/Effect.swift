import EscalateDomain

/// A change a handler asks for. Nothing is written while a handler runs:
/// the conversation commits every effect of a turn in one transaction, and
/// only then prints the reply.
public enum Effect: Sendable, Equatable {
    /// Events for a ticket, based on the version the handler saw; `nil` for
    /// additions that do not depend on the ticket's state (a note, a
    /// contact, an acknowledgement), which never conflict.
    case record(ticketID: Int, basedOn: Int?, events: [PendingEvent])
    /// A new ticket; `placeholder` names it until the commit numbers it.
    case open(NewTicket)
    case saveContact(SavedContact)

    public var ticketID: Int? {
        if case .record(let id, _, _) = self { return id }
        return nil
    }
}

/// What one turn produces: the reply, the effects to commit, and the next
/// dialogue state.
public struct Outcome: Sendable {
    public var reply: Reply
    public var effects: [Effect] = []
    public var state: DialogueState
    /// What "why?" explains after this answer. `nil` leaves nothing to explain.
    public var explanation: [String]?
    /// Finishes the reply and the state once the commit has numbered new
    /// tickets ("Opened #3 …").
    public var finish: (@Sendable (CommitReceipt, Outcome) -> Outcome)?
    /// An undo: it takes a change back rather than making one to undo later.
    public var isUndo = false
    /// The request this change stands for, when it is not the one served (a
    /// correction stands for the corrected request).
    public var changeRequest: Request?

    public init(_ reply: Reply, state: DialogueState, effects: [Effect] = [], explanation: [String]? = nil) {
        self.reply = reply
        self.state = state
        self.effects = effects
        self.explanation = explanation
    }

    /// Whether it asks the store for anything.
    public var writes: Bool { !effects.isEmpty }
}
