/// A way to reach a level, a desk or a person.
public enum ContactRoute: Hashable, Sendable {
    /// A phone number, with an extension or menu option (`option 2`) and
    /// the calendar whose hours it is answered in.
    case phone(number: String, detail: String?, calendar: String?)
    case email(address: String, detail: String?)
    /// An online portal (Lumen Connect), with what to do there.
    case portal(name: String, detail: String?)
    /// The contact is not published: ask your CCM (or another role) for it.
    case ask(role: String, text: String)
    /// Any other instruction, in words.
    case note(String)

    public var channel: Channel? {
        switch self {
        case .phone: return .phone
        case .email: return .email
        case .portal: return .portal
        case .ask, .note: return nil
        }
    }
}

/// How a contact was made or is to be made.
public enum Channel: String, Hashable, Sendable, CaseIterable, Codable {
    case phone, email, portal, meeting

    public var noun: String {
        switch self {
        case .phone: return "phone"
        case .email: return "e-mail"
        case .portal: return "the portal"
        case .meeting: return "conference call"
        }
    }
}

/// A named person, always fictional in the shipped data.
public struct Person: Hashable, Sendable {
    public var name: String
    public var title: String?
    public var phone: String?
    public var email: String?

    public init(name: String, title: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.title = title
        self.phone = phone
        self.email = email
    }

    /// The person's own routes: phone, then e-mail.
    public var routes: [ContactRoute] {
        var routes: [ContactRoute] = []
        if let phone { routes.append(.phone(number: phone, detail: nil, calendar: nil)) }
        if let email { routes.append(.email(address: email, detail: nil)) }
        return routes
    }
}
