/// The name of an intent, as its file in `intents/` names it (`who_next`).
///
/// An open set of constants, in the style of GRDB's `ResultCode`: the
/// intents the assistant has handlers for are named here once, and a test
/// checks that every intent file has a handler and every handler a file.
public struct IntentName: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: IntentName, rhs: IntentName) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The examples of what is out of scope: never an intent of its own.
    public static let outOfScope: IntentName = "out_of_scope"

    // Questions about the ladders and the documents.
    public static let whoNext: IntentName = "who_next"
    public static let whenNext: IntentName = "when_next"
    public static let elapsedQuery: IntentName = "elapsed_query"
    public static let explain: IntentName = "explain"
    public static let contactLookup: IntentName = "contact_lookup"
    public static let roleInfo: IntentName = "role_info"
    public static let route: IntentName = "route"
    public static let hoursInfo: IntentName = "hours_info"
    public static let ladder: IntentName = "ladder"
    public static let timeline: IntentName = "timeline"
    public static let escalationChecklist: IntentName = "escalation_checklist"
    public static let closureInfo: IntentName = "closure_info"
    public static let promiseDue: IntentName = "promise_due"
    public static let fact: IntentName = "fact"
    public static let followUp: IntentName = "follow_up"
    // Questions about tickets.
    public static let status: IntentName = "status"
    public static let history: IntentName = "history"
    public static let list: IntentName = "list"
    public static let draftMessage: IntentName = "draft_message"
    // Changes.
    public static let setContact: IntentName = "set_contact"
    public static let setField: IntentName = "set_field"
    public static let openTicket: IntentName = "open_ticket"
    public static let logContact: IntentName = "log_contact"
    public static let logUpdate: IntentName = "log_update"
    public static let acknowledge: IntentName = "acknowledge"
    public static let escalate: IntentName = "escalate"
    public static let deescalate: IntentName = "deescalate"
    public static let pause: IntentName = "pause"
    public static let resume: IntentName = "resume"
    public static let setPlan: IntentName = "set_plan"
    public static let close: IntentName = "close"
    public static let reopen: IntentName = "reopen"
    public static let undo: IntentName = "undo"
    public static let correct: IntentName = "correct"
    public static let delete: IntentName = "delete"
    // Conversation.
    public static let help: IntentName = "help"
    public static let greet: IntentName = "greet"
    public static let thanks: IntentName = "thanks"
    public static let bye: IntentName = "bye"
    public static let currentTime: IntentName = "current_time"
    public static let cancel: IntentName = "cancel"

    /// Small talk: it never outranks a request beside it.
    public static let smallTalk: Set<IntentName> = [.greet, .thanks, .bye]
}

/// The name of a slot or an entity type (`ticket`, `role`, `closure_code`).
public struct SlotName: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: SlotName, rhs: SlotName) -> Bool { lhs.rawValue < rhs.rawValue }

    // Found by code.
    public static let ticket: SlotName = "ticket"
    public static let time: SlotName = "time"
    public static let duration: SlotName = "duration"
    public static let level: SlotName = "level"
    public static let person: SlotName = "person"
    public static let phone: SlotName = "phone"
    public static let email: SlotName = "email"
    // Free text.
    public static let customer: SlotName = "customer"
    public static let name: SlotName = "name"
    public static let note: SlotName = "note"
    // Enumerated, from the `.entity` files and the catalog.
    public static let org: SlotName = "org"
    public static let category: SlotName = "category"
    public static let segment: SlotName = "segment"
    public static let role: SlotName = "role"
    public static let channel: SlotName = "channel"
    public static let condition: SlotName = "condition"
    public static let closureCode: SlotName = "closure_code"
    public static let filter: SlotName = "filter"
    public static let region: SlotName = "region"
    public static let field: SlotName = "field"
    /// The value given for `field`, as typed.
    public static let value: SlotName = "value"
    /// A field said along with a new ticket: `field_account`, `field_location` ….
    public static func field(_ id: String) -> SlotName { SlotName(rawValue: "field_" + id) }
    public static let topic: SlotName = "topic"
    /// Set by the assistant: a process chosen in answer to "which process?".
    public static let process: SlotName = "process"
}
