import EscalateDomain
import EscalateUnderstanding
import Foundation

/// From an understood intent to its handler.
extension Conversation {
    /// Intents that change something: a weak match never triggers one.
    static let actions: Set<String> = [
        "set_contact", "open_ticket", "log_contact", "log_update", "acknowledge", "escalate", "deescalate", "pause",
        "resume", "set_plan", "close", "reopen", "undo",
    ]

    /// What each intent does, for "did you mean …?".
    static let descriptions: [String: String] = [
        "who_next": "ask who to escalate to now", "when_next": "ask when you can go to the next level",
        "contact_lookup": "look up a contact", "set_contact": "save a contact's details", "role_info": "ask what a role does",
        "route": "ask where a topic goes", "hours_info": "ask when a desk is open", "escalation_checklist": "check you are ready to escalate",
        "closure_info": "ask how a ticket gets closed", "elapsed_query": "ask how much business time has passed",
        "ladder": "see an escalation ladder", "timeline": "see the expected timeline", "explain": "ask why",
        "open_ticket": "open a ticket", "log_contact": "log a call or e-mail", "log_update": "add an update to a ticket",
        "acknowledge": "record an acknowledgement", "escalate": "escalate a ticket", "deescalate": "de-escalate a ticket",
        "pause": "put a ticket on hold (waiting on the customer)", "resume": "take a ticket off hold",
        "set_plan": "set a communication plan", "close": "close a ticket", "reopen": "reopen a ticket",
        "status": "see a ticket's status", "history": "see a ticket's history", "list": "list tickets",
        "draft_message": "draft the escalation e-mail", "undo": "undo the last change", "help": "get help",
        "greet": "say hello", "thanks": "say thanks", "bye": "say goodbye", "current_time": "ask the time", "cancel": "cancel", "promise_due": "ask when a reply is due",
    ]

    func handle(_ interpretation: Interpretation, line: String, now: Instant) throws -> Reply {
        // "Who do I ask if I don't know my CCM?" has its own answer in the handbook.
        if interpretation.slots.role == "ccm" || interpretation.entities.contains(where: { $0.value == .entity("ccm") }),
           line.lowercased().range(of: #"\b(don'?t|do not|dont) know (who )?(my|our|the) "#, options: .regularExpression) != nil {
            return try unknownCCM()
        }
        // A bare topic ("CMS billing", "Lumen") asks where it goes.
        let topicOnly = !interpretation.entities.isEmpty && interpretation.topicWords <= interpretation.entities.count
            && interpretation.entities.allSatisfy { ["org", "category", "segment"].contains($0.type) }
            && Tokenizer.tokens(line).count <= interpretation.entities.reduce(0) { $0 + $1.length } + 1
        if topicOnly {
            var slots: [String: SlotValue] = [:]
            for span in interpretation.entities { slots[span.type] = span.value }
            return slots["category"] != nil ? try route(slots, now: now) : try ladder(slots, now: now)
        }
        guard let intent = interpretation.intent else { return notUnderstood(interpretation, line: line, now: now) }
        // "Don't close #1 yet", "my CCM hasn't called back": a change said
        // not to happen, or one that did not happen, is never recorded. A
        // missing reply is answered with where the ticket stands.
        if Self.actions.contains(intent), Self.isNegated(line, intent: intent, entities: interpretation.entities) {
            if intent == "acknowledge" || intent == "log_contact" {
                return try whoNext(interpretation.slots.filter { $0.key != "time" }, line: line, now: now)
            }
            return Reply("OK, I won't \(Self.descriptions[intent] ?? "do that"): nothing changed.")
        }
        // "Can I go straight to management?" asks; it does not escalate. Nor
        // does a line with a who/what/where question in it, mark or none.
        if Self.actions.contains(intent), Self.isPermissionQuestion(line) || (Self.hasWhQuestion(line) && !["log_update", "set_contact"].contains(intent)) {
            return try answerInstead(of: intent, slots: interpretation.slots, line: line, now: now)
        }
        // A weak "they replied" is worth a yes/no: recording an acknowledgement
        // is asked about first anyway when it names nobody.
        if intent == "acknowledge" && !interpretation.isConfident, !Self.isPermissionQuestion(line),
           line.lowercased().range(of: #"\b(replied|responded|answered|acknowledged|got back|called back|rang back|wrote back|came back|heard back)\b"#, options: .regularExpression) != nil {
            return try acknowledge(interpretation.slots, confident: false, now: now)
        }
        if Self.actions.contains(intent) && !interpretation.isConfident {
            return didYouMean(interpretation)
        }
        // "The CSM couldn't fix it, escalate #1": a role named before the
        // verb is who the reason is about, not where the ticket goes.
        var interpretation = interpretation
        if intent == "escalate", let verb = interpretation.correctedWords.firstIndex(where: { $0.hasPrefix("escal") || $0 == "esc" }) {
            for type in ["role", "level"] {
                guard let span = interpretation.entities.first(where: { $0.type == type }), span.start < verb,
                      !interpretation.entities.contains(where: { $0.type == type && $0.start > verb }) else { continue }
                interpretation.slots[type] = nil
            }
        }
        // "Escalate #1 and #2", "update #1 and #2: NOC outage": the change is
        // made on each ticket named, one after the other.
        let listed = Self.listedTickets(in: interpretation)
        if Self.actions.contains(intent), !["open_ticket", "set_contact", "undo"].contains(intent), listed.count > 1 {
            return try perform(intent, onEach: listed, slots: interpretation.slots, line: line, now: now)
        }
        if intent == "acknowledge" || intent == "log_contact", let reply = try performKeepingReferences(intent, interpretation, line: line, now: now) {
            return reply
        }
        return try perform(intent, slots: interpretation.slots, line: line, now: now)
    }

    /// `intent` on each of `ids` in turn. A question about one ticket is
    /// answered before the next: the rest are to be said again.
    func perform(_ intent: String, onEach ids: [Int], slots: [String: SlotValue], line: String, now: Instant) throws -> Reply {
        var lines: [String] = []
        for (index, id) in ids.enumerated() {
            var slots = slots
            slots["ticket"] = .ticket(.number(id))
            let reply = try perform(intent, slots: slots, line: line, now: now)
            lines += reply.lines
            if reply.kind == .question {
                let rest = ids[(index + 1)...].map { "#\($0)" }
                if !rest.isEmpty { lines.append("(Then say it again for \(Words.list(rest)).)") }
                return Reply(lines, kind: .question)
            }
        }
        return Reply(lines)
    }

    /// "CMS replied on #1 at 8:30, IMS 482913": a new outside number said
    /// with a reply or a contact belongs to that ticket, whatever the answer
    /// to a confirmation; `nil` when the line names no new one.
    func performKeepingReferences(_ intent: String, _ interpretation: Interpretation, line: String, now: Instant) throws -> Reply? {
        let unknown = try Self.references(in: interpretation.entities).filter { reference in
            try storeCall { try store.tickets(withReference: reference) }.isEmpty
        }
        guard !unknown.isEmpty else { return nil }
        var slots = interpretation.slots
        if case .external? = slots.ticketRef {
            slots["ticket"] = interpretation.entities.first { if case .ticket(.number) = $0.value { return true } else { return false } }?.value
        }
        var reply = try perform(intent, slots: slots, line: line, now: now)
        var target: Int? = reply.kind == .answer ? lastChanged : nil
        if case .confirm(.acknowledge(let id, _, _, _), _)? = pending { target = id }
        if case .confirm(.logContact(let id, _, _), _)? = pending { target = id }
        if let id = target, let ticket = try load(id) {
            let added = unknown.filter { !ticket.details.references.contains($0) }
            if !added.isEmpty {
                try record(added.map { (.referenceAdded($0), now) }, on: id, now: now)
                reply.lines.append("Added \(Words.list(added.map(\.description))) to #\(id).")
            }
        }
        return reply
    }

    /// Ticket numbers listed together ("#1 and #2", "#3, #4 & #5"), in order.
    static func listedTickets(in interpretation: Interpretation) -> [Int] {
        let tickets = interpretation.entities.filter { $0.type == "ticket" }
        let words = interpretation.correctedWords
        var run: [Int] = []
        for span in tickets {
            guard case .ticket(.number(let id)) = span.value else { continue }
            if let last = tickets.last(where: { $0.end <= span.start }), case .ticket(.number(let previous)) = last.value, run.last == previous {
                // Only "and", "&" or nothing (a comma) between them.
                let between = words[last.end..<span.start]
                guard between.allSatisfy({ ["and", "&", "plus"].contains($0) }), between.count <= 1 else { break }
                run.append(id)
            } else if run.isEmpty {
                run = [id]
            }
        }
        return run
    }

    /// Words that, in the same clause as a negation, say the request itself
    /// is negated ("don't *close* it", "hasn't *called* back"); the
    /// negation of a reason beside it ("no reply, escalate #1") is not.
    static let negatedActionWords: [String: [String]] = [
        "escalate": ["escal", "esc"], "close": ["clos"], "pause": ["pause", "hold"], "resume": ["resum", "unpause"],
        "reopen": ["reopen"], "undo": ["undo"], "deescalate": ["de-escal", "deescal"],
        "acknowledge": ["call", "rang", "repl", "respond", "answer", "acknowledg", "back", "email", "e-mail", "wrote", "heard", "got"],
        "log_contact": ["call", "rang", "phon", "email", "e-mail", "contact", "reach", "spoke", "talk", "messag", "left"],
    ]

    /// Whether the clause that makes the request is negated.
    static func isNegated(_ line: String, intent: String, entities: [EntitySpan]) -> Bool {
        guard let actionWords = negatedActionWords[intent] else { return false }
        let tokens = Tokenizer.tokens(line)
        let units = Array(line.utf16)
        // Negations inside a recognised reason ("didn't follow up") are part of it.
        let inEntity = Set(entities.flatMap { Array($0.start..<$0.end) })
        var clauseStart = 0
        for index in tokens.indices {
            let endsClause = index + 1 == tokens.count
                || units[tokens[index].end..<max(tokens[index].end, tokens[index + 1].start)].contains { [44, 58, 59, 46, 33, 63].contains($0) }
            guard endsClause else { continue }
            let clause = clauseStart...index
            let negated = clause.contains { ["not", "never"].contains(tokens[$0].text) && !inEntity.contains($0) }
            if negated, clause.contains(where: { i in actionWords.contains { tokens[i].text.hasPrefix($0) } }) { return true }
            clauseStart = index + 1
        }
        return false
    }

    /// Whether a sentence of the line asks who, what, where or which
    /// ("… acct 77001. who do i send it to").
    static func hasWhQuestion(_ line: String) -> Bool {
        line.split(whereSeparator: { ".!?;".contains($0) }).contains { sentence in
            let words = Tokenizer.tokens(String(sentence)).map(\.text)
            guard let first = words.first, ["who", "what", "where", "which", "whom"].contains(first), words.count > 1 else { return false }
            return ["do", "does", "should", "can", "is", "are", "to", "would", "will", "shall"].contains(words[1])
        }
    }

    /// Whether a line asks for permission or advice ("can I…", "should we…",
    /// "am I allowed to…") rather than giving an instruction ("can you…").
    static func isPermissionQuestion(_ line: String) -> Bool {
        let words = Tokenizer.tokens(line).map(\.text)
        let askers: Set<String> = ["can", "may", "could", "should", "shall", "am", "do", "must", "is", "are", "would"]
        // "How do I de-escalate?", "how often …?" ask how, not to do it;
        // "when will they acknowledge?" asks when.
        if words.first == "how", words.count > 2, ["do", "can", "should", "would", "often", "does"].contains(words[1]) { return true }
        if words.first == "when", words.count > 2, ["will", "should", "would", "do", "does", "can", "might"].contains(words[1]) { return true }
        for index in words.indices.prefix(8) where askers.contains(words[index]) {
            guard index + 1 < words.count else { break }
            let subject = words[index + 1]
            if subject == "i" || subject == "we" { return true }
            if subject == "you" || subject == "u" { return false }
        }
        return false
    }

    /// The answer to an action asked as a question.
    func answerInstead(of intent: String, slots: [String: SlotValue], line: String, now: Instant) throws -> Reply {
        switch intent {
        case "escalate" where slots.time.map({ $0.instant > now }) == true:
            // "Can I escalate on Monday at 9am?": the answer as of then.
            return try whoNext(slots, now: now, asOf: slots.time!.instant)
        case "escalate":
            // "When can I…?" asks when, so it gets no yes or no in front.
            // Nor does "who do I send it to?".
            let asksWhen = Tokenizer.tokens(line).first?.text == "when"
            return try whoNext(slots, line: line, asking: !asksWhen && !Self.hasWhQuestion(line), now: now)
        case "set_plan": return try planGuide(slots, now: now)
        case "acknowledge": return try promiseDue(slots, now: now)
        case "close": return try closureInfo(slots, now: now)
        case "deescalate": return try deescalationInfo(slots, now: now)
        case "log_contact" where slots.role == "escalations_desk" && readerRole != "ccm":
            // CenturyLink: the CCM opens the desk's ticket, not the customer.
            return Reply("No: your CCM opens a ticket with the Customer Escalations Desk when appropriate, and you receive status updates throughout. Raise it with your CCM, or go to the CCM manager / director / VP level.")
        case "log_contact" where slots.org != nil || slots.category != nil || slots.time != nil:
            // "Can I call Lumen wholesale billing at 6pm?": whether they are open then.
            return try hoursInfo(slots, now: now, at: slots.time)
        default:
            let description = Self.descriptions[intent] ?? "do that"
            return Reply("Yes: tell me as an instruction and I'll \(description.replacingOccurrences(of: "ask ", with: "answer "))\(Self.instructionExample[intent].map { ", e.g. “\($0)”" } ?? "").")
        }
    }

    static let instructionExample: [String: String] = [
        "pause": "pause #1, waiting on the customer", "resume": "the customer replied on #1", "reopen": "reopen #1",
        "log_update": "update #1: vendor dispatched", "log_contact": "I called my CCM at 9am", "set_plan": "updates every 4 hours by e-mail",
        "undo": "undo", "open_ticket": "open a ticket for Acme", "set_contact": "my CCM is Dana Reyes, 555-0142",
    ]

    func perform(_ intent: String, slots: [String: SlotValue], line: String, now: Instant) throws -> Reply {
        switch intent {
        case "who_next": return try whoNext(slots, now: now)
        case "when_next" where slots.entity("condition") != nil:
            // "The follow-up never came, can I escalate?": a reason given
            // with the question is weighed (and recorded) as "who now?" does.
            return try answerInstead(of: "escalate", slots: slots, line: line, now: now)
        case "when_next": return try whenNext(slots, now: now)
        case "elapsed_query": return try elapsedQuery(slots, now: now)
        case "explain": return explainLast()
        case "contact_lookup": return try contactLookup(slots, line: line, now: now)
        case "set_contact": return try setContact(slots, now: now)
        case "role_info": return roleInfo(slots, line: line)
        case "route": return try route(slots, line: line, now: now)
        case "hours_info": return try hoursInfo(slots, now: now, at: slots.time)
        case "ladder": return try ladder(slots, line: line, now: now)
        case "timeline": return try timeline(slots, now: now)
        case "escalation_checklist": return try escalationChecklist(slots, line: line, now: now)
        case "closure_info": return try closureInfo(slots, now: now)
        case "open_ticket": return try openTicket(slots, line: line, now: now)
        case "log_contact": return try logContact(slots, line: line, now: now)
        case "log_update": return try logUpdate(slots, line: line, now: now)
        case "acknowledge": return try acknowledge(slots, now: now)
        case "escalate": return try escalate(slots, line: line, now: now)
        case "deescalate": return try deescalate(slots, now: now)
        case "pause": return try pause(slots, line: line, now: now)
        case "resume": return try resume(slots, now: now)
        case "set_plan": return try setPlan(slots, line: line, now: now)
        case "close": return try close(slots, now: now)
        case "reopen": return try reopen(slots, now: now)
        case "status": return try status(slots, now: now)
        case "history": return try history(slots, now: now)
        case "list": return try list(slots, line: line, now: now)
        case "draft_message" where Self.asksForCustomerUpdate(line): return try customerUpdateDraft(slots, now: now)
        case "draft_message": return try draftMessage(slots, now: now)
        case "promise_due": return try promiseDue(slots, now: now)
        case "undo": return try undo(slots, now: now)
        case "help": return help()
        case "greet": return Reply("Hello! Ask me who to escalate to, or type :help to see what I can do.")
        case "thanks": return Reply("You're welcome.")
        case "current_time": return currentTime(now: now)
        case "bye": return Reply("Goodbye! Type :quit or press Ctrl-D to leave.")
        case "cancel": return Reply(pending == nil ? "There's nothing to cancel. To take back the last change, say “undo”." : "Cancelled.")
        default: return .problem("I know the intent '\(intent)' but cannot act on it yet.")
        }
    }

    static let outOfScopeIntent = "out_of_scope"

    func notUnderstood(_ interpretation: Interpretation, line: String = "", now: Instant = Instant(secondsSinceEpoch: 0)) -> Reply {
        // Nothing known in it at all: not understood, rather than out of scope.
        if interpretation.coverage == 0, !interpretation.nearest.contains(where: { $0.score >= 0.3 }) {
            return .problem("Sorry, I didn't understand that. Say “help” for examples of what I can do.")
        }
        // The out-of-scope examples won: off-topic, with no guesses.
        if interpretation.topIntent == Self.outOfScopeIntent && interpretation.score < 0.45 {
            return .problem("Sorry, I can't help with that. I answer questions about escalations and tickets; say “help” for examples.")
        }
        let candidates = interpretation.nearest.filter { $0.score >= 0.3 }.prefix(2)
        let near = candidates.compactMap { Self.descriptions[$0.intent] }
        // One question it may have been: a "yes" answers it.
        if candidates.count == 1, let intent = candidates.first?.intent, !Self.actions.contains(intent), let description = Self.descriptions[intent] {
            let prompt = "Did you mean to \(description)? (yes/no)"
            let slots = assistant.matcher.slots(of: line, as: intent, context: recognitionContext(now: now))
            pending = .confirm(action: .answer(intent: intent, slots: slots, line: line), prompt: prompt)
            return Reply("Sorry, I didn't understand that. \(prompt)", kind: .question)
        }
        if near.isEmpty {
            return .problem("Sorry, I can't help with that. I answer questions about escalations and tickets; say “help” for examples.")
        }
        return .problem("Sorry, I didn't understand that. Did you mean to \(Words.list(near, conjunction: "or"))? Say “help” for examples.")
    }

    func didYouMean(_ interpretation: Interpretation) -> Reply {
        let description = interpretation.intent.flatMap { Self.descriptions[$0] } ?? "do something"
        return .problem("I'm not sure: did you mean to \(description)? I won't change anything on a guess; please say it another way.")
    }
}
