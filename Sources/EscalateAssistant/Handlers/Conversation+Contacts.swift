import EscalateDomain
import EscalateUnderstanding

/// Contacts: who someone is, how to reach them, and saving their details.
extension Conversation {
    func contactLookup(_ slots: [String: SlotValue], line: String = "", now: Instant) throws -> Reply {
        let saved = try storeCall { try store.contacts() }
        if slots.role == nil, slots.text("person") == nil, slots.entity("region") == nil,
           Tokenizer.tokens(line).contains(where: { $0.text == "contacts" }) {
            return savedContacts(saved)
        }
        if let person = slots.text("person") {
            let key = person.lowercased()
            if let contact = saved.last(where: { $0.name.lowercased().hasPrefix(key) || $0.name.lowercased().contains(" " + key) }) {
                let role = contact.role.flatMap { catalog.role($0)?.title }.map { ", your \(Words.lowerFirst($0))" } ?? ""
                // "What's Dana's e-mail?" answers the e-mail, and says so when there is none.
                let words = Set(Tokenizer.tokens(line).map(\.text))
                let wantsEmail = words.contains("email") || words.contains("mail") || words.contains("address")
                let wantsPhone = words.contains("number") || words.contains("phone") || words.contains("call")
                if wantsEmail && !wantsPhone {
                    return Reply(contact.email.map { "\(contact.name)\(role): \($0)." }
                        ?? "I have no e-mail saved for \(contact.name)\(role)\(contact.phone.map { "; the phone is \($0)" } ?? "").")
                }
                if wantsPhone && !wantsEmail {
                    return Reply(contact.phone.map { "\(contact.name)\(role): \($0)." }
                        ?? "I have no phone number saved for \(contact.name)\(role)\(contact.email.map { "; the e-mail is \($0)" } ?? "").")
                }
                let details = [contact.phone, contact.email].compactMap { $0 }
                return Reply("\(contact.name)\(role): \(details.isEmpty ? "no phone or e-mail saved" : details.joined(separator: ", ")).")
            }
            for process in catalog.processes {
                if let level = process.ladder.first(where: { $0.person?.name.lowercased().hasPrefix(key) == true }), let found = level.person {
                    return Reply(["\(ContactText.person(found)).", "\(process.title), Level \(level.number): \(level.title)."])
                }
            }
            for organisation in catalog.organisations {
                for list in organisation.contactLists {
                    if let found = list.people.first(where: { $0.name.lowercased().hasPrefix(key) }) {
                        return Reply(["\(ContactText.person(found)).", "\(list.title) (\(organisation.name))."])
                    }
                }
            }
            return .problem("I don't know anyone called \(person). Save them with e.g. “my CCM is \(person), 555-0142”.")
        }
        if let region = slots.entity("region") { return regionContacts(region) }
        var role = slots.role
        // An abbreviation means the organisation's own role: a Lumen CSM is a client support manager.
        if let id = role, let org = slots.org, let description = catalog.role(id), !description.organisations.contains(org),
           let local = catalog.roles.first(where: { $0.abbreviation != nil && $0.abbreviation == description.abbreviation && $0.organisations.contains(org) }) {
            role = local.id
        }
        var slots = slots
        if let role { slots["role"] = .entity(role) }
        if let role, let contact = saved.last(where: { $0.role == role }) {
            let title = catalog.role(role)?.title ?? role
            return Reply("Your \(Words.titleInSentence(Words.lowerFirst(title))) is \(ContactText.saved(contact)) (saved by \(contact.savedBy)).")
        }
        // The ticket's process, when the question does not name another;
        // else the processes of the user's open tickets, if that narrows it.
        var candidates = processes(org: slots.org, category: slots.category, segment: slots.entity("segment"))
        if slots.org == nil, candidates.count > 1 {
            let mine = Set(try storeCall { try store.tickets(TicketQuery(.active, limit: 50)) }.map(\.process))
            let narrowed = candidates.filter { mine.contains($0.id) }
            if !narrowed.isEmpty { candidates = narrowed }
        }
        var current: Int?
        if let ticketID = focus, focusTurn >= turn - 1 || slots.ticketRef != nil, let ticket = try load(ticketID), let process = process(of: ticket),
           fits(process, slots, byRole: false) {
            candidates = [process]
            current = ticket.level
        }
        if role == "ccm", candidates.count > 1 {
            return Reply([
                "Your CCM's name, phone number and e-mail address are on your order acknowledgement letter. If you don't know your CCM, contact your channel manager.",
                "Tell me their details and I'll remember them: “my CCM is Dana Reyes, 555-0142”.",
            ])
        }
        // Levels whose own role it is come first; then the management level the titles share.
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
            if found.isEmpty { found = candidates.compactMap { process in level(named: slots, in: process, current: current).map { (process, $0) } } }
            if found.isEmpty && current == nil { found = holding(catalog.processes.filter { slots.org == nil || $0.organisation == slots.org }) }
        }
        if found.isEmpty { found = candidates.compactMap { process in level(named: slots, in: process, current: current).map { (process, $0) } } }
        if found.count > 1, let words = lastInterpretation?.correctedWords {
            // "the director of customer care": prefer the title the words name.
            let scored = found.map { pair in (pair, pair.1.title.lowercased().split(separator: " ").filter { words.contains(String($0)) }.count) }
            let best = scored.map(\.1).max() ?? 0
            if best > 1 { found = scored.filter { $0.1 == best }.map(\.0) }
        }
        if found.count == 1 {
            let (process, level) = found[0]
            var lines = ["\(process.shortTitle), Level \(level.number): \(level.title)."]
            lines += reach(level, of: process, segment: slots.entity("segment"), saved: saved).map { "  Contact: \($0)" }
            if level.role == "ccm" { lines.append("Tell me your CCM's details and I'll remember them: “my CCM is Dana Reyes, 555-0142”.") }
            return Reply(lines)
        }
        if found.count > 1 {
            var lines = ["That depends on the process:"]
            for (process, level) in found.prefix(6) {
                let first = reach(level, of: process, segment: slots.entity("segment"), saved: saved).first.map { " — \($0)" } ?? ""
                lines.append("  \(process.shortTitle), Level \(level.number): \(level.title)\(first)")
            }
            lines.append("Name the process for the full details, e.g. “who is level 2 for CMS billing?”.")
            return Reply(lines)
        }
        if let role, let description = catalog.role(role) {
            if let organisation = catalog.organisations.first(where: { description.organisations.contains($0.id) && !$0.contactLists.isEmpty }),
               ["ccm_manager", "director", "vp"].contains(role) {
                return Reply(["\(description.title): ask your CCM, or use \(organisation.name)'s management contacts for your region, e.g. “who are the management contacts for the Gulf region?”."])
            }
            return Reply("I have no contact saved for your \(Words.lowerFirst(description.title)). Tell me: “my \(description.abbreviation ?? Words.lowerFirst(description.title)) is <name>, <phone>, <e-mail>”.")
        }
        return .problem("Who are you looking for? Try “who is my CCM?” or “what's Dana's number?”.")
    }

    /// CenturyLink's management contacts for one indirect region.
    func regionContacts(_ id: String) -> Reply {
        for organisation in catalog.organisations {
            guard let list = organisation.contactLists.first(where: { $0.id == id }) else { continue }
            var lines: [String] = []
            let process = organisation.processes.first { $0.ladder.contains { $0.role == "ccm_manager" } }
            if let process, let first = process.firstLevel.role.flatMap({ catalog.role($0) }), process.firstLevel.role == "ccm" {
                // A CCM is not told to start with their CCM: they are the start.
                lines.append(readerRole == "ccm"
                    ? "\(organisation.name) management above you as the \(first.abbreviation ?? first.title):"
                    : "Start with your \(first.abbreviation ?? first.title), your entry point and single point of contact. To engage \(organisation.name) management beyond the CCM:")
            }
            lines.append("\(list.title):")
            lines += list.people.map { "  \(ContactText.person($0))" }
            if let process, let level = process.ladder.first(where: { $0.role == "ccm_manager" }) {
                lines.append("They are \(Words.level(level)) of \(process.shortTitle).")
                lines += level.promises.map { "  Promise: \($0.text)" }
            }
            return Reply(lines)
        }
        return .problem("I have no management list for that region.")
    }

    /// Who to ask when you don't know your CCM: what the CCM levels say,
    /// and a channel manager the user saved.
    func unknownCCM() throws -> Reply {
        var lines: [String] = []
        for process in catalog.processes {
            for case .ask(let role, let text) in process.firstLevel.contacts where process.firstLevel.role == "ccm" && role != "ccm" {
                let line = "\(organisationName(process.organisation)): \(text)"
                if !lines.contains(line) { lines.append(line) }
            }
        }
        if lines.isEmpty { lines.append("Your CCM's details are on your order acknowledgement letter.") }
        let saved = try storeCall { try store.contacts() }
        if let manager = saved.last(where: { $0.role == "channel_manager" }) {
            lines.append("Your channel manager: \(ContactText.saved(manager)).")
        }
        lines.append("Your CCM's name, phone number and e-mail address are also on your order acknowledgement letter.")
        return Reply(lines)
    }

    /// Everyone the user has saved, newest per role.
    func savedContacts(_ saved: [SavedContact]) -> Reply {
        guard !saved.isEmpty else {
            return Reply("You have saved no contacts yet. Tell me one, e.g. “my CCM is Dana Reyes, 555-0142”.")
        }
        var lines = ["Your saved contacts:"]
        for contact in saved {
            let role = contact.role.flatMap { catalog.role($0)?.title }.map { "\($0): " } ?? ""
            lines.append("  \(role)\(ContactText.saved(contact)) (saved by \(contact.savedBy))")
        }
        return Reply(lines)
    }

    func setContact(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        guard let name = slots.text("name") ?? slots.text("person") else {
            pending = .missingSlot(intent: "set_contact", slots: slots, slot: "name", ticketID: nil)
            return Reply(missingPrompt("name"), kind: .question)
        }
        let role = slots.role
        var phone = slots.text("phone")
        var email = slots.text("email")
        if let segment = slots.entity("segment"), role == nil, phone == nil, email == nil {
            return try setSegment(segment, customer: name, now: now)
        }
        let saved = try storeCall { try store.contacts() }
        let replaced = role.flatMap { role in saved.last { $0.role == role } }.flatMap { $0.name.caseInsensitiveCompare(name) == .orderedSame ? nil : $0 }
        if let previous = saved.last(where: { ($0.role != nil && $0.role == role) || $0.name.caseInsensitiveCompare(name) == .orderedSame }),
           previous.name.caseInsensitiveCompare(name) == .orderedSame {
            // Adding a number to someone already saved keeps what was known.
            phone = phone ?? previous.phone
            email = email ?? previous.email
        }
        let contact = SavedContact(role: role ?? saved.last(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame })?.role,
                                   name: name, phone: phone, email: email, savedBy: settings.user, savedAt: now)
        try storeCall { try store.saveContact(contact) }
        namesChanged()
        let title = contact.role.flatMap { catalog.role($0)?.title }.map { "your \(Words.lowerFirst($0))" }
        var text = "Saved: \(title.map { "\(Words.titleInSentence($0)) is " } ?? "")\(ContactText.saved(contact))."
        if title == nil { text = "Saved: \(ContactText.saved(contact))." }
        if let replaced { text += " (This replaces \(replaced.name).)" }
        return Reply(text)
    }

    /// "Globex is a National Wholesale customer": the segment goes on the
    /// customer's open tickets, whose hours may depend on it.
    func setSegment(_ segment: String, customer: String, now: Instant) throws -> Reply {
        let tickets = try storeCall { try store.tickets(customerMatching: customer) }.filter { $0.status.isActive }
        guard !tickets.isEmpty else {
            return Reply("I have no open tickets for \(Words.quote(customer)). Say the segment when you open one, e.g. “open a Lumen \(segment) billing ticket for \(Words.quote(customer))”.")
        }
        var lines = ["Noted: \(Words.quote(customer)) is a \(Words.segment(segment)) customer."]
        for summary in tickets {
            guard let ticket = try load(summary.id), ticket.details.segment != segment else { continue }
            let updated = try record([(.segmentSet(segment), now)], on: ticket.id, now: now)
            var line = "#\(ticket.id) now counts on \(Words.segment(segment)) hours"
            if let level = process(of: updated).flatMap({ engine.currentLevel(updated, in: $0) }) {
                line += " (\(hours(engine.calendar(for: level, segment: segment), now: now)))"
            }
            if let clock = engine.clocks(updated, at: now).first(where: { $0.due != nil }), let due = clock.due {
                line += "; \(clock.what) is due \(at(due, now: now))"
            }
            lines.append(line + ".")
        }
        return Reply(lines)
    }

    func roleInfo(_ slots: [String: SlotValue], line: String) -> Reply {
        guard let id = slots.role, let role = catalog.role(id) else {
            var known: [String] = []
            for role in catalog.roles {
                let name = role.abbreviation ?? role.title
                if !known.contains(name) { known.append(name) }
            }
            return .problem("Which role? I know: \(known.joined(separator: "; ")).")
        }
        // "What does a CSM do?": an abbreviation two organisations use means both.
        var roles = [role]
        if let abbreviation = role.abbreviation, line.contains(abbreviation), !line.lowercased().contains(role.title.lowercased()) {
            roles = catalog.roles.filter { $0.abbreviation == abbreviation }
        }
        var lines: [String] = []
        for role in roles {
            let owners = role.organisations.compactMap { catalog.organisation($0)?.name }
            let at = roles.count > 1 && !owners.isEmpty ? " at \(Words.list(owners, conjunction: "and"))" : ""
            lines.append("\(role.title)\(role.abbreviation.map { " (\($0))" } ?? "")\(at):")
            lines += role.duties.map { "- \($0)" }
        }
        return Reply(lines)
    }
}
