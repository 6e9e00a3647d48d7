import EscalateDomain
import EscalateUnderstanding

/// "Open a Lumen installation ticket for Acme: fibre turn-up delayed":
/// opens a ticket, asking for whatever is missing, and says where to start.
struct OpenTicketHandler: IntentHandler {
    let intents: [IntentName] = [.openTicket]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.openTicket: "open a ticket"]
    let examples: [IntentName: String] = [.openTicket: "open a Lumen installation ticket for Acme"]
    let slotPrompts: [SlotName: String] = [.customer: "Which customer is it for?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let slots = turn.slots
        // A customer said before ("my company is Acme Widgets") is the one
        // meant when the line names none; the reply names it.
        guard let customer = slots.text(.customer) ?? slots.text(.person) ?? turn.state.details[SetFieldHandler.customer.rawValue] else {
            return askFor(.customer, in: turn, about: "opening a ticket")
        }
        var process = slots.process.flatMap { turn.catalog.process($0) }
        if process == nil {
            let candidates = turn.processes(org: slots.org, category: slots.category, segment: slots.segment)
            if candidates.count == 1 {
                process = candidates[0]
            } else {
                let carried = turn.request.with(.customer, .text(customer))
                return turn.askWhichProcess(candidates: candidates.isEmpty ? turn.catalog.processes : candidates,
                                            question: "Which process is this ticket for?", request: carried)
            }
        }
        guard let process else { return turn.problem("Which process?") }
        // "Opened yesterday at 9am": the time said with the opening, checked
        // like any change's (not vague, not a bare day, not to come).
        // Words of time in the summary ("after last night's upgrade") are the summary's.
        var openedAt = turn.now
        if turn.slots.time != nil {
            guard case .at(let said) = turn.moment(for: nil, what: "the opening") else { return turn.momentQuestion(for: nil, what: "the opening") }
            openedAt = said
        }
        // No summary is better than an invented one; drafts leave a blank for it.
        let summary = slots.text(.note) ?? (SetFieldHandler.saidFor(customer, details: turn.state.details) ? turn.state.details[SetFieldHandler.issue.rawValue] : nil) ?? ""
        var references: [TicketReference] = []
        for reference in turn.references where !references.contains(reference) { references.append(reference) }
        let details = TicketDetails(customer: customer, organisation: process.organisation, process: process.id,
                                    summary: Words.quote(summary), references: references, segment: slots.segment)
        let first = process.firstLevel
        // A CCM opening a ticket on a ladder that starts with the CCM has it
        // in hand: Level 1 is engaged from now, and the waits run from here.
        let ccmOwnsIt = turn.readerRole != nil && first.role == turn.readerRole
        var events: [PendingEvent] = []
        if ccmOwnsIt {
            events.append(PendingEvent(.contactMade(ContactRecord(level: first.number, person: turn.settings.user, note: "taken on by the CCM")), at: openedAt))
        }
        // "…, account 449812, service location 100 Main St": fields said with
        // the summary, and the sender's own details said before.
        let fields = SetFieldHandler.openingFields(slots: slots, customer: customer, said: turn.state.details)
        events += fields.map { PendingEvent(.fieldSet(field: $0.field, value: $0.value), at: openedAt) }
        let saved = try await turn.savedContacts
        var state = turn.state
        state.topic = Topic(organisation: process.organisation, process: process.id, category: slots.category, segment: slots.segment)
        state.subject = .level(process: process.id, number: first.number)
        var outcome = Outcome(Reply([]), state: state, effects: [.open(NewTicket(placeholder: 0, details: details, openedAt: openedAt, events: events))])
        let hasNote = !summary.isEmpty
        let reach = turn.reach(first, of: process, segment: details.segment, saved: saved)
        outcome.finish = { receipt, outcome in
            guard let id = receipt.assignedIDs[0], let ticket = receipt.tickets[id] else { return outcome }
            var finished = outcome
            finished.state.focus(on: id)
            finished.reply = Reply(lines(for: ticket, process: process, customer: customer, hasNote: hasNote, reach: reach, ccmOwnsIt: ccmOwnsIt, turn: turn))
            return finished
        }
        return outcome
    }

    func lines(for ticket: Ticket, process: EscalationProcess, customer: String, hasNote: Bool, reach: [String], ccmOwnsIt: Bool, turn: TurnContext) -> [String] {
        let now = turn.now
        let first = process.firstLevel
        let details = ticket.details
        var lines = ["Opened #\(ticket.id) for \(customer): \(process.shortTitle)."]
        if ticket.openedAt < now - 60 { lines[0] = "Opened #\(ticket.id) for \(customer): \(process.shortTitle), as of \(turn.stamp(ticket.openedAt, now: now))." }
        // The summary as typed, with a full stop only where it has none.
        if hasNote { lines.append("Summary: \(details.summary)\(details.summary.last.map { ".?!".contains($0) } == true ? "" : ".")") }
        lines += SetFieldHandler.fieldLines(details, including: [.account, .location])
        if !ccmOwnsIt {
            lines.append("Start with Level \(first.number), \(first.title).")
            lines += reach.map { "  Contact: \($0)" }
        }
        lines += process.onOpen.map { "Note: \($0)" }
        if !first.calendarBySegment.isEmpty {
            // Hours that depend on the customer's segment: say which are counted.
            let segment = details.segment ?? first.calendarBySegment.first { $0.value == first.calendar }?.key
            let calendar = turn.engine.calendar(for: first, segment: details.segment)
            var line = "Counting on \(segment.map(turn.catalog.segmentName) ?? "the default") hours (\(turn.hours(calendar, now: now)))"
            if details.segment == nil, let other = first.calendarBySegment.keys.sorted().first(where: { $0 != segment }) {
                line += "; if \(customer) is \(turn.catalog.segmentName(other)), say “\(customer) is \(turn.catalog.segmentName(other))”"
            }
            lines.append(line + ".")
        }
        if ccmOwnsIt {
            var line = "As the CCM you are Level 1 on #\(ticket.id) from now"
            if let advice = turn.engine.whoNow(ticket, at: now), case .waiting(_, let next, _, let opensAt) = advice.situation {
                line += "; Level \(next.number) opens after \(advice.wait!), \(turn.at(opensAt, now: now))"
            }
            lines.append(line + ". Log progress as you go, e.g. “update #\(ticket.id): vendor dispatched”, and say “escalate #\(ticket.id)” when it must go up.")
        } else {
            lines.append("Tell me when you contact them, e.g. “\(turn.contactExample(first))”.")
        }
        return lines
    }
}
