/// A role on an account team or a ladder, and what it does.
public struct RoleDescription: Hashable, Sendable {
    /// `ccm`, `sales_engineer`.
    public var id: String
    public var title: String
    public var abbreviation: String?
    public var organisations: [String]
    public var duties: [String]
    /// Other ways people name it ("the director", "my CCM's boss").
    public var aliases: [String] = []
    /// The roles whose ladder level serves this one when no level holds it
    /// ("the director" is the CCM manager / director / VP level).
    public var coveredBy: [String] = []
    /// The role a user who says `:role ccm` plays on the ladders.
    public var isReaderRole = false
    /// The role that contacts this one for the customer, and what to tell a
    /// customer who asks to do it themselves.
    public var contactedBy: String?
    public var contactedByText: String?

    public init(id: String, title: String, abbreviation: String? = nil, organisations: [String] = [], duties: [String]) {
        self.id = id
        self.title = title
        self.abbreviation = abbreviation
        self.organisations = organisations
        self.duties = duties
    }
}

/// A customer segment an organisation serves differently (its own hours,
/// desks and account-team role): Lumen's Enterprise and National Wholesale.
public struct Segment: Hashable, Sendable {
    public var id: String
    public var name: String
    public var aliases: [String]
    /// The account-team role that escalates for customers of this segment.
    public var accountTeamRole: String?

    public init(id: String, name: String, aliases: [String] = [], accountTeamRole: String? = nil) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.accountTeamRole = accountTeamRole
    }
}

/// A kind of outside number an organisation gives its issues (CMS's 6-digit
/// IMS number, Lumen's GCR number), and how to recognise one.
public struct ReferenceKind: Hashable, Sendable {
    /// The id stored on tickets (`ims`).
    public var id: String
    /// How it is named in replies (`IMS`).
    public var label: String
    /// Words that introduce one ("ims", "gcr").
    public var words: [String]
    /// What the number itself looks like: digits only, letters and digits, and how long.
    public var digitsOnly: Bool
    public var length: ClosedRange<Int>?
    public var notes: [String]

    public init(id: String, label: String, words: [String], digitsOnly: Bool = false, length: ClosedRange<Int>? = nil, notes: [String] = []) {
        self.id = id
        self.label = label
        self.words = words
        self.digitsOnly = digitsOnly
        self.length = length
        self.notes = notes
    }

    /// Whether `value` looks like a number of this kind.
    public func accepts(_ value: String) -> Bool {
        if let length, !length.contains(value.count) { return false }
        if digitsOnly { return !value.isEmpty && value.allSatisfy(\.isNumber) }
        return value.contains { $0.isNumber } && value.allSatisfy { $0.isNumber || $0.isLetter || $0 == "-" }
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
    /// Other names for it ("Century Link", "CTL").
    public var aliases: [String] = []
    public var segments: [Segment] = []
    public var referenceKinds: [ReferenceKind] = []

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
