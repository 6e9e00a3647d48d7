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
    /// Details of the conversation, never of one ticket: who the customer
    /// is and what the issue is ("my company is Acme Widgets").
    static let customer: TicketField = "customer"
    static let issue: TicketField = "description"
    static let conversationFields: Set<TicketField> = [customer, issue]
    /// Every field a line can give, in the order replies list them.
    static let statable: [TicketField] = [customer, issue, .account, .location, .order, .senderEmail, .senderPhone]

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
        // "The problem is still not fixed" about the ticket in hand is news
        // on it, logged as typed.
        if field == Self.issue, turn.slots.ticketRef != nil || turn.state.recentFocus(at: turn.state.turn) != nil {
            var update = turn
            update.request.intent = .logUpdate
            update.request.slots[.note] = .text(turn.interpretation.typed)
            return try await LogUpdateHandler().handle(update)
        }
        if Self.conversationFields.contains(field) {
            let fields = Self.said(field, value: value, slots: turn.slots)
            if let problem = fields.lazy.compactMap({ Self.check($0.value, for: $0.field) }).first { return turn.problem(problem) }
            return keep(fields, turn: turn)
        }
        if !(try await ticketAtHand(turn)) {
            return keep(Self.said(field, value: value, slots: turn.slots), turn: turn)
        }
        return try await turn.withTicket(forChange: true) { ticket, turn in record(field, value: value, on: ticket, turn: turn) }
    }

    /// Whether a ticket field said now belongs to a ticket: one the line
    /// names or the conversation is on, or any open ticket (which one is
    /// asked). With none, it is the conversation's, kept for later.
    func ticketAtHand(_ turn: TurnContext) async throws -> Bool {
        if turn.slots.ticketRef != nil || turn.state.recentFocus(at: turn.state.turn) != nil { return true }
        return try await turn.hasActiveTickets
    }

    /// The field and value the line leads with, then any others it lists
    /// ("my company is Acme Widgets, account number 449812").
    static func said(_ field: TicketField, value: String, slots: Slots) -> [(field: TicketField, value: String)] {
        var fields = [(field: field, value: value)]
        for other in statable where other != field {
            if let more = slots.text(.field(other.rawValue)), !more.isEmpty { fields.append((other, more)) }
        }
        return fields
    }

    /// Details said before any ticket: kept in the conversation for drafts,
    /// the documents' templates and the next ticket opened. Nothing is recorded.
    func keep(_ fields: [(field: TicketField, value: String)], turn: TurnContext) -> Outcome {
        var state = turn.state
        state.detailsBefore = DetailsChange(previous: turn.state.details, turn: turn.state.turn)
        // Another customer's account, site and issue are not this one's.
        if let named = fields.first(where: { $0.field == Self.customer })?.value, !Self.saidFor(named, details: state.details) {
            for field in [Self.issue, .account, .location, .order] { state.details[field.rawValue] = nil }
        }
        for (field, value) in fields { state.details[field.rawValue] = value }
        let said = fields.map { "\(Self.subject(of: $0.field)) is “\(Words.quote($0.value))”" }
        let them = fields.count == 1 ? "it" : "them"
        return Outcome(Reply("Noted: \(Words.list(said)). I'll use \(them) in the e-mails I draft and on the next ticket you open (nothing is recorded until then)."),
                       state: state)
    }

    /// "the customer", "the issue", "the account number".
    static func subject(of field: TicketField) -> String {
        switch field {
        case customer: return "the customer"
        case issue: return "the issue"
        default: return name(of: field)
        }
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
        state.detailsBefore = DetailsChange(previous: turn.state.details, turn: turn.state.turn)
        state.details[field.rawValue] = value
        let what = field == .senderEmail ? "e-mail address" : "phone number"
        if case .found(let ticket) = try await turn.resolveTicket(), ticket.status.isActive,
           turn.slots.ticketRef != nil || turn.state.recentFocus(at: turn.state.turn) == ticket.id {
            var outcome = record(field, value: value, on: ticket, turn: turn)
            outcome.state.details = state.details
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
    /// then those said before any ticket (the account number and the like
    /// only when they were said for this customer, or for none), then the
    /// sender's own.
    static func openingFields(slots: Slots, customer: String, said details: [String: String]) -> [(field: TicketField, value: String)] {
        var fields: [(field: TicketField, value: String)] = []
        let sameCustomer = saidFor(customer, details: details)
        for field in TicketField.all where !senderFields.contains(field) {
            if let value = slots.text(.field(field.rawValue)) ?? (sameCustomer ? details[field.rawValue] : nil) { fields.append((field, value)) }
        }
        for field in TicketField.all where senderFields.contains(field) {
            if let value = details[field.rawValue] { fields.append((field, value)) }
        }
        return fields
    }

    /// Whether details said before any ticket were said for `customer`, or for no one in particular.
    static func saidFor(_ customer: String, details: [String: String]) -> Bool {
        details[Self.customer.rawValue].map { $0.lowercased() == customer.lowercased() } ?? true
    }

    /// "Account number: 449812." lines for the fields a ticket holds.
    static func fieldLines(_ details: TicketDetails, including fields: [TicketField] = TicketField.all) -> [String] {
        fields.compactMap { field in
            value(of: field, in: details).map { Words.upperFirst(field.description) + ": " + Words.quote($0) + "." }
        }
    }
}
