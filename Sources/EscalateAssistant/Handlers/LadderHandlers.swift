import EscalateDomain
import EscalateUnderstanding

/// "Show me the escalation ladder for CMS billing", and a bare topic
/// ("CMS billing"): the whole ladder, level by level.
struct LadderHandler: IntentHandler {
    let intents: [IntentName] = [.ladder]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.ladder: "see an escalation ladder"]
    let examples: [IntentName: String] = [.ladder: "show me the escalation ladder for CMS billing"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let (found, _, reply) = try await turn.processFor(intent: .ladder)
        if let reply { return reply }
        guard let process = found else { return turn.problem("Which process?") }
        var state = turn.state
        state.topic = Topic(organisation: process.organisation, process: process.id, category: turn.slots.category, segment: turn.slots.segment ?? state.topic.segment)
        state.subject = .level(process: process.id, number: process.firstLevel.number)
        // "What happens once I request an escalation?": the short answer, when the source gives one.
        if !process.onEscalation.isEmpty, turn.cues.asksWhatHappens {
            return turn.answer(["Once you escalate (\(process.shortTitle)):"] + process.onEscalation.map { "  - \($0)" }, state: state)
        }
        let saved = try await turn.savedContacts
        // "Who is the top of the CMS billing ladder?": that level, not the whole ladder.
        if case .top? = turn.slots.level {
            let top = process.topLevel
            state.subject = .level(process: process.id, number: top.number)
            var lines = ["\(process.shortTitle): the top is Level \(top.number), \(top.title)."]
            lines += turn.reach(top, of: process, segment: state.topic.segment, saved: saved).map { "  Contact: \($0)" }
            if let beyond = process.beyondTop { lines.append(beyond) }
            return turn.answer(lines, state: state)
        }
        return turn.answer(LadderText.lines(process, organisation: turn.catalog.organisation(process.organisation), calendars: turn.catalog.calendars, saved: saved),
                           state: state)
    }
}

/// "What's the timeline for #12?": the published timeline, with each
/// step's date counted from the request when there is a ticket.
struct TimelineHandler: IntentHandler {
    let intents: [IntentName] = [.timeline]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.timeline: "see the expected timeline"]
    let examples: [IntentName: String] = [.timeline: "what's the timeline for #12?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let now = turn.now
        let (found, ticket, reply) = try await turn.processFor(intent: .timeline)
        if let reply { return reply }
        guard let process = found else { return turn.problem("Which process?") }
        var state = turn.state
        state.topic = Topic(organisation: process.organisation, process: process.id)
        if let ticket { state.focus(on: ticket.id) }
        guard !process.timeline.isEmpty else {
            var lines = ["\(process.title) has no published timeline, only the waits between levels."]
            if let ticket, let advice = turn.engine.whoNow(ticket, at: now) {
                // What the ladder's waits mean for this ticket.
                lines += turn.adviceLines(advice, now: now, saved: try await turn.savedContacts).prefix(3)
            } else {
                for level in process.ladder {
                    guard let wait = level.wait, let next = process.level(after: level.number) else { continue }
                    lines.append("  Level \(level.number) → Level \(next.number): allow \(wait).")
                }
            }
            return turn.answer(lines, state: state)
        }
        let calendar = turn.engine.calendar(for: process.firstLevel)
        // The clock starts when the request goes in: the first contact with
        // the first level, or the opening of the ticket until then.
        let first = process.firstLevel.number
        let sent = ticket?.effectiveEvents.first { event in
            switch event.kind {
            case .contactAttempted(let record), .contactMade(let record): return record.level == first
            default: return false
            }
        }?.occurredAt
        var lines: [String] = []
        if let ticket {
            let anchor = sent.map { "from your request \(turn.at($0, now: now))" } ?? "from the opening of #\(ticket.id) \(turn.at(ticket.openedAt, now: now)), until you log the request"
            lines.append("\(process.title) timeline for #\(ticket.id), \(anchor):")
        } else {
            lines.append("\(process.title) timeline, counted in business days from your request:")
        }
        let start = sent ?? ticket?.openedAt
        for step in process.timeline {
            var text = "  \(step.label): \(step.text)"
            if let ticket, let start {
                let done: Bool
                switch step.doneWhen {
                case .engaged?: done = sent != nil
                case .acknowledged?: done = ticket.acknowledgements[first] != nil
                case nil: done = false
                }
                let due = step.due.flatMap { calendar.add($0, to: start) }
                if done {
                    text += " Done."
                } else if step.notBefore, let due {
                    text += " (not before \(turn.stamp(due, now: now)))"
                } else if let from = step.from.flatMap({ calendar.add($0, to: start) }), let due {
                    text += " (from \(turn.stamp(from, now: now)), by \(turn.stamp(due, now: now)))"
                } else if let due {
                    text += due < now ? " (was due by \(turn.stamp(due, now: now)))" : " (due by \(turn.stamp(due, now: now)))"
                }
            }
            lines.append(text)
        }
        if let ticket {
            let references = ticket.details.references.map(turn.describe)
            if !references.isEmpty { lines.append("References so far: \(references.joined(separator: ", ")).") }
        }
        for rule in process.numbering { lines.append(rule) }
        return turn.answer(lines, state: state)
    }
}

/// "Am I ready to escalate #12?", "what's the pre-escalation checklist?":
/// the checks to make first, the reasons to go up, and where a ticket stands.
struct ChecklistHandler: IntentHandler {
    let intents: [IntentName] = [.escalationChecklist]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.escalationChecklist: "check you are ready to escalate"]
    let examples: [IntentName: String] = [.escalationChecklist: "am I ready to escalate #12?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        var turn = turn
        let now = turn.now
        // "What's the pre-escalation checklist?": the one process that has
        // one, unless a ticket or a process is named.
        let withChecklist = turn.catalog.processes.filter { $0.checklist("pre-escalation") != nil }
        if withChecklist.count == 1, turn.slots.ticketRef == nil, turn.slots.process == nil, turn.slots.org == nil, turn.slots.category == nil,
           turn.cues.has(.checklistWord) {
            turn.request.slots[.process] = .text(withChecklist[0].id)
        }
        let (found, ticket, reply) = try await turn.processFor(intent: .escalationChecklist)
        if let reply { return reply }
        guard let process = found else { return turn.problem("Which process?") }
        var state = turn.state
        state.topic = Topic(organisation: process.organisation, process: process.id)
        if let ticket { state.focus(on: ticket.id) }
        var lines: [String] = []
        if let checklist = process.checklist("pre-escalation") {
            lines.append("\(checklist.title):")
            lines += checklist.items.enumerated().map { "  \($0.offset + 1). \($0.element.question)" }
        } else if ticket?.level == nil, let start = process.start {
            lines.append("Before you escalate (\(process.title)): \(start)")
        }
        if !process.whenToRaise.isEmpty {
            lines.append("Reasons to escalate (\(process.shortTitle)):")
            lines += process.whenToRaise.map { "  - \(Words.upperFirst($0.text))" }
        }
        if let ticket, let advice = turn.engine.whoNow(ticket, at: now) {
            switch advice.situation {
            case .waiting(_, let next, let remaining, let opensAt):
                lines.append("#\(ticket.id): not yet. Level \(next.number) opens \(turn.at(opensAt, now: now)) (\(Words.businessTime(remaining)) to go).")
            case .nextOpen(_, let next, _):
                lines.append("#\(ticket.id): Level \(next.number) is open to you now.")
            case .start(let first) where process.level(after: first.number)?.anyTime == true:
                lines.append("#\(ticket.id): you may escalate at any time, or speak first with Level \(first.number), \(first.title).")
            case .start(let first):
                lines.append("#\(ticket.id): start with Level \(first.number), \(first.title).")
            case .top(let top):
                lines.append("#\(ticket.id) is already at the top, Level \(top.number).")
            default:
                break
            }
        }
        return turn.answer(lines, state: state)
    }
}

/// "How does a ticket get closed?": the closure codes, and who agrees.
struct ClosureInfoHandler: IntentHandler {
    let intents: [IntentName] = [.closureInfo]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.closureInfo: "ask how a ticket gets closed"]
    let examples: [IntentName: String] = [.closureInfo: "how does a ticket get closed?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        var process: EscalationProcess?
        if let org = turn.slots.org {
            process = turn.catalog.processes.first { $0.organisation == org && !$0.closureCodes.isEmpty } ?? turn.catalog.processes.first { $0.organisation == org }
        } else if let ticketID = turn.state.focus?.ticketID, let ticket = try await turn.load(ticketID) {
            process = turn.process(of: ticket)
        } else if let topic = turn.state.topic.process {
            process = turn.catalog.process(topic)
        }
        let (codes, borrowed) = turn.closureCodes(for: process)
        var lines: [String] = []
        if let process, borrowed == nil {
            lines.append("\(process.title): \(process.closureHeading.map { Words.lowerFirst($0) } ?? "a ticket is closed") when one or more of these holds:")
        } else {
            let guide = borrowed.map { turn.organisationName($0.organisation) + "'s" } ?? "the documents'"
            lines.append("\(process.map { "The \($0.shortTitle) process" } ?? "The documents") set\(process == nil ? "" : "s") no closure codes of \(process == nil ? "their" : "its") own; I close tickets on these general ones, modelled on \(guide):")
        }
        lines += codes.map { "  \(Words.code($0.id)): \($0.text) (agreed by \(Words.agreement($0.agreement)))" }
        if let reader = turn.catalog.readerRole, process?.ladder.contains(where: { $0.role == reader.id }) == true {
            lines.append("Your \(reader.abbreviation ?? reader.title) resolves the issue and closes the ticket.")
        }
        lines += process?.closureNotes ?? []
        return turn.answer(lines)
    }
}
