import Foundation

/// One year of a calendar, compiled: its open spans as sorted, disjoint
/// instants, each with the open seconds before it.
///
/// The year runs from local midnight on 1 January to local midnight on the
/// next 1 January, so that spans never need the zone again: the hot paths
/// (elapsed, add, subtract) only compare integers.
struct YearTable: Sendable {
    struct Span: Sendable {
        var start: Int64
        var end: Int64
        /// Open seconds in this year before `start`.
        var before: Int64
        var after: Int64 { before + end - start }
    }

    let year: Int
    let start: Int64
    let end: Int64
    let spans: [Span]
    var total: Int64 { spans.last?.after ?? 0 }

    /// Open seconds in this year before instant `t`, which must lie in `[start, end]`.
    @inline(__always)
    func openBefore(_ t: Int64) -> Int64 {
        // The last span that starts at or before t.
        var lo = 0
        var hi = spans.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if spans[mid].start <= t { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return 0 }
        let span = spans[lo - 1]
        return span.before + (min(t, span.end) - span.start)
    }

    /// The earliest instant at which `p` open seconds of this year have passed (0 < p ≤ total).
    @inline(__always)
    func earliestInstant(afterOpenSeconds p: Int64) -> Int64 {
        var lo = 0
        var hi = spans.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if spans[mid].after >= p { hi = mid } else { lo = mid + 1 }
        }
        let span = spans[lo]
        return span.start + (p - span.before)
    }

    /// The latest instant at which exactly `p` open seconds of this year have passed (0 ≤ p < total).
    @inline(__always)
    func latestInstant(atOpenSeconds p: Int64) -> Int64 {
        var lo = 0
        var hi = spans.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if spans[mid].before <= p { lo = mid + 1 } else { hi = mid }
        }
        let span = spans[lo - 1]
        return span.start + (p - span.before)
    }
}

/// The compiled years of one calendar, built on first use and shared by
/// every copy of the calendar value.
final class CalendarTables: @unchecked Sendable {
    private let lock = NSLock()
    private var years: [Int: YearTable] = [:]

    init() {}

    func table(for year: Int, of calendar: BusinessCalendar) -> YearTable {
        lock.lock()
        if let table = years[year] {
            lock.unlock()
            return table
        }
        lock.unlock()
        let built = CalendarTables.build(year: year, of: calendar)
        lock.lock()
        years[year] = built
        lock.unlock()
        return built
    }

    static func build(year: Int, of calendar: BusinessCalendar) -> YearTable {
        let zone = calendar.zone
        let start = zone.instant(for: LocalDateTime(date: LocalDate(year: year, month: 1, day: 1), time: TimeOfDay(seconds: 0)))
        let end = zone.instant(for: LocalDateTime(date: LocalDate(year: year + 1, month: 1, day: 1), time: TimeOfDay(seconds: 0)))
        guard BusinessCalendar.supportedYears.contains(year) else {
            return YearTable(year: year, start: start.secondsSinceEpoch, end: end.secondsSinceEpoch, spans: [])
        }
        let holidays = calendar.holidays.rules.isEmpty
            ? [] : calendar.holidays(in: year - 1) + calendar.holidays(in: year) + calendar.holidays(in: year + 1)
        var spans: [YearTable.Span] = []
        var total: Int64 = 0
        let first = LocalDate(year: year, month: 1, day: 1).adding(days: -1)
        let last = LocalDate(year: year, month: 12, day: 31)
        var day = first
        while day <= last {
            for range in calendar.openSpans(on: day, holidays: holidays) {
                let s = max(range.start.secondsSinceEpoch, start.secondsSinceEpoch)
                let e = min(range.end.secondsSinceEpoch, end.secondsSinceEpoch)
                guard s < e else { continue }
                if let previous = spans.last, previous.end >= s {
                    // Touching or overlapping (24/7 days run into each other): merge.
                    let merged = max(previous.end, e)
                    total += merged - previous.end
                    spans[spans.count - 1].end = merged
                } else {
                    spans.append(YearTable.Span(start: s, end: e, before: total))
                    total += e - s
                }
            }
            day = day.adding(days: 1)
        }
        return YearTable(year: year, start: start.secondsSinceEpoch, end: end.secondsSinceEpoch, spans: spans)
    }
}
