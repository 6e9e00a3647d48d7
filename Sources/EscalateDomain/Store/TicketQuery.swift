/// When a ticket next needs attention, kept indexed by the store so that
/// "what is overdue?" never recomputes every ticket.
public struct TicketSchedule: Hashable, Sendable {
    /// The earliest promise or plan deadline still open.
    public var nextDue: Instant?
    /// What is due then ("acknowledgement from Level 2").
    public var nextDueWhat: String?
    /// When the next level opens (or opened), if it has not been engaged.
    public var nextLevelAt: Instant?

    public init(nextDue: Instant? = nil, nextDueWhat: String? = nil, nextLevelAt: Instant? = nil) {
        self.nextDue = nextDue
        self.nextDueWhat = nextDueWhat
        self.nextLevelAt = nextLevelAt
    }
}

/// One line of a ticket list, read from the store's index without the log.
public struct TicketSummary: Hashable, Sendable {
    public var id: Int
    public var customer: String
    public var organisation: String
    public var process: String
    public var summary: String
    public var status: TicketStatus
    public var level: Int?
    public var openedBy: String
    public var updatedAt: Instant
    public var schedule: TicketSchedule
    /// How many events its log holds: a change based on an older version is refused.
    public var version: Int

    public init(id: Int, customer: String, organisation: String, process: String, summary: String, status: TicketStatus,
                level: Int?, openedBy: String, updatedAt: Instant, schedule: TicketSchedule, version: Int = 0) {
        self.id = id
        self.customer = customer
        self.organisation = organisation
        self.process = process
        self.summary = summary
        self.status = status
        self.level = level
        self.openedBy = openedBy
        self.updatedAt = updatedAt
        self.schedule = schedule
        self.version = version
    }
}

/// Which tickets to list.
public struct TicketQuery: Hashable, Sendable {
    public enum Filter: Hashable, Sendable {
        case active
        case all
        case closed
        case status(TicketStatus)
        /// Something due at or before this instant.
        case dueBy(Instant)
        /// Something due in `[from, to)`.
        case dueBetween(Instant, Instant)
        /// A next level that opened in `(after, upTo]`.
        case levelOpenedBetween(after: Instant, upTo: Instant)
        case dueCrossedBetween(after: Instant, upTo: Instant)
    }

    public var filter: Filter
    public var openedBy: String?
    public var limit: Int?

    public init(_ filter: Filter, openedBy: String? = nil, limit: Int? = nil) {
        self.filter = filter
        self.openedBy = openedBy
        self.limit = limit
    }
}

/// A contact the user told the assistant about ("my CCM is Dana Reyes").
public struct SavedContact: Hashable, Sendable, Codable {
    /// The role id (`ccm`), or nil for a person with no role.
    public var role: String?
    public var name: String
    public var phone: String?
    public var email: String?
    public var organisation: String?
    public var savedBy: String
    public var savedAt: Instant

    public init(role: String?, name: String, phone: String? = nil, email: String? = nil, organisation: String? = nil, savedBy: String, savedAt: Instant) {
        self.role = role
        self.name = name
        self.phone = phone
        self.email = email
        self.organisation = organisation
        self.savedBy = savedBy
        self.savedAt = savedAt
    }
}
