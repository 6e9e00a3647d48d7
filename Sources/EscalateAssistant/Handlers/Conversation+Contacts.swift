import EscalateDomain
import EscalateUnderstanding

/// Contacts: who someone is, how to reach them, and saving their details.
extension Conversation {
    func contactLookup(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        let saved = try storeCall { try store.contacts() }
        if let person = slots.text("person") {
            let key = person.lowercased()
            if let contact = saved.last(where: { $0.name.lowercased().hasPrefix(key) || $0.name.lowercased().contains(" " + key) }) {
                let role = contact.role.flatMap { catalog.role($0)?.title }.map { ", your \(Words.lowerFirst($0))" } ?? ""
                let details = [contact.phone, contact.email].compactMap { $0 }
                return Reply("\(contact.name)\(role): \(details.isEmpty ? "no phone or e-mail saved" : details.joined(separator: ", ")).")
            }
            for process in catalog.processes {
                if let level = process.ladder.first(where: { $0.person?.name.lowercased().hasPrefix(key) == true }), let found = level.person {
                    return Reply(TextWrap.wrap(["\(ContactText.person(found)).", "\(process.title), Level \(level.number): \(level.title)."], width: settings.width))
                }
            }
            for organisation in catalog.organisations {
                for list in organisation.contactLists {
                    if let found = list.people.first(where: { $0.name.lowercased().hasPrefix(key) }) {
                        return Reply(TextWrap.wrap(["\(ContactText.person(found)).", "\(list.title) (\(organisation.name))."], width: settings.width))
                    }
                }
            }
            return .problem("I don't know anyone called \(person). Save them with e.g. “my CCM is \(person), 555-0142”.")
        }
        // A role or a level: in the ticket's process if there is one, else wherever it appears.
        var processesToSearch: [EscalationProcess] = []
        var current: Int?
        if let ticketID = focus, let ticket = try load(ticketID), let process = process(of: ticket), slots.org == nil || slots.org == process.organisation {
            processesToSearch = [process]
            current = ticket.level
        }
        processesToSearch += processes(org: slots.org, category: slots.category)
        if let role = slots.role, let contact = saved.last(where: { $0.role == role }) {
            let title = catalog.role(role)?.title ?? role
            return Reply("Your \(Words.lowerFirst(title)) is \(ContactText.saved(contact)) (saved by \(contact.savedBy)).")
        }
        for process in processesToSearch {
            guard let level = level(named: slots, in: process, current: current) else { continue }
            var lines = ["\(process.title), Level \(level.number): \(level.title)."]
            lines += ContactText.reach(level, saved: saved).map { "  Contact: \($0)" }
            if level.role == "ccm" || slots.role == "ccm" {
                lines.append("Tell me your CCM's details and I'll remember them: “my CCM is Dana Reyes, 555-0142”.")
            }
            return Reply(TextWrap.wrap(lines, width: settings.width))
        }
        if let role = slots.role, let description = catalog.role(role) {
            if role == "ccm" {
                return Reply(TextWrap.wrap([
                    "Your CCM's name, phone number and e-mail address are on your order acknowledgement letter. If you don't know your CCM, contact your channel manager.",
                    "Tell me them and I'll remember: “my CCM is Dana Reyes, 555-0142”.",
                ], width: settings.width))
            }
            if let organisation = catalog.organisations.first(where: { description.organisations.contains($0.id) }), !organisation.contactLists.isEmpty, ["ccm_manager", "director", "vp"].contains(role) {
                var lines = ["\(description.title): ask your CCM, or use \(organisation.name)'s management contacts by region:"]
                lines += organisation.contactLists.map { list in "  \(list.title.replacingOccurrences(of: "Management for ", with: "")): " + list.people.map { "\($0.name) \($0.phone ?? "")" }.joined(separator: "; ") }
                return Reply(lines)
            }
            return Reply("I have no contact saved for your \(Words.lowerFirst(description.title)). Tell me: “my \(description.abbreviation ?? Words.lowerFirst(description.title)) is <name>, <phone>, <e-mail>”.")
        }
        return .problem("Who are you looking for? Try “who is my CCM?” or “what's Dana's number?”.")
    }

    func setContact(_ slots: [String: SlotValue], now: Instant) throws -> Reply {
        guard let name = slots.text("name") ?? slots.text("person") else {
            pending = .missingSlot(intent: "set_contact", slots: slots, slot: "name", ticketID: nil)
            return Reply(missingPrompt("name"), kind: .question)
        }
        let role = slots.role
        var phone = slots.text("phone")
        var email = slots.text("email")
        let saved = try storeCall { try store.contacts() }
        if let previous = saved.last(where: { ($0.role != nil && $0.role == role) || $0.name.caseInsensitiveCompare(name) == .orderedSame }),
           previous.name.caseInsensitiveCompare(name) == .orderedSame {
            // Adding a number to someone already saved keeps what was known.
            phone = phone ?? previous.phone
            email = email ?? previous.email
        }
        let contact = SavedContact(role: role ?? saved.last(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame })?.role,
                                   name: name, phone: phone, email: email, savedBy: settings.user, savedAt: now)
        try storeCall { try store.saveContact(contact) }
        let title = contact.role.flatMap { catalog.role($0)?.title }.map { "your \(Words.lowerFirst($0))" }
        var text = "Saved: \(title.map { "\($0) is " } ?? "")\(ContactText.saved(contact))."
        if title == nil { text = "Saved: \(ContactText.saved(contact))." }
        return Reply(text)
    }

    func roleInfo(_ slots: [String: SlotValue]) -> Reply {
        guard let id = slots.role, let role = catalog.role(id) else {
            let known = catalog.roles.map { $0.abbreviation ?? Words.lowerFirst($0.title) }
            return .problem("Which role? I know: \(known.joined(separator: ", ")).")
        }
        var lines = ["\(role.title)\(role.abbreviation.map { " (\($0))" } ?? ""):"]
        lines += role.duties.map { "- \($0)" }
        return Reply(TextWrap.wrap(lines, width: settings.width))
    }
}
