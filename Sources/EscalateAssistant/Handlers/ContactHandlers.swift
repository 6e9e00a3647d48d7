import EscalateDomain
import EscalateUnderstanding

/// "What does a CCM do?": a role's duties, in the documents' words.
struct RoleInfoHandler: IntentHandler {
    let intents: [IntentName] = [.roleInfo]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.roleInfo: "ask what a role does"]
    let examples: [IntentName: String] = [.roleInfo: "what does a CCM do?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        guard let id = turn.slots.role, let role = turn.catalog.role(id) else {
            var known: [String] = []
            for role in turn.catalog.roles {
                let name = role.abbreviation ?? role.title
                if !known.contains(name) { known.append(name) }
            }
            return turn.problem("Which role? I know: \(known.joined(separator: "; ")).")
        }
        // "What does a CSM do?": an abbreviation two organisations use means both.
        var roles = [role]
        if let abbreviation = role.abbreviation, let span = turn.interpretation.entity(.role),
           turn.interpretation.surface(of: span).contains(abbreviation), !turn.interpretation.surface(of: span).lowercased().contains(role.title.lowercased()) {
            roles = turn.catalog.roles.filter { $0.abbreviation == abbreviation }
        }
        var lines: [String] = []
        for role in roles {
            let owners = role.organisations.compactMap { turn.catalog.organisation($0)?.name }
            let at = roles.count > 1 && !owners.isEmpty ? " at \(Words.list(owners, conjunction: "and"))" : ""
            lines.append("\(role.title)\(role.abbreviation.map { " (\($0))" } ?? "")\(at):")
            lines += role.duties.map { "- \($0)" }
        }
        var state = turn.state
        if roles.count == 1 { state.subject = .role(role.id) }
        return turn.answer(lines, state: state)
    }
}

/// "My CCM is Dana Reyes, 555-0142" saves a contact; "Globex is National
/// Wholesale" puts the segment on the customer's open tickets.
struct SetContactHandler: IntentHandler {
    let intents: [IntentName] = [.setContact]
    let kind = HandlerKind.action
    let summaries: [IntentName: String] = [.setContact: "save a contact's details"]
    let examples: [IntentName: String] = [.setContact: "my CCM is Dana Reyes, 555-0142"]
    let slotPrompts: [SlotName: String] = [.name: "What is the contact's name?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let slots = turn.slots
        guard let name = slots.text(.name) ?? slots.text(.person) else {
            return askFor(.name, in: turn, about: "the contact's name")
        }
        let role = slots.role
        var phone = slots.text(.phone)
        var email = slots.text(.email)
        if let segment = slots.segment, role == nil, phone == nil, email == nil {
            return try await setSegment(segment, customer: name, turn: turn)
        }
        let saved = try await turn.savedContacts
        let replaced = role.flatMap { role in saved.last { $0.role == role } }.flatMap { $0.name.caseInsensitiveCompare(name) == .orderedSame ? nil : $0 }
        if let previous = saved.last(where: { ($0.role != nil && $0.role == role) || $0.name.caseInsensitiveCompare(name) == .orderedSame }),
           previous.name.caseInsensitiveCompare(name) == .orderedSame {
            // Adding a number to someone already saved keeps what was known.
            phone = phone ?? previous.phone
            email = email ?? previous.email
        }
        let contact = SavedContact(role: role ?? saved.last(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame })?.role,
                                   name: name, phone: phone, email: email, savedBy: turn.settings.user, savedAt: turn.now)
        let title = contact.role.flatMap { turn.catalog.role($0)?.title }.map { "your \(Words.lowerFirst($0))" }
        var text = "Saved: \(title.map { "\(Words.titleInSentence($0)) is " } ?? "")\(ContactText.saved(contact))."
        if title == nil { text = "Saved: \(ContactText.saved(contact))." }
        if let replaced { text += " (This replaces \(replaced.name).)" }
        var state = turn.state
        state.subject = .person(name: contact.name)
        return Outcome(Reply(text), state: state, effects: [.saveContact(contact)])
    }

    /// "Globex is a National Wholesale customer": the segment goes on the
    /// customer's open tickets, whose hours may depend on it.
    func setSegment(_ segment: String, customer: String, turn: TurnContext) async throws -> Outcome {
        let now = turn.now
        let segmentName = turn.catalog.segmentName(segment)
        let tickets = try await turn.read { try await $0.tickets(customerMatching: customer) }.filter { $0.status.isActive }
        guard !tickets.isEmpty else {
            let organisation = turn.catalog.segment(segment).map { "\($0.organisation.name) " } ?? ""
            return turn.answer("I have no open tickets for \(Words.quote(customer)). Say the segment when you open one, e.g. “open a \(organisation)\(segment) billing ticket for \(Words.quote(customer))”.")
        }
        var lines = ["Noted: \(Words.quote(customer)) is a \(segmentName) customer."]
        var effects: [Effect] = []
        for summary in tickets {
            guard let ticket = try await turn.load(summary.id), ticket.details.segment != segment else { continue }
            let event = PendingEvent(.segmentSet(segment), at: now)
            effects.append(.record(ticketID: ticket.id, basedOn: ticket.version, events: [event]))
            let updated = turn.projected(ticket, adding: [event])
            var line = "#\(ticket.id) now counts on \(segmentName) hours"
            if let level = turn.process(of: updated).flatMap({ turn.engine.currentLevel(updated, in: $0) }) {
                line += " (\(turn.hours(turn.engine.calendar(for: level, segment: segment), now: now)))"
            }
            if let clock = turn.engine.clocks(updated, at: now).first(where: { $0.due != nil }), let due = clock.due {
                line += "; \(clock.what) is due \(turn.at(due, now: now))"
            }
            lines.append(line + ".")
        }
        var state = turn.state
        state.topic.segment = segment
        return Outcome(Reply(lines), state: state, effects: effects)
    }
}
