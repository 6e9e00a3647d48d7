import EscalateDomain
import EscalateUnderstanding

extension Conversation {
    /// Runs `body` with the ticket the slots name, or returns the question
    /// or refusal that finding it produced.
    func withTicket(_ intent: String, _ slots: [String: SlotValue], includeClosed: Bool = false, _ body: (Ticket) throws -> Reply) throws -> Reply {
        switch try resolveTicket(intent: intent, slots: slots, includeClosed: includeClosed) {
        case .reply(let reply): return reply
        case .found(let ticket):
            focus = ticket.id
            return try body(ticket)
        }
    }
}
