import EscalateDomain
import EscalateUnderstanding

/// "why?": the arithmetic or the source behind the previous answer.
struct ExplainHandler: IntentHandler {
    let intents: [IntentName] = [.explain]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.explain: "ask why"]
    let examples: [IntentName: String] = [.explain: "why?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        guard let explanation = turn.state.explanation else {
            return turn.answer("There's nothing to explain yet. Ask me who to escalate to, or when the next level opens, and then ask “why?”.")
        }
        // “why?” twice explains the same answer again.
        return turn.answer(explanation, explanation: explanation)
    }
}

/// Greetings, thanks and goodbyes.
struct SmallTalkHandler: IntentHandler {
    let intents: [IntentName] = [.greet, .thanks, .bye]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.greet: "say hello", .thanks: "say thanks", .bye: "say goodbye"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        switch turn.intent {
        case .greet: return turn.answer("Hello! Ask me who to escalate to, or type :help to see what I can do.")
        case .thanks: return turn.answer("You're welcome.")
        default: return turn.answer("Goodbye! Type :quit or press Ctrl-D to leave.")
        }
    }
}

/// "What time is it?": now, in the reader's zone, with today's holiday.
struct CurrentTimeHandler: IntentHandler {
    let intents: [IntentName] = [.currentTime]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.currentTime: "ask the time"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        let time = ZonedTime(turn.now, in: turn.settings.zone)
        var text = "It is \(time.friendlyWithYear) (\(turn.settings.zone.identifier))."
        let holidays = Set(turn.catalog.calendars.values.compactMap { $0.holiday(on: $0.zone.local(turn.now).date)?.name })
        if let holiday = holidays.sorted().first { text += " Today is \(holiday); most desks are closed." }
        return turn.answer(text)
    }
}

/// "cancel" with no question waiting.
struct CancelHandler: IntentHandler {
    let intents: [IntentName] = [.cancel]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.cancel: "cancel"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        turn.answer("There's nothing to cancel. To take back the last change, say “undo”.")
    }
}

/// "help": examples of what to say, from every handler's own example.
struct HelpHandler: IntentHandler {
    let intents: [IntentName] = [.help]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.help: "get help"]
    let examples: [IntentName: String] = [.help: "help"]

    static let asking: [IntentName] = [.whoNext, .whenNext, .contactLookup, .route, .hoursInfo, .ladder, .timeline, .escalationChecklist, .elapsedQuery, .explain, .fact]
    static let working: [IntentName] = [.openTicket, .logContact, .logUpdate, .acknowledge, .escalate, .pause, .setPlan, .close, .status, .list, .draftMessage, .undo]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        turn.answer(Self.lines(turn.assistant.registry))
    }

    static func lines(_ registry: HandlerRegistry) -> [String] {
        var lines = ["Ask me, for example:"]
        lines += asking.compactMap(registry.example).map { "  \($0)" }
        lines.append("Work a ticket:")
        lines += working.compactMap(registry.example).map { "  \($0)" }
        lines.append("Meta-commands start with ':' — type :help for them, :why to see how I read your last line.")
        return lines
    }
}
