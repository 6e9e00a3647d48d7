import EscalateDomain
import EscalateUnderstanding

/// A question the assistant asked and is waiting on, with the request it
/// finishes. The next line is read as its answer first; a line that is
/// clearly a new request drops it, and "cancel" or Ctrl-C cancels it.
///
/// `receive(_:)` is a small pure state machine in the style of swift-nio's
/// protocol-negotiation handlers: it takes what the line amounts to and
/// returns what to do, without touching the store or the clock.
public struct PendingQuestion: Sendable, Codable, Equatable {
    public enum Kind: Sendable, Codable, Equatable {
        /// "Which ticket?": the candidates' numbers.
        case whichTicket([Int])
        /// "Which process?": the candidates' ids.
        case whichProcess([String])
        /// A slot the request needs.
        case missingSlot(SlotName)
        /// A yes/no before a change; yes runs the request confirmed.
        case confirm
        /// A yes/no on one thing about the request (a time before the ticket
        /// was opened, reopening a closed ticket first): yes accepts it, and
        /// the request's own checks still run.
        case accept(Acceptance)
        /// "Did you mean to …?": yes runs the request (a question).
        case suggestion
        /// Walking a checklist one item at a time: its items' ids and questions.
        case checklist(ids: [String], questions: [String])
    }

    public var kind: Kind
    public var request: Request
    /// The question as asked, repeated when the answer does not fit.
    public var prompt: String
    /// A few words on what it was about ("closing #1"), for when it is dropped.
    public var about: String
    /// Labels of the candidates, for a choice made by words ("the CMS one").
    public var options: [String]
    /// The versions of the tickets the question was based on: a confirmation
    /// is checked against them again when it is answered.
    public var basis: [Int: Int]
    public var askedAt: Instant

    public init(_ kind: Kind, request: Request, prompt: String, about: String, options: [String] = [], basis: [Int: Int] = [:], askedAt: Instant) {
        self.kind = kind
        self.request = request
        self.prompt = prompt
        self.about = about
        self.options = options
        self.basis = basis
        self.askedAt = askedAt
    }

    /// Whether a plain yes or no answers it.
    public var isYesNo: Bool {
        switch kind {
        case .confirm, .accept, .suggestion, .checklist: return true
        default: return false
        }
    }

    /// A correction of the request the question is about ("no wait, it
    /// was 9:30", "I meant #2"): a slot it already has, said again.
    public struct Revision: Sendable, Equatable {
        public var slot: SlotName
        public var value: SlotValue

        public init(_ slot: SlotName, _ value: SlotValue) {
            self.slot = slot
            self.value = value
        }
    }

    /// What a line amounts to, as an answer.
    public struct Input: Sendable, Equatable {
        public var answer: ShortAnswer?
        /// The option chosen, 1-based, by number, ordinal, ticket number or words.
        public var choice: Int?
        /// A value for a missing slot.
        public var value: SlotValue?
        /// Corrections of the request waiting on a yes or a no.
        public var revisions: [Revision]
        /// The line is clearly a request of its own.
        public var isNewRequest: Bool

        public init(answer: ShortAnswer? = nil, choice: Int? = nil, value: SlotValue? = nil, revisions: [Revision] = [], isNewRequest: Bool = false) {
            self.answer = answer
            self.choice = choice
            self.value = value
            self.revisions = revisions
            self.isNewRequest = isNewRequest
        }
    }

    /// What to do with a line given while this question waits.
    public enum Step: Sendable, Equatable {
        /// Run the request now (it is complete, or confirmed).
        case proceed(Request)
        /// Ask the next question (the next checklist item).
        case ask(PendingQuestion)
        case cancelled
        /// A no to a confirmation: nothing changes.
        case declined
        /// A no to a checklist item: the item that does not hold yet.
        case checklistFailed(question: String)
        /// The answer does not fit: ask again, with a hint.
        case reask(hint: String)
        /// A request of its own: drop the question and handle the line afresh.
        case dropped
    }

    public func receive(_ input: Input) -> Step {
        if input.answer == .cancel { return .cancelled }
        switch kind {
        case .confirm, .accept, .suggestion:
            // A correction of what is asked about runs the corrected request
            // afresh: it is not yet confirmed, nor anything about it accepted,
            // so its own checks ask again where they must.
            let revisions = input.revisions.filter { request.slots[$0.slot] != nil }
            if !revisions.isEmpty {
                return .proceed(revisions.reduce(request) { $0.with($1.slot, $1.value) })
            }
            switch input.answer {
            case .yes?, .okay?:
                var confirmed = request
                if kind == .confirm { confirmed.confirmed = true }
                if case .accept(let acceptance) = kind { confirmed.accepted.insert(acceptance) }
                return .proceed(confirmed)
            case .no?: return .declined
            default: return input.isNewRequest ? .dropped : .reask(hint: "Please answer yes or no.")
            }
        case .checklist(let ids, let questions):
            let index = request.answers.count
            switch input.answer {
            case .yes?, .okay?:
                var next = request
                next.answers.append(ChecklistAnswer(item: ids[index], yes: true))
                if next.answers.count == ids.count {
                    next.confirmed = true
                    return .proceed(next)
                }
                var question = self
                question.request = next
                question.prompt = Self.checklistPrompt(questions, index: next.answers.count)
                return .ask(question)
            case .no?: return .checklistFailed(question: questions[index])
            default: return input.isNewRequest ? .dropped : .reask(hint: "Please answer yes or no.")
            }
        case .whichTicket(let candidates):
            if let choice = input.choice, candidates.indices.contains(choice - 1) { return .proceed(request.on(ticket: candidates[choice - 1])) }
            return input.isNewRequest ? .dropped : .reask(hint: "Please choose \(Self.choices(candidates.count)), or give a ticket number such as #\(candidates[0]).")
        case .whichProcess(let candidates):
            if let choice = input.choice, candidates.indices.contains(choice - 1) { return .proceed(request.with(.process, .text(candidates[choice - 1]))) }
            return input.isNewRequest ? .dropped : .reask(hint: "Please choose \(Self.choices(candidates.count)), or name the process.")
        case .missingSlot(let slot):
            if let value = input.value { return .proceed(request.with(slot, value)) }
            return input.isNewRequest ? .dropped : .reask(hint: "Sorry, I couldn't read that as \(Self.slotNoun(slot)).")
        }
    }

    /// "1 or 2", "1 to 11".
    public static func choices(_ count: Int) -> String { count == 2 ? "1 or 2" : "1 to \(count)" }

    /// "2/3 Is the troubleshooting on track? — done? (yes/no)".
    public static func checklistPrompt(_ questions: [String], index: Int) -> String {
        "\(index + 1)/\(questions.count) \(questions[index]) — done? (yes/no)"
    }

    static func slotNoun(_ slot: SlotName) -> String {
        switch slot {
        case .customer: return "a customer name"
        case .note: return "a description"
        case .closureCode: return "a closure code"
        case .duration: return "a duration"
        case .name: return "a name"
        case .role: return "a role"
        case .time: return "a time"
        case .channel: return "a channel"
        default: return "an answer"
        }
    }
}
