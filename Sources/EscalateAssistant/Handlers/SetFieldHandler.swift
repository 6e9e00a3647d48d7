import EscalateDomain
import EscalateUnderstanding

/// "The account number for #2 is 449812", "my e-mail is sam@example.com":
/// a field of a ticket, kept as typed, shown by status and used in drafts.
/// The sender's own details said with no ticket are kept for the tickets
/// opened after and for drafts.
struct SetFieldHandler: IntentHandler {
    let intents: [IntentName] = [.setField]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.setField: "record an account number, service location, order number or your own e-mail"]
    let examples: [IntentName: String] = [.setField: "the account number for #2 is 449812"]
    let slotPrompts: [SlotName: String] = [.value: "What should it say?"]

    /// Fields that belong to whoever is writing, not to one ticket.
    static let senderFields: Set<TicketField> = [.senderEmail, .senderPhone]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        guard case .entity(let id)? = turn.slots[.field] else {
            return turn.problem("Which detail is it? Say, for example, “the account number for #2 is 449812” or “my e-mail is sam@example.com”.")
        }
        let field = TicketField(rawValue: id)
        guard let value = turn.slots.text(.value), !value.isEmpty else {
            return askFor(.value, in: turn, about: "the \(field)")
        }
        if let problem = Self.check(value, for: field) { return turn.problem(problem) }
        if Self.senderFields.contains(field) { return try await setSender(field, value: value, turn: turn) }
        return try await turn.withTicket(forChange: true) { ticket, turn in record(field, value: value, on: ticket, turn: turn) }
    }

    /// A value that cannot be what it says it is, in one sentence; nil when it can.
    static func check(_ value: String, for field: TicketField) -> String? {
        switch field {
        case .senderEmail where !value.contains("@") || value.contains(" "):
            return "“\(value)” doesn't look like an e-mail address; say it as, for example, “my e-mail is sam@example.com”."
        case .senderPhone where value.filter(\.isNumber).count < 7:
            return "“\(value)” doesn't look like a phone number; say it with the area code, e.g. “my phone is 303-555-0142”."
        default:
            return nil
        }
    }

    func record(_ field: TicketField, value: String, on ticket: Ticket, turn: TurnContext) -> Outcome {
        let current = Self.value(of: field, in: ticket.details)
        let name = Self.name(of: field)
        if current == value {
            return turn.answer("\(Words.upperFirst(name)) on #\(ticket.id) is already \(Words.quote(value)); nothing new to record.")
        }
        let event = PendingEvent(.fieldSet(field: field, value: value), at: turn.now)
        let line = current.map { "Changed \(name) on #\(ticket.id) from \(Words.quote($0)) to \(Words.quote(value))." }
            ?? "Recorded \(name) on #\(ticket.id): \(Words.quote(value))."
        return turn.recording([event], on: ticket, reply: [line], dependsOnState: false)
    }

    /// "My e-mail is …": on the ticket in focus when there is one, and kept
    /// for the tickets opened after and for drafts.
    func setSender(_ field: TicketField, value: String, turn: TurnContext) async throws -> Outcome {
        var state = turn.state
        state.sender[field.rawValue] = value
        let what = field == .senderEmail ? "e-mail address" : "phone number"
        if case .found(let ticket) = try await turn.resolveTicket(), ticket.status.isActive,
           turn.slots.ticketRef != nil || turn.state.recentFocus(at: turn.state.turn) == ticket.id {
            var outcome = record(field, value: value, on: ticket, turn: turn)
            outcome.state.sender = state.sender
            return outcome
        }
        return Outcome(Reply("Noted: your \(what) is \(Words.quote(value)). I'll put it on the tickets you open from now and in the e-mails I draft."),
                       state: state)
    }

    /// "the account number", "your e-mail address".
    static func name(of field: TicketField) -> String {
        switch field {
        case .senderEmail: return "your e-mail address"
        case .senderPhone: return "your phone number"
        default: return "the \(field)"
        }
    }

    /// A field's value on a ticket.
    static func value(of field: TicketField, in details: TicketDetails) -> String? {
        switch field {
        case .account: return details.account
        case .location: return details.location
        case .senderEmail: return details.senderEmail
        case .senderPhone: return details.senderPhone
        case .order: return details.references.last { $0.kind == .order }?.value
        default: return nil
        }
    }

    /// The fields a new ticket starts with: those said with its summary,
    /// then the sender's own details said before.
    static func openingFields(slots: Slots, sender: [String: String]) -> [(field: TicketField, value: String)] {
        var fields: [(field: TicketField, value: String)] = []
        for field in TicketField.all where !senderFields.contains(field) {
            if let value = slots.text(.field(field.rawValue)) { fields.append((field, value)) }
        }
        for field in TicketField.all where senderFields.contains(field) {
            if let value = sender[field.rawValue] { fields.append((field, value)) }
        }
        return fields
    }

    /// "Account number: 449812." lines for the fields a ticket holds.
    static func fieldLines(_ details: TicketDetails, including fields: [TicketField] = TicketField.all) -> [String] {
        fields.compactMap { field in
            value(of: field, in: details).map { Words.upperFirst(field.description) + ": " + Words.quote($0) + "." }
        }
    }
}
