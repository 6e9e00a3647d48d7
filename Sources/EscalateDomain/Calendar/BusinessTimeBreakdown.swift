/// The day-by-day account of a business-time measurement: which days
/// counted and for how long, and which were skipped and why. This is what
/// `--explain` and "why?" print.
public struct BusinessTimeBreakdown: Sendable {
    public enum SkipReason: Hashable, Sendable {
        case weekend
        case holiday(String)
        case closed
        /// Open, but the ticket was waiting on the customer all day.
        case waiting
    }

    public enum Entry: Hashable, Sendable {
        /// Open time that counted on `date`, as the spans that counted.
        case counted(date: LocalDate, spans: [InstantRange], seconds: Int64, note: String?)
        /// Days with no open time at all, from `first` to `last`.
        case skipped(first: LocalDate, last: LocalDate, reason: SkipReason)
        /// A pause (waiting on the customer): its business time is left out
        /// of the days above, and summed here.
        case paused(InstantRange, seconds: Int64)
    }

    public var calendarName: String
    public var zone: Zone
    public var from: Instant
    public var to: Instant
    public var entries: [Entry]
    /// Business time counted, pauses already taken off.
    public var total: Int64
}

extension BusinessCalendar {
    /// Explains `elapsed(from:to:excluding:)` day by day.
    public func breakdown(from start: Instant, to end: Instant, excluding paused: [InstantRange] = []) -> BusinessTimeBreakdown {
        let window = InstantRange(start: min(start, end), end: max(start, end))
        let pauses = InstantRange.merged(paused).compactMap { $0.clamped(to: window) }
        var entries: [BusinessTimeBreakdown.Entry] = []
        let firstDay = zone.local(window.start).date
        let lastDay = zone.local(window.end).date
        var day = firstDay.adding(days: -1)
        var scanned = 0
        // Where the time listed so far ends. In the repeated autumn hour a
        // shift that ends at 01:30 (the later one) and the next that starts
        // at 01:30 (the earlier one) overlap by an hour; that hour is listed
        // once, as the total counts it, so that the days add up to the total.
        var listedUntil: Instant?
        var holidaysOfYear: [Int: [Holiday]] = [:]
        while day <= lastDay && scanned < 40_000 {
            // A year's holidays are worked out once, not once for each of its days.
            let holidays = holidaysOfYear[day.year] ?? holidaysAround(day)
            holidaysOfYear[day.year] = holidays
            let spans = openSpans(on: day, holidays: holidays)
            var distinct: [InstantRange] = []
            for span in spans.sorted(by: { $0.start < $1.start }) {
                let start = listedUntil.map { max($0, span.start) } ?? span.start
                if start < span.end { distinct.append(InstantRange(start: start, end: span.end)) }
                listedUntil = max(listedUntil ?? span.end, span.end)
            }
            let inside = distinct.compactMap { $0.clamped(to: window) }
            // Only the time that counted is listed: waiting on the customer is cut out.
            let counted = inside.flatMap { $0.removing(pauses) }
            if !counted.isEmpty {
                let seconds = counted.reduce(0) { $0 + $1.seconds }
                entries.append(.counted(date: day, spans: counted, seconds: seconds, note: note(for: day, spans: distinct, holidays: holidays)))
            } else if !inside.isEmpty {
                if case .skipped(let first, let last, .waiting)? = entries.last, last.adding(days: 1) == day {
                    entries[entries.count - 1] = .skipped(first: first, last: day, reason: .waiting)
                } else {
                    entries.append(.skipped(first: day, last: day, reason: .waiting))
                }
            } else if spans.isEmpty && day >= firstDay {
                do {
                    let reason: BusinessTimeBreakdown.SkipReason
                    if let holiday = holidays.first(where: { $0.observed == day }) {
                        reason = .holiday(holiday.name)
                    } else if day.weekday.isWeekend && hours.intervals(on: day.weekday).isEmpty {
                        reason = .weekend
                    } else {
                        reason = .closed
                    }
                    if case .skipped(let first, let last, let previous)? = entries.last, previous == reason, last.adding(days: 1) == day {
                        entries[entries.count - 1] = .skipped(first: first, last: day, reason: reason)
                    } else {
                        entries.append(.skipped(first: day, last: day, reason: reason))
                    }
                }
            }
            day = day.adding(days: 1)
            scanned += 1
        }
        var total = elapsed(from: window.start, to: window.end)
        for overlap in pauses {
            let seconds = elapsed(from: overlap.start, to: overlap.end)
            total -= seconds
            entries.append(.paused(overlap, seconds: seconds))
        }
        return BusinessTimeBreakdown(calendarName: name, zone: zone, from: window.start, to: window.end, entries: entries, total: total)
    }

    private func note(for day: LocalDate, spans: [InstantRange], holidays: [Holiday]) -> String? {
        var notes: [String] = []
        if let holiday = holidays.first(where: { $0.observed == day }), case .between = holiday.closed {
            notes.append("\(holiday.name): \(holiday.closed)")
        }
        let scheduled = hours.intervals(on: day.weekday).reduce(0) { $0 + Int64($1.seconds) }
        let actual = spans.reduce(0) { $0 + $1.seconds }
        if notes.isEmpty && actual != scheduled {
            if actual < scheduled && actual + 3600 >= scheduled { notes.append("an hour shorter: the clocks went forward") }
            else if actual > scheduled && actual - 3600 <= scheduled { notes.append("an hour longer: the clocks went back") }
        }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }
}

extension BusinessTimeBreakdown {
    /// The breakdown as text lines, times in the calendar's own zone, with
    /// the calendar named in the first line.
    public var lines: [String] { lines(in: zone, namingCalendar: true) }

    /// The breakdown as text lines: the first line gives the span in
    /// `reader`'s zone, and the day-by-day rows are the calendar's own days
    /// and hours, in its zone, because that is how the count is made. In a
    /// conversation the calendar is already clear from the ticket, so it is
    /// named only when asked.
    public func lines(in reader: Zone, namingCalendar: Bool = false) -> [String] {
        var lines: [String] = []
        let fromText = ZonedTime(from, in: reader).friendlyWithYear
        let toText = ZonedTime(to, in: reader).friendlyWithYear
        let on = namingCalendar ? " on \(calendarName)" : ""
        let counted = reader.identifier == zone.identifier ? "" : ", counted in \(zone.abbreviation(at: from))"
        lines.append("Business time\(on) from \(fromText) to \(toText)\(counted):")
        for entry in entries {
            switch entry {
            case .counted(let date, let spans, let seconds, let note):
                let ranges = spans.map { span -> String in
                    let start = zone.local(span.start)
                    let end = zone.local(span.end)
                    let endText = end.date > date && end.time.seconds == 0 ? "24:00" : end.time.description
                    return "\(start.time)–\(endText)"
                }.joined(separator: ", ")
                let suffix = note.map { " (\($0))" } ?? ""
                lines.append("  \(date.friendlyShort)  \(ranges) \(ZonedTime(spans[0].start, in: zone).abbreviation)  \(BusinessDuration(seconds: seconds))\(suffix)")
            case .skipped(let first, let last, let reason):
                let days = first == last ? first.friendlyShort : "\(first.friendlyShort)–\(last.friendlyShort)"
                let why: String
                switch reason {
                case .weekend: why = "weekend"
                case .holiday(let name): why = "\(name) (holiday)"
                case .closed: why = "closed"
                case .waiting: why = "waiting on the customer"
                }
                lines.append("  \(days)  skipped: \(why)")
            case .paused(let range, let seconds):
                lines.append("  waiting on the customer \(ZonedTime(range.start, in: zone).friendly) to \(ZonedTime(range.end, in: zone).friendly): \(BusinessDuration(seconds: seconds)) of business time not counted")
            }
        }
        lines.append("Total: \(BusinessDuration(seconds: total))")
        return lines
    }
}
