import EscalateUnderstanding

/// Every handler, registered in one place. A test checks that each intent
/// file has a handler here and each handler an intent file.
public struct HandlerRegistry: Sendable {
    public let handlers: [any IntentHandler]
    private let byIntent: [IntentName: Int]

    public init(_ handlers: [any IntentHandler]) {
        self.handlers = handlers
        var byIntent: [IntentName: Int] = [:]
        for (index, handler) in handlers.enumerated() {
            for intent in handler.intents {
                precondition(byIntent[intent] == nil, "two handlers serve \(intent)")
                byIntent[intent] = index
            }
        }
        self.byIntent = byIntent
    }

    /// The handlers of the built-in intents.
    public static let standard = HandlerRegistry([
        // Questions about the ladders and the documents.
        WhoNowHandler(), ElapsedHandler(), ExplainHandler(), ContactLookupHandler(), RoleInfoHandler(), RouteHandler(),
        HoursHandler(), LadderHandler(), TimelineHandler(), ChecklistHandler(), ClosureInfoHandler(), PromiseHandler(), FollowUpHandler(),
        // Questions about tickets.
        StatusHandler(), HistoryHandler(), ListHandler(), DraftHandler(),
        // Changes.
        SetContactHandler(), SetFieldHandler(), OpenTicketHandler(), LogContactHandler(), LogUpdateHandler(), AcknowledgeHandler(),
        EscalateHandler(), DeescalateHandler(), PauseHandler(), ResumeHandler(), SetPlanHandler(),
        CloseHandler(), ReopenHandler(), UndoHandler(), CorrectHandler(), DeleteHandler(),
        // The conversation itself.
        HelpHandler(), SmallTalkHandler(), CurrentTimeHandler(), CancelHandler(),
        // What the documents say, when no other question fits as well.
        FactHandler(),
    ])

    public func handler(for intent: IntentName) -> (any IntentHandler)? {
        byIntent[intent].map { handlers[$0] }
    }

    /// Every intent served.
    public var intents: Set<IntentName> { Set(byIntent.keys) }

    public func isAction(_ intent: IntentName) -> Bool { handler(for: intent)?.kind == .action }

    /// What an intent does, in a few words ("escalate a ticket").
    public func summary(of intent: IntentName) -> String? { handler(for: intent)?.summaries[intent] }

    /// The line `help` shows for an intent.
    public func example(_ intent: IntentName) -> String? { handler(for: intent)?.examples[intent] }
}
