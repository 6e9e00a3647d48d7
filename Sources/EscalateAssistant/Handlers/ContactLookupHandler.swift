import EscalateDomain
import EscalateUnderstanding

/// "Who is my CCM?", "what's Dana's number?", "and their e-mail?": who
/// someone is and how to reach them, from the saved contacts, the matrices
/// and the regional lists. A follow-up that names nobody means the level
/// or person the last answer named.
struct ContactLookupHandler: IntentHandler {
    let intents: [IntentName] = [.contactLookup]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.contactLookup: "look up a contact"]
    let examples: [IntentName: String] = [.contactLookup: "what's my CCM's number?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let slots = turn.slots
        let saved = try await turn.savedContacts
        // "Who do I ask if I don't know my CCM?" has its own answer in the handbook.
        if turn.cues.has(.doesNotKnow), let reader = turn.catalog.readerRole?.id, slots.role == reader {
            return unknownReaderRole(turn, saved: saved)
        }
        if slots.role == nil, slots.text(.person) == nil, slots.entity(.region) == nil {
            if turn.cues.has(.contactsList) { return savedList(turn, saved) }
            // "and their number?": the level or person just named.
            if slots.level == nil, slots.org == nil, slots.category == nil, slots.segment == nil,
               let subject = turn.state.subject, let answer = about(subject, turn: turn, saved: saved) { return answer }
        }
        if let person = slots.text(.person) { return try await lookUp(person: person, turn: turn, saved: saved) }
        if let region = slots.entity(.region) { return regionContacts(region, turn: turn) }
        return try await lookUp(role: slots.role, turn: turn, saved: saved)
    }

    // MARK: Follow-ups

    /// The contact details of what the last answer named, or of just the
    /// phone or e-mail when that is what is asked.
    func about(_ subject: Subject, turn: TurnContext, saved: [SavedContact]) -> Outcome? {
        switch subject {
        case .level(let id, let number):
            guard let process = turn.catalog.process(id), let level = process.level(number) else { return nil }
            let routes = turn.reach(level, of: process, segment: turn.state.topic.segment, saved: saved)
            let wantsPhone = turn.cues.has(.asksPhone) && !turn.cues.has(.asksEmail)
            let wantsEmail = turn.cues.has(.asksEmail) && !turn.cues.has(.asksPhone)
            let title = "\(process.shortTitle), \(Words.level(level))"
            if wantsPhone || wantsEmail {
                // Just the numbers or addresses, each with whose it is.
                let pattern = wantsPhone ? #"\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(, option \d+)?"# : #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#
                let found = routes.compactMap { line -> String? in
                    guard let range = line.range(of: pattern, options: .regularExpression) else { return nil }
                    let owner = line.hasPrefix("phone ") || line.hasPrefix("e-mail ") ? nil : line.components(separatedBy: " (").first?.components(separatedBy: ",").first
                    return owner.map { "\($0): \(line[range])" } ?? String(line[range])
                }
                if found.isEmpty {
                    let what = wantsPhone ? "phone number" : "e-mail address"
                    var lines = ["The matrix gives no \(what) for \(title). What it gives:"]
                    lines += routes.map { "  \($0)" }
                    return turn.answer(lines)
                }
                return turn.answer(["\(title):"] + found.map { "  \($0)" })
            }
            return turn.answer(["\(title):"] + routes.map { "  \($0)" })
        case .person(let name):
            return personDetails(name, turn: turn, saved: saved)
        case .role(let role):
            guard let contact = saved.last(where: { $0.role == role }) else {
                // "Who is my CCM?" "And their number?": not known here; where it is.
                guard let description = turn.catalog.role(role) else { return nil }
                let name = description.abbreviation ?? Words.lowerFirst(description.title)
                // "And their duties?": what the role does, when no way to reach them is asked.
                if !turn.cues.has(.asksPhone), !turn.cues.has(.asksEmail), !description.duties.isEmpty {
                    return turn.answer(["Your \(Words.lowerFirst(description.title))\(description.abbreviation.map { " (\($0))" } ?? ""):"] + description.duties.map { "- \($0)" })
                }
                let where_ = role == turn.catalog.readerRole?.id ? " Their details are on your order acknowledgement letter." : ""
                return turn.answer("I have no details saved for your \(name).\(where_) Tell me and I'll remember them: “my \(name) is Dana Reyes, 555-0142”.")
            }
            return contactDetails(contact, turn: turn)
        case .route(let organisation, let topic, let segment):
            return routeDetails(organisation: organisation, topic: topic, segment: segment ?? turn.state.topic.segment, turn: turn)
        }
    }

    /// "Who do I call about my Lumen invoice?" "And their e-mail?": the
    /// desk's numbers or addresses, each with the desk it belongs to.
    func routeDetails(organisation id: String, topic: String, segment: String?, turn: TurnContext) -> Outcome? {
        guard let organisation = turn.catalog.organisation(id) else { return nil }
        let routes = organisation.routes.filter { $0.topic == topic && (segment == nil || $0.segment == nil || $0.segment == segment) }
        guard !routes.isEmpty else { return nil }
        let wantsPhone = turn.cues.has(.asksPhone) && !turn.cues.has(.asksEmail)
        let wantsEmail = turn.cues.has(.asksEmail) && !turn.cues.has(.asksPhone)
        var lines: [String] = []
        for route in routes {
            let contacts = route.contacts.filter { contact in
                switch contact {
                case .phone: return !wantsEmail
                case .email: return !wantsPhone
                default: return !wantsPhone && !wantsEmail
                }
            }
            guard !contacts.isEmpty else { continue }
            let title = route.title.contains(organisation.name) ? route.title : "\(organisation.name) \(Words.lowerFirst(route.title))"
            lines.append("\(title):")
            lines += contacts.map { "  \(ContactText.line($0))" }
        }
        if lines.isEmpty {
            return turn.answer("The documents give no \(wantsPhone ? "phone number" : "e-mail address") for \(organisation.name)'s \(topic.replacingOccurrences(of: "_", with: " ")) desk.")
        }
        return turn.answer(lines)
    }

    func personDetails(_ name: String, turn: TurnContext, saved: [SavedContact]) -> Outcome? {
        let key = name.lowercased()
        if let contact = saved.last(where: { $0.name.lowercased() == key }) { return contactDetails(contact, turn: turn) }
        return nil
    }

    /// "What's Dana's e-mail?" answers the e-mail, and says so when there is none.
    func contactDetails(_ contact: SavedContact, turn: TurnContext) -> Outcome {
        let role = contact.role.flatMap { turn.catalog.role($0)?.title }.map { ", your \(Words.lowerFirst($0))" } ?? ""
        let wantsEmail = turn.cues.has(.asksEmail) && !turn.cues.has(.asksPhone)
        let wantsPhone = turn.cues.has(.asksPhone) && !turn.cues.has(.asksEmail)
        var state = turn.state
        state.subject = .person(name: contact.name)
        if wantsEmail {
            return turn.answer(contact.email.map { "\(contact.name)\(role): \($0)." }
                ?? "I have no e-mail saved for \(contact.name)\(role)\(contact.phone.map { "; the phone is \($0)" } ?? "").", state: state)
        }
        if wantsPhone {
            return turn.answer(contact.phone.map { "\(contact.name)\(role): \($0)." }
                ?? "I have no phone number saved for \(contact.name)\(role)\(contact.email.map { "; the e-mail is \($0)" } ?? "").", state: state)
        }
        let details = [contact.phone, contact.email].compactMap { $0 }
        return turn.answer("\(contact.name)\(role): \(details.isEmpty ? "no phone or e-mail saved" : details.joined(separator: ", ")).", state: state)
    }

    // MARK: People

    func lookUp(person: String, turn: TurnContext, saved: [SavedContact]) async throws -> Outcome {
        let key = person.lowercased()
        if let contact = saved.last(where: { $0.name.lowercased().hasPrefix(key) || $0.name.lowercased().contains(" " + key) }) {
            return contactDetails(contact, turn: turn)
        }
        var state = turn.state
        for process in turn.catalog.processes {
            if let level = process.ladder.first(where: { $0.person?.name.lowercased().hasPrefix(key) == true }), let found = level.person {
                state.subject = .level(process: process.id, number: level.number)
                state.topic = Topic(organisation: process.organisation, process: process.id)
                return turn.answer(["\(ContactText.person(found)).", "\(process.title), Level \(level.number): \(level.title)."], state: state)
            }
        }
        for organisation in turn.catalog.organisations {
            for list in organisation.contactLists {
                if let found = list.people.first(where: { $0.name.lowercased().hasPrefix(key) }) {
                    state.topic = Topic(organisation: organisation.id, region: list.id)
                    return turn.answer(["\(ContactText.person(found)).", "\(list.title) (\(organisation.name))."], state: state)
                }
            }
        }
        return turn.problem("I don't know anyone called \(person). Save them with e.g. “my CCM is \(person), 555-0142”.")
    }

    // MARK: Roles

    func lookUp(role asked: String?, turn: TurnContext, saved: [SavedContact]) async throws -> Outcome {
        let slots = turn.slots
        var role = asked
        // An abbreviation means the organisation's own role: a Lumen CSM is a client support manager.
        if let id = role, let org = slots.org, let description = turn.catalog.role(id), !description.organisations.contains(org),
           let local = turn.catalog.roles.first(where: { $0.abbreviation != nil && $0.abbreviation == description.abbreviation && $0.organisations.contains(org) }) {
            role = local.id
        }
        var request = turn.request
        if let role { request.slots[.role] = .entity(role) }
        let named = request.slots
        var state = turn.state
        if let role, let contact = saved.last(where: { $0.role == role }) {
            let title = turn.catalog.role(role)?.title ?? role
            state.subject = .role(role)
            return turn.answer("Your \(Words.titleInSentence(Words.lowerFirst(title))) is \(ContactText.saved(contact)) (saved by \(contact.savedBy)).", state: state)
        }
        // The ticket's process, when the question does not name another;
        // else the processes of the user's open tickets, if that narrows it.
        var candidates = turn.processes(org: slots.org, category: slots.category, segment: slots.segment)
        if slots.org == nil, candidates.count > 1 {
            let mine = Set(try await turn.read { try await $0.tickets(TicketQuery(.active, limit: 50)) }.map(\.process))
            let narrowed = candidates.filter { mine.contains($0.id) }
            if !narrowed.isEmpty { candidates = narrowed }
        }
        // What the conversation is about, when the line names no organisation.
        if slots.org == nil, slots.category == nil, let topic = turn.state.topic.process, let process = turn.catalog.process(topic),
           candidates.count > 1, candidates.contains(where: { $0.id == topic }) {
            candidates = [process]
        }
        var current: Int?
        if let ticketID = turn.state.focus?.ticketID, turn.state.recentFocus(at: turn.state.turn) != nil || slots.ticketRef != nil,
           let ticket = try await turn.load(ticketID), let process = turn.process(of: ticket), turn.serving(request).fits(process, byRole: false) {
            candidates = [process]
            current = ticket.level
        }
        if let reader = turn.catalog.readerRole, role == reader.id, candidates.count > 1 {
            return unknownReaderRole(turn, saved: saved, asked: true)
        }
        // Levels whose own role it is come first; then the level whose title or tier covers it.
        var found: [(EscalationProcess, EscalationLevel)] = []
        if let role {
            func holding(_ processes: [EscalationProcess]) -> [(EscalationProcess, EscalationLevel)] {
                processes.compactMap { process in process.ladder.first { $0.role == role }.map { (process, $0) } }
            }
            found = holding(candidates)
            // A level whose title covers the role ("CCM manager" on Lumen's
            // management level), then any process with the role: a topic word
            // inside the role's own name ("wireline implementation manager")
            // must not hide the process that has it.
            if found.isEmpty { found = candidates.compactMap { process in turn.level(named: named, in: process, current: current, saved: saved).map { (process, $0) } } }
            if found.isEmpty && current == nil { found = holding(turn.catalog.processes.filter { slots.org == nil || $0.organisation == slots.org }) }
        }
        if found.isEmpty { found = candidates.compactMap { process in turn.level(named: named, in: process, current: current, saved: saved).map { (process, $0) } } }
        if found.count > 1 {
            // "the director of customer care": prefer the title the words name.
            let words = turn.interpretation.correctedWords
            let scored = found.map { pair in (pair, pair.1.title.lowercased().split(separator: " ").filter { words.contains(String($0)) }.count) }
            let best = scored.map(\.1).max() ?? 0
            if best > 1 { found = scored.filter { $0.1 == best }.map(\.0) }
        }
        if found.count == 1 {
            let (process, level) = found[0]
            state.subject = .level(process: process.id, number: level.number)
            state.topic.organisation = process.organisation
            state.topic.process = process.id
            var lines = ["\(process.shortTitle), Level \(level.number): \(level.title)."]
            lines += turn.reach(level, of: process, segment: slots.segment, saved: saved).map { "  Contact: \($0)" }
            if let reader = turn.catalog.readerRole, level.role == reader.id {
                lines.append("Tell me your \(reader.abbreviation ?? reader.title)'s details and I'll remember them: “my \(reader.abbreviation ?? reader.title) is Dana Reyes, 555-0142”.")
            }
            return turn.answer(lines, state: state)
        }
        if found.count > 1 {
            var lines = ["That depends on the process:"]
            for (process, level) in found.prefix(6) {
                let first = turn.reach(level, of: process, segment: slots.segment, saved: saved).first.map { " — \($0)" } ?? ""
                lines.append("  \(process.shortTitle), Level \(level.number): \(level.title)\(first)")
            }
            lines.append("Name the process for the full details, e.g. “who is level 2 for CMS billing?”.")
            return turn.answer(lines)
        }
        if let role, let description = turn.catalog.role(role) {
            if !description.coveredBy.isEmpty || turn.coveringRoles.contains(role),
               let organisation = turn.catalog.organisations.first(where: { description.organisations.contains($0.id) && !$0.contactLists.isEmpty }) {
                let entry = turn.catalog.readerRole.map { $0.abbreviation ?? $0.title } ?? "contact"
                return turn.answer(["\(description.title): ask your \(entry), or use \(organisation.name)'s management contacts for your region, e.g. “who are the management contacts for the Gulf region?”."])
            }
            return turn.answer("I have no contact saved for your \(Words.lowerFirst(description.title)). Tell me: “my \(description.abbreviation ?? Words.lowerFirst(description.title)) is <name>, <phone>, <e-mail>”.")
        }
        return turn.problem("Who are you looking for? Try “who is my CCM?” or “what's Dana's number?”.")
    }

    /// Who to ask when you don't know your CCM: what the ladders' entry
    /// levels say, and a contact the user saved for the role they point to.
    func unknownReaderRole(_ turn: TurnContext, saved: [SavedContact], asked: Bool = false) -> Outcome {
        guard let reader = turn.catalog.readerRole else { return turn.problem("Who are you looking for?") }
        let name = reader.abbreviation ?? reader.title
        var state = turn.state
        state.subject = .role(reader.id)
        if asked {
            return turn.answer([
                "Your \(name)'s name, phone number and e-mail address are on your order acknowledgement letter. If you don't know your \(name), contact your channel manager.",
                "Tell me their details and I'll remember them: “my \(name) is Dana Reyes, 555-0142”.",
            ], state: state)
        }
        var lines: [String] = []
        var pointedTo: [String] = []
        for process in turn.catalog.processes where process.firstLevel.role == reader.id {
            for case .ask(let role, let text) in process.firstLevel.contacts where role != reader.id {
                let line = "\(turn.organisationName(process.organisation)): \(text)"
                if !lines.contains(line) { lines.append(line) }
                if !pointedTo.contains(role) { pointedTo.append(role) }
            }
        }
        if lines.isEmpty { lines.append("Your \(name)'s details are on your order acknowledgement letter.") }
        for role in pointedTo {
            if let contact = saved.last(where: { $0.role == role }), let title = turn.catalog.role(role)?.title {
                lines.append("Your \(Words.lowerFirst(title)): \(ContactText.saved(contact)).")
            }
        }
        lines.append("Your \(name)'s name, phone number and e-mail address are also on your order acknowledgement letter.")
        return turn.answer(lines)
    }

    /// An organisation's management contacts for one region.
    func regionContacts(_ id: String, turn: TurnContext) -> Outcome {
        for organisation in turn.catalog.organisations {
            guard let list = organisation.contactLists.first(where: { $0.id == id }) else { continue }
            var lines: [String] = []
            let process = organisation.processes.first { process in process.ladder.contains { turn.coveringRoles.contains($0.role ?? "") } }
            let management = process.flatMap { turn.managementLevel(of: $0) }
            if let process, let reader = turn.catalog.readerRole, process.firstLevel.role == reader.id {
                let name = reader.abbreviation ?? reader.title
                // A CCM is not told to start with their CCM: they are the start.
                lines.append(turn.readerRole != nil
                    ? "\(organisation.name) management above you as the \(name):"
                    : "Start with your \(name), your entry point and single point of contact. To engage \(organisation.name) management beyond the \(name):")
            }
            lines.append("\(list.title):")
            lines += list.people.map { "  \(ContactText.person($0))" }
            var state = turn.state
            state.topic = Topic(organisation: organisation.id, process: process?.id, region: id)
            if let process, let level = management {
                lines.append("They are \(Words.level(level)) of \(process.shortTitle).")
                lines += level.promises.map { "  Promise: \($0.text)" }
                state.subject = .level(process: process.id, number: level.number)
            }
            return turn.answer(lines, state: state)
        }
        return turn.problem("I have no management list for that region.")
    }

    /// Everyone the user has saved, newest per role.
    func savedList(_ turn: TurnContext, _ saved: [SavedContact]) -> Outcome {
        guard !saved.isEmpty else {
            return turn.answer("You have saved no contacts yet. Tell me one, e.g. “my CCM is Dana Reyes, 555-0142”.")
        }
        var lines = ["Your saved contacts:"]
        for contact in saved {
            let role = contact.role.flatMap { turn.catalog.role($0)?.title }.map { "\($0): " } ?? ""
            lines.append("  \(role)\(ContactText.saved(contact)) (saved by \(contact.savedBy))")
        }
        return turn.answer(lines)
    }
}
