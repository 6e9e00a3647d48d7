import EscalateDomain
import EscalateUnderstanding

/// What the conversation is about, as one value: each turn reads it and
/// returns the next one. What a line leaves out is filled from it; what a
/// line names replaces it. It holds no store and no clock, so it can be
/// saved, compared and tested like any value.
public struct DialogueState: Sendable, Codable, Equatable {
    /// Lines handled so far.
    public var turn = 0
    /// The organisation, process, topic, segment and region last talked about.
    public var topic = Topic()
    /// The ticket last mentioned, opened or changed ("it").
    public var focus: Focus?
    /// The level or person the last answer named ("their number", "after that").
    public var subject: Subject?
    /// The day last asked about ("and on Monday?" replaces it).
    public var day: LocalDate?
    /// The last question answered, for "what about CMS?" and "and on Monday?".
    public var lastQuestion: Request?
    /// What "why?" explains: the arithmetic or the source behind the last answer.
    public var explanation: [String]?
    /// A question the assistant asked and is waiting on.
    public var pending: PendingQuestion?
    /// Details said with no ticket to hold them, by field id: the sender's
    /// own ("my e-mail is …"), the customer ("my company is …"), the issue,
    /// and an account number, service location or order said before any
    /// ticket. Drafts and the facts' templates fill in from them, and the
    /// next ticket opened starts with them.
    public var details: [String: String] = [:]
    /// This session's own changes, oldest first: what "undo" takes back.
    public var changes: [ChangeRecord] = []
    /// The details as they were before the last line that changed them, and
    /// that line's turn: what "undo" restores when it was the last change.
    public var detailsBefore: DetailsChange?
    /// A change asked for on the line before and refused ("the technician
    /// is not on that ladder"): what "no wait, I meant #2" corrects, rather
    /// than the last change that was made.
    public var refused: RefusedChange?

    public init() {}

    /// The ticket in focus, when it was named on this line or the one before.
    public func recentFocus(at turn: Int) -> Int? {
        guard let focus, focus.turn >= turn - 1 else { return nil }
        return focus.ticketID
    }

    public mutating func focus(on ticketID: Int) { focus = Focus(ticketID: ticketID, turn: turn) }
}

/// The ticket in focus and the turn it was last named on.
public struct Focus: Sendable, Codable, Equatable {
    public var ticketID: Int
    public var turn: Int
}

/// What the conversation is about when no ticket says so.
public struct Topic: Sendable, Codable, Equatable {
    public var organisation: String?
    public var process: String?
    public var category: String?
    public var segment: String?
    public var region: String?

    public init(organisation: String? = nil, process: String? = nil, category: String? = nil, segment: String? = nil, region: String? = nil) {
        self.organisation = organisation
        self.process = process
        self.category = category
        self.segment = segment
        self.region = region
    }
}

/// The level or person an answer named, for follow-ups about "them".
public enum Subject: Sendable, Codable, Equatable {
    /// A level of a process's ladder.
    case level(process: String, number: Int)
    /// Someone named in the matrices or saved by the user.
    case person(name: String)
    /// A role without a level (the channel manager, a saved CCM).
    case role(String)
    /// An organisation's desk for a topic ("who do I call about my Lumen
    /// invoice?"), for "and their e-mail?".
    case route(organisation: String, topic: String, segment: String?)
}

/// One turn's changes, as recorded: which events on which tickets, so that
/// "undo" takes back the whole turn ("escalate #1 and #2", then "undo").
public struct ChangeRecord: Sendable, Codable, Equatable {
    public var turn: Int
    /// Event ids recorded, by ticket.
    public var events: [Int: [Int64]]
    /// The request that made them, for "no wait, I meant #2".
    public var request: Request
    /// When they were recorded.
    public var at: Instant

    public init(turn: Int, events: [Int: [Int64]], request: Request, at: Instant) {
        self.turn = turn
        self.events = events
        self.request = request
        self.at = at
    }
}

/// A change the assistant refused, and the turn it was asked on.
public struct RefusedChange: Sendable, Codable, Equatable {
    public var request: Request
    public var turn: Int
}

/// Details said with no ticket, as they were before a line changed them.
public struct DetailsChange: Sendable, Codable, Equatable {
    public var previous: [String: String]
    public var turn: Int
}
