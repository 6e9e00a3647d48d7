import EscalateDomain
import EscalateUnderstanding

/// Opening a ticket, asking for whatever is missing.
extension Conversation {
    func openTicket(_ slots: [String: SlotValue], line: String, now: Instant) throws -> Reply {
        guard let customer = slots.text("customer") ?? slots.text("person") else {
            pending = .missingSlot(intent: "open_ticket", slots: slots, slot: "customer", ticketID: nil)
            return Reply(missingPrompt("customer"), kind: .question)
        }
        var process = slots.process.flatMap { catalog.process($0) }
        if process == nil {
            let candidates = processes(org: slots.org, category: slots.category, segment: slots.entity("segment"))
            if candidates.count == 1 {
                process = candidates[0]
            } else {
                var carried = slots
                carried["customer"] = .text(customer)
                return askWhichProcess(intent: "open_ticket", slots: carried, candidates: candidates.isEmpty ? catalog.processes : candidates,
                                       question: "Which process is this ticket for?")
            }
        }
        guard let process else { return .problem("Which process?") }
        // No summary is better than an invented one; drafts leave a blank for it.
        let summary = slots.text("note") ?? ""
        var references: [TicketReference] = []
        if case .external(let kind, let value)? = slots.ticketRef, let referenceKind = TicketReference.Kind(rawValue: kind) {
            references.append(TicketReference(kind: referenceKind, value: value))
        }
        // "… about a duplicate charge on account 4455-66": numbers in the summary count too.
        for reference in self.references(in: summary) where !references.contains(reference) { references.append(reference) }
        let details = TicketDetails(customer: customer, organisation: process.organisation, process: process.id,
                                    summary: Words.quote(summary), references: references, segment: slots.entity("segment"))
        var ticket = try storeCall {
            try store.openTicket(details, at: now, by: settings.user) { engine.schedule($0) }
        }
        namesChanged()
        let first = process.firstLevel
        // A CCM opening a ticket on a ladder that starts with the CCM has it
        // in hand: Level 1 is engaged from now, and the waits run from here.
        let ccmOwnsIt = settings.role == .ccm && first.role == "ccm"
        if ccmOwnsIt {
            ticket = try record([(.contactMade(ContactRecord(level: first.number, person: settings.user, note: "taken on by the CCM")), now)], on: ticket.id, now: now)
        }
        focus = ticket.id
        var lines = ["Opened #\(ticket.id) for \(customer): \(process.shortTitle)."]
        if slots.text("note") != nil { lines.append("Summary: \(details.summary).") }
        if !ccmOwnsIt {
            lines.append("Start with Level \(first.number), \(first.title).")
            lines += reach(first, of: process, segment: details.segment).map { "  Contact: \($0)" }
        }
        lines += process.onOpen.map { "Note: \($0)" }
        if !first.calendarBySegment.isEmpty {
            // Hours that depend on the customer's segment: say which are counted.
            let segment = details.segment ?? first.calendarBySegment.first { $0.value == first.calendar }?.key
            let calendar = engine.calendar(for: first, segment: details.segment)
            var line = "Counting on \(segment.map(Words.segment) ?? "the default") hours (\(hours(calendar, now: now)))"
            if details.segment == nil, let other = first.calendarBySegment.keys.sorted().first(where: { $0 != segment }) {
                line += "; if \(customer) is \(Words.segment(other)), say “\(customer) is \(Words.segment(other))”"
            }
            lines.append(line + ".")
        }
        if ccmOwnsIt {
            var line = "As the CCM you are Level 1 on #\(ticket.id) from now"
            if let advice = engine.whoNow(ticket, at: now), case .waiting(_, let next, _, let opensAt) = advice.situation {
                line += "; Level \(next.number) opens after \(advice.wait!), \(at(opensAt, now: now))"
            }
            lines.append(line + ". Log progress as you go, e.g. “update #\(ticket.id): vendor dispatched”, and say “escalate #\(ticket.id)” when it must go up.")
        } else {
            lines.append("Tell me when you contact them, e.g. “\(contactExample(first))”.")
        }
        return Reply(lines)
    }

    /// A sentence that logs first contact with `level`, in the words the
    /// level itself suggests: “I called the CSR at 9am”, “I e-mailed them at 9am”.
    func contactExample(_ level: EscalationLevel) -> String {
        let role = level.role.flatMap { catalog.role($0) }
        let name = role?.abbreviation ?? role.map { Words.lowerFirst($0.title) }.flatMap { $0.split(separator: " ").count <= 2 ? $0 : nil }
        let who = name.map { $0 == "CCM" ? "my CCM" : "the \($0)" } ?? "them"
        let emailOnly = !level.contacts.isEmpty && level.contacts.allSatisfy { route in
            if case .email = route { return true }
            if case .portal = route { return true }
            return false
        }
        let firstIsEmail: Bool
        if case .email? = level.contacts.first { firstIsEmail = true } else { firstIsEmail = false }
        return emailOnly || firstIsEmail ? "I e-mailed \(who) at 9am" : "I called \(who) at 9am"
    }
}
