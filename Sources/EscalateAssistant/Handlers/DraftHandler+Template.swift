import EscalateDomain
import EscalateUnderstanding

extension DraftHandler {
    /// The conversation detail a template key stands for (`description` is the issue).
    static func detailKey(_ key: String) -> String? {
        ["customer", "account", "description", "location", "sender_email", "sender_phone"].contains(key) ? key : nil
    }

    /// "the customer", "your e-mail address", for saying what was filled in.
    static func describe(_ key: String) -> String {
        switch key {
        case "customer": return "the customer"
        case "description": return "the issue"
        case "sender_email": return "your e-mail address"
        case "sender_phone": return "your phone number"
        default: return SetFieldHandler.name(of: TicketField(rawValue: key))
        }
    }

    /// A process's e-mail template with its placeholders, for a draft asked
    /// for before any ticket: what the line and the conversation know fill
    /// in (the customer, the account number, the issue, your e-mail), the
    /// rest stays in angle brackets. `nil` when no process with a template fits.
    func blankDraft(_ turn: TurnContext) -> Outcome? {
        let org = turn.slots.org ?? turn.state.topic.organisation
        let category = turn.slots.category ?? (turn.slots.org == nil ? turn.state.topic.category : nil)
        var candidates = turn.processes(org: org, category: category, segment: turn.slots.segment).filter { !$0.templates.isEmpty }
        if candidates.isEmpty, org == nil, category == nil { candidates = turn.catalog.processes.filter { !$0.templates.isEmpty } }
        if candidates.count > 1, let topic = turn.state.topic.process, let only = candidates.first(where: { $0.id == topic }) { candidates = [only] }
        guard !candidates.isEmpty else { return nil }
        guard candidates.count == 1 else { return turn.askWhichProcess(candidates: candidates, question: "Which e-mail: for which process?") }
        let process = candidates[0]
        let escalating = turn.slots.role != nil || turn.slots.level != nil || turn.interpretation.correctedWords.contains { $0.hasPrefix("escalat") }
        guard let template = process.templates.first(where: { escalating == $0.id.hasSuffix("escalation") }) ?? process.templates.first else { return nil }
        // What the conversation already knows fills in; the rest stays a blank.
        let known = turn.knownDetails
        let blanks = [
            "customer": "<customer name>", "account": "<account number>", "description": "<describe the issue>",
            "location": "<service location>", "sender_email": "<your e-mail address>", "sender_phone": "<your phone number>",
            "references": "<IMS or issue number>", "escalation_reason": "<why you are escalating>",
        ]
        let values = blanks.reduce(into: [String: String]()) { values, blank in
            values[blank.key] = Self.detailKey(blank.key).flatMap { known[$0] }.map(Words.quote) ?? blank.value
        }
        var lines = ["Draft: \(template.title) (no ticket yet; fill in what is in angle brackets)"]
        if !template.to.isEmpty { lines.append("To: \(template.to.joined(separator: ", "))") }
        if !template.cc.isEmpty { lines.append("Cc: \(template.cc.joined(separator: ", "))") }
        lines.append("Subject: \(fill(template.subject, values))")
        lines.append("")
        lines += template.opening.map { fill($0, values) }
        lines += template.notes.map { "(\($0))" }
        lines.append("Open a ticket (“open a \(process.shortTitle) ticket for \(known["customer"].map(Words.quote) ?? "<customer>")”) and I'll fill it in from the ticket.")
        if !known.isEmpty {
            let used = ["customer", "account", "location", "description", "sender_email", "sender_phone"].filter { known[$0] != nil }
            if !used.isEmpty { lines.insert("(Filled in from what you told me: \(Words.list(used.map(Self.describe))).)", at: 1) }
        }
        var state = turn.state
        state.topic.organisation = process.organisation
        state.topic.process = process.id
        return turn.answer(lines, state: state)
    }
}
