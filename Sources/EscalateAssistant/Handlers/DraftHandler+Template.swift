import EscalateDomain
import EscalateUnderstanding

extension DraftHandler {
    /// A process's e-mail template with its placeholders, for a draft asked
    /// for before any ticket: what the line names fills in (a customer), the
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
        let values = [
            "customer": turn.cues.customer.map(Words.quote) ?? "<customer name>",
            "account": "<account number>",
            "description": "<describe the issue>",
            "location": "<service location>",
            "sender_email": "<your e-mail address>",
            "references": "<IMS or issue number>",
            "escalation_reason": "<why you are escalating>",
        ]
        var lines = ["Draft: \(template.title) (no ticket yet; fill in what is in angle brackets)"]
        if !template.to.isEmpty { lines.append("To: \(template.to.joined(separator: ", "))") }
        if !template.cc.isEmpty { lines.append("Cc: \(template.cc.joined(separator: ", "))") }
        lines.append("Subject: \(fill(template.subject, values))")
        lines.append("")
        lines += template.opening.map { fill($0, values) }
        lines += template.notes.map { "(\($0))" }
        lines.append("Open a ticket (“open a \(process.shortTitle) ticket for <customer>”) and I'll fill it in from the ticket.")
        var state = turn.state
        state.topic.organisation = process.organisation
        state.topic.process = process.id
        return turn.answer(lines, state: state)
    }
}
