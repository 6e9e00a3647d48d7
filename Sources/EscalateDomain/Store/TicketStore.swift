/// Read access to tickets and contacts: all that a question may use.
///
/// Every implementation (in memory, SQLite, PostgreSQL) is `Sendable` and
/// async, so that a turn may wait on a server without blocking the program,
/// and every failure is a `StoreError` with a code: reported, never swallowed.
public protocol TicketReading: Sendable {
    func ticket(_ id: Int) async throws -> Ticket?

    func tickets(_ query: TicketQuery) async throws -> [TicketSummary]

    /// How many tickets `query` finds, ignoring its limit.
    func count(_ query: TicketQuery) async throws -> Int

    /// Tickets known by an outside number.
    func tickets(withReference reference: TicketReference) async throws -> [TicketSummary]

    /// Tickets whose customer name contains `text` (case-insensitive).
    func tickets(customerMatching text: String) async throws -> [TicketSummary]

    func contacts() async throws -> [SavedContact]

    /// Events recorded after the event `id` (0 for all), oldest first, at most
    /// `limit`: how a session learns what teammates did since it last looked.
    func events(after id: Int64, limit: Int) async throws -> [TicketEvent]

    /// The id of the newest event, 0 when there is none.
    func latestEventID() async throws -> Int64
}

/// Where tickets and contacts live: the port the assistant and the commands
/// use, with one implementation per backend. A `ChangeSet` commits whole or
/// not at all, before any reply about it is printed.
public protocol TicketStore: TicketReading {
    /// Commits every change in `changes` in one transaction. A ticket whose
    /// version moved on since the change was prepared is refused with
    /// `.conflict`, and then nothing is saved. `schedule` re-indexes each
    /// changed ticket's deadlines.
    func commit(_ changes: ChangeSet, schedule: @escaping @Sendable (Ticket) -> TicketSchedule) async throws -> CommitReceipt

    /// Every ticket's full log, for export.
    func allEvents() async throws -> [TicketEvent]

    /// Adds events from an export, keeping their ticket ids; refuses ids
    /// already in use. All or nothing.
    func importEvents(_ events: [TicketEvent], schedule: @escaping @Sendable (Ticket) -> TicketSchedule) async throws -> Int
}

/// Changes to commit together: new tickets, events appended to existing
/// ones, and saved contacts, all by one author.
public struct ChangeSet: Sendable, Hashable {
    public var author: String
    /// The real time of writing; an event's own time is when it happened.
    public var recordedAt: Instant
    public var newTickets: [NewTicket]
    public var appends: [TicketAppend]
    public var contacts: [SavedContact]

    public init(author: String, recordedAt: Instant, newTickets: [NewTicket] = [], appends: [TicketAppend] = [], contacts: [SavedContact] = []) {
        self.author = author
        self.recordedAt = recordedAt
        self.newTickets = newTickets
        self.appends = appends
        self.contacts = contacts
    }

    public var isEmpty: Bool { newTickets.isEmpty && appends.isEmpty && contacts.isEmpty }
}

/// A ticket to open. Its number is assigned on commit; `placeholder` is how
/// the rest of the change set and the receipt refer to it until then.
public struct NewTicket: Sendable, Hashable {
    public var placeholder: Int
    public var details: TicketDetails
    public var openedAt: Instant
    /// Events to record right after the opening, in order.
    public var events: [PendingEvent]

    public init(placeholder: Int, details: TicketDetails, openedAt: Instant, events: [PendingEvent] = []) {
        self.placeholder = placeholder
        self.details = details
        self.openedAt = openedAt
        self.events = events
    }
}

/// Events to append to an existing ticket, based on the version it had when
/// the change was prepared (`nil`: whatever it has now).
public struct TicketAppend: Sendable, Hashable {
    public var ticketID: Int
    public var expectedVersion: Int?
    public var events: [PendingEvent]

    public init(ticketID: Int, expectedVersion: Int?, events: [PendingEvent]) {
        self.ticketID = ticketID
        self.expectedVersion = expectedVersion
        self.events = events
    }
}

/// An event not yet recorded: what happened and when it happened.
public struct PendingEvent: Sendable, Hashable {
    public var kind: TicketEventKind
    public var occurredAt: Instant

    public init(_ kind: TicketEventKind, at occurredAt: Instant) {
        self.kind = kind
        self.occurredAt = occurredAt
    }
}

/// What a commit did: the numbers given to new tickets, and every changed
/// ticket as it now stands.
public struct CommitReceipt: Sendable, Hashable {
    /// New ticket numbers by placeholder.
    public var assignedIDs: [Int: Int]
    /// The changed tickets, by number.
    public var tickets: [Int: Ticket]
    /// The ids of the events recorded, in order.
    public var eventIDs: [Int64]
    /// The same ids by ticket.
    public var eventIDsByTicket: [Int: [Int64]]

    public init(assignedIDs: [Int: Int] = [:], tickets: [Int: Ticket] = [:], eventIDs: [Int64] = [], eventIDsByTicket: [Int: [Int64]] = [:]) {
        self.assignedIDs = assignedIDs
        self.tickets = tickets
        self.eventIDs = eventIDs
        self.eventIDsByTicket = eventIDsByTicket
    }
}

extension TicketSummary {
    /// The index row a store keeps for `ticket`.
    public init(_ ticket: Ticket, schedule: TicketSchedule) {
        self.init(id: ticket.id, customer: ticket.details.customer, organisation: ticket.details.organisation,
                  process: ticket.details.process, summary: ticket.details.summary, status: ticket.status, level: ticket.level,
                  openedBy: ticket.openedBy, updatedAt: ticket.updatedAt, schedule: schedule, version: ticket.version)
    }
}

extension TicketQuery {
    /// Whether a ticket's index row is selected by this query's filter and author.
    public func selects(_ summary: TicketSummary) -> Bool {
        if let openedBy, summary.openedBy != openedBy { return false }
        switch filter {
        case .active: return summary.status.isActive
        case .all: return true
        case .closed: return summary.status == .closed
        case .status(let status): return summary.status == status
        case .dueBy(let instant): return summary.schedule.nextDue.map { $0 <= instant } ?? false
        case .dueBetween(let from, let to): return summary.schedule.nextDue.map { $0 >= from && $0 < to } ?? false
        case .levelOpenedBetween(let after, let upTo): return summary.schedule.nextLevelAt.map { $0 > after && $0 <= upTo } ?? false
        case .dueCrossedBetween(let after, let upTo): return summary.schedule.nextDue.map { $0 > after && $0 <= upTo } ?? false
        }
    }

    /// Orders index rows as the query asks: by id, or by the deadline it filters on.
    public func sorted(_ rows: [TicketSummary]) -> [TicketSummary] {
        let ordered: [TicketSummary]
        switch filter {
        case .dueBy, .dueBetween, .dueCrossedBetween:
            ordered = rows.sorted { ($0.schedule.nextDue!, $0.id) < ($1.schedule.nextDue!, $1.id) }
        case .levelOpenedBetween:
            ordered = rows.sorted { ($0.schedule.nextLevelAt!, $0.id) < ($1.schedule.nextLevelAt!, $1.id) }
        default:
            ordered = rows.sorted { $0.id < $1.id }
        }
        return limit.map { Array(ordered.prefix($0)) } ?? ordered
    }
}
