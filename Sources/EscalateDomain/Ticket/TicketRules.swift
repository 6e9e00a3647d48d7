/// The rules every recorded ticket keeps, whether it comes from the REPL,
/// an import or another program: checked by every store before it writes.
public enum TicketRules {
    /// The longest customer name, author or contact name kept.
    public static let maxNameLength = 200
    /// The longest note, summary or reason kept.
    public static let maxTextLength = 4_000

    /// Why `author` cannot sign a change, or nil when it can.
    public static func problem(withAuthor author: String) -> String? {
        if author.trimmingCharacters(in: .whitespaces).isEmpty { return "the author is empty: every change needs a name" }
        if author.count > maxNameLength { return "the author is longer than \(maxNameLength) characters" }
        return nil
    }

    /// Why a ticket number cannot name a ticket, or nil when it can.
    public static func problem(withTicketID id: Int) -> String? {
        id > 0 ? nil : "ticket numbers start at 1, so #\(id) names no ticket"
    }

    /// Why an event cannot be recorded, or nil when it can.
    public static func problem(with kind: TicketEventKind) -> String? {
        for (what, text) in kind.texts {
            let limit = what == "customer" ? maxNameLength : maxTextLength
            if text.count > limit { return "the \(what) is longer than \(limit) characters" }
        }
        if case .opened(let details) = kind {
            if details.customer.trimmingCharacters(in: .whitespaces).isEmpty { return "the customer name is empty" }
            if details.process.isEmpty { return "the process is empty" }
        }
        return nil
    }
}

extension TicketEventKind {
    /// The free texts an event carries, by what they are.
    var texts: [(String, String)] {
        switch self {
        case .opened(let details):
            return [("customer", details.customer), ("summary", details.summary)] + (details.impact.map { [("impact", $0)] } ?? [])
        case .contactAttempted(let record), .contactMade(let record), .acknowledged(let record):
            return (record.note.map { [("note", $0)] } ?? []) + (record.person.map { [("person", $0)] } ?? [])
        case .updateLogged(let note): return [("note", note)]
        case .escalated(_, let reason, _): return reason.map { [("reason", $0)] } ?? []
        case .paused(let reason): return reason.map { [("reason", $0)] } ?? []
        case .resumed(let note): return note.map { [("note", $0)] } ?? []
        case .closed(_, let note, _): return note.map { [("note", $0)] } ?? []
        case .reopened(let reason): return reason.map { [("reason", $0)] } ?? []
        case .conditionRaised(_, let note): return note.map { [("note", $0)] } ?? []
        case .fieldSet(let field, let value): return [(field.description, value)]
        case .customerContact(let contact): return contact.note.map { [("note", $0)] } ?? []
        case .reminderSet(_, let what): return [("reminder", what)]
        default: return []
        }
    }
}
