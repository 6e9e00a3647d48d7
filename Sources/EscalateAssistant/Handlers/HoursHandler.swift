import EscalateDomain
import EscalateUnderstanding

/// "When is Lumen billing open?", "is CMS open on Friday at 4pm?": a desk's
/// hours, whether it is open at the moment or on the day asked about.
struct HoursHandler: IntentHandler {
    let intents: [IntentName] = [.hoursInfo]
    let kind = HandlerKind.question
    let summaries: [IntentName: String] = [.hoursInfo: "ask when a desk is open"]
    let examples: [IntentName: String] = [.hoursInfo: "when is Lumen billing open?"]

    func handle(_ turn: TurnContext) async throws -> Outcome {
        if Self.asksAboutHolidays(turn) { return holidays(turn) }
        return try await hours(turn, at: turn.slots.time)
    }

    func hours(_ turn: TurnContext, at asked: ResolvedTime?) async throws -> Outcome {
        let now = turn.now
        let zone = turn.settings.zone
        // "Is CMS open on Friday?": a weekday or time asked about is the coming one.
        var when = asked?.instant
        // "Is CMS open today?": whether it is open now, and until when.
        if case .date(let date, _)? = asked, date == zone.local(now).date { when = nil }
        if var moment = when, moment < now {
            let sameDay = zone.local(moment).date == zone.local(now).date
            while moment < now { moment = moment + (sameDay ? 86_400 : 7 * 86_400) }
            when = moment
        }
        var day: LocalDate?
        if case .date? = asked, let when { day = zone.local(when).date }
        var slots = turn.slots
        // A segment belongs to one organisation.
        if slots.org == nil, let segment = slots.segment, let owner = turn.catalog.segment(segment)?.organisation { slots[.org] = .entity(owner.id) }
        var calendars: [(String, BusinessCalendar)] = []
        /// The calendars of a process's levels (those `keep` keeps), each once.
        func addLevels(of process: EscalationProcess, where keep: (EscalationLevel) -> Bool = { _ in true }, title: (EscalationLevel, BusinessCalendar) -> String) {
            for level in process.ladder where keep(level) {
                let calendar = turn.engine.calendar(for: level)
                if !calendars.contains(where: { $0.1.name == calendar.name }) { calendars.append((title(level, calendar), calendar)) }
            }
        }
        // "Is the regional manager working today?": the calendars of the levels with that role.
        if let role = slots.role {
            for process in turn.catalog.processes where slots.org == nil || process.organisation == slots.org {
                addLevels(of: process, where: { $0.role == role }) { level, _ in "\(level.title) (\(process.shortTitle))" }
            }
        }
        for organisation in turn.catalog.organisations where calendars.isEmpty && (slots.org == nil || organisation.id == slots.org) {
            for route in organisation.routes where slots.category == nil || route.topic == slots.category {
                if let segment = slots.segment, let routeSegment = route.segment, routeSegment != segment { continue }
                if let name = route.calendar, let calendar = turn.catalog.calendar(named: name), !calendars.contains(where: { $0.1.name == name }) {
                    calendars.append(("\(organisation.name) \(Words.lowerFirst(route.title))", calendar))
                }
            }
            if slots.category == nil {
                for process in organisation.processes { addLevels(of: process) { _, calendar in calendar.title } }
            }
        }
        // "When is Lumen installation open?": a topic with no desk of its
        // own keeps the hours of its process's levels.
        if calendars.isEmpty, let category = slots.category, category != RouteHandler.portalTopic {
            for process in turn.serving(Request(.hoursInfo, slots: slots)).processes(org: slots.org, category: category) {
                addLevels(of: process) { _, calendar in "\(process.shortTitle), \(calendar.title)" }
            }
        }
        var state = turn.state
        if let org = slots.org { state.topic.organisation = org }
        if let category = slots.category { state.topic.category = category }
        state.day = day ?? state.day
        if calendars.isEmpty, slots.category == RouteHandler.portalTopic {
            return turn.answer(portalHours(turn, organisation: slots.org), state: state)
        }
        guard !calendars.isEmpty else {
            let known = turn.catalog.calendarNames.compactMap { turn.catalog.calendar(named: $0)?.title }
            return turn.problem("I don't have opening hours for that. The hours I know: " + known.joined(separator: "; ") + ".")
        }
        var lines: [String] = []
        for (title, calendar) in calendars {
            if calendar.isAlwaysOpen {
                lines.append("\(Words.upperFirst(title)): open 24/7, holidays included.")
            } else {
                let open = day.map { turn.openOn(calendar, day: $0, now: now) } ?? turn.openNow(calendar, now: now, at: when)
                lines.append("\(Words.upperFirst(title)): \(turn.hours(calendar, now: now)) — \(open).")
            }
        }
        return turn.answer(lines, state: state)
    }

    /// The portals are online around the clock: said from their own
    /// descriptions, with what their notes say limits them.
    func portalHours(_ turn: TurnContext, organisation: String?) -> [String] {
        let portals = RouteHandler.portals(of: turn.catalog.organisations.filter { organisation == nil || $0.id == organisation })
        let names = portals.map { $0.name.lowercased().hasSuffix("portal") ? "the \($0.name)" : $0.name }
        let verb = names.count == 1 ? "is" : "are"
        var lines = ["\(Words.upperFirst(Words.list(names))) \(verb) online 24 hours a day, seven days a week, holidays included."]
        for portal in portals {
            for note in portal.route.notes where note.lowercased().contains("not available") { lines.append("(\(portal.name): \(note))") }
        }
        return lines
    }
}
