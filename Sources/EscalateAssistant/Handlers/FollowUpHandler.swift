import EscalateCatalog
import EscalateDomain
import EscalateUnderstanding

/// "What about CMS?", "and on Monday?", "and after that?": a follow-up that
/// names only what changes. Another organisation, topic or day asks the last
/// question again with it; "after that" or "if they don't respond" means the
/// level above the one just named.
struct FollowUpHandler: IntentHandler {
    let intents: [IntentName] = [.followUp]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.followUp: "ask the same about something else"]
    let examples: [IntentName: String] = [.followUp: "what about CMS?"]

    /// The slots a follow-up may replace in the last question.
    static let replaceable: [SlotName] = [.org, .category, .segment, .time, .process, .region]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let named = Self.replaceable.filter { turn.slots[$0] != nil }
        if !named.isEmpty, let last = turn.state.lastQuestion, last.intent != .followUp {
            return try await again(last, with: named, turn: turn)
        }
        if named.isEmpty, let subject = turn.state.subject, case .level(let id, let number) = subject,
           let process = turn.catalog.process(id) {
            return try await above(number, in: process, turn: turn)
        }
        if named.isEmpty, turn.state.focus != nil {
            return try await WhoNowHandler().whoNow(turn.serving(Request(.whoNext, cues: turn.cues)))
        }
        // Nothing to follow: the question as if asked afresh.
        let request = Request(named.contains(.time) ? .hoursInfo : .whoNext, slots: turn.slots, cues: turn.cues)
        guard let handler = turn.assistant.registry.handler(for: request.intent) else { return turn.problem("What would you like to know?") }
        return try await handler.handle(turn.serving(request))
    }

    /// The last question again, with what the follow-up names in place of
    /// what it named before. A new organisation or topic drops the process
    /// and ticket the last question was about.
    func again(_ last: Request, with named: [SlotName], turn: TurnContext) async throws -> Outcome {
        var request = last
        var absent: String?
        if named.contains(where: { [.org, .category, .segment].contains($0) }) {
            for stale in [SlotName.process, .ticket, .level, .person, .role] where !named.contains(stale) { request.slots[stale] = nil }
            // "What about CMS?" after a repair question, when CMS has no
            // repair desk or ladder: said so, with the topics it does serve.
            if let org = turn.slots.org, turn.slots.category == nil, let category = request.slots.category,
               !Self.topics(of: org, in: turn.catalog).contains(category) {
                // Where to go for a topic: the question is kept with it, so
                // that "what about Lumen?" next asks it of Lumen.
                if last.intent == .route {
                    request.slots[.org] = .entity(org)
                    return notServed(category, by: org, question: request, turn: turn)
                }
                // A ladder: the organisation's own processes, said to lack that one.
                absent = "The documents give \(turn.organisationName(org)) no \(Words.code(category)) ladder."
                request.slots[.category] = nil
            }
        }
        for slot in named { request.slots[slot] = turn.slots[slot] }
        guard let handler = turn.assistant.registry.handler(for: request.intent), handler.kind == .question else {
            return turn.problem("Ask it in full, please: I only carry questions over.")
        }
        var next = turn.serving(request)
        next.state.focus = nil
        var outcome = try await handler.handle(next)
        if let absent { outcome.reply.lines.insert(absent, at: 0) }
        if outcome.reply.kind == .answer { outcome.state.lastQuestion = request }
        return outcome
    }

    /// The topics an organisation has a ladder or a desk for.
    static func topics(of org: String, in catalog: Catalog) -> Set<String> {
        let ladders = catalog.processes.filter { $0.organisation == org }.flatMap(\.topics)
        return Set(ladders + (catalog.organisation(org)?.routes.map(\.topic) ?? []))
    }

    /// "The documents give CMS no repair desk or ladder", and what they do
    /// give it. The question stays the last one asked, for the next follow-up.
    func notServed(_ category: String, by org: String, question: Request, turn: TurnContext) -> Outcome {
        let name = turn.organisationName(org)
        let served = Self.topics(of: org, in: turn.catalog).sorted().map(Words.code)
        var state = turn.state
        state.focus = nil
        state.topic.organisation = org
        state.topic.category = nil
        state.lastQuestion = question
        var lines = ["The documents give \(name) no \(Words.code(category)) desk or ladder."]
        if !served.isEmpty { lines.append("For \(name) I can route \(Words.list(served, conjunction: "or")).") }
        return turn.answer(lines, state: state)
    }

    /// The level above `number`: who it is, how to reach them, and when it opens.
    func above(_ number: Int, in process: EscalationProcess, turn: TurnContext) async throws -> Outcome {
        var state = turn.state
        guard let next = process.level(after: number) else {
            var lines = ["Level \(number) is the top of \(process.shortTitle)'s ladder."]
            if let beyond = process.beyondTop { lines.append(beyond) }
            return turn.answer(lines)
        }
        let saved = try await turn.savedContacts
        let current = process.level(number)
        var lines = ["\(process.shortTitle): after Level \(number) comes \(Words.level(next))."]
        if let current {
            if next.anyTime {
                lines.append("You may ask for it at any time.")
            } else if let wait = current.wait {
                lines.append("Allow \(wait) after engaging Level \(number) before going to it.")
            } else if !process.whenToRaise.isEmpty, number == process.firstLevel.number {
                lines.append("Go to it when \(Words.list(process.whenToRaise.map(\.text), conjunction: "or")).")
            } else if next.assigned {
                lines.append("Level \(number) assigns it to you; you don't contact it first.")
            } else {
                lines.append("The process sets no wait: go up when Level \(number) does not resolve it.")
            }
        }
        lines += turn.reach(next, of: process, segment: turn.state.topic.segment, saved: saved).map { "  Contact: \($0)" }
        for promise in next.promises { lines.append("  Promise: \(promise.text)") }
        state.subject = .level(process: process.id, number: next.number)
        return turn.answer(lines, state: state)
    }
}
