import EscalateDomain

/// How to reach a level, a route or a person, in words.
enum ContactText {
    /// One line per route: `phone 877-453-8353, option 2`, `e-mail billing@lumen.com`.
    /// A person's phone followed by their own e-mail address is one line:
    /// `Nina Bauer, General CMS Business: phone 260-555-0170, e-mail nina.bauer@example.com`.
    static func lines(_ routes: [ContactRoute]) -> [String] {
        var lines: [String] = []
        var index = routes.startIndex
        while index < routes.endIndex {
            if case .phone(let number, let detail?, _) = routes[index], index + 1 < routes.endIndex,
               case .email(let address, nil) = routes[index + 1], let name = detail.split(separator: ",").first,
               address.lowercased().hasPrefix(name.split(separator: " ").first.map { $0.lowercased() + "." } ?? "\u{0}") {
                lines.append("\(detail): phone \(number), e-mail \(address)")
                index += 2
                continue
            }
            lines.append(line(routes[index]))
            index += 1
        }
        return lines
    }

    static func line(_ route: ContactRoute) -> String {
        switch route {
        case .phone(let number, let detail, _):
            return "phone \(number)" + (detail.map { ", \($0)" } ?? "")
        case .email(let address, let detail):
            // A comma, not brackets: a detail may hold an address in brackets itself.
            return "e-mail \(address)" + (detail.map { ", \($0)" } ?? "")
        case .portal(let name, let detail):
            return name + (detail.map { ": \($0)" } ?? " (online)")
        case .ask(_, let text):
            return text
        case .note(let text):
            return text
        }
    }

    /// A person's name with their title and routes.
    static func person(_ person: Person) -> String {
        var parts = [person.name]
        if let title = person.title { parts[0] += title.contains("(") ? ", \(title)" : " (\(title))" }
        if let phone = person.phone { parts.append(phone) }
        if let email = person.email { parts.append(email) }
        return parts.joined(separator: ", ")
    }

    static func saved(_ contact: SavedContact) -> String {
        ([contact.name] + [contact.phone, contact.email].compactMap { $0 }).joined(separator: ", ")
    }

    /// How to reach `level`: a contact the user saved for its role comes
    /// first, then its named person, then the routes the matrix gives. A
    /// level that is a mailbox lists the mailbox first: its person is for
    /// follow-up once the issue is assigned.
    ///
    /// A `reader` who is the role a level says to ask (a CCM) is not told to
    /// ask themselves: they are pointed to their own managers and, when the
    /// organisation publishes them, its regional `lists`.
    ///
    /// With the customer's `segment` known, the contacts of other segments
    /// are left out.
    static func reach(_ level: EscalationLevel, saved: [SavedContact], reader: String? = nil, lists: [ContactList] = [], segment: String? = nil) -> [String] {
        var lines: [String] = []
        var level = level
        level.contacts = level.contacts(for: segment)
        if let reader, level.contacts.contains(where: { if case .ask(reader, _) = $0 { return true } else { return false } }) {
            level.contacts.removeAll { if case .ask(reader, _) = $0 { return true } else { return false } }
            if level.contacts.isEmpty && level.person == nil {
                // "Management for indirect Pacific Coast region" → "Pacific Coast region".
                let example = lists.first.map { list in
                    ["Management for indirect ", "Management for "].first { list.title.hasPrefix($0) }.map { String(list.title.dropFirst($0.count)) } ?? list.title
                }
                level.contacts = [.note(example.map {
                    "Use your own management chain, or the management contacts for the customer's region (e.g. “who are the management contacts for the \($0)?”)."
                } ?? "Use your own management chain; the matrix publishes no contact for this level.")]
            }
        }
        if let role = level.role, let contact = saved.last(where: { $0.role == role }) {
            lines.append("\(ContactText.saved(contact)) (saved by \(contact.savedBy))")
        }
        let mailboxFirst = level.person != nil && level.contacts.contains { route in
            if case .email(let address, _) = route { return address != level.person?.email }
            return false
        }
        if mailboxFirst { lines += self.lines(level.contacts) }
        if let person = level.person {
            // The person's own number and address, unless the routes below already give them.
            let given = level.contacts.map(line).joined(separator: " ")
            var shown = person
            if let phone = person.phone, given.contains(phone) { shown.phone = nil }
            if let email = person.email, given.contains(email) { shown.email = nil }
            lines.append(ContactText.person(shown) + (mailboxFirst ? ", for follow-up once your issue is assigned" : ""))
        }
        if !mailboxFirst { lines += self.lines(level.contacts) }
        return lines
    }
}
