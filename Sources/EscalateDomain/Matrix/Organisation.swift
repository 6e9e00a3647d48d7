/// A role on an account team or a ladder, and what it does.
public struct RoleDescription: Hashable, Sendable {
    /// `ccm`, `sales_engineer`.
    public var id: String
    public var title: String
    public var abbreviation: String?
    public var organisations: [String]
    public var duties: [String]

    public init(id: String, title: String, abbreviation: String? = nil, organisations: [String] = [], duties: [String]) {
        self.id = id
        self.title = title
        self.abbreviation = abbreviation
        self.organisations = organisations
        self.duties = duties
    }
}

/// A named list of contacts: CenturyLink's management per indirect region.
public struct ContactList: Hashable, Sendable {
    public var id: String
    public var title: String
    public var people: [Person]

    public init(id: String, title: String, people: [Person]) {
        self.id = id
        self.title = title
        self.people = people
    }
}

/// An organisation and its escalation processes.
public struct Organisation: Hashable, Sendable {
    /// `lumen`, `centurylink`, `cms`, `support`.
    public var id: String
    public var name: String
    public var summary: String
    public var processes: [EscalationProcess]
    /// Where topics go when there is no ticket yet.
    public var routes: [Route]
    public var contactLists: [ContactList]
    public var notes: [String]

    public init(id: String, name: String, summary: String = "", processes: [EscalationProcess], routes: [Route] = [], contactLists: [ContactList] = [], notes: [String] = []) {
        self.id = id
        self.name = name
        self.summary = summary
        self.processes = processes
        self.routes = routes
        self.contactLists = contactLists
        self.notes = notes
    }

    public func process(_ id: String) -> EscalationProcess? { processes.first { $0.id == id } }
}
