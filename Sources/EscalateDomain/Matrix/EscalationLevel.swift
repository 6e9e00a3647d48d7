/// What a level promises, and by when ("acknowledges within 4 business hours").
public struct Promise: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Acknowledges your call or e-mail.
        case acknowledge
        /// Responds, e.g. confirming who works the issue.
        case respond
        /// Gets in contact with you.
        case contact
        /// Completes the request (an SLA such as 3 business days).
        case complete

        /// `acknowledgement`, `response`, `contact`, `completion`.
        public var noun: String {
            switch self {
            case .acknowledge: return "acknowledgement"
            case .respond: return "response"
            case .contact: return "contact"
            case .complete: return "completion"
            }
        }
    }

    public var kind: Kind
    public var within: BusinessSpan
    /// The calendar the promise is measured in, when not the level's own.
    public var calendar: String?
    /// The promise in the source's words.
    public var text: String

    public init(kind: Kind, within: BusinessSpan, calendar: String? = nil, text: String) {
        self.kind = kind
        self.within = within
        self.calendar = calendar
        self.text = text
    }
}

/// A condition under which the wait before the next level does not apply.
public struct Condition: Hashable, Sendable {
    /// `production_down`, `sla_missed`, `business_impact`, `not_satisfied`.
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

/// One rung of an escalation ladder.
public struct EscalationLevel: Hashable, Sendable {
    /// The level's number as the source document gives it (CMS starts its
    /// escalations at "1st level" after the billing mailbox, which is 0 here).
    public var number: Int
    public var title: String
    /// The role id (`ccm`, `regional_manager`), for "my CCM" and "the director".
    public var role: String?
    public var person: Person?
    public var contacts: [ContactRoute]
    /// The calendar the level's waits and promises are measured in.
    public var calendar: String
    /// Calendars that replace it for a customer segment (`wholesale`).
    public var calendarBySegment: [String: String] = [:]
    /// The segment a contact serves, for the contacts that serve one only
    /// (Lumen billing's Enterprise and National Wholesale desks).
    public var contactSegments: [ContactRoute: String] = [:]

    /// The contacts for a customer of `segment`: those of other segments
    /// are left out. With no segment known, every contact.
    public func contacts(for segment: String?) -> [ContactRoute] {
        guard let segment else { return contacts }
        return contacts.filter { contactSegments[$0].map { $0 == segment } ?? true }
    }
    /// The business time to allow before the next level may be engaged; `nil`
    /// when the source sets no wait (go up when the conditions are met).
    public var wait: BusinessSpan?
    /// The wait once this level has acknowledged: CMS expects follow-up in 2–4 weeks.
    public var waitAfterAcknowledgement: BusinessSpan?
    public var promises: [Promise]
    /// Conditions that open the next level at once.
    public var skipWhen: [String]
    public var notes: [String]
    /// You may go to this level at any time, whatever the wait below it
    /// ("ask to speak with a Duty Manager at any time").
    public var anyTime = false
    /// The level below assigns this one to you (an Escalation Engineer);
    /// it is not a level you contact yourself.
    public var assigned = false

    public init(
        number: Int, title: String, role: String? = nil, person: Person? = nil, contacts: [ContactRoute] = [],
        calendar: String, wait: BusinessSpan? = nil, waitAfterAcknowledgement: BusinessSpan? = nil,
        promises: [Promise] = [], skipWhen: [String] = [], notes: [String] = []
    ) {
        self.number = number
        self.title = title
        self.role = role
        self.person = person
        self.contacts = contacts
        self.calendar = calendar
        self.wait = wait
        self.waitAfterAcknowledgement = waitAfterAcknowledgement
        self.promises = promises
        self.skipWhen = skipWhen
        self.notes = notes
    }

    /// `Level 2: Regional manager, Service Delivery`.
    public var label: String { "Level \(number): \(title)" }

    /// The promise of a kind, if the level makes one.
    public func promise(_ kind: Promise.Kind) -> Promise? { promises.first { $0.kind == kind } }
}
