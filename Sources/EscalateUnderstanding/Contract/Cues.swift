/// What a line says besides its intent and slots: how it is put (a question,
/// a request for permission, a hypothetical), whether the request is denied
/// ("don't close it"), a short answer to a pending question, tickets listed
/// together, and the phrases that change how a handler records or answers
/// ("called me", "left a voicemail"). Read once, in understanding, so that
/// nothing downstream reads the raw line again.
public struct Cues: Hashable, Sendable, Codable {
    /// "can I…", "should we…", "how do I…", "when will…": advice, not an instruction.
    public var asksPermission = false
    /// A sentence asks who, what, where or which ("… acct 77001. who do I send it to").
    public var hasWhQuestion = false
    /// The first word, when it is a question word ("when", "what", "how").
    public var questionWord: String?
    /// The line ends in a question mark.
    public var endsWithQuestionMark = false
    /// "what happens once I request an escalation?"
    public var asksWhatHappens = false
    /// "don't close #1 yet", "my CCM hasn't called back": the request's own clause is negated.
    public var negated = false
    /// "if the SLA was missed…", "suppose…": weighed, never recorded.
    public var hypothetical = false
    /// A line that is only a short answer ("yes", "2", "the second one").
    public var shortAnswer: ShortAnswer?
    /// Ticket numbers listed together ("#1 and #2"), in order.
    public var listedTickets: [Int] = []
    /// A known customer the line names as whole words.
    public var customer: String?
    /// Small talk in front of the request ("hi, …", "thanks, …").
    public var leadingSmallTalk = false
    /// The line starts with "and" ("and billing?"): it carries on from the
    /// last answer. Said even when the request read is the rest of the line.
    public var startsWithAnd = false
    /// How many words the line has.
    public var wordCount = 0
    /// Only organisations, topics and segments, and at most one other word ("CMS billing").
    public var bareTopic = false
    /// People named after "with" or "attendees:", as typed.
    public var attendees: [String] = []
    public var phrases: Set<Cue> = []

    public init() {}

    public func has(_ cue: Cue) -> Bool { phrases.contains(cue) }
}

/// A short answer to a question the assistant asked.
public enum ShortAnswer: Hashable, Sendable, Codable {
    case yes
    case no
    case cancel
    /// "ok", "got it": heard, nothing to do.
    case okay
    case redo
    /// A bare number ("2"), or an ordinal ("the second one").
    case number(Int)
}

/// A phrase that matters to how a handler answers or records.
public struct Cue: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// "the engineer called me": they reached you, so you spoke.
    public static let inbound = Cue(rawValue: "inbound")
    /// "the customer called me", "the customer e-mailed": contact with the customer, not a level.
    public static let withCustomer = Cue(rawValue: "with_customer")
    /// "the customer called me": the customer got in touch.
    public static let fromCustomer = Cue(rawValue: "from_customer")
    /// "update", "updated": what was sent was an update.
    public static let updateWord = Cue(rawValue: "update_word")
    public static let spoke = Cue(rawValue: "spoke")
    public static let assigned = Cue(rawValue: "assigned")
    public static let voicemail = Cue(rawValue: "voicemail")
    /// "no answer", "couldn't reach them": an attempt that reached nobody.
    public static let noAnswer = Cue(rawValue: "no_answer")
    /// A word with "mail" in it: the channel was e-mail.
    public static let mail = Cue(rawValue: "mail")
    /// "email my CCM for me", "can you call the director?": a request to make contact.
    public static let requestToContact = Cue(rawValue: "request_to_contact")
    /// "what's Dana's e-mail / address?"
    public static let asksEmail = Cue(rawValue: "asks_email")
    /// "what's Dana's number?"
    public static let asksPhone = Cue(rawValue: "asks_phone")
    /// "my contacts", "saved contacts".
    public static let contactsList = Cue(rawValue: "contacts_list")
    /// "I don't know my CCM".
    public static let doesNotKnow = Cue(rawValue: "does_not_know")
    /// "they replied", "got back to me": a reply verb.
    public static let replied = Cue(rawValue: "replied")
    /// "the customer update", "e-mail to the customer".
    public static let customerUpdate = Cue(rawValue: "customer_update")
    /// "pause #1 until Monday".
    public static let until = Cue(rawValue: "until")
    /// "I don't have portal access", "access denied".
    public static let portalAccessProblem = Cue(rawValue: "portal_access_problem")
    /// "register", "sign up", "enrol".
    public static let registering = Cue(rawValue: "registering")
    /// "escalate", "escalation" anywhere in the line.
    public static let escalationWord = Cue(rawValue: "escalation_word")
    /// "checklist".
    public static let checklistWord = Cue(rawValue: "checklist_word")
    /// "what's the comms plan", "show the plan": asks to see, not to set.
    public static let asksToSee = Cue(rawValue: "asks_to_see")
    /// "around the clock", "24/7", "clock hours".
    public static let aroundTheClock = Cue(rawValue: "around_the_clock")
    /// "business hours", "working hours".
    public static let businessHours = Cue(rawValue: "business_hours")
    /// "open", "opened" (what a list or a question is about).
    public static let openWord = Cue(rawValue: "open_word")
    /// A new ticket's customer name whose end is not clear ("for Acme
    /// widget recall north depot"): ask rather than guess.
    public static let unclearCustomer = Cue(rawValue: "unclear_customer")
    /// A clock time said without am or pm ("at 1:45"): either of two times of day.
    public static let ambiguousClock = Cue(rawValue: "ambiguous_clock")
    /// A part of a day rather than a time ("this morning", "earlier").
    public static let vagueTime = Cue(rawValue: "vague_time")
    /// A day is named with the time ("yesterday at 4", "on Monday at 9").
    public static let dayNamed = Cue(rawValue: "day_named")
    /// "it", "they", "them", "there": something said before.
    public static let pronoun = Cue(rawValue: "pronoun")
}
