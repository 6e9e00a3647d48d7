/// Day-based spans: business days and working days.
extension BusinessCalendar {
    /// The deadline `span` after `start`, or `nil` when the calendar never
    /// opens again within the supported years, or the deadline falls beyond them.
    ///
    /// - `.hours`: `seconds` of open time.
    /// - `.businessDays(n)`: the same open-time position `n` business days
    ///   later. Monday 15:00 + 1 is Tuesday 15:00; Friday 15:00 + 1 is Monday
    ///   15:00. A start outside open hours counts from the next opening.
    /// - `.workingDays(n)`: the close of the `n`th working day after the day of
    ///   the start (or of the next opening when the start is outside hours).
    public func add(_ span: BusinessSpan, to start: Instant) -> Instant? {
        deadline(span, after: start).flatMap { Self.supports($0, in: zone) ? $0 : nil }
    }

    private func deadline(_ span: BusinessSpan, after start: Instant) -> Instant? {
        switch span {
        case .hours(let seconds):
            return add(seconds: seconds, to: start)
        case .businessDays(let n):
            guard let (day, position) = businessDayPosition(of: start),
                  let target = businessDay(n, after: day)
            else { return nil }
            return instant(atOpenPosition: position, on: target)
        case .workingDays(let n):
            guard let (day, _) = businessDayPosition(of: start),
                  let target = businessDay(n, after: day)
            else { return nil }
            return openSpans(on: target).last?.end
        }
    }

    /// The business day that `instant` counts in, and how many open seconds of
    /// that day have passed. Outside open hours, the next opening is used.
    public func businessDayPosition(of instant: Instant) -> (day: LocalDate, position: Int64)? {
        guard let opening = nextOpening(atOrAfter: instant) else { return nil }
        let date = zone.local(opening).date
        for day in [date, date.adding(days: -1)] {
            var before: Int64 = 0
            for span in openSpans(on: day) {
                if span.start <= opening && opening < span.end {
                    return (day, before + (opening - span.start))
                }
                before += span.seconds
            }
        }
        return (date, 0)
    }

    /// The `n`th day after `day` that has open time (`day` itself when `n` is 0).
    public func businessDay(_ n: Int, after day: LocalDate) -> LocalDate? {
        var date = day
        var counted = 0
        var scanned = 0
        while counted < n {
            date = date.adding(days: 1)
            scanned += 1
            guard scanned < 3660, date.year <= BusinessCalendar.supportedYears.upperBound else { return nil }
            if !openSpans(on: date).isEmpty { counted += 1 }
        }
        return date
    }

    /// The instant on `day` at which `position` open seconds of the day have
    /// passed; on a boundary between spans, the start of the later one. A
    /// position past the day's total gives its close.
    func instant(atOpenPosition position: Int64, on day: LocalDate) -> Instant? {
        let spans = openSpans(on: day)
        var before: Int64 = 0
        for span in spans {
            if position < before + span.seconds {
                return span.start + (position - before)
            }
            before += span.seconds
        }
        return spans.last?.end
    }
}
