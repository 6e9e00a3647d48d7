/// Where a topic goes: "billing requests, Enterprise: 877-453-8353, option 2".
public struct Route: Hashable, Sendable {
    /// The topic (a category id: billing, repair, planned_maintenance …).
    public var topic: String
    /// A segment such as `enterprise` or `wholesale`, when the route depends on it.
    public var segment: String?
    public var title: String
    public var contacts: [ContactRoute]
    /// The calendar of the route's hours.
    public var calendar: String?
    public var promise: Promise?
    public var notes: [String]

    public init(topic: String, segment: String? = nil, title: String, contacts: [ContactRoute], calendar: String? = nil, promise: Promise? = nil, notes: [String] = []) {
        self.topic = topic
        self.segment = segment
        self.title = title
        self.contacts = contacts
        self.calendar = calendar
        self.promise = promise
        self.notes = notes
    }
}

/// An e-mail to send: its addresses, subject line and opening lines, with
/// `{customer}`, `{account}`, `{description}`, `{location}`, `{ticket}`
/// and `{sender_email}` filled in from the ticket.
public struct MessageTemplate: Hashable, Sendable {
    public var id: String
    public var title: String
    public var to: [String]
    public var cc: [String]
    public var subject: String
    public var opening: [String]
    public var notes: [String]

    public init(id: String, title: String, to: [String] = [], cc: [String] = [], subject: String, opening: [String], notes: [String] = []) {
        self.id = id
        self.title = title
        self.to = to
        self.cc = cc
        self.subject = subject
        self.opening = opening
        self.notes = notes
    }
}

/// A list of questions to answer before a step (pre-escalation, de-escalation).
public struct Checklist: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var id: String
        public var question: String
        public init(id: String, question: String) {
            self.id = id
            self.question = question
        }
    }

    public var id: String
    public var title: String
    public var items: [Item]

    public init(id: String, title: String, items: [Item]) {
        self.id = id
        self.title = title
        self.items = items
    }
}

/// A reason a ticket may be closed.
public struct ClosureCode: Hashable, Sendable {
    /// `objectives_met`, `downgraded`, `resolved`, `cannot_resolve`.
    public var id: String
    public var text: String
    /// Whose agreement the closure rests on (`customer`, `mutual`, `all parties`).
    public var agreement: String

    public init(id: String, text: String, agreement: String) {
        self.id = id
        self.text = text
        self.agreement = agreement
    }
}

/// An expected step and when it is due after the start ("Day 2: receive
/// confirmation of receipt and routing").
public struct TimelineStep: Hashable, Sendable {
    /// What marks a step as done on a ticket.
    public enum Done: String, Hashable, Sendable {
        /// The first level was contacted (the request was submitted).
        case engaged
        /// The first level acknowledged or responded.
        case acknowledged
    }

    public var label: String
    /// How long after the request is sent the step is due (Day 1 is 0), or
    /// `nil` for a step with no date.
    public var due: BusinessSpan?
    /// The start of a window ("2–4 weeks": from 2 weeks, due by 4).
    public var from: BusinessSpan?
    /// The date is the earliest the step can happen, not a deadline: a
    /// minimum SLA ("nothing completes sooner").
    public var notBefore: Bool
    public var doneWhen: Done?
    public var text: String

    public init(label: String, due: BusinessSpan?, from: BusinessSpan? = nil, notBefore: Bool = false, doneWhen: Done? = nil, text: String) {
        self.label = label
        self.due = due
        self.from = from
        self.notBefore = notBefore
        self.doneWhen = doneWhen
        self.text = text
    }
}

/// What a communication plan agrees: mode, frequency and attendees.
public struct CommunicationPlanGuide: Hashable, Sendable {
    public var text: [String]
    /// Suggested frequency when none is agreed.
    public var defaultFrequency: BusinessSpan?
    public var modes: [Channel]

    public init(text: [String], defaultFrequency: BusinessSpan? = nil, modes: [Channel] = []) {
        self.text = text
        self.defaultFrequency = defaultFrequency
        self.modes = modes
    }
}

/// One escalation process of an organisation: its ladder and everything the
/// source document says around it.
public struct EscalationProcess: Hashable, Sendable {
    /// `lumen-installation`.
    public var id: String
    public var organisation: String
    public var title: String
    /// A short name for lists and headings ("Lumen installation").
    public var shortTitle: String
    public var summary: String
    /// The topics (category ids) this process serves.
    public var topics: [String]
    public var ladder: [EscalationLevel]
    public var whenToRaise: [Condition]
    /// Advice on the first step ("Always start with your CCM").
    public var start: String?
    /// What lies beyond the top of the ladder.
    public var beyondTop: String?
    public var routes: [Route]
    public var templates: [MessageTemplate]
    public var checklists: [Checklist]
    public var closureCodes: [ClosureCode]
    public var timeline: [TimelineStep]
    public var communicationPlan: CommunicationPlanGuide?
    /// Rules for the ticket numbers the organisation gives (the 24-hour rule).
    public var numbering: [String]
    public var notes: [String]
    /// What to tell someone who opens a ticket ("nothing completes in under
    /// 3 business days; advise your customer not to use LD service yet").
    public var onOpen: [String] = []
    /// What happens once you ask for an escalation, in the source's words.
    public var onEscalation: [String] = []
    /// What the source adds about how tickets end ("every ticket is reviewed by management").
    public var closureNotes: [String] = []
    /// General closure codes modelled on this process's, offered as a guide
    /// for processes that set none of their own.
    public var generalClosureCodes: [ClosureCode] = []
    /// The heading the source gives its closure codes.
    public var closureHeading: String?

    public init(
        id: String, organisation: String, title: String, shortTitle: String? = nil, summary: String = "", topics: [String] = [],
        ladder: [EscalationLevel], whenToRaise: [Condition] = [], start: String? = nil, beyondTop: String? = nil,
        routes: [Route] = [], templates: [MessageTemplate] = [], checklists: [Checklist] = [],
        closureCodes: [ClosureCode] = [], timeline: [TimelineStep] = [], communicationPlan: CommunicationPlanGuide? = nil,
        numbering: [String] = [], notes: [String] = []
    ) {
        self.id = id
        self.organisation = organisation
        self.title = title
        self.shortTitle = shortTitle ?? title
        self.summary = summary
        self.topics = topics
        self.ladder = ladder.sorted { $0.number < $1.number }
        self.whenToRaise = whenToRaise
        self.start = start
        self.beyondTop = beyondTop
        self.routes = routes
        self.templates = templates
        self.checklists = checklists
        self.closureCodes = closureCodes
        self.timeline = timeline
        self.communicationPlan = communicationPlan
        self.numbering = numbering
        self.notes = notes
    }

    public var firstLevel: EscalationLevel { ladder[0] }
    public var topLevel: EscalationLevel { ladder[ladder.count - 1] }

    public func level(_ number: Int) -> EscalationLevel? { ladder.first { $0.number == number } }

    /// The level above `number`, or `nil` at the top.
    public func level(after number: Int) -> EscalationLevel? { ladder.first { $0.number > number } }

    public func checklist(_ id: String) -> Checklist? { checklists.first { $0.id == id } }
}
