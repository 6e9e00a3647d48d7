import EscalateAssistant
import EscalateCatalog
import EscalateDomain
import EscalateStore
import EscalateUnderstanding
import Foundation
import Testing

/// The typed contract between the intent files and the handlers.
@Suite struct HandlerRegistryTests {
    static let catalog = TestWorld.assistant.catalog
    static let registry = HandlerRegistry.standard

    /// The intents the built-in `.intent` files define.
    static var fileIntents: Set<IntentName> {
        Set(catalog.intentFiles.keys.compactMap { path -> IntentName? in
            guard path.hasSuffix(".intent") else { return nil }
            let name = String(path.split(separator: "/").last!.dropLast(".intent".count))
            return name == IntentName.outOfScope.rawValue ? nil : IntentName(rawValue: name)
        })
    }

    @Test(arguments: fileIntents.sorted())
    func everyIntentFileHasAHandler(_ intent: IntentName) {
        #expect(Self.registry.handler(for: intent) != nil, "intents/\(intent).intent has no handler in HandlerRegistry.standard")
    }

    @Test(arguments: registry.intents.sorted())
    func everyHandlerHasAnIntentFile(_ intent: IntentName) {
        #expect(Self.fileIntents.contains(intent), "a handler serves \(intent), but there is no intents/\(intent).intent")
    }

    @Test(arguments: registry.intents.sorted())
    func everyIntentSaysWhatItDoes(_ intent: IntentName) {
        #expect(Self.registry.summary(of: intent)?.isEmpty == false, "\(intent) has no summary for “did you mean …?”")
    }

    /// What `help` shows must be understood as the intent it stands for.
    @Test func everyHelpExampleIsUnderstoodAsItsIntent() {
        let matcher = TestWorld.assistant.matcher
        let context = RecognitionContext(now: TestWorld.start, zone: TestWorld.zone, referenceKinds: Self.catalog.referenceKinds)
        var checked = 0
        for handler in Self.registry.handlers {
            for (intent, example) in handler.examples {
                let understood = matcher.interpret(example, context: context).intent
                #expect(understood == intent, "help shows “\(example)” for \(intent), but it is understood as \(understood?.rawValue ?? "nothing")")
                checked += 1
            }
        }
        #expect(checked >= 30)
    }

    @Test func actionsAndQuestionsAreDeclared() {
        #expect(Self.registry.isAction(.escalate))
        #expect(Self.registry.isAction(.logUpdate))
        #expect(!Self.registry.isAction(.whoNext))
        #expect(!Self.registry.isAction(.status))
        #expect(!Self.registry.isAction(.delete))
    }

    /// Questions never write: every question handler, asked lines of its
    /// own and of the actions around tickets, proposes no change.
    @Test func questionHandlersNeverProposeChanges() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(store: store)
        await TestWorld.say("open a Lumen installation ticket for Acme: turn-up late", "I called my CCM at 9am", to: session)
        let assistant = TestWorld.assistant
        let context = RecognitionContext(now: TestWorld.start, zone: TestWorld.zone, customers: ["Acme"], referenceKinds: Self.catalog.referenceKinds)
        let lines = ["who do I escalate to now?", "when can I go to the next level on #1?", "status of #1", "history of #1", "what's overdue?",
                     "draft the escalation e-mail for #1", "why?", "how many business hours since I called?", "what about CMS?",
                     "what's the timeline for #1?", "am I ready to escalate #1?", "when should I hear back on #1?", "delete #1",
                     "would updates every 2 hours be reasonable?", "can I escalate #1?", "how do I close #1?", "how do I de-escalate?"]
        var state = session.dialogueState
        state.turn = 3
        for line in lines {
            let interpretation = assistant.matcher.interpret(line, context: context)
            guard let intent = interpretation.intent, let handler = assistant.registry.handler(for: intent) else { continue }
            let turn = TurnContext(interpretation: interpretation, request: Request(intent, slots: interpretation.slots, cues: interpretation.cues),
                                   state: state, now: TestWorld.start + 3600, assistant: assistant, store: store, settings: SessionSettings(user: "sam", zone: TestWorld.zone))
            let outcome: Outcome?
            if handler.kind == .question {
                outcome = try await handler.handle(turn)
            } else {
                outcome = try await handler.answerAsked(turn)
            }
            #expect(outcome?.writes != true, "“\(line)” (\(intent)) answered with changes")
        }
    }
}
