import EscalateCatalog
import EscalateDomain

/// A ticket event in words, for history and undo.
enum EventText {
    static func describe(_ event: TicketEvent, in ticket: Ticket? = nil, process: EscalationProcess?, catalog: Catalog, zone: Zone) -> String {
        func level(_ number: Int) -> String {
            process?.level(number).map(Words.level) ?? "Level \(number)"
        }
        switch event.kind {
        case .opened(let details):
            return "opened for \(Words.quote(details.customer))" + (details.summary.isEmpty ? "" : ": \(Words.quote(details.summary))")
        case .contactAttempted(let record) where record.note?.hasPrefix("no answer") == true:
            return "tried \(level(record.level))" + (record.channel.map { " by \($0.noun)" } ?? "") + ": \(Words.quote(record.note!))"
        case .contactAttempted(let record) where record.note?.hasPrefix("left a voicemail") == true:
            // "left a voicemail: call me back about the date": what it said follows.
            let said = record.note!.dropFirst("left a voicemail".count).drop { $0 == ":" || $0 == " " }
            return "left a voicemail for \(level(record.level))" + (said.isEmpty ? "" : ": \(Words.quote(String(said)))")
        case .contactAttempted(let record):
            return "contacted \(level(record.level))" + (record.channel.map { " by \($0.noun)" } ?? "") + (record.note.map { ": \(Words.quote($0))" } ?? "")
        case .contactMade(let record) where record.note == "taken on by the CCM":
            return "took it on as \(level(record.level))"
        case .contactMade(let record) where record.note == "assigned":
            return "\(level(record.level)) assigned"
        case .contactMade(let record):
            return "spoke with \(level(record.level))" + (record.channel.map { " by \($0.noun)" } ?? "") + (record.note.map { ": \(Words.quote($0))" } ?? "")
        case .acknowledged(let record):
            return "acknowledgement from \(level(record.level))" + (record.person.map { " (\(Words.quote($0)))" } ?? "")
        case .updateLogged(let note):
            return "update: \(Words.quote(note))"
        case .escalated(let toLevel, let reason, _):
            // A condition has its own "reason to escalate" entry just before.
            return "escalated to \(level(toLevel))" + (reason.map { ": \(Words.quote($0))" } ?? "")
        case .deescalated(let answers):
            return "de-escalated" + (answers.isEmpty ? "" : " (checklist confirmed)")
        case .paused(let reason):
            return "waiting on the customer" + (reason.map { ": \(Words.quote($0))" } ?? "")
        case .resumed(let note):
            return "customer replied; clock restarted" + (note.map { ": \(Words.quote($0))" } ?? "")
        case .planSet(let plan):
            return "communication plan: updates \(plan.description)"
        case .closed(let code, let note, let agreedBy):
            return "closed as \(Words.code(code)), agreed by \(Words.agreement(agreedBy))" + (note.map { ": \(Words.quote($0))" } ?? "")
        case .reopened(let reason):
            return "reopened" + (reason.map { ": \(Words.quote($0))" } ?? "")
        case .referenceAdded(let reference):
            return "reference added: \(catalog.describe(reference))"
        case .conditionRaised(let condition, _):
            let text = process?.whenToRaise.first { $0.id == condition }?.text ?? condition.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "sla", with: "SLA")
            // A log entry, not advice: "your production system goes down" is
            // recorded as "production system goes down".
            let neutral = text.replacingOccurrences(of: "your ", with: "").replacingOccurrences(of: "you are ", with: "customer is ").replacingOccurrences(of: "you don't", with: "customer doesn't")
            return "reason to escalate: \(neutral)"
        case .segmentSet(let segment):
            return "segment: \(catalog.segmentName(segment))"
        case .fieldSet(let field, let value):
            return "\(field): \(Words.quote(value))"
        case .customerContact(let contact):
            let how = contact.channel.map { " by \($0.noun)" } ?? ""
            let note = contact.note.map { ": \(Words.quote($0))" } ?? ""
            if contact.isUpdate { return "sent the customer an update\(how)\(note)" }
            if contact.attemptOnly { return "tried to reach the customer\(how)\(note)" }
            return (contact.inbound ? "the customer got in touch" : "contacted the customer") + how + note
        case .reminderSet(let due, let what):
            return "reminder for \(ZonedTime(due, in: zone).friendly): \(what)"
        case .undone(let id):
            guard let target = ticket?.events.first(where: { $0.id == id }) else { return "undid an earlier entry" }
            return "undid: \(describe(target, in: ticket, process: process, catalog: catalog, zone: zone))"
        }
    }
}
