import EscalateDomain
import EscalateUnderstanding

/// When something the user reports happened.
extension TurnContext {
    /// When something happened: the time given, or now. Refuses the future.
    /// A time before the ticket was opened here is fine: people call first
    /// and write it down later. A day with no time of day is now when it is
    /// today; another day needs its time.
    func occurred() -> (Instant?, Outcome?) {
        guard let time = slots.time else { return (now, nil) }
        var instant = time.instant
        if case .date(let date, _) = time {
            // "On Friday" says the day, not the time: midnight would be a guess.
            guard date == settings.zone.local(now).date else {
                let day = date.year == settings.zone.local(now).date.year ? date.friendlyShort : date.friendly
                return (nil, problem("At what time on \(day)? Say it with the time, e.g. “… on \(day) at 4pm”."))
            }
            instant = now
        }
        if instant > now + 60 {
            return (nil, problem("\(Words.upperFirst(stamp(instant, now: now))) is in the future; I can only log what has happened."))
        }
        return (instant, nil)
    }

    /// When a change happened: the past time the line gives ("escalated at
    /// 1:30pm", "closed at 3pm"), if it is not before the ticket was opened;
    /// otherwise now.
    func moment(for ticket: Ticket) -> Instant {
        guard case .instant(let time, _)? = slots.time, time <= now, time >= ticket.openedAt else { return now }
        return time
    }
}
