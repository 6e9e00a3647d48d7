import EscalateDomain
import EscalateUnderstanding
import Foundation

/// Logging what happened: contacts, updates, acknowledgements, pauses and plans.
extension Conversation {
    /// When something happened: the time given, or now. Refuses the future.
    /// A time before the ticket was opened here is fine: people call first
    /// and write it down later. A day with no time of day is now when it is
    /// today, else the start of that day.
    func occurred(_ slots: [String: SlotValue], now: Instant) -> (Instant?, Reply?) {
        guard let time = slots.time else { return (now, nil) }
        var instant = time.instant
        if case .date(let date, _) = time {
            // "On Friday" says the day, not the time: midnight would be a guess.
            guard date == settings.zone.local(now).date else {
                let day = date.year == settings.zone.local(now).date.year ? date.friendlyShort : date.friendly
                return (nil, .problem("At what time on \(day)? Say it with the time, e.g. “… on \(day) at 4pm”."))
            }
            instant = now
        }
        if instant > now + 60 {
            return (nil, .problem("\(Words.upperFirst(stamp(instant, now: now))) is in the future; I can only log what has happened."))
        }
        return (instant, nil)
    }

    func logContact(_ slots: [String: SlotValue], line: String, now: Instant) throws -> Reply {
        if Self.asksToMakeContact(line) {
            return Reply("I can't call or e-mail anyone myself. Once you have, tell me, e.g. “I e-mailed my CCM at 9am”, and I'll log it and time the next level.")
        }
        return try withTicket("log_contact", slots) { ticket in try logContact(ticket, slots, line: line, now: now) }
    }

    /// "email my CCM for me", "can you call the director?": a request to
    /// make contact, not a report that it happened.
    static func asksToMakeContact(_ line: String) -> Bool {
        let words = Tokenizer.tokens(line).map(\.text)
        let polite: Set<String> = ["please", "pls", "plz", "can", "could", "would", "will", "you", "u", "kindly", "go", "ahead", "and"]
        guard let first = words.first(where: { !polite.contains($0) }) else { return false }
        return ["email", "e-mail", "mail", "call", "phone", "ring", "contact", "message", "text", "ping", "reach"].contains(first)
            || words.suffix(2) == ["for", "me"]
    }

    private func logContact(_ ticket: Ticket, _ slots: [String: SlotValue], line: String, now: Instant) throws -> Reply {
        guard let process = process(of: ticket) else { return .problem("#\(ticket.id)'s process is not in the matrices.") }
        let (when, refusal) = occurred(slots, now: now)
        if let refusal { return refusal }
        let target = level(named: slots, in: process, current: ticket.level)
            ?? ticket.level.flatMap { process.level($0) } ?? process.firstLevel
        if slots.role != nil || slots.text("person") != nil || slots.level != nil, level(named: slots, in: process, current: ticket.level) == nil {
            let who = slots.role.flatMap { catalog.role($0)?.title } ?? slots.text("person") ?? "that contact"
            return .problem("\(Words.upperFirst(who)) is not on the \(process.title) ladder. Its levels: \(process.ladder.map { "\($0.number) \($0.title)" }.joined(separator: "; ")).")
        }
        // "The engineer called me": they reached you, so you spoke.
        let inbound = line.lowercased().range(of: #"\b(called|rang|phoned|emailed|e-mailed|mailed|messaged|contacted|reached) (me|us)\b"#, options: .regularExpression) != nil
        let assigned = line.lowercased().range(of: #"\bassigned\b"#, options: .regularExpression) != nil
        let spoke = inbound || assigned || line.lowercased().range(of: #"\b(spoke|spoken|talked|speak|got through|met)\b"#, options: .regularExpression) != nil
        let channel = slots.channel ?? (line.lowercased().contains("mail") ? .email : nil)
        // A voicemail is a call that reached nobody; what it said is its note.
        let voicemail = line.lowercased().range(of: #"\b(voicemail|voice mail|left a message|left them a message)\b"#, options: .regularExpression) != nil
        let note = [voicemail ? "left a voicemail" : nil, assigned ? "assigned" : nil, slots.text("note")].compactMap { $0 }.joined(separator: ": ")
        let record = ContactRecord(level: target.number, person: slots.text("person"), channel: channel ?? (voicemail ? .phone : nil), note: note.isEmpty ? nil : note)
        let kind: TicketEventKind = spoke ? .contactMade(record) : .contactAttempted(record)
        // Going above the level the matrix recommends needs a yes.
        if let warning = aboveRecommended(ticket, process: process, target: target, now: when!) {
            pending = .confirm(action: .logContact(ticketID: ticket.id, kind: kind, at: when!), prompt: "Log it anyway? (yes/no)")
            return Reply([warning, "Log it anyway? (yes/no)"], kind: .question)
        }
        return try finishLogContact(ticket.id, kind: kind, at: when!, now: now)
    }

    func finishLogContact(_ ticketID: Int, kind: TicketEventKind, at when: Instant, now: Instant) throws -> Reply {
        let updated = try record([(kind, when)], on: ticketID, now: now)
        switch kind {
        case .contactMade(let made):
            return Reply(contactReply(updated, record: made, verb: "spoke with", when: when, now: now))
        case .contactAttempted(let attempt):
            let verb: String
            switch attempt.channel {
            case .phone?: verb = "called"
            case .email?: verb = "e-mailed"
            case .portal?: verb = "contacted (through the portal)"
            default: verb = "contacted"
            }
            return Reply(contactReply(updated, record: attempt, verb: verb, when: when, now: now))
        default:
            return Reply("Logged on #\(ticketID).")
        }
    }

    private func contactReply(_ ticket: Ticket, record: ContactRecord, verb: String, when: Instant, now: Instant) -> [String] {
        let process = self.process(of: ticket)
        let level = process?.level(record.level)
        let who = level.map { Words.level($0) } ?? "Level \(record.level)"
        var lines = ["Logged on #\(ticket.id): you \(verb) \(who) \(at(when, now: now))."]
        if record.note == "assigned" { lines[0] = "Logged on #\(ticket.id): \(who) is assigned, \(at(when, now: now))." }
        if record.note?.hasPrefix("left a voicemail") == true { lines[0] = "Logged on #\(ticket.id): you left a voicemail for \(who) \(at(when, now: now))." }
        let promises = engine.clocks(ticket, at: now).compactMap { clock -> (what: String, due: Instant, span: String)? in
            guard case .running = clock.state, let due = clock.due, case .promise = clock.subject else { return nil }
            return (clock.what, due, "\(clock.subject.span)")
        }
        var opensWithPromise = false
        if let advice = engine.whoNow(ticket, at: now) {
            lastExplanation = explanation(advice, now: now)
            switch advice.situation {
            case .waiting(_, let next, _, let opensAt):
                if let promise = promises.first, promise.due == opensAt {
                    // One moment, said once: the promise falls due as the next level opens.
                    lines.append("Expect \(Words.withArticle(promise.what)) \(by(opensAt, now: now)) (within \(promise.span)); if none comes, Level \(next.number) is open to you then.")
                    opensWithPromise = true
                } else if let engagedAt = advice.engagedAt, engagedAt < when {
                    lines.append("Level \(next.number) still opens \(at(opensAt, now: now)): the wait runs from your first contact with this level, \(at(engagedAt, now: now)).")
                } else {
                    lines.append("Level \(next.number) opens after \(advice.wait!), \(at(opensAt, now: now)).")
                }
            case .nextOpen(_, let next, .waitPassed(_, let openedAt)):
                lines.append("The wait has passed: Level \(next.number) has been open to you since \(stamp(openedAt, now: now)).")
            default:
                break
            }
        }
        for promise in promises.dropFirst(opensWithPromise ? 1 : 0) {
            lines.append("Expect \(Words.withArticle(promise.what)) \(by(promise.due, now: now)) (within \(promise.span)).")
        }
        // Under a communication plan, a contact counts as the update.
        if ticket.plan != nil, let clock = engine.clocks(ticket, at: now).first(where: \.isUpdate),
           let due = clock.due, due > now {
            lines.append("That counts as the update: the next is due by \(stamp(due, now: now)).")
        }
        return lines
    }

    /// A warning when `target` is above the level the matrix recommends now.
    func aboveRecommended(_ ticket: Ticket, process: EscalationProcess, target: EscalationLevel, now: Instant) -> String? {
        guard let advice = engine.whoNow(ticket, at: now) else { return nil }
        switch advice.situation {
        case _ where target.anyTime && process.ladder.filter({ $0.number < target.number && $0.number > (ticket.level ?? -1) }).allSatisfy({ $0.number == process.firstLevel.number || $0.anyTime }):
            // "You can escalate … at any time": nothing to warn about.
            return nil
        case .start(let first) where target.number > first.number:
            // A raised condition that skips the first level's wait opens the next one.
            if let next = process.level(after: first.number), target.number == next.number,
               ticket.conditions.contains(where: { first.skipWhen.contains($0) }) { return nil }
            let skipped = process.ladder.filter { $0.number >= first.number && $0.number < target.number }.map { String($0.number) }
            return "The matrix says to start with \(Words.level(first)). \(process.start ?? "")"
                + (skipped.count > 1 ? " Going to Level \(target.number) skips Levels \(Words.list(skipped))." : "")
        case .waiting(let current, let next, let remaining, let opensAt) where target.number >= next.number:
            let skipped = process.ladder.filter { $0.number >= next.number && $0.number < target.number }.map { String($0.number) }
            let skipping = skipped.isEmpty ? "" : " Going to Level \(target.number) skips Level\(skipped.count > 1 ? "s" : "") \(Words.list(skipped))."
            return "The matrix asks you to wait until \(stamp(opensAt, now: now)) (\(Words.businessTime(remaining)) more with Level \(current.number)) before going to Level \(next.number).\(skipping)"
        case .nextOpen(_, let next, _) where target.number > next.number:
            let skipped = process.ladder.filter { $0.number >= next.number && $0.number < target.number }.map { String($0.number) }
            return "The matrix recommends \(Words.level(next)) next; going to Level \(target.number) skips Level\(skipped.count > 1 ? "s" : "") \(Words.list(skipped))."
        default:
            return nil
        }
    }

    func logUpdate(_ slots: [String: SlotValue], line: String = "", now: Instant) throws -> Reply {
        var slots = slots
        // "update #1: IMS 482913": the outside number is the update.
        if slots.text("note")?.isEmpty ?? true {
            let found = references(in: line)
            if !found.isEmpty {
                slots["note"] = .text(Words.list(found.map(\.description)))
                if case .external? = slots.ticketRef { slots["ticket"] = nil }
            }
        }
        guard let note = slots.text("note"), !note.isEmpty else {
            let ticketID: Int? = { if case .found(let t)? = try? resolveTicket(intent: "log_update", slots: slots) { return t.id } else { return nil } }()
            pending = .missingSlot(intent: "log_update", slots: slots, slot: "note", ticketID: ticketID)
            return Reply("What's the update?", kind: .question)
        }
        return try withTicket("log_update", slots) { ticket in
            var kinds: [(kind: TicketEventKind, occurredAt: Instant)] = [(.updateLogged(note: Words.quote(note)), now)]
            // An IMS, order, GCR or repair number in the note becomes a reference.
            let found = references(in: note).filter { !ticket.details.references.contains($0) }
            kinds += found.map { (.referenceAdded($0), now) }
            let updated = try record(kinds, on: ticket.id, now: now)
            var lines = ["Noted on #\(ticket.id) \(at(now, now: now)): \(Words.quote(note))"]
            if !found.isEmpty { lines.append("Added \(Words.list(found.map(\.description))) to #\(ticket.id).") }
            if let clock = engine.clocks(updated, at: now).first(where: \.isUpdate), let due = clock.due {
                lines.append("Next update due by \(stamp(due, now: now)).")
            }
            return Reply(lines)
        }
    }

    /// Outside numbers mentioned in free text.
    func references(in text: String) -> [TicketReference] {
        Self.references(in: assistant.matcher.interpret(text, context: RecognitionContext(now: Instant(secondsSinceEpoch: 0), zone: settings.zone)).entities)
    }

    /// The outside numbers (IMS, GCR, order …) among recognised entities.
    static func references(in entities: [EntitySpan]) -> [TicketReference] {
        entities.compactMap { span in
            guard case .ticket(.external(let kind, let value)) = span.value, let referenceKind = TicketReference.Kind(rawValue: kind) else { return nil }
            return TicketReference(kind: referenceKind, value: value)
        }
    }

    func acknowledge(_ slots: [String: SlotValue], confident: Bool = true, now: Instant) throws -> Reply {
        return try withTicket("acknowledge", slots) { ticket in
            guard let process = process(of: ticket) else { return .problem("#\(ticket.id)'s process is not in the matrices.") }
            let (when, refusal) = occurred(slots, now: now)
            if let refusal { return refusal }
            if let org = slots.org, org != ticket.details.organisation {
                return .problem("#\(ticket.id) is a \(organisationName(ticket.details.organisation)) ticket, not \(organisationName(org)); name the ticket the reply was about.")
            }
            let level = self.level(named: slots, in: process, current: ticket.level) ?? ticket.level.flatMap { process.level($0) } ?? process.firstLevel
            // An assigned level getting in touch (the Escalation Engineer
            // calling) is that level engaged.
            if level.assigned, let current = ticket.level, process.level(after: current)?.number == level.number {
                return try finishLogContact(ticket.id, kind: .contactMade(ContactRecord(level: level.number, person: slots.text("person"), note: "assigned by Level \(current)")), at: when!, now: now)
            }
            guard let current = ticket.level, level.number <= current else {
                return .problem("\(Words.level(level)) hasn't been engaged on #\(ticket.id) yet, so it has nothing to acknowledge. "
                    + "Log the contact first, e.g. “\(contactExample(level).replacingOccurrences(of: " at 9am", with: " about #\(ticket.id) at 9am"))”.")
            }
            if level.number == current, let engagedAt = ticket.engagedAt, when! < engagedAt {
                return .problem("\(Words.upperFirst(stamp(when!, now: now))) is before you engaged Level \(level.number) (\(stamp(engagedAt, now: now))); give a later time.")
            }
            // "they replied": who replied is a guess, so ask before recording it.
            if !confident || (slots.role == nil && slots.text("person") == nil && slots.level == nil && slots.org == nil) {
                let prompt = "Record that \(Words.level(level)) replied on #\(ticket.id) \(at(when!, now: now))? (yes/no)"
                pending = .confirm(action: .acknowledge(ticketID: ticket.id, level: level.number, at: when!, person: slots.text("person")), prompt: prompt)
                return Reply(prompt, kind: .question)
            }
            return try finishAcknowledge(ticket.id, level: level.number, at: when!, person: slots.text("person"), now: now)
        }
    }

    func finishAcknowledge(_ ticketID: Int, level number: Int, at when: Instant, person: String?, now: Instant) throws -> Reply {
        guard let ticket = try load(ticketID), let process = process(of: ticket), let level = process.level(number) else {
            return .problem("#\(ticketID) is not there any more.")
        }
        do {
            let when: Instant? = when
            let before = engine.clocks(ticket, at: when!).first { if case .promise(let l, _) = $0.subject { return l.number == level.number } else { return false } }
            let verb = level.promise(.contact) != nil ? "got in touch" : (level.promise(.respond) != nil ? "responded" : "acknowledged")
            if ticket.acknowledgements[level.number] == when! {
                return Reply("\(Words.upperFirst(Words.level(level))) already \(verb) on #\(ticket.id) \(at(when!, now: now)); nothing new to record.")
            }
            let updated = try record([(.acknowledged(ContactRecord(level: level.number, person: person)), when!)], on: ticket.id, now: now)
            // A second acknowledgement of one level is a reply like any other;
            // the first is what its promise counts.
            if let earlier = ticket.acknowledgements[level.number], earlier <= when! {
                return Reply([
                    "Recorded on #\(ticket.id): \(Words.level(level)) replied again \(at(when!, now: now)).",
                    "It first \(verb) \(at(earlier, now: now)); that one stands as its acknowledgement.",
                ])
            }
            var lines = ["Recorded on #\(ticket.id): \(Words.level(level)) \(verb) \(at(when!, now: now))."]
            if let earlier = ticket.acknowledgements[level.number] {
                lines.append("That is before the acknowledgement logged for \(stamp(earlier, now: now)), so it is the one that counts.")
            }
            if let before, let due = before.due {
                if when! <= due {
                    lines.append("In time: it was due \(by(due, now: now)).")
                } else {
                    lines.append("That was late: it was due by \(stamp(due, now: now)) (\(BusinessDuration(seconds: before.calendar.elapsed(from: due, to: when!))) of business time over).")
                }
            }
            if let advice = engine.whoNow(updated, at: now), case .waiting(_, let next, _, let opensAt) = advice.situation, level.waitAfterAcknowledgement != nil {
                lines.append("Now expect follow-up as committed; Level \(next.number) opens \(at(opensAt, now: now)) if it does not come.")
            }
            return Reply(lines)
        }
    }

    func pause(_ slots: [String: SlotValue], line: String = "", now: Instant) throws -> Reply {
        return try withTicket("pause", slots) { ticket in
            if let since = ticket.pausedSince {
                return Reply("#\(ticket.id) is already waiting on the customer, since \(stamp(since, now: now)).")
            }
            guard ticket.status != .closed else { return .problem("#\(ticket.id) is closed; there is no clock to stop.") }
            let when = moment(of: slots, for: ticket, now: now)
            try record([(.paused(reason: slots.text("note")), when)], on: ticket.id, now: now)
            var lines = ["#\(ticket.id) is waiting on the customer from \(stamp(when, now: now)); the escalation clock is stopped until they reply."]
            // "Pause #1 until Monday": the hold ends when they reply, not by itself.
            let words = Tokenizer.tokens(line).map(\.text)
            if words.contains("until") || words.contains("till") || words.contains("til") {
                lines.append("It stays on hold until you tell me they replied (e.g. “the customer replied on #\(ticket.id)”); I don't take it off hold by myself.")
            }
            return Reply(lines)
        }
    }

    func resume(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        return try withTicket("resume", slots) { ticket in
            guard let since = ticket.pausedSince else {
                return Reply("#\(ticket.id) isn't waiting on the customer; its clock is already running.")
            }
            var when = moment(of: slots, for: ticket, now: now)
            if when < since { when = now }
            let updated = try record([(.resumed(note: slots.text("note")), when)], on: ticket.id, now: now)
            let note = slots.text("note").map { " (\(Words.quote($0)))" } ?? ""
            var lines = ["#\(ticket.id) is active again from \(stamp(when, now: now))\(note); it waited on the customer for \(WallText.duration(when - since))."]
            if let advice = engine.whoNow(updated, at: now), case .waiting(_, let next, _, let opensAt) = advice.situation {
                lines.append("Level \(next.number) now opens \(at(opensAt, now: now)).")
            }
            return Reply(lines)
        }
    }

    /// The people a plan names after "with" or "attendees:" ("with the
    /// Initech IT director and the Escalation Engineer").
    func attendees(in line: String) -> [String] {
        let lower = line.lowercased()
        guard let range = lower.range(of: "attendees:") ?? lower.range(of: " with ") else { return [] }
        let rest = line[range.upperBound...]
        return rest.replacingOccurrences(of: " and ", with: ",")
            .split(separator: ",")
            .map { Words.quote(String($0).trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))) }
            .map { $0.hasPrefix("the ") ? String($0.dropFirst(4)) : $0 }
            .filter { !$0.isEmpty && !$0.lowercased().hasPrefix("update") }
    }

    func setPlan(_ slots: [String: SlotValue], line: String, now: Instant) throws -> Reply {
        // "What's the comms plan on #1?", "show the plan": read, not set.
        let first = Tokenizer.tokens(line).first?.text ?? ""
        if slots.duration == nil, ["what", "whats", "what's", "show", "which", "list", "display", "see"].contains(first) || line.hasSuffix("?") {
            return try planGuide(slots, now: now)
        }
        return try withTicket("set_plan", slots) { ticket in
            guard let every = slots.duration else {
                pending = .missingSlot(intent: "set_plan", slots: slots, slot: "duration", ticketID: ticket.id)
                return Reply(missingPrompt("duration"), kind: .question)
            }
            // "every 2 hours" is taken as said: clock hours. Business hours
            // are counted when the user says so, and for a share of a
            // business day ("twice a day").
            let words = Set(Tokenizer.tokens(line).map(\.text))
            var clockTime = false
            if case .hours = every, words.isDisjoint(with: ["business", "working", "work", "office", "day", "daily"]) { clockTime = true }
            // "Make that every 4 business hours": what is not said again stays.
            var named = attendees(in: line)
            if named.isEmpty { named = ticket.plan?.attendees ?? [] }
            let plan = CommunicationPlan(every: every, channel: slots.channel ?? ticket.plan?.channel, attendees: named, clockTime: clockTime)
            let updated = try record([(.planSet(plan), now)], on: ticket.id, now: now)
            var lines = ["Communication plan for #\(ticket.id): updates \(plan.description)."]
            if clockTime { lines.append("Say “every N business hours” to count only the level's business hours instead.") }
            if let clock = engine.clocks(updated, at: now).first(where: \.isUpdate), let due = clock.due {
                lines.append("Next update due by \(stamp(due, now: now)).")
            }
            return Reply(lines)
        }
    }
}

/// Wall-clock lengths for sentences: `2h15m`, `3 days 4h`.
enum WallText {
    static func duration(_ seconds: Int64) -> String {
        let days = seconds / 86_400
        let rest = BusinessDuration(seconds: seconds % 86_400).description
        if days == 0 { return rest }
        return "\(Words.plural(Int(days), "day"))" + (seconds % 86_400 >= 60 ? " \(rest)" : "")
    }
}
