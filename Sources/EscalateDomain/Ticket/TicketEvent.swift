/// An outside number a ticket is known by: an order number, or a kind an
/// organisation defines in its data (a CMS IMS number, a Lumen GCR).
public struct TicketReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind of number, by the id the data gives it (`ims`, `gcr`,
    /// `order`). An open set: a new organisation brings its own kinds.
    public struct Kind: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
        public var description: String { rawValue }

        /// The customer's order number, which every organisation has.
        public static let order: Kind = "order"
    }

    public var kind: Kind
    public var value: String

    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// `order N123456`, `repair ticket 98765`; the catalog names the kinds
    /// it defines ("IMS 482913").
    public var description: String {
        let label = kind == "repair" ? "repair ticket" : kind.rawValue.replacingOccurrences(of: "_", with: " ")
        return "\(label) \(value)"
    }
}

/// What is known of a ticket when it is opened.
public struct TicketDetails: Hashable, Sendable, Codable {
    public var customer: String
    public var account: String?
    public var organisation: String
    public var process: String
    public var summary: String
    public var impact: String?
    public var severity: String?
    public var milestone: LocalDate?
    public var references: [TicketReference]
    /// The customer's segment (`enterprise`, `wholesale`), where hours depend on it.
    public var segment: String?
    /// The service location, for account-maintenance e-mails.
    public var location: String?
    /// The e-mail and phone of whoever writes about the ticket, for drafts.
    public var senderEmail: String?
    public var senderPhone: String?

    public init(customer: String, account: String? = nil, organisation: String, process: String, summary: String,
                impact: String? = nil, severity: String? = nil, milestone: LocalDate? = nil, references: [TicketReference] = [],
                segment: String? = nil) {
        self.customer = customer
        self.account = account
        self.organisation = organisation
        self.process = process
        self.summary = summary
        self.impact = impact
        self.severity = severity
        self.milestone = milestone
        self.references = references
        self.segment = segment
    }
}

/// A contact with a level: attempted, made, or acknowledged by it.
public struct ContactRecord: Hashable, Sendable, Codable {
    public var level: Int
    public var person: String?
    public var channel: Channel?
    public var note: String?

    public init(level: Int, person: String? = nil, channel: Channel? = nil, note: String? = nil) {
        self.level = level
        self.person = person
        self.channel = channel
        self.note = note
    }
}

/// An agreed communication plan: how often, how, and with whom.
public struct CommunicationPlan: Hashable, Sendable, Codable {
    public var every: BusinessSpan
    public var channel: Channel?
    public var attendees: [String]
    /// Hours on the clock, nights, weekends and holidays included ("every 2
    /// hours"), rather than business hours ("every 2 business hours").
    public var clockTime: Bool
    /// The time of day a daily plan's update is due ("every business day
    /// at 4pm"), in `zone`; nil when it is due a span after the last one.
    public var at: TimeOfDay?
    public var zone: Zone?

    public init(every: BusinessSpan, channel: Channel? = nil, attendees: [String] = [], clockTime: Bool = false, at: TimeOfDay? = nil, zone: Zone? = nil) {
        self.every = every
        self.channel = channel
        self.attendees = attendees
        self.clockTime = clockTime
        self.at = at
        self.zone = zone
    }

    enum CodingKeys: String, CodingKey { case every, channel, attendees, clockTime, at, zone }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(every, forKey: .every)
        try container.encodeIfPresent(channel, forKey: .channel)
        try container.encode(attendees, forKey: .attendees)
        try container.encode(clockTime, forKey: .clockTime)
        try container.encodeIfPresent(at?.seconds, forKey: .at)
        try container.encodeIfPresent(zone, forKey: .zone)
    }

    /// The days between updates of a plan due at a time of day, if it is one.
    public var dailyAt: (days: Int, at: TimeOfDay)? {
        guard let at else { return nil }
        switch every {
        case .businessDays(let days), .workingDays(let days): return (days, at)
        case .hours: return nil
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        every = try container.decode(BusinessSpan.self, forKey: .every)
        channel = try container.decodeIfPresent(Channel.self, forKey: .channel)
        attendees = try container.decodeIfPresent([String].self, forKey: .attendees) ?? []
        // Plans recorded before clock time existed counted business hours.
        clockTime = try container.decodeIfPresent(Bool.self, forKey: .clockTime) ?? false
        at = try container.decodeIfPresent(Int.self, forKey: .at).map { TimeOfDay(seconds: $0) }
        zone = try container.decodeIfPresent(Zone.self, forKey: .zone)
    }

    /// `every 4 business hours by e-mail`, `every business hour by conference
    /// call`, `every 2 hours around the clock by phone`.
    public var description: String {
        var text = "every \(every)"
        switch every {
        case .hours(let seconds) where clockTime:
            text = seconds == 3600 ? "every hour" : "every \(BusinessDuration(seconds: seconds).spoken)"
            text += " around the clock"
        case .hours(let seconds) where seconds == 3600: text = "every business hour"
        case .businessDays(1): text = "every business day"
        case .workingDays(1): text = "every working day"
        default: break
        }
        // The zone is said with each due time, not here.
        if let at, dailyAt != nil { text += " at \(at)" }
        if let channel { text += " by \(channel.noun)" }
        if let last = attendees.last {
            text += " with " + (attendees.count == 1 ? last : attendees.dropLast().joined(separator: ", ") + " and " + last)
        }
        return text
    }
}

/// A detail of a ticket that can be given at opening or later ("the account
/// number for #2 is 449812", "my e-mail is …").
public struct TicketField: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let account: TicketField = "account"
    public static let location: TicketField = "location"
    public static let order: TicketField = "order"
    public static let senderEmail: TicketField = "sender_email"
    public static let senderPhone: TicketField = "sender_phone"
    public static let all: [TicketField] = [.account, .location, .order, .senderEmail, .senderPhone]

    /// "account number", "service location", "your e-mail".
    public var description: String {
        switch self {
        case .account: return "account number"
        case .location: return "service location"
        case .order: return "order number"
        case .senderEmail: return "your e-mail"
        case .senderPhone: return "your phone"
        default: return rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }
}

/// A contact with the customer, from the CCM's side: the customer called or
/// wrote, or the CCM reached them. An outbound update is what a
/// communication plan asks for.
public struct CustomerContact: Hashable, Sendable, Codable {
    /// The customer got in touch (rather than being reached).
    public var inbound: Bool
    public var channel: Channel?
    public var note: String?
    /// An update sent to the customer under the plan.
    public var isUpdate: Bool
    /// Nobody answered (a voicemail, no reply).
    public var attemptOnly: Bool

    public init(inbound: Bool, channel: Channel? = nil, note: String? = nil, isUpdate: Bool = false, attemptOnly: Bool = false) {
        self.inbound = inbound
        self.channel = channel
        self.note = note
        self.isUpdate = isUpdate
        self.attemptOnly = attemptOnly
    }
}

/// One answer on a checklist.
public struct ChecklistAnswer: Hashable, Sendable, Codable {
    public var item: String
    public var yes: Bool

    public init(item: String, yes: Bool) {
        self.item = item
        self.yes = yes
    }
}

/// What happened to a ticket. Events are never edited or deleted: a
/// correction is a new event, and `undone` cancels an earlier one.
public enum TicketEventKind: Hashable, Sendable {
    case opened(TicketDetails)
    case contactAttempted(ContactRecord)
    case contactMade(ContactRecord)
    case acknowledged(ContactRecord)
    case updateLogged(note: String)
    case escalated(toLevel: Int, reason: String?, condition: String?)
    case deescalated(answers: [ChecklistAnswer])
    case paused(reason: String?)
    case resumed(note: String?)
    case planSet(CommunicationPlan)
    case closed(code: String, note: String?, agreedBy: String)
    case reopened(reason: String?)
    case referenceAdded(TicketReference)
    case conditionRaised(condition: String, note: String?)
    /// The customer's segment became known ("Globex is National Wholesale").
    case segmentSet(String)
    /// A detail given after opening ("the account number for #2 is 449812").
    case fieldSet(field: TicketField, value: String)
    /// A contact with the customer: a call or e-mail either way, or an update sent.
    case customerContact(CustomerContact)
    /// A reminder due at an instant ("waiting on the customer until Monday").
    case reminderSet(due: Instant, what: String)
    case undone(eventID: Int64)

    /// The event's type, as stored and exported (`contact_attempted`).
    public var type: String {
        switch self {
        case .opened: return "opened"
        case .contactAttempted: return "contact_attempted"
        case .contactMade: return "contact_made"
        case .acknowledged: return "acknowledged"
        case .updateLogged: return "update_logged"
        case .escalated: return "escalated"
        case .deescalated: return "deescalated"
        case .paused: return "paused"
        case .resumed: return "resumed"
        case .planSet: return "plan_set"
        case .closed: return "closed"
        case .reopened: return "reopened"
        case .referenceAdded: return "reference_added"
        case .conditionRaised: return "condition_raised"
        case .segmentSet: return "segment_set"
        case .fieldSet: return "field_set"
        case .customerContact: return "customer_contact"
        case .reminderSet: return "reminder_set"
        case .undone: return "undone"
        }
    }
}

/// An entry in a ticket's append-only log.
public struct TicketEvent: Hashable, Sendable {
    /// Assigned by the store, increasing; 0 before the event is saved.
    public var id: Int64
    public var ticketID: Int
    /// When it happened ("I called at 9am").
    public var occurredAt: Instant
    /// When it was recorded.
    public var recordedAt: Instant
    public var author: String
    public var kind: TicketEventKind

    public init(id: Int64 = 0, ticketID: Int, occurredAt: Instant, recordedAt: Instant, author: String, kind: TicketEventKind) {
        self.id = id
        self.ticketID = ticketID
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.author = author
        self.kind = kind
    }
}
