/// Elapsed business time, deadlines, and openings.
///
/// Every function here is exact to the second and consistent with the others:
/// `elapsed(a, b) + elapsed(b, c) == elapsed(a, c)`, and
/// `elapsed(a, add(d, to: a)) == d`.
extension BusinessCalendar {
    /// The compiled year that contains instant `t`.
    @inline(__always)
    func table(containing t: Int64) -> YearTable {
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        var year = LocalDate(dayNumber: days).year
        var table = tables.table(for: year, of: self)
        while t < table.start {
            year -= 1
            table = tables.table(for: year, of: self)
        }
        while t >= table.end {
            year += 1
            table = tables.table(for: year, of: self)
        }
        return table
    }

    /// Business seconds from `start` to `end`; negative when `end` is earlier.
    public func elapsed(from start: Instant, to end: Instant) -> Int64 {
        if end < start { return -elapsed(from: end, to: start) }
        let a = start.secondsSinceEpoch
        let b = end.secondsSinceEpoch
        let first = table(containing: a)
        if b < first.end {
            return first.openBefore(b) - first.openBefore(a)
        }
        var total = first.total - first.openBefore(a)
        var year = first.year + 1
        while true {
            let next = tables.table(for: year, of: self)
            if b < next.end {
                return total + next.openBefore(b)
            }
            total += next.total
            year += 1
        }
    }

    /// The business time from `start` to `end`, less the parts of `paused`
    /// (waiting on the customer) that fall in between. Pauses may overlap.
    public func elapsed(from start: Instant, to end: Instant, excluding paused: [InstantRange]) -> Int64 {
        guard start < end else { return elapsed(from: start, to: end) }
        var total = elapsed(from: start, to: end)
        for pause in InstantRange.merged(paused) {
            guard let overlap = pause.clamped(to: InstantRange(start: start, end: end)) else { continue }
            total -= elapsed(from: overlap.start, to: overlap.end)
        }
        return total
    }

    /// The earliest instant by which `seconds` of business time have passed
    /// since `start`. A start outside open hours counts from the next opening.
    public func add(seconds: Int64, to start: Instant) -> Instant {
        precondition(seconds >= 0, "add a non-negative duration; use subtract to go back")
        if seconds == 0 { return start }
        let a = start.secondsSinceEpoch
        var table = table(containing: a)
        var remaining = table.openBefore(a) + seconds
        var guardYears = 0
        while remaining > table.total {
            remaining -= table.total
            table = tables.table(for: table.year + 1, of: self)
            guardYears += 1
            if table.year > BusinessCalendar.supportedYears.upperBound || guardYears > 1000 {
                return Instant(secondsSinceEpoch: table.end)
            }
        }
        return Instant(secondsSinceEpoch: table.earliestInstant(afterOpenSeconds: remaining))
    }

    /// The latest instant from which `seconds` of business time have passed by `end`.
    public func subtract(seconds: Int64, from end: Instant) -> Instant {
        precondition(seconds >= 0, "subtract a non-negative duration")
        if seconds == 0 { return end }
        let b = end.secondsSinceEpoch
        var table = table(containing: b)
        var position = table.openBefore(b) - seconds
        var guardYears = 0
        while position < 0 {
            table = tables.table(for: table.year - 1, of: self)
            position += table.total
            guardYears += 1
            if table.year < BusinessCalendar.supportedYears.lowerBound || guardYears > 1000 {
                return Instant(secondsSinceEpoch: table.start)
            }
        }
        return Instant(secondsSinceEpoch: table.latestInstant(atOpenSeconds: position))
    }

    /// The deadline `span` after `start`, skipping `paused` spans (which may
    /// still be open-ended: then there is no deadline yet, and this is `nil`).
    /// A deadline beyond the supported years is none either.
    public func deadline(adding span: BusinessSpan, to start: Instant, paused: [InstantRange] = [], pausedSince: Instant? = nil) -> Instant? {
        unboundedDeadline(adding: span, to: start, paused: paused, pausedSince: pausedSince).flatMap { Self.supports($0, in: zone) ? $0 : nil }
    }

    private func unboundedDeadline(adding span: BusinessSpan, to start: Instant, paused: [InstantRange], pausedSince: Instant?) -> Instant? {
        switch span {
        case .hours(let seconds):
            var remaining = seconds
            var cursor = start
            for pause in InstantRange.merged(paused) where pause.end > cursor {
                let candidate = add(seconds: remaining, to: cursor)
                if candidate <= pause.start { return candidate }
                remaining -= max(0, elapsed(from: cursor, to: max(cursor, pause.start)))
                cursor = max(cursor, pause.end)
            }
            if let pausedSince {
                let candidate = add(seconds: remaining, to: cursor)
                return candidate <= pausedSince ? candidate : nil
            }
            return add(seconds: remaining, to: cursor)
        case .businessDays, .workingDays:
            // Day counts move with the pauses as whole business time.
            guard let plain = add(span, to: start) else { return nil }
            let pausedSeconds = InstantRange.merged(paused).reduce(Int64(0)) { sum, pause in
                guard let overlap = pause.clamped(to: InstantRange(start: start, end: max(plain, pause.end))) else { return sum }
                return sum + elapsed(from: overlap.start, to: overlap.end)
            }
            if let pausedSince, pausedSince < plain { return nil }
            return pausedSeconds == 0 ? plain : add(seconds: pausedSeconds, to: plain)
        }
    }

    /// Whether the calendar is open at `instant`.
    public func isOpen(at instant: Instant) -> Bool {
        let t = instant.secondsSinceEpoch
        let table = table(containing: t)
        return table.spans.contains { $0.start <= t && t < $0.end }
    }

    /// The first instant at or after `instant` at which the calendar is open,
    /// or `nil` when it never opens again within the supported years.
    public func nextOpening(atOrAfter instant: Instant) -> Instant? {
        let t = instant.secondsSinceEpoch
        var table = table(containing: t)
        while true {
            if let span = table.spans.first(where: { $0.end > t }) {
                return Instant(secondsSinceEpoch: max(span.start, t))
            }
            guard table.year < BusinessCalendar.supportedYears.upperBound else { return nil }
            table = tables.table(for: table.year + 1, of: self)
        }
    }

    /// The next instant at or after `instant` at which the calendar closes, or
    /// `nil` when it never closes (24/7 with no holidays).
    public func nextClosing(atOrAfter instant: Instant) -> Instant? {
        guard let opening = nextOpening(atOrAfter: instant) else { return nil }
        var t = opening.secondsSinceEpoch
        var table = table(containing: t)
        var yearsScanned = 0
        while true {
            guard let span = table.spans.first(where: { $0.start <= t && t < $0.end }) else {
                return Instant(secondsSinceEpoch: t)
            }
            // A span that reaches the year's end may carry on into the next year.
            guard span.end == table.end else { return Instant(secondsSinceEpoch: span.end) }
            yearsScanned += 1
            guard yearsScanned < 10, table.year < BusinessCalendar.supportedYears.upperBound else { return nil }
            t = span.end
            table = tables.table(for: table.year + 1, of: self)
        }
    }
}

extension InstantRange {
    /// Sorted, with overlapping and touching ranges joined.
    public static func merged(_ ranges: [InstantRange]) -> [InstantRange] {
        let sorted = ranges.filter { !$0.isEmpty }.sorted { $0.start < $1.start }
        var result: [InstantRange] = []
        for range in sorted {
            if let last = result.last, range.start <= last.end {
                result[result.count - 1] = InstantRange(start: last.start, end: max(last.end, range.end))
            } else {
                result.append(range)
            }
        }
        return result
    }
}
