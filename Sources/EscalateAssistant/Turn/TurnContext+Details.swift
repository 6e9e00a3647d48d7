import EscalateDomain

/// What the conversation knows without a ticket (the customer, the issue,
/// an account number, the sender's own e-mail), for the drafts and the
/// documents' templates asked for before any ticket.
extension TurnContext {
    /// Known details by template key (`customer`, `account`, `location`,
    /// `description`, `order`, `sender_email`, `sender_phone`); a customer
    /// named in the line itself comes first.
    var knownDetails: [String: String] {
        var known = state.details
        if let named = cues.customer { known[SetFieldHandler.customer.rawValue] = named }
        return known.filter { !$0.value.isEmpty }
    }

    /// `text` with each `{placeholder}` the conversation can fill filled in,
    /// the rest left as they are. The documents' templates name their
    /// placeholders in words ("{account number}", "{billing issue
    /// description}"), the matrices' by key ("{account}").
    func fillingKnown(_ text: String) -> String {
        let known = knownDetails
        guard !known.isEmpty, text.contains("{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += Self.detailKey(for: name).flatMap { known[$0] }.map(Words.quote) ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The detail a placeholder asks for, by its words.
    static func detailKey(for placeholder: String) -> String? {
        let words = placeholder.lowercased().replacingOccurrences(of: "_", with: " ")
        if words.contains("e-mail") || words.contains("email") { return TicketField.senderEmail.rawValue }
        if words.contains("phone") { return TicketField.senderPhone.rawValue }
        if words.contains("customer") || words.contains("company") { return SetFieldHandler.customer.rawValue }
        if words.contains("account") { return TicketField.account.rawValue }
        if words.contains("location") { return TicketField.location.rawValue }
        if words.contains("order") { return TicketField.order.rawValue }
        if words.contains("description") { return SetFieldHandler.issue.rawValue }
        return nil
    }
}
