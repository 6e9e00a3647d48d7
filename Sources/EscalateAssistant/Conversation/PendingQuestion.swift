import EscalateDomain
import EscalateUnderstanding

/// A question the assistant asked and is waiting on. The next line is read
/// as its answer first; Ctrl-C or "never mind" drops it.
enum PendingQuestion {
    /// "Which ticket?": the intent to finish once one is chosen.
    case whichTicket(intent: String, slots: [String: SlotValue], candidates: [TicketSummary])
    /// A slot the intent needs, asked for by name.
    case missingSlot(intent: String, slots: [String: SlotValue], slot: String, ticketID: Int?)
    /// "Which process?" for a new ticket, or a question without one.
    case whichProcess(intent: String, slots: [String: SlotValue], candidates: [EscalationProcess])
    /// A yes/no before a consequential step.
    case confirm(action: ConfirmedAction, prompt: String)
    /// Walking the de-escalation checklist, one answer at a time.
    case checklist(ticketID: Int, checklist: Checklist, answers: [ChecklistAnswer])
}

/// A consequential step waiting for a yes.
enum ConfirmedAction {
    case escalate(ticketID: Int, toLevel: Int, reason: String?, condition: String?, at: Instant)
    case close(ticketID: Int, code: ClosureCode, note: String?, at: Instant)
    case logContact(ticketID: Int, kind: TicketEventKind, at: Instant)
    case deescalate(ticketID: Int)
    case acknowledge(ticketID: Int, level: Int, at: Instant, person: String?)
    /// "Did you mean to ask …?" answered yes: a question, never a change.
    case answer(intent: String, slots: [String: SlotValue], line: String)
}

extension PendingQuestion {
    /// The question in words, for `:why` after an answer to it.
    var question: String {
        switch self {
        case .whichTicket: return "Which ticket?"
        case .missingSlot(_, _, let slot, _): return PendingQuestion.prompt(for: slot)
        case .whichProcess: return "Which process?"
        case .confirm(_, let prompt): return prompt
        case .checklist(_, let checklist, let answers):
            return answers.count < checklist.items.count ? checklist.items[answers.count].question : checklist.title
        }
    }
}
