import EscalateDomain
import EscalateUnderstanding

/// Reading a line as the answer to a pending question, and the replies
/// when a line is not understood well enough to act on.
extension Conversation {
    /// What the line amounts to as an answer to `pending`.
    func answerInput(for pending: PendingQuestion, _ interpretation: Interpretation, now: Instant) -> PendingQuestion.Input {
        let cues = interpretation.cues
        var input = PendingQuestion.Input(answer: cues.shortAnswer)
        // "no" answers a yes/no question; only otherwise is "cancel" read as one.
        if interpretation.intent == .cancel, !(pending.isYesNo && (cues.shortAnswer == .yes || cues.shortAnswer == .no)) { input.answer = .cancel }
        let intent = interpretation.intent
        let confident = interpretation.isConfident && intent != nil
        // A question of its own, a long line, or a clear request to see
        // something ("my tickets") drops the pending question.
        let looksUp = intent.map { !registry.isAction($0) && !IntentName.smallTalk.contains($0) && $0 != .cancel } ?? false
            && interpretation.score >= IntentMatcher.actionThreshold
        let movesOn = intent != nil && (cues.endsWithQuestionMark || cues.wordCount >= 4 || looksUp)
        switch pending.kind {
        case .confirm, .accept, .suggestion:
            // "No wait, it was 9:30" corrects the request asked about, not the last change.
            if intent == .correct {
                input.revisions = [SlotName.ticket, .time].compactMap { slot in interpretation.slots[slot].map { .init(slot, $0) } }
            }
            input.isNewRequest = confident || movesOn
        case .checklist:
            input.isNewRequest = confident || movesOn
        case .whichTicket(let candidates):
            input.choice = choice(interpretation, candidates: candidates, options: pending.options)
            input.isNewRequest = (confident && interpretation.slots.ticketRef == nil) || interpretation.slots.ticketRef != nil || movesOn
        case .whichProcess(let candidates):
            input.choice = choice(interpretation, candidates: nil, options: pending.options)
            if input.choice == nil, let named = candidates.firstIndex(where: { id in interpretation.slots.org.map { org in catalog.process(id)?.organisation == org } ?? false }),
               candidates.filter({ id in catalog.process(id)?.organisation == interpretation.slots.org }).count == 1 {
                input.choice = named + 1
            }
            input.isNewRequest = confident || movesOn
        case .missingSlot(let slot):
            // "close #2 as resolved" while #1's closure code is asked: #2's own request.
            if case .number(let named)? = interpretation.slots.ticketRef, case .number(let asked)? = pending.request.slots.ticketRef, named != asked {
                input.isNewRequest = true
                return input
            }
            // "When was it?" answered with a whole new report ("I rang the
            // regional manager on #1, nobody answered", "I called the
            // technician on #1 at 9:40 and …"), or one about someone else
            // ("the RM at 1:50pm"): that report's own request. An answer is
            // a time, said in a few words.
            if slot == .time, confident {
                let namesOther = [SlotName.role, .level, .person].contains { key in
                    interpretation.slots[key] != nil && interpretation.slots[key] != pending.request.slots[key]
                }
                if namesOther || cues.wordCount >= 4 {
                    input.isNewRequest = true
                    return input
                }
            }
            input.value = value(for: slot, from: interpretation, pending: pending, now: now)
            input.isNewRequest = ((confident || movesOn) && intent != pending.request.intent) || (cues.endsWithQuestionMark && intent != nil)
            // A question of its own ("what is the 24-hour rule?") is no answer, even when not understood.
            if cues.endsWithQuestionMark && cues.wordCount >= 3 { input.isNewRequest = true }
            if input.value != nil { input.isNewRequest = false }
        }
        if input.choice != nil { input.isNewRequest = false }
        return input
    }

    /// A choice among candidates: by its number in the list, a ticket number,
    /// an ordinal, or words that name one option only.
    func choice(_ interpretation: Interpretation, candidates: [Int]?, options: [String]) -> Int? {
        let count = options.count
        if let candidates, case .number(let id)? = interpretation.slots.ticketRef, let index = candidates.firstIndex(of: id) { return index + 1 }
        if case .number(let n)? = interpretation.cues.shortAnswer {
            if (1...max(count, 1)).contains(n) { return n }
            if let candidates, let index = candidates.firstIndex(of: n) { return index + 1 }
        }
        if interpretation.correctedWords == ["last"] || interpretation.correctedWords == ["the", "last", "one"] { return count }
        let text = interpretation.correctedWords.joined(separator: " ")
        guard !text.isEmpty else { return nil }
        let matches = options.enumerated().filter { $0.element.lowercased().contains(text) }
        if matches.count == 1 { return matches[0].offset + 1 }
        // "the CMS billing one": every word of the answer is in one option.
        let filler: Set<String> = ["the", "a", "an", "one", "for", "please", "ticket", "process", "about", "with", "i", "mean", "that", "this", "it", "is", "its"]
        let wanted = interpretation.correctedWords.filter { !filler.contains($0) }
        guard !wanted.isEmpty else { return nil }
        let byWords = options.enumerated().filter { option in
            let words = Set(option.element.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
            return wanted.allSatisfy { word in words.contains(word) || words.contains { $0.hasPrefix(word) && word.count >= 3 } }
        }
        return byWords.count == 1 ? byWords[0].offset + 1 : nil
    }

    /// A value for a missing slot, from the answer line.
    func value(for slot: SlotName, from interpretation: Interpretation, pending: PendingQuestion, now: Instant) -> SlotValue? {
        let typed = interpretation.typed
        switch slot {
        case .customer, .name:
            return nameAnswer(interpretation)
        case .note:
            guard !typed.isEmpty, !(interpretation.isConfident && registry.isAction(interpretation.intent ?? "")) else { return nil }
            return .text(typed)
        case .duration:
            if let span = interpretation.entity(.duration)?.value { return span }
            return (try? BusinessSpan(parsing: typed)).map { .duration($0) }
        case .time:
            guard case .time(let said)? = interpretation.entity(.time)?.value else { return nil }
            return .time(TurnContext.answeredTime(said, cues: interpretation.cues, askedAbout: pending.request.slots.time, now: now))
        case .closureCode:
            if let code = interpretation.entity(.closureCode)?.value { return code }
            if case .number(let n)? = interpretation.cues.shortAnswer, pending.options.indices.contains(n - 1) { return .entity(pending.options[n - 1]) }
            let text = interpretation.correctedWords.joined(separator: "_")
            return pending.options.first { $0 == text }.map { .entity($0) }
        default:
            return interpretation.entity(slot)?.value
        }
    }

    /// "it is for Globex", "Acme, CMS billing": the name, not the words around it.
    func nameAnswer(_ interpretation: Interpretation) -> SlotValue? {
        let trimmed = interpretation.typed
        var name = Substring(trimmed)
        for lead in ["it is for ", "it's for ", "its for ", "it is ", "it's ", "for ", "the customer is ", "customer is ", "customer: ", "the customer ", "customer "]
        where name.lowercased().hasPrefix(lead) {
            name = name.dropFirst(lead.count)
            break
        }
        if let comma = name.firstIndex(of: ",") { name = name[..<comma] }
        let cleaned = name.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        // A question is not a name; nor is a bare number, a new command,
        // nor a line of only words the assistant knows ("the lumen
        // installation one").
        let command = cleaned == trimmed && interpretation.isConfident && registry.isAction(interpretation.intent ?? "")
        guard !cleaned.isEmpty, !trimmed.hasSuffix("?"), cleaned.contains(where: \.isLetter), !command,
              interpretation.unknownWords > 0 || cleaned.contains(where: \.isUppercase) || interpretation.entity(.person) != nil else { return nil }
        return .text(cleaned)
    }

    /// A line not understood: say so, and offer the nearest question when
    /// there is one ("Did you mean to …? (yes/no)").
    func notUnderstood(_ interpretation: Interpretation, now: Instant) -> Outcome {
        // Nothing known in it at all: not understood, rather than out of scope.
        if interpretation.coverage == 0, !interpretation.nearest.contains(where: { $0.score >= 0.3 }) {
            return Outcome(.problem("Sorry, I didn't understand that. Say “help” for examples of what I can do."), state: state)
        }
        // The out-of-scope examples won: off-topic, with no guesses.
        if interpretation.topIntent == .outOfScope && interpretation.score < 0.45 {
            return Outcome(.problem("Sorry, I can't help with that. I answer questions about escalations and tickets; say “help” for examples."), state: state)
        }
        let candidates = interpretation.nearest.filter { $0.score >= 0.3 }.prefix(2)
        let near = candidates.compactMap { registry.summary(of: $0.intent) }
        // One question it may have been: a "yes" answers it.
        if candidates.count == 1, let suggestion = interpretation.suggestion, !registry.isAction(suggestion.intent),
           let description = registry.summary(of: suggestion.intent) {
            let prompt = "Did you mean to \(description)? (yes/no)"
            var next = state
            next.pending = PendingQuestion(.suggestion, request: Request(suggestion.intent, slots: suggestion.slots, cues: interpretation.cues),
                                           prompt: prompt, about: "what you meant", askedAt: now)
            return Outcome(Reply("Sorry, I didn't understand that. \(prompt)", kind: .question), state: next, explanation: state.explanation)
        }
        if near.isEmpty {
            return Outcome(.problem("Sorry, I can't help with that. I answer questions about escalations and tickets; say “help” for examples."), state: state)
        }
        return Outcome(.problem("Sorry, I didn't understand that. Did you mean to \(Words.list(near, conjunction: "or"))? Say “help” for examples."), state: state)
    }

    /// An action understood too weakly to act on.
    func didYouMean(_ interpretation: Interpretation) -> Outcome {
        let description = interpretation.intent.flatMap { registry.summary(of: $0) } ?? "do something"
        return Outcome(.problem("I'm not sure: did you mean to \(description)? I won't change anything on a guess; please say it another way."), state: state)
    }
}
