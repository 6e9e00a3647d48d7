import Foundation
import EscalateCatalog
import EscalateDomain
import EscalateUnderstanding

/// One conversation with the assistant: it takes each line the user types
/// and returns the reply, keeps the simulated clock, the reader's settings
/// and the input history, and hands everything that is not a meta-command
/// to the conversation.
public final class Session {
    public private(set) var settings: SessionSettings
    public private(set) var clock: SessionClock
    let wallClock: any Clock
    public private(set) var catalog: Catalog
    let conversation: Conversation
    /// Lines typed in this session; the REPL replaces it with its persistent history.
    public var historyProvider: (() -> [String])?
    /// Reads a working copy of the intent files for `:reload` (`--intents DIR`).
    public var intentLoader: (() throws -> [String: String])?
    private var inputs: [String] = []

    /// `recordsSessionTime`: changes are recorded at the session's own time,
    /// simulated or not. Only the transcript world, where no real time
    /// exists, asks for it; everywhere else `recorded_at` is the real clock.
    public init(settings: SessionSettings, assistant: Assistant, store: any TicketStore, clock: SessionClock, wallClock: any Clock = SystemClock(),
                recordsSessionTime: Bool = false) {
        self.settings = settings
        self.catalog = assistant.catalog
        self.clock = clock
        self.wallClock = wallClock
        self.conversation = Conversation(assistant: assistant, store: store, settings: settings, wallClock: wallClock)
        if recordsSessionTime { conversation.recordingClock = { [unowned self] in self.now } }
    }

    /// The dialogue state: what the conversation is about, and any question waiting.
    public var dialogueState: DialogueState { conversation.state }

    /// How the last line was understood.
    public var lastInterpretation: Interpretation? { conversation.lastInterpretation }

    /// Now, as the session sees it.
    public var now: Instant { clock.now(wall: wallClock) }

    /// The prompt to show before the next line: it changes while a question waits.
    public var prompt: String { conversation.isAsking ? "escalate ?> " : "escalate> " }

    /// The reply to one line of input.
    public func respond(to line: String) async -> Reply {
        inputs.append(line)
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return Reply([]) }
        if trimmed.hasPrefix(":") { return meta(trimmed) }
        return await conversation.respond(to: trimmed, now: now)
    }

    /// Lines to show before the next prompt (tickets that crossed a line).
    public func nudges() async -> [String] { await conversation.nudges(now: now) }

    /// Ctrl-C: cancels a pending question. Returns what to say, if anything.
    public func cancelPending() -> String? { conversation.cancelPending() }

    /// Tab completion: whole words that may replace the last word of `textBeforeCursor`.
    public func completions(for textBeforeCursor: String) -> [String] {
        let word = String(textBeforeCursor.reversed().prefix { !$0.isWhitespace }.reversed())
        if word.hasPrefix(":") && !textBeforeCursor.dropLast(word.count).contains(where: { !$0.isWhitespace }) {
            return MetaCommand.allCases.map { ":" + $0.rawValue }.filter { $0.hasPrefix(word) }
        }
        if textBeforeCursor.hasPrefix(":role ") { return UserRole.allCases.map(\.rawValue) }
        if textBeforeCursor.hasPrefix(":now ") { return ["real"] }
        return conversation.completions(for: word)
    }

    var history: [String] { historyProvider?() ?? inputs }

    // MARK: Meta-commands

    func meta(_ line: String) -> Reply {
        let body = line.dropFirst()
        let name = body.prefix { !$0.isWhitespace }.lowercased()
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard let command = MetaCommand(rawValue: name) ?? MetaCommand.allCases.first(where: { $0.aliases.contains(name) }) else {
            let near = MetaCommand.allCases.map(\.rawValue).filter { $0.hasPrefix(String(name.prefix(2))) }
            let hint = near.isEmpty ? "" : " Did you mean :\(near[0])?"
            return .problem("Unknown command ':\(name)'.\(hint) Type :help for the list.")
        }
        switch command {
        case .help: return Reply(helpText())
        case .quit: return Reply([], endsSession: true)
        case .now: return setNow(argument)
        case .advance: return advance(argument)
        case .history: return showHistory()
        case .role: return setRole(argument)
        case .zone: return setZone(argument)
        case .why: return why()
        case .reload: return reload()
        }
    }

    func helpText() -> [String] {
        var lines = ["Meta-commands:"]
        for command in MetaCommand.allCases {
            lines.append("  " + command.usage.padding(toLength: 22, withPad: " ", startingAt: 0) + command.summary)
        }
        lines.append("Anything else is a question or a note for the assistant, for example:")
        // A few of the examples "help" gives, so that :help is enough to start.
        let examples = HelpHandler.lines(conversation.registry).filter { $0.hasPrefix("  ") }
        lines += examples.prefix(3) + examples.dropFirst(10).prefix(3)
        lines.append("Say “help” for more examples.")
        return lines
    }

    func describeNow() -> String {
        let time = ZonedTime(now, in: settings.zone).friendlyWithYear
        return clock.isSimulated ? "Now: \(time) (simulated clock)." : "Now: \(time) (real clock)."
    }

    func setNow(_ argument: String) -> Reply {
        if argument.isEmpty { return Reply(describeNow()) }
        if argument.lowercased() == "real" {
            clock = .real
            return Reply("Back on the real clock. \(describeNow())")
        }
        do {
            let time = try ZonedTime(parsing: argument, defaultZone: settings.zone)
            clock = .simulated(time.instant)
            // A zone named with the time is the reader's zone from now on, as
            // with --now: every time after it is shown there.
            // An offset ("-05:00") sets the instant only; a zone's name sets the zone.
            guard time.zone.identifier != settings.zone.identifier, argument.contains(time.zone.identifier) else {
                return Reply("Clock set to \(ZonedTime(time.instant, in: settings.zone).friendlyWithYear).")
            }
            settings.zone = time.zone
            conversation.updateSettings(settings)
            return Reply(["Clock set to \(time.friendlyWithYear).",
                          "Times are now shown in \(time.zone.identifier) (\(time.abbreviation))."])
        } catch {
            return .problem("\(Words.upperFirst("\(error)")). Try :now 2026-11-23 09:00 America/Chicago, or :now real.")
        }
    }

    func advance(_ argument: String) -> Reply {
        if argument.hasPrefix("-") {
            return .problem("The clock only moves forward with :advance; set an earlier time with :now, e.g. :now 2026-11-23 09:00.")
        }
        guard let seconds = WallDuration.seconds(argument), seconds >= 0 else {
            return .problem("Cannot read '\(argument)' as a duration. Try :advance 3h30m, :advance 2d or :advance 45m.")
        }
        // The same range as --now: a clock past 2399 is refused, not reached.
        let moved = now + seconds
        guard seconds <= 600 * 366 * 86_400, BusinessCalendar.supports(moved, in: settings.zone) else {
            return .problem(Words.upperFirst("\(UnsupportedTimeError("the clock moved on \(argument)"))."))
        }
        clock = .simulated(moved)
        return Reply("Clock moved on \(WallDuration.describe(seconds)) to \(ZonedTime(now, in: settings.zone).friendlyWithYear).")
    }

    func showHistory() -> Reply {
        let lines = history.dropLast()  // not this `:history` itself
        guard !lines.isEmpty else { return Reply("No history yet.") }
        let width = String(lines.count).count
        return Reply(lines.enumerated().map { index, line in
            let number = String(index + 1)
            return String(repeating: " ", count: width - number.count) + number + "  " + line
        })
    }

    func setRole(_ argument: String) -> Reply {
        if argument.isEmpty { return Reply("You are speaking as a \(settings.role == .ccm ? "customer care manager (ccm)" : "customer"). Change it with :role customer or :role ccm.") }
        guard let role = UserRole(rawValue: argument.lowercased()) else {
            return .problem("Unknown role '\(argument)'. Use :role customer or :role ccm.")
        }
        settings.role = role
        conversation.updateSettings(settings)
        return Reply(role == .ccm ? "Speaking as a customer care manager now." : "Speaking as a customer now.")
    }

    func setZone(_ argument: String) -> Reply {
        if argument.isEmpty { return Reply("Times are shown in \(settings.zone.identifier) (\(settings.zone.abbreviation(at: now))).") }
        guard let zone = Zone(identifier: argument) else {
            return .problem("Unknown time zone '\(argument)'. Use an IANA name such as America/Chicago or Europe/London.")
        }
        settings.zone = zone
        conversation.updateSettings(settings)
        return Reply("Times are now shown in \(zone.identifier) (\(zone.abbreviation(at: now))).")
    }
}

extension Session {
    /// `:why`: how the last line was understood.
    func why() -> Reply {
        guard let last = conversation.lastInterpretation else { return Reply("Nothing has been said yet.") }
        if let question = conversation.lastAnsweredQuestion {
            return Reply(["Your last line answered my question (\(question)), so it was read as that answer.",
                          "Words: \(last.correctedWords.joined(separator: " "))"])
        }
        let none = last.topIntent == .outOfScope ? "none, off-topic (closest to the out-of-scope examples)" : "none, not understood"
        var lines = ["Intent: \(last.intent?.rawValue ?? none), score \(String(format: "%.2f", last.score))"]
        let slots = last.slotDescriptions.map { "\($0.0)=\($0.1)" }
        lines.append("Slots: \(slots.isEmpty ? "none" : slots.joined(separator: ", "))")
        if let runnerUp = last.runnerUp, runnerUp.score > 0 {
            lines.append("Runner-up: \(runnerUp.intent), score \(String(format: "%.2f", runnerUp.score))")
        }
        lines.append("Words: \(last.correctedWords.joined(separator: " "))")
        return Reply(lines)
    }

    /// `:reload`: reads the working copy of the intent files again.
    func reload() -> Reply {
        guard let intentLoader else {
            return .problem("The intents are the built-in ones. Start with --intents DIR to reload a working copy.")
        }
        do {
            let files = try intentLoader()
            let matcher = try IntentMatcher(files: files)
            conversation.assistant.matcher = matcher
            return Reply("Reloaded \(matcher.intents.count) intents from \(files.count) files.")
        } catch {
            return .problem("Not reloaded: \(error)")
        }
    }
}

/// The `:` commands.
enum MetaCommand: String, CaseIterable {
    case help, quit, now, advance, history, role, zone, why, reload

    var aliases: [String] {
        switch self {
        case .quit: return ["q", "exit"]
        case .help: return ["h", "?"]
        default: return []
        }
    }

    var usage: String {
        switch self {
        case .help: return ":help"
        case .quit: return ":quit"
        case .now: return ":now [TIME|real]"
        case .advance: return ":advance DURATION"
        case .history: return ":history"
        case .role: return ":role [customer|ccm]"
        case .zone: return ":zone [ZONE]"
        case .why: return ":why"
        case .reload: return ":reload"
        }
    }

    var summary: String {
        switch self {
        case .help: return "this list"
        case .quit: return "leave (Ctrl-D does too)"
        case .now: return "show or set the clock, e.g. :now 2026-11-23 09:00"
        case .advance: return "move a simulated clock on, e.g. :advance 3h30m"
        case .history: return "the lines you typed"
        case .role: return "show or set who you are"
        case .zone: return "show or set the zone times are shown in"
        case .why: return "how your last line was understood"
        case .reload: return "read the intent files again (with --intents)"
        }
    }
}

/// Wall-clock durations for `:advance`: `3h30m`, `2d`, `1w`, `45m`, `90s`.
enum WallDuration {
    static func seconds(_ text: String) -> Int64? {
        CompactDuration.seconds(text.lowercased().replacingOccurrences(of: " ", with: ""), units: CompactDuration.wallUnits, limit: 10_000_000)
    }

    static func describe(_ seconds: Int64) -> String {
        let days = seconds / 86_400
        let rest = BusinessDuration(seconds: seconds % 86_400)
        if days == 0 { return rest.description }
        return "\(days)d" + (seconds % 86_400 == 0 ? "" : rest.description)
    }
}
