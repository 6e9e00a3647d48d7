import EscalateDomain
import EscalateUnderstanding

/// Reading a line as the answer to a pending question.
extension Conversation {
    static let yesWords: Set<String> = ["y", "yes", "yep", "yeah", "ok", "okay", "sure", "confirm", "do it", "go ahead", "yes please", "correct", "right"]
    static let noWords: Set<String> = ["n", "no", "nope", "nah", "don't", "do not", "no thanks", "not yet", "wrong"]
    static let cancelWords: Set<String> = ["cancel", "never mind", "nevermind", "nvm", "forget it", "stop", "abort", "skip it"]

    /// "yes", and also "yep, go ahead" or "yes, the customer is furious":
    /// a yes word first and no "no" or "not" after it.
    static func isYes(_ text: String) -> Bool {
        if yesWords.contains(text) { return true }
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first, ["y", "yes", "yep", "yeah", "ok", "okay", "sure", "yup"].contains(first) else { return false }
        return !words.dropFirst().contains { ["no", "not", "don't", "dont", "wait", "but"].contains($0) }
    }

    /// "no", and also "no, leave it" or "nope not yet".
    static func isNo(_ text: String) -> Bool {
        if noWords.contains(text) { return true }
        guard let first = text.split(separator: " ").first else { return false }
        return ["n", "no", "nope", "nah"].contains(String(first))
    }

    static func normalised(_ line: String) -> String {
        String(line.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == " " || $0 == "#" || $0 == "'" })
            .split(separator: " ").joined(separator: " ")
    }

    /// The reply when `line` answers `question`, or `nil` when it does not
    /// (the question is dropped and the line handled afresh).
    func answer(_ question: PendingQuestion, with line: String, interpretation: Interpretation, now: Instant) -> Reply? {
        let text = Self.normalised(line)
        // "no" answers a yes/no question; only then is it read as "cancel".
        let yesOrNo = Self.isYes(text) || Self.isNo(text)
        let asksYesNo: Bool = { if case .confirm = question { return true }; if case .checklist = question { return true }; return false }()
        if !(asksYesNo && yesOrNo), Self.cancelWords.contains(text) || interpretation.intent == "cancel" {
            pending = nil
            return Reply("Cancelled.")
        }
        // A line that is no answer but a request of its own ("what's the
        // de-escalation checklist?") drops the question: a short reply
        // ("2", "the CMS one", "yes") is read as the answer.
        // A question of its own, a long line, or a clear request to see
        // something ("my tickets") drops the pending question.
        let looksUp = interpretation.intent.map { !Self.actions.contains($0) && !["greet", "thanks", "bye", "cancel"].contains($0) } ?? false
            && interpretation.score >= IntentMatcher.actionThreshold
        let movesOn = interpretation.intent != nil
            && (line.trimmingCharacters(in: .whitespaces).hasSuffix("?") || Tokenizer.tokens(line).count >= 4 || looksUp)
        do {
            switch question {
            case .confirm(let action, let prompt):
                if Self.isYes(text) {
                    pending = nil
                    return try carryOut(action, now: now)
                }
                if Self.isNo(text) {
                    pending = nil
                    return Reply("OK, nothing was changed.")
                }
                if interpretation.isConfident && interpretation.intent != nil || movesOn { pending = nil; return nil }
                return Reply(["Please answer yes or no.", prompt], kind: .question)

            case .whichTicket(let intent, var slots, let candidates):
                let labels = candidates.map { ($0.id, "\($0.customer) \(catalog.process($0.process)?.shortTitle ?? $0.process) \($0.organisation)") }
                guard let chosen = pick(text, from: labels) else {
                    if interpretation.isConfident && interpretation.intent != nil && interpretation.slots.ticketRef == nil { pending = nil; return nil }
                    if interpretation.slots.ticketRef != nil || movesOn { pending = nil; return nil }
                    return Reply("Please choose \(Self.choices(candidates.count)), or give a ticket number such as #\(candidates[0].id).", kind: .question)
                }
                pending = nil
                slots["ticket"] = .ticket(.number(chosen))
                return try perform(intent, slots: slots, line: line, now: now)

            case .whichProcess(let intent, var slots, let candidates):
                let options = candidates.enumerated().map { ($0.offset, "\($0.element.title) \($0.element.shortTitle) \($0.element.id) \($0.element.topics.joined(separator: " "))") }
                guard let index = pick(text, from: options.map { ($0.0 + 1, $0.1) }) else {
                    if interpretation.isConfident && interpretation.intent != nil || movesOn { pending = nil; return nil }
                    return Reply("Please choose \(Self.choices(candidates.count)), or name the process.", kind: .question)
                }
                pending = nil
                slots["process"] = .text(candidates[index - 1].id)
                return try perform(intent, slots: slots, line: line, now: now)

            case .missingSlot(let intent, var slots, let slot, let ticketID):
                // "close #2 as resolved" while #1's closure code is asked: #2's own request.
                if case .number(let named)? = interpretation.slots.ticketRef, let ticketID, named != ticketID { pending = nil; return nil }
                guard let value = slotValue(slot, from: line, interpretation: interpretation, ticketID: ticketID) else {
                    if (interpretation.isConfident || movesOn) && interpretation.intent != nil && interpretation.intent != intent { pending = nil; return nil }
                    // A question of its own drops the pending one.
                    if line.trimmingCharacters(in: .whitespaces).hasSuffix("?"), interpretation.intent != nil { pending = nil; return nil }
                    return Reply("Sorry, I couldn't read that as \(Self.slotNames[slot] ?? slot). \(missingPrompt(slot))", kind: .question)
                }
                pending = nil
                slots[slot] = value
                // "Acme, CMS billing" names the process too.
                for topic in ["org", "category", "segment"] where slots[topic] == nil {
                    if let found = interpretation.entities.first(where: { $0.type == topic })?.value { slots[topic] = found }
                }
                if let ticketID, slots["ticket"] == nil { slots["ticket"] = .ticket(.number(ticketID)) }
                return try perform(intent, slots: slots, line: line, now: now)

            case .checklist(let ticketID, let checklist, var answers):
                let yes = Self.isYes(text)
                guard yes || Self.isNo(text) else {
                    return Reply(["Please answer yes or no.", checklistPrompt(checklist, index: answers.count)], kind: .question)
                }
                let item = checklist.items[answers.count]
                answers.append(ChecklistAnswer(item: item.id, yes: yes))
                guard yes else {
                    pending = nil
                    return Reply("Then it isn't ready to de-escalate: “\(item.question)” must hold first. Nothing was changed.")
                }
                if answers.count < checklist.items.count {
                    pending = .checklist(ticketID: ticketID, checklist: checklist, answers: answers)
                    return Reply(checklistPrompt(checklist, index: answers.count), kind: .question)
                }
                pending = nil
                return try finishDeescalation(ticketID, answers: answers, now: now)
            }
        } catch let error as StoreFailure {
            pending = nil
            return .problem(error.message)
        } catch {
            pending = nil
            return .problem("That could not be saved: \(error). Nothing was changed.")
        }
    }

    /// A choice by its number in the list, a ticket number, or a name.
    private func pick(_ text: String, from options: [(Int, String)]) -> Int? {
        let ordinals = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": options.count]
        var words = text.split(separator: " ").map(String.init)
        words.removeAll { ["the", "one", "number", "no", "ticket", "option"].contains($0) }
        if words.count == 1 {
            let word = words[0].hasPrefix("#") ? String(words[0].dropFirst()) : words[0]
            if let n = Int(word) {
                if options.contains(where: { $0.0 == n }) && words[0].hasPrefix("#") { return n }
                if (1...options.count).contains(n) { return options[n - 1].0 }
                if options.contains(where: { $0.0 == n }) { return n }
            }
            if let n = ordinals[word], (1...options.count).contains(n) { return options[n - 1].0 }
        }
        let matches = options.filter { $0.1.lowercased().contains(text) && !text.isEmpty }
        if matches.count == 1 { return matches[0].0 }
        // "the CMS billing one": every word of the answer is in one option.
        let filler: Set<String> = ["the", "a", "an", "one", "for", "please", "ticket", "process", "about", "with", "i", "mean", "that", "this", "it", "is", "its"]
        let wanted = text.split(separator: " ").map(String.init).filter { !filler.contains($0) }
        guard !wanted.isEmpty else { return nil }
        let byWords = options.filter { option in
            let words = Set(option.1.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
            return wanted.allSatisfy { word in words.contains(word) || words.contains { $0.hasPrefix(word) && word.count >= 3 } }
        }
        return byWords.count == 1 ? byWords[0].0 : nil
    }

    /// "1 or 2", "1 to 11".
    static func choices(_ count: Int) -> String { count == 2 ? "1 or 2" : "1 to \(count)" }

    static let slotNames: [String: String] = [
        "customer": "a customer name", "note": "a description", "closure_code": "a closure code", "duration": "a duration",
        "name": "a name", "role": "a role", "time": "a time", "channel": "a channel",
    ]

    func missingPrompt(_ slot: String) -> String { PendingQuestion.prompt(for: slot) }
}

extension PendingQuestion {
    /// How a missing slot is asked for.
    static func prompt(for slot: String) -> String {
        switch slot {
        case "customer": return "Which customer is it for?"
        case "note": return "In a sentence, what is the problem?"
        case "duration": return "How often should updates go out? (e.g. every 4 hours)"
        case "name": return "What is the contact's name?"
        default: return "What is the \(slot.replacingOccurrences(of: "_", with: " "))?"
        }
    }
}

extension Conversation {
    private func slotValue(_ slot: String, from line: String, interpretation: Interpretation, ticketID: Int?) -> SlotValue? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        switch slot {
        case "customer", "name":
            // "it is for Globex", "Acme, CMS billing": the name, not the words around it.
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
            let command = cleaned == trimmed && interpretation.isConfident && Self.actions.contains(interpretation.intent ?? "")
            guard !cleaned.isEmpty, !trimmed.hasSuffix("?"), cleaned.contains(where: \.isLetter), !command,
                  interpretation.unknownWords > 0 || cleaned.contains(where: \.isUppercase)
                    || interpretation.entities.contains(where: { $0.type == "person" }) else { return nil }
            return .text(cleaned)
        case "note":
            guard !trimmed.isEmpty, !(interpretation.isConfident && Self.actions.contains(interpretation.intent ?? "")) else { return nil }
            return .text(trimmed)
        case "duration":
            if let span = interpretation.entities.first(where: { $0.type == "duration" })?.value { return span }
            return (try? BusinessSpan(parsing: trimmed)).map { .duration($0) }
        case "closure_code":
            if let code = interpretation.entities.first(where: { $0.type == "closure_code" })?.value { return code }
            guard let ticketID, let ticket = try? load(ticketID), let process = process(of: ticket) else { return nil }
            let codes = process.closureCodes.isEmpty ? Self.defaultClosureCodes : process.closureCodes
            if let n = Int(trimmed), (1...codes.count).contains(n) { return .entity(codes[n - 1].id) }
            let text = Self.normalised(trimmed).replacingOccurrences(of: " ", with: "_")
            return codes.first { $0.id == text }.map { .entity($0.id) }
        default:
            return interpretation.entities.first { $0.type == slot }?.value
        }
    }
}
