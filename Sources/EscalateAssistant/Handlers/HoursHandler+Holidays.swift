import EscalateDomain
import EscalateUnderstanding

extension HoursHandler {
    /// Whether the line asks about holidays themselves ("what holidays does
    /// CMS observe?", "is today a holiday?", "when is the next holiday?").
    static func asksAboutHolidays(_ turn: TurnContext) -> Bool {
        turn.interpretation.correctedWords.contains { $0 == "holiday" || $0 == "holidays" }
            && !turn.interpretation.correctedWords.contains { $0 == "open" || $0 == "closed" || $0 == "work" || $0 == "working" }
    }

    /// The holidays of the organisation asked about (or of every calendar
    /// that has any), by observed date: on the day asked, the next one, or
    /// the year's list.
    func holidays(_ turn: TurnContext) -> Outcome {
        let org = turn.slots.org ?? turn.state.topic.organisation
        var calendars: [BusinessCalendar] = []
        for organisation in turn.catalog.organisations where org == nil || organisation.id == org {
            let names = organisation.routes.compactMap(\.calendar) + organisation.processes.flatMap { $0.ladder.map(\.calendar) }
            for name in names {
                if let calendar = turn.catalog.calendar(named: name), !calendar.holidays.rules.isEmpty, !calendars.contains(where: { $0.name == name }) {
                    calendars.append(calendar)
                }
            }
        }
        guard let calendar = calendars.first else {
            return turn.answer("\(org.map(turn.organisationName) ?? "These desks") observe\(org == nil ? "" : "s") no holidays in my calendars.")
        }
        let whose = org.map(turn.organisationName) ?? "Every desk with holidays"
        let set = calendar.holidaysName ?? "holidays"
        let today = turn.settings.zone.local(turn.now).date
        let words = Set(turn.interpretation.correctedWords)
        var state = turn.state
        if let org { state.topic.organisation = org }
        func describe(_ holiday: Holiday) -> String {
            let observed = "\(holiday.observed.friendlyShort) \(holiday.observed.year)"
            return holiday.actual == holiday.observed ? "\(holiday.name), \(observed)"
                : "\(holiday.name), observed \(observed) (it falls on \(holiday.actual.friendlyShort) \(holiday.actual.year))"
        }
        if case .date(let day, _)? = turn.slots.time {
            let holiday = calendar.holiday(on: day)
            let label = day == today ? "today, \(day.friendlyShort) \(day.year)," : "\(day.friendlyShort) \(day.year)"
            return turn.answer(holiday.map { "Yes: \(label) is \($0.name)\($0.actual == $0.observed ? "" : " (observed)"); \(whose) is closed (\(set))." }
                ?? "No: \(label) is not one of the \(set).", state: state)
        }
        if words.contains("today") {
            let holiday = calendar.holiday(on: today)
            return turn.answer(holiday.map { "Yes: today, \(today.friendlyShort) \(today.year), is \($0.name); \(whose) is closed." }
                ?? "No: today, \(today.friendlyShort) \(today.year), is not one of the \(set).", state: state)
        }
        let coming = (calendar.holidays(in: today.year) + calendar.holidays(in: today.year + 1)).filter { $0.observed >= today }
        if words.contains("next") || words.contains("upcoming"), let next = coming.first {
            var lines = ["The next holiday \(whose == "Every desk with holidays" ? "" : "\(whose) observes ")is \(describe(next))."]
            if coming.count > 1 { lines.append("After it: \(describe(coming[1])).") }
            return turn.answer(lines, state: state)
        }
        var lines = ["\(whose) observes \(set) (\(calendar.title)); the next twelve months, by observed date:"]
        lines += coming.prefix(11).map { "  \(describe($0))" }
        return turn.answer(lines, state: state)
    }
}
