import EscalateDomain
import EscalateUnderstanding

/// "The customer called me", "I sent the customer their update", "left the
/// customer a voicemail": the CCM's contacts with the customer, which are
/// not contacts with a level of the ladder. An update sent, or any contact
/// that reached them, is what a communication plan asks for.
enum CustomerContactLog {
    static func record(_ ticket: Ticket, turn: TurnContext) -> Outcome {
        let (when, refusal) = turn.occurred(for: ticket, what: "the contact with the customer")
        if let refusal { return refusal }
        let cues = turn.cues
        let attempt = cues.has(.voicemail) || cues.has(.noAnswer)
        let inbound = cues.has(.fromCustomer)
        let channel = turn.slots.channel ?? (cues.has(.mail) ? .email : (attempt ? .phone : nil))
        let contact = CustomerContact(inbound: inbound, channel: channel, note: turn.slots.text(.note),
                                      isUpdate: !inbound && cues.has(.updateWord), attemptOnly: attempt)
        let event = PendingEvent(.customerContact(contact), at: when!)
        let updated = turn.projected(ticket, adding: [event])
        let at = turn.at(when!, now: turn.now)
        let how = channel.map { " by \($0.noun)" } ?? ""
        var lines: [String]
        if attempt {
            lines = ["Logged on #\(ticket.id): you tried to reach the customer\(how) \(at) (\(cues.has(.voicemail) ? "left a voicemail" : "no answer"))."]
        } else if inbound {
            lines = ["Logged on #\(ticket.id): the customer got in touch\(how) \(at)."]
        } else if contact.isUpdate {
            lines = ["Logged on #\(ticket.id): you sent the customer an update\(how) \(at)."]
        } else {
            lines = ["Logged on #\(ticket.id): you contacted the customer\(how) \(at)."]
        }
        if let note = contact.note { lines[0] = String(lines[0].dropLast()) + ": " + Words.quote(note) }
        if let plan = updated.plan, let clock = turn.engine.clocks(updated, at: turn.now).first(where: \.isUpdate), let due = clock.due {
            lines.append(updated.lastUpdateAt == when! && ticket.lastUpdateAt != when!
                ? "That counts as the update (\(plan.description)): the next is due by \(turn.stamp(due, now: turn.now))."
                : "The customer's next update is due by \(turn.stamp(due, now: turn.now)).")
        }
        return turn.recording([event], on: ticket, reply: lines, dependsOnState: false)
    }
}
