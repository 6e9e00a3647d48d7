/// Where a ticket stands.
public enum TicketStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case open
    case waitingOnCustomer = "waiting_on_customer"
    case escalated
    case deescalated
    case closed
    case reopened

    public var words: String {
        switch self {
        case .open: return "open"
        case .waitingOnCustomer: return "waiting on the customer"
        case .escalated: return "escalated"
        case .deescalated: return "de-escalated"
        case .closed: return "closed"
        case .reopened: return "reopened"
        }
    }

    public var isActive: Bool { self != .closed }
}

/// A reminder on a ticket ("waiting on the customer until Monday"): due at
/// an instant, and met once the customer is heard from or the ticket moves on.
public struct Reminder: Hashable, Sendable {
    public var due: Instant
    public var what: String
    public var setAt: Instant

    public init(due: Instant, what: String, setAt: Instant) {
        self.due = due
        self.what = what
        self.setAt = setAt
    }
}

/// A ticket as its event log makes it: the aggregate the assistant works on.
///
/// Build one with `Ticket(events:)`; every field is derived from the log, so
/// that the log stays the single source of truth.
public struct Ticket: Hashable, Sendable {
    public var id: Int
    public var details: TicketDetails
    public var status: TicketStatus
    public var openedAt: Instant
    public var openedBy: String
    /// The level engaged now (`nil` before anyone is contacted).
    public var level: Int?
    /// When the current level was first engaged (its wait runs from here).
    public var engagedAt: Instant?
    /// The first level engaged on this ticket.
    public var entryLevel: Int?
    /// Acknowledgements, by level, with when they came.
    public var acknowledgements: [Int: Instant]
    /// Finished pauses (waiting on the customer).
    public var pauses: [InstantRange]
    /// A pause still running.
    public var pausedSince: Instant?
    public var plan: CommunicationPlan?
    /// When the plan was set or the customer last heard something.
    public var lastUpdateAt: Instant?
    /// Conditions raised (`production_down`, `sla_missed`, `business_impact`).
    public var conditions: [String]
    public var closure: (code: String, note: String?, agreedBy: String, at: Instant)?
    public var deescalationAnswers: [ChecklistAnswer]
    /// Reminders set on the ticket, oldest first.
    public var reminders: [Reminder]
    /// When the customer was last in touch either way.
    public var lastCustomerContactAt: Instant?
    /// Every event, undone ones included, in the order recorded.
    public var events: [TicketEvent]
    /// Events cancelled by an `undone` event.
    public var undone: Set<Int64>

    public static func == (lhs: Ticket, rhs: Ticket) -> Bool { lhs.events == rhs.events }
    public func hash(into hasher: inout Hasher) { hasher.combine(events) }

    /// `#12`.
    public var label: String { "#\(id)" }

    /// How many events its log holds. A change prepared against one version
    /// is refused once the log has grown past it.
    public var version: Int { events.count }

    /// The events that count: not undone, and not the undo markers themselves.
    public var effectiveEvents: [TicketEvent] {
        events.filter { event in
            if undone.contains(event.id) { return false }
            if case .undone = event.kind { return false }
            return true
        }
    }

    /// The last event that can still be undone.
    public var lastUndoable: TicketEvent? {
        effectiveEvents.last { if case .opened = $0.kind { return false } else { return true } }
    }

    /// When the ticket was last touched.
    public var updatedAt: Instant { events.map(\.recordedAt).max() ?? openedAt }

    /// All pauses, a running one cut off at `now`.
    public func pauses(until now: Instant) -> [InstantRange] {
        guard let pausedSince, pausedSince < now else { return pauses }
        return pauses + [InstantRange(start: pausedSince, end: now)]
    }
}
