import EscalateAssistant
import EscalateCatalog
import EscalateDomain
import EscalateStore
import EscalateUnderstanding
import Foundation
import Testing

/// Each handler on its own: given a turn context, what it answers and what
/// it proposes to record. Nothing here goes through the conversation.
@Suite struct HandlerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var intent: IntentName
        /// Words the reply must contain.
        var says: String
        /// Whether it proposes changes.
        var writes: Bool
        var testDescription: String { "\(intent): \(line)" }
    }

    static let cases: [Case] = [
        Case(line: "who do I escalate to now on #1?", intent: .whoNext, says: "stay with Level 1", writes: false),
        Case(line: "when can I go to the next level on #1?", intent: .whenNext, says: "Level 2 opens", writes: false),
        Case(line: "how many business hours since I called on #1?", intent: .elapsedQuery, says: "since you engaged Level 1", writes: false),
        Case(line: "why?", intent: .explain, says: "The wait is 4 business hours", writes: false),
        Case(line: "who is level 2 for CMS billing?", intent: .contactLookup, says: "Manager, Customer Care", writes: false),
        Case(line: "what does a CCM do?", intent: .roleInfo, says: "single point of contact", writes: false),
        Case(line: "who do I call for a billing dispute with Lumen?", intent: .route, says: "877-453-8353", writes: false),
        Case(line: "when is CMS billing open?", intent: .hoursInfo, says: "08:00–17:00 ET", writes: false),
        Case(line: "show me the escalation ladder for CMS billing", intent: .ladder, says: "Level 4", writes: false),
        Case(line: "what's the timeline for CMS billing?", intent: .timeline, says: "Day 2", writes: false),
        Case(line: "what's the pre-escalation checklist?", intent: .escalationChecklist, says: "problem statement", writes: false),
        Case(line: "how does a ticket get closed at CenturyLink?", intent: .closureInfo, says: "objectives met", writes: false),
        Case(line: "when should I hear back on #1?", intent: .promiseDue, says: "#1", writes: false),
        Case(line: "status of #1", intent: .status, says: "Acme", writes: false),
        Case(line: "history of #1", intent: .history, says: "opened for Acme", writes: false),
        Case(line: "list open tickets", intent: .list, says: "#1", writes: false),
        Case(line: "draft the escalation e-mail for #1", intent: .draftMessage, says: "Draft", writes: false),
        Case(line: "delete #1", intent: .delete, says: "never deleted", writes: false),
        Case(line: "help", intent: .help, says: "Ask me", writes: false),
        Case(line: "hello", intent: .greet, says: "Hello", writes: false),
        Case(line: "what time is it?", intent: .currentTime, says: "2026", writes: false),
        Case(line: "cancel", intent: .cancel, says: "nothing to cancel", writes: false),
        Case(line: "my CCM is Dana Reyes, 555-0142", intent: .setContact, says: "Saved", writes: true),
        Case(line: "the account number for #1 is 449812", intent: .setField, says: "Recorded the account number on #1: 449812.", writes: true),
        Case(line: "open a CMS billing ticket for Globex: duplicate charges", intent: .openTicket, says: "", writes: true),
        Case(line: "I e-mailed the regional manager about #1 at 9am", intent: .logContact, says: "Log it anyway?", writes: false),
        Case(line: "update #1: vendor dispatched", intent: .logUpdate, says: "Noted on #1", writes: true),
        Case(line: "the regional manager acknowledged #1", intent: .acknowledge, says: "hasn't been engaged", writes: false),
        Case(line: "escalate #1", intent: .escalate, says: "anyway? (yes/no)", writes: false),
        Case(line: "de-escalate #1", intent: .deescalate, says: "isn't escalated", writes: false),
        Case(line: "waiting on the customer for #1", intent: .pause, says: "waiting on the customer", writes: true),
        Case(line: "the customer replied on #1", intent: .resume, says: "isn't waiting", writes: false),
        Case(line: "updates every 4 business hours by e-mail on #1", intent: .setPlan, says: "Communication plan for #1", writes: true),
        Case(line: "close #1", intent: .close, says: "Which closure code", writes: false),
        Case(line: "reopen #1", intent: .reopen, says: "isn't closed", writes: false),
        Case(line: "undo", intent: .undo, says: "Undone on #1", writes: true),
        Case(line: "no wait, I meant #2", intent: .correct, says: "There is no ticket #2", writes: false),
        Case(line: "what about CMS?", intent: .followUp, says: "", writes: false),
        Case(line: "what is the complex billing group?", intent: .fact, says: "more than 24 hours", writes: false),
    ]

    /// A store with #1 (Lumen installation, Acme, Level 1 engaged at 09:00)
    /// and the context a handler is given an hour later.
    static func turn(for line: String) async throws -> (TurnContext, IntentName?) {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(store: store)
        await TestWorld.say("open a Lumen installation ticket for Acme: turn-up late", "I called my CCM at 9am", to: session)
        let assistant = TestWorld.assistant
        let now = TestWorld.start + 3600
        let context = RecognitionContext(now: now, zone: TestWorld.zone, customers: ["Acme"], referenceKinds: assistant.catalog.referenceKinds)
        let interpretation = assistant.matcher.interpret(line, context: context)
        let request = Request(interpretation.intent ?? .help, slots: interpretation.slots, cues: interpretation.cues)
        var state = session.dialogueState
        state.turn += 1
        let turn = TurnContext(interpretation: interpretation, request: request, state: state, now: now, assistant: assistant, store: store,
                               settings: SessionSettings(user: "sam", zone: TestWorld.zone))
        return (turn, interpretation.intent)
    }

    @Test(arguments: cases)
    func aHandlerAnswersItsOwnIntent(_ example: Case) async throws {
        let (turn, understood) = try await Self.turn(for: example.line)
        #expect(understood == example.intent, "“\(example.line)” is understood as \(understood?.rawValue ?? "nothing")")
        let handler = try #require(TestWorld.assistant.registry.handler(for: example.intent))
        let outcome = try await handler.handle(turn)
        #expect(outcome.writes == example.writes, "\(example.intent) proposed \(outcome.effects)")
        #expect(example.says.isEmpty || outcome.reply.text.contains(example.says), "\(outcome.reply.text)")
        if handler.kind == .question { #expect(!outcome.writes) }
    }

    @Test func everyIntentHasACase() {
        let covered = Set(Self.cases.map(\.intent))
        for intent in TestWorld.assistant.registry.intents where !covered.contains(intent) && !IntentName.smallTalk.contains(intent) {
            Issue.record("no handler test for \(intent)")
        }
    }
}
