import EscalateDomain
import EscalateUnderstanding

/// "Draft the customer update e-mail": what a CCM sends the customer under
/// the communication plan, from the ticket's latest updates.
extension Conversation {
    /// Whether a draft is asked for the customer rather than for the ladder.
    static func asksForCustomerUpdate(_ line: String) -> Bool {
        let words = Tokenizer.tokens(line).map(\.text).filter { !["the", "our", "my", "a"].contains($0) }
        guard let customer = words.firstIndex(where: { $0 == "customer" || $0 == "client" }) else { return false }
        // "the customer update", "update for the customer", "e-mail to the customer".
        return words.contains("update") || words.contains("status") || (customer > 0 && ["to", "for"].contains(words[customer - 1]))
    }

    func customerUpdateDraft(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        try withTicket("draft_message", slots, includeClosed: true) { ticket in
            guard let process = process(of: ticket) else { return .problem("#\(ticket.id)'s process is not in the matrices.") }
            let customer = Words.quote(ticket.details.customer)
            let summary = ticket.details.summary.isEmpty ? process.shortTitle : ticket.details.summary
            var lines = ["Draft: update to the customer for #\(ticket.id)", "To: \(customer)'s contact",
                         "Subject: Update on \(summary)", "", "Hello,", "",
                         "Here is where things stand on \(summary):"]
            // The latest updates and replies first, at most three.
            let updates = ticket.effectiveEvents.reversed().compactMap { event -> String? in
                switch event.kind {
                case .updateLogged(let note): return "  - \(Words.upperFirst(Words.quote(note))) (\(stamp(event.occurredAt, now: now)))."
                case .acknowledged(let record):
                    return process.level(record.level).map { "  - \(Words.upperFirst($0.title)) replied \(at(event.occurredAt, now: now))." }
                default: return nil
                }
            }.prefix(3)
            lines += updates.isEmpty ? ["  - Work is under way; there is nothing new to report yet."] : Array(updates)
            if let level = ticket.level.flatMap({ process.level($0) }) {
                let since = stamp(ticket.engagedAt ?? ticket.openedAt, now: now)
                lines.append(level.number > process.firstLevel.number
                    ? "It has been escalated to \(level.title), since \(since)."
                    : "It is with \(level.title), since \(since).")
            }
            if let plan = ticket.plan, let clock = engine.clocks(ticket, at: now).first(where: \.isUpdate), let due = clock.due {
                lines.append("You will hear from me again \(by(due, now: now))\(plan.channel.map { " by \($0.noun)" } ?? "").")
            }
            lines += ["", "Regards,", settings.user]
            return Reply(lines)
        }
    }
}
