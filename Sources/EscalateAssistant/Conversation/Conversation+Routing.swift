import EscalateDomain
import EscalateUnderstanding

/// From an interpretation to the outcome of a turn: the pending question
/// first, then the handler of the intent, with the conversation's own
/// rules around it (questions answered, not acted on; nothing on a guess;
/// changes said not to happen never recorded).
extension Conversation {
    func outcome(for interpretation: Interpretation, now: Instant) async throws -> Outcome {
        var dropped: PendingQuestion?
        if let pending = state.pending {
            let input = answerInput(for: pending, interpretation, now: now)
            switch pending.receive(input) {
            case .proceed(let request):
                lastAnsweredQuestion = pending.prompt
                state.pending = nil
                return try await proceed(request, after: pending, interpretation, now: now)
            case .ask(let next):
                lastAnsweredQuestion = pending.prompt
                var outcome = Outcome(Reply(next.prompt, kind: .question), state: state, explanation: state.explanation)
                outcome.state.pending = next
                return outcome
            case .cancelled:
                state.pending = nil
                return Outcome(Reply("Cancelled."), state: state)
            case .declined:
                lastAnsweredQuestion = pending.prompt
                state.pending = nil
                return Outcome(Reply("OK, nothing was changed."), state: state)
            case .checklistFailed(let question):
                lastAnsweredQuestion = pending.prompt
                state.pending = nil
                return Outcome(Reply("Then it isn't ready to de-escalate: “\(question)” must hold first. Nothing was changed."), state: state)
            case .reask(let hint):
                lastAnsweredQuestion = pending.prompt
                return Outcome(Reply([hint, pending.prompt].filter { !$0.isEmpty }, kind: .question), state: state, explanation: state.explanation)
            case .dropped:
                dropped = pending
                state.pending = nil
            }
        }
        var outcome = try await fresh(interpretation, now: now)
        if let dropped {
            // Say in a few words that the question is no longer waiting.
            outcome.reply.lines.insert("(Leaving aside \(dropped.about).)", at: 0)
        }
        return outcome
    }

    /// A request the pending question finished. A confirmation is checked
    /// against the tickets again: if someone changed them meanwhile, say
    /// what changed and ask afresh.
    func proceed(_ request: Request, after pending: PendingQuestion, _ interpretation: Interpretation, now: Instant) async throws -> Outcome {
        var request = request
        var preface: [String] = []
        if request.confirmed {
            for (id, version) in pending.basis.sorted(by: { $0.key < $1.key }) {
                guard let ticket = try await store.ticket(id), ticket.version != version else { continue }
                // This session's own additions (a reference said with the question) are no news.
                let others = ticket.events.dropFirst(version).filter { $0.author != settings.user }
                guard !others.isEmpty else { continue }
                let news = others.map { event in
                    "\(event.author) \(EventText.describe(event, in: ticket, process: engine.process(ticket.details.process), catalog: catalog, zone: settings.zone))"
                }
                preface.append("While you were answering, #\(id) changed: \(news.joined(separator: "; ")).")
                request.confirmed = false
            }
        }
        var outcome = try await run(request, interpretation, now: now)
        if !preface.isEmpty { outcome.reply.lines.insert(contentsOf: preface, at: 0) }
        return outcome
    }

    /// A line handled afresh, with no question waiting.
    func fresh(_ interpretation: Interpretation, now: Instant) async throws -> Outcome {
        let cues = interpretation.cues
        // A bare answer with nothing asked.
        switch cues.shortAnswer {
        case .yes? where cues.wordCount <= 2, .no? where cues.wordCount <= 2, .number? where interpretation.correctedWords.allSatisfy({ $0.allSatisfy(\.isNumber) }):
            return Outcome(Reply("There's no question waiting for an answer. Say “help” to see what I can do."), state: state)
        case .redo?:
            return Outcome(Reply("There is no redo: say again what happened, e.g. “update #1: …”, and it is recorded anew."), state: state)
        case .okay?:
            return Outcome(Reply("OK."), state: state)
        default:
            break
        }
        // A bare topic ("CMS billing", "Lumen") asks where it goes; said
        // with "and" after an answer ("and billing?"), it follows the last
        // question, about the same organisation.
        if cues.bareTopic, cues.startsWithAnd, state.lastQuestion != nil {
            return try await run(followUpRequest(interpretation), interpretation, now: now)
        }
        if cues.bareTopic {
            var slots = Slots()
            for span in interpretation.entities { slots[span.kind] = span.value }
            let intent: IntentName = slots.category != nil ? .route : .ladder
            return try await run(Request(intent, slots: slots, cues: cues), interpretation, now: now)
        }
        // "Who do I ask if I don't know my CCM?" has its own answer in the handbook.
        if cues.has(.doesNotKnow), let reader = catalog.readerRole?.id,
           interpretation.slots.role == reader || interpretation.entities.contains(where: { $0.value == .entity(reader) }) {
            let context = turn(interpretation, Request(.contactLookup, slots: interpretation.slots, cues: cues), now: now)
            return ContactLookupHandler().unknownReaderRole(context, saved: try await context.savedContacts)
        }
        // "And on Monday?", "for CMS?": a line that names only what changes
        // in the last question is a follow-up, whatever it looks like alone.
        if let followUp = followUp(interpretation) {
            return try await run(followUp, interpretation, now: now)
        }
        // "Is today a holiday?", "what holidays does CMS observe?": the calendars' holidays.
        let words = interpretation.correctedWords
        if words.contains(where: { $0 == "holiday" || $0 == "holidays" }), interpretation.slots.ticketRef == nil,
           !words.contains(where: { ["open", "closed", "work", "working"].contains($0) }) {
            return try await run(Request(.hoursInfo, slots: interpretation.slots, cues: cues), interpretation, now: now)
        }
        // "What is the 24-hour rule?": what the documents say in so many words.
        if try await factFirst(interpretation) {
            var slots = interpretation.slots
            slots[.ticket] = nil
            return try await run(Request(.fact, slots: slots, cues: cues), interpretation, now: now)
        }
        guard var intent = interpretation.intent else { return notUnderstood(interpretation, now: now) }
        // "What about CMS billing, who do I start with?" asks afresh: a
        // follow-up is only what it names and the words of a follow-up.
        if intent == .followUp, !onlyFollowUpWords(interpretation), let runnerUp = interpretation.runnerUp, runnerUp.score >= IntentMatcher.rejectThreshold {
            intent = runnerUp.intent
        }
        guard let handler = registry.handler(for: intent) else { return notUnderstood(interpretation, now: now) }
        var request = Request(intent, slots: interpretation.slots, cues: cues)
        request.references = interpretation.externalReferences.map { TicketReference(kind: TicketReference.Kind(rawValue: $0.kind), value: $0.value) }
        // A customer named in the line picks their ticket ("where are we with Acme?").
        if request.slots.ticketRef == nil, ![.openTicket, .setContact].contains(intent), let customer = cues.customer {
            request.slots[.ticket] = .ticket(.customer(customer))
        }
        guard handler.kind == .action else { return try await run(fillingTopic(request), interpretation, now: now) }
        // "And if the technician can't fix it?" with no ticket anywhere: who
        // comes next on the ladder, not an escalation to make.
        if intent == .escalate, cues.hypothetical || cues.endsWithQuestionMark, request.slots.ticketRef == nil || request.slots.ticketRef == .context,
           state.focus == nil, try await store.tickets(TicketQuery(.active, limit: 1)).isEmpty {
            return try await run(Request(.whoNext, slots: request.slots, cues: cues), interpretation, now: now)
        }
        // "Don't close #1 yet", "my CCM hasn't called back": a change said
        // not to happen, or one that did not happen, is never recorded. A
        // missing reply is answered with where the ticket stands.
        if cues.negated {
            if intent == .acknowledge || intent == .logContact {
                return try await run(Request(.whoNext, slots: request.slots.without(.time), cues: cues), interpretation, now: now)
            }
            return Outcome(Reply("OK, I won't \(registry.summary(of: intent) ?? "do that"): nothing changed."), state: state)
        }
        // "Can I go straight to management?" asks; it does not escalate. Nor
        // does a line with a who/what/where question in it, mark or none.
        if cues.asksPermission || (cues.hasWhQuestion && ![.logUpdate, .setContact].contains(intent)) {
            return try await asked(handler, request, interpretation, now: now)
        }
        // A weak "they replied" is worth a yes/no, which the handler asks.
        let weakReply = intent == .acknowledge && cues.has(.replied)
        // Nothing is recorded on a guess: an action needs a confident match
        // with at least one of its distinctive words.
        if !interpretation.isConfident && !weakReply || interpretation.distinctiveWords.isEmpty && interpretation.topicWords < 2 {
            return didYouMean(interpretation)
        }
        // "The CSM couldn't fix it, escalate it": a role named before the
        // verb is who the reason is about, not where the ticket goes.
        if intent == .escalate, let verb = interpretation.correctedWords.firstIndex(where: { $0.hasPrefix("escal") || $0 == "esc" }) {
            for kind in [SlotName.role, .level] {
                guard let span = interpretation.entities.first(where: { $0.kind == kind }), span.start < verb,
                      !interpretation.entities.contains(where: { $0.kind == kind && $0.start > verb }) else { continue }
                request.slots[kind] = nil
            }
        }
        return try await run(request, interpretation, now: now)
    }

    /// Whether a line is a question one of the documents' facts answers
    /// better than the intent it matched: the fact intent itself; a line not
    /// understood, or understood weakly, that shares the words of a fact's
    /// question; or a question that shares most of them. A line about a
    /// numbered ticket stays with its intent.
    func factFirst(_ interpretation: Interpretation) async throws -> Bool {
        if interpretation.intent == .fact { return true }
        if interpretation.slots.ticketRef != nil { return false }
        // "What time is it?", "help", "undo": the session's own questions,
        // and a clear instruction, are never the documents' to answer; "can
        // I escalate?" asked with no ticket may be.
        let asked = interpretation.cues.hasWhQuestion || interpretation.cues.asksPermission || interpretation.typed.hasSuffix("?")
        // "My tickets", "tickets": a question about the session that has no
        // word of its own to be sure by is still not the documents'.
        if let intent = interpretation.intent, Self.ownQuestions.contains(intent), interpretation.score >= IntentMatcher.actionThreshold { return false }
        if let intent = interpretation.intent, interpretation.isConfident,
           Self.ownQuestions.contains(intent) || IntentName.smallTalk.contains(intent) || (registry.isAction(intent) && !asked) { return false }
        let cues = interpretation.cues
        // "When can I escalate it?", "my tickets": with tickets open, about them, not the documents.
        // A line not understood ("what's the 24-hour rule?") may still be the documents'.
        if state.recentFocus(at: state.turn) != nil, interpretation.intent != nil, interpretation.isConfident || cues.has(.pronoun) { return false }
        if cues.has(.pronoun) || interpretation.intent.map(Self.ticketQuestions.contains) == true,
           try await store.tickets(TicketQuery(.active, limit: 1)).isEmpty == false { return false }
        // "When is Lumen billing open?", "how do I register for Lumen Connect?":
        // a desk's hours, routes and timelines answer a named topic best.
        let asksHours = interpretation.intent != .hoursInfo || interpretation.correctedWords.contains { Self.hoursWords.contains($0) }
        // Unless the topic is several organisations' and the line names
        // none of them, nor a segment: then a fact that fits closely wins.
        if [.route, .hoursInfo, .whenNext].contains(interpretation.intent), let topic = interpretation.slots.category,
           interpretation.isConfident, asksHours {
            let owners = assistant.catalog.organisations.filter { $0.routes.contains { $0.topic == topic } }.count
            if interpretation.slots.org != nil || interpretation.slots.segment != nil || owners <= 1 || topic == RouteHandler.portalTopic { return false }
            let text = FactIndex.text(of: interpretation)
            let best = assistant.facts.matches(text, prefer: state.topic.organisation, only: nil).first
            if (best?.score ?? 0) < 0.75 { return false }
        }
        // "What does a sales engineer do?": the role glossary answers a role or person by name.
        if [.roleInfo, .contactLookup].contains(interpretation.intent),
           interpretation.slots.role != nil || interpretation.slots[.person] != nil || interpretation.slots.level != nil,
           interpretation.isConfident { return false }
        let question = cues.hasWhQuestion || cues.asksPermission || interpretation.typed.hasSuffix("?")
        let text = FactIndex.text(of: interpretation)
        guard let best = assistant.facts.matches(text, prefer: state.topic.organisation, only: interpretation.slots.org).first else { return false }
        // "What is the weather in Atlanta?" shares a word with a fact, and is still off-topic.
        if interpretation.topIntent == .outOfScope { return best.score >= 0.75 }
        if interpretation.intent == nil { return best.score >= FactHandler.threshold + 0.1 }
        if !interpretation.isConfident { return best.score >= 0.5 }
        return question && best.score >= 0.75
    }

    /// Questions about the session itself, which the documents never answer.
    static let ownQuestions: Set<IntentName> = [.currentTime, .cancel, .undo, .correct, .delete, .status, .history, .list]

    /// Words that make a line about a desk's hours (not its phone number).
    static let hoursWords: Set<String> = ["open", "opens", "close", "closes", "closed", "hours", "when", "time", "available", "staffed", "late", "early"]

    /// Questions about where tickets stand, which the documents never answer.
    static let ticketQuestions: Set<IntentName> = [.whoNext, .whenNext, .status, .history, .list, .elapsedQuery, .explain, .help, .followUp]

    /// Questions about an organisation or a topic, which take the one the
    /// conversation is about when the line says "it" or "they" and names none.
    static let topicalQuestions: Set<IntentName> = [.hoursInfo, .route, .ladder, .timeline, .escalationChecklist, .closureInfo, .promiseDue, .setPlan]

    /// `request` with the organisation and topic of the conversation, when
    /// it refers to them ("is it open on Thanksgiving?") and names nothing.
    func fillingTopic(_ request: Request) -> Request {
        guard Self.topicalQuestions.contains(request.intent), request.cues.has(.pronoun) else { return request }
        let slots = request.slots
        guard slots.org == nil, slots.category == nil, slots.process == nil, slots.segment == nil, slots.ticketRef == nil || slots.ticketRef == .context,
              state.recentFocus(at: state.turn) == nil else { return request }
        var filled = request
        let topic = state.topic
        if let org = topic.organisation { filled.slots[.org] = .entity(org) }
        if let category = topic.category { filled.slots[.category] = .entity(category) }
        if let segment = topic.segment { filled.slots[.segment] = .entity(segment) }
        if topic.category == nil, let process = topic.process { filled.slots[.process] = .text(process) }
        if filled.slots.ticketRef == .context { filled.slots[.ticket] = nil }
        return filled
    }

    /// An action asked about as a question: its answer, recording nothing.
    func asked(_ handler: any IntentHandler, _ request: Request, _ interpretation: Interpretation, now: Instant) async throws -> Outcome {
        let context = turn(interpretation, request, now: now)
        // "The SLA was missed, can I escalate?": the stated reason first.
        if request.intent == .escalate, let noted = try await notedCondition(context) {
            return try await compound(noted, then: { try await handler.answerAsked($0) }, context)
        }
        if let answer = try await handler.answerAsked(context) {
            return try checkedQuestion(answer, from: handler)
        }
        let description = registry.summary(of: request.intent) ?? "do that"
        let example = registry.example(request.intent).map { ", e.g. “\($0.replacingOccurrences(of: "#12", with: "#1"))”" } ?? ""
        return Outcome(Reply("Yes: tell me as an instruction and I'll \(description.replacingOccurrences(of: "ask ", with: "answer "))\(example)."), state: state)
    }

    /// Runs a request's handler: on each ticket it lists, when it lists
    /// several; after a stated reason to escalate is noted, for a question
    /// that states one.
    func run(_ request: Request, _ interpretation: Interpretation, now: Instant) async throws -> Outcome {
        servedRequest = request
        guard let handler = registry.handler(for: request.intent) else { return notUnderstood(interpretation, now: now) }
        let listed = request.cues.listedTickets
        if handler.kind == .action, ![.openTicket, .setContact, .undo, .correct].contains(request.intent), listed.count > 1,
           request.slots.ticketRef.map({ if case .number(let id) = $0 { return listed.contains(id) } else { return false } }) ?? true {
            return try await runEach(handler, request, on: listed, interpretation, now: now)
        }
        let context = turn(interpretation, request, now: now)
        if handler.kind == .question {
            // "The follow-up never came, can I escalate?": the stated reason is recorded first.
            if [.whoNext, .whenNext].contains(request.intent), let noted = try await notedCondition(context) {
                return try await compound(noted, then: { try await handler.handle($0) }, context)
            }
            var outcome = try checkedQuestion(try await handler.handle(context), from: handler)
            // A follow-up keeps the question it followed, not itself; so does
            // one that named nothing of its own ("and their number?").
            if outcome.reply.kind == .answer, request.intent != .followUp, !request.slots.names.subtracting([.channel, .filter]).isEmpty {
                outcome.state.lastQuestion = request
            }
            return outcome
        }
        return try await handler.handle(context)
    }

    /// A question's outcome, refused if it tries to change anything.
    func checkedQuestion(_ outcome: Outcome, from handler: any IntentHandler) throws -> Outcome {
        guard !outcome.writes else {
            assertionFailure("\(type(of: handler)) answered a question with changes")
            throw StoreFailure(message: "I won't record anything in answer to a question. Nothing was changed.")
        }
        return outcome
    }

    /// A reason to escalate stated (not supposed) with a question, recorded
    /// first when the ticket's process lists it and it is new.
    func notedCondition(_ context: TurnContext) async throws -> Outcome? {
        guard context.slots.entity(.condition) != nil, !context.cues.hypothetical else { return nil }
        if context.slots.ticketRef == nil, context.state.focus == nil, !(try await context.hasActiveTickets) { return nil }
        guard case .found(let ticket) = try await context.resolveTicket() else { return nil }
        return ConditionNote.note(ticket, turn: context)
    }

    /// A recorded first step, then a question answered as if it were saved.
    func compound(_ first: Outcome, then question: (TurnContext) async throws -> Outcome?, _ context: TurnContext) async throws -> Outcome {
        var next = context
        next.state = first.state
        next.store = ProjectedStore(base: store, effects: first.effects, author: settings.user, now: context.now, schedule: { [engine] in engine.schedule($0) })
        guard var answer = try await question(next) else { return first }
        answer.effects = first.effects + answer.effects
        answer.reply.lines = first.reply.lines + answer.reply.lines
        return answer
    }

    /// An action on each ticket listed ("escalate #1 and #2"), all or nothing:
    /// a question about any of them is asked about all before anything is
    /// recorded, and a refusal of any records none.
    func runEach(_ handler: any IntentHandler, _ request: Request, on tickets: [Int], _ interpretation: Interpretation, now: Instant) async throws -> Outcome {
        var effects: [Effect] = []
        var lines: [String] = []
        var state = self.state
        var explanation: [String]?
        let names = tickets.map { "#\($0)" }
        for id in tickets {
            var context = turn(interpretation, request.on(ticket: id), now: now,
                               store: ProjectedStore(base: store, effects: effects, author: settings.user, now: now, schedule: { [engine] in engine.schedule($0) }))
            context.state = state
            let outcome = try await handler.handle(context)
            switch outcome.reply.kind {
            case .question:
                var asking = outcome
                if var pending = asking.state.pending {
                    // The answer applies to every ticket named.
                    pending.request = request
                    pending.request.answers = outcome.state.pending?.request.answers ?? []
                    pending.basis = pending.basis.merging(try await versions(of: tickets)) { a, _ in a }
                    asking.state.pending = pending
                }
                asking.reply.lines.append("(This applies to \(Words.list(names)); nothing is recorded on any of them until you answer.)")
                return asking
            case .problem:
                return Outcome(Reply(lines + outcome.reply.lines + ["Nothing was recorded on \(Words.list(names)); say it again for the tickets it fits."], kind: .problem), state: self.state)
            case .answer:
                effects += outcome.effects
                lines += outcome.reply.lines
                state = outcome.state
                explanation = outcome.explanation ?? explanation
            }
        }
        return Outcome(Reply(lines), state: state, effects: effects, explanation: explanation)
    }

    func versions(of tickets: [Int]) async throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        for id in tickets { if let ticket = try await store.ticket(id) { result[id] = ticket.version } }
        return result
    }
}

extension Slots {
    func without(_ name: SlotName) -> Slots {
        var copy = self
        copy[name] = nil
        return copy
    }
}
