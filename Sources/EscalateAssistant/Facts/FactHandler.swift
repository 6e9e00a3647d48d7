import EscalateCatalog
import EscalateDomain
import EscalateUnderstanding

/// "What is the 24-hour rule?", "who helps with the credit application?",
/// "can my customer call the helpdesk?": what the documents say, from the
/// facts beside the matrices, in the context of the conversation's
/// organisation. "source?" afterwards cites the document and section.
struct FactHandler: IntentHandler {
    let intents: [IntentName] = [.fact]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.fact: "ask what the documents say"]
    let examples: [IntentName: String] = [.fact: "what is the complex billing group?"]
    let slotPrompts: [SlotName: String] = [.org: "Which organisation do you mean?"]

    /// Holds the question's words, so that a follow-up ("and for CMS?") or
    /// the answer to "which organisation?" can ask it again.
    static let questionSlot: SlotName = "question"
    /// Below this, the documents don't say.
    static let threshold = 0.3

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let text = Self.question(turn)
        let named = turn.slots.org
        let context = named == nil ? turn.state.topic.organisation : nil
        let matches = turn.assistant.facts.matches(text, prefer: context, only: named)
        guard let best = matches.first, best.score >= Self.threshold else { return unknown(turn, organisation: named ?? context) }
        // Close contenders from other organisations, with none named or in
        // the conversation: ask which, with a short list.
        if named == nil, context == nil {
            let close = matches.prefix(6).filter { $0.score >= best.score * 0.85 }
            var organisations: [String] = []
            for match in close where !organisations.contains(match.fact.organisation) { organisations.append(match.fact.organisation) }
            if organisations.count > 1 {
                let options = organisations.prefix(4).map { id in
                    "\(turn.organisationName(id)) (\(close.first { $0.fact.organisation == id }!.fact.about))"
                }
                var request = turn.request
                request.slots[Self.questionSlot] = .text(text)
                return turn.ask(.missingSlot(.org), ["The documents answer that for more than one organisation: \(Words.list(options, conjunction: "or")).",
                                                     "Which organisation do you mean?"],
                                about: "which organisation", request: request, options: organisations.map(turn.organisationName))
            }
        }
        return answer(best.fact, turn: turn, text: text)
    }

    /// The words asked: kept in the request, or the line itself.
    static func question(_ turn: TurnContext) -> String {
        if case .text(let kept)? = turn.slots[questionSlot] { return kept }
        return FactIndex.text(of: turn.interpretation)
    }

    func answer(_ fact: Fact, turn: TurnContext, text: String) -> Outcome {
        // A template's placeholders take what the conversation knows ("my company is …").
        var lines = fact.answer.map(turn.fillingKnown)
        // The conversation is about another organisation: say whose document answers.
        if turn.slots.org == nil, let context = turn.state.topic.organisation, context != fact.organisation {
            lines.insert("From \(fact.source.title) (\(turn.organisationName(fact.organisation))):", at: 0)
        }
        lines += counts(fact, turn: turn)
        var state = turn.state
        state.topic.organisation = fact.organisation
        if let process = fact.process {
            state.topic.process = process
            if let level = fact.level { state.subject = .level(process: process, number: level) }
        }
        var request = turn.request
        request.intent = .fact
        request.slots[Self.questionSlot] = .text(text)
        state.lastQuestion = request
        let source = ["Source: \(fact.source.title) (\(fact.source.document)), section “\(fact.source.section)”."]
        return Outcome(Reply(lines), state: state, explanation: source)
    }

    /// A hypothetical's dates, counted from now on the desk's calendar.
    func counts(_ fact: Fact, turn: TurnContext) -> [String] {
        guard !fact.counts.isEmpty else { return [] }
        var lines = ["Counted from now, \(turn.stamp(turn.now, now: turn.now)) (nothing is recorded):"]
        for count in fact.counts {
            guard let calendar = turn.catalog.calendar(named: count.calendar), let due = calendar.add(count.span, to: turn.now) else { continue }
            lines.append("  \(Words.upperFirst(count.label)): \(count.earliest ? "not before" : "by") \(turn.stamp(due, now: turn.now)) (\(count.span); hours \(turn.hours(calendar, now: turn.now))).")
        }
        return lines
    }

    /// Nothing in the documents: say so, and what they do cover.
    func unknown(_ turn: TurnContext, organisation: String?) -> Outcome {
        let facts = turn.catalog.facts
        if let organisation {
            let offered = facts.filter { $0.organisation == organisation }.map(\.about)
            return turn.answer(["The documents don't say. For \(turn.organisationName(organisation)) they cover: \(Words.list(Array(offered.prefix(8))))."])
        }
        var organisations: [String] = []
        for fact in facts where !organisations.contains(fact.organisation) { organisations.append(fact.organisation) }
        let offered = organisations.map { id in
            "\(turn.organisationName(id)) (\(Words.list(Array(facts.filter { $0.organisation == id }.map(\.about).prefix(3)))))"
        }
        return turn.answer(["The documents don't say. They cover, for example: \(offered.joined(separator: "; "))."])
    }
}
