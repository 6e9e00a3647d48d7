import Testing
@testable import EscalateDomain

@Suite struct BusinessTimeBreakdownTests {
    @Test func explainsCountedAndSkippedDays() {
        let breakdown = Fixtures.central.breakdown(from: Fixtures.at("2026-11-25 16:00"), to: Fixtures.at("2026-11-30 09:30"))
        #expect(breakdown.total == Fixtures.hours(1) + Fixtures.hours(9) + Fixtures.hours(1.5))
        #expect(breakdown.lines == [
            "Business time on central from Wed 25 Nov 2026 16:00 CT to Mon 30 Nov 2026 09:30 CT:",
            "  Wed 25 Nov  16:00–17:00 CT  1h",
            "  Thu 26 Nov  skipped: Thanksgiving Day (holiday)",
            "  Fri 27 Nov  08:00–17:00 CT  9h",
            "  Sat 28 Nov–Sun 29 Nov  skipped: weekend",
            "  Mon 30 Nov  08:00–09:30 CT  1h30m",
            "Total: 11h30m",
        ])
    }

    @Test func explainsPausesAndShortDays() {
        let pause = InstantRange(start: Fixtures.at("2026-11-23 10:00"), end: Fixtures.at("2026-11-23 11:00"))
        let breakdown = Fixtures.central.breakdown(from: Fixtures.at("2026-11-23 09:00"), to: Fixtures.at("2026-11-23 12:00"), excluding: [pause])
        #expect(breakdown.total == Fixtures.hours(2))
        // The day's row lists only the time that counted; the pause is summed below it.
        #expect(breakdown.lines.contains("  Mon 23 Nov  09:00–10:00, 11:00–12:00 CT  2h"))
        #expect(breakdown.lines.contains("  waiting on the customer Mon 23 Nov 10:00 CT to Mon 23 Nov 11:00 CT: 1h of business time not counted"))

        // A whole day spent waiting is skipped as such.
        let weekLong = InstantRange(start: Fixtures.at("2026-11-23 17:00"), end: Fixtures.at("2026-11-25 08:00"))
        let across = Fixtures.central.breakdown(from: Fixtures.at("2026-11-23 16:00"), to: Fixtures.at("2026-11-25 09:00"), excluding: [weekLong])
        #expect(across.lines.contains("  Tue 24 Nov  skipped: waiting on the customer"))
        #expect(across.total == Fixtures.hours(2))

        let small = Fixtures.smallHours("America/Chicago")
        let spring = small.breakdown(from: Fixtures.at("2026-03-08 00:00"), to: Fixtures.at("2026-03-08 12:00"))
        #expect(spring.lines.contains { $0.contains("the clocks went forward") })
        #expect(spring.total == Fixtures.hours(3))
    }

    /// On the autumn change (Sun 1 Nov 2026 in Chicago, 01:00–02:00 twice),
    /// a shift ending at 01:30 and the next starting at 01:30 overlap by an
    /// hour: the days listed still add up to the total.
    @Test func dayLinesAddUpToTheTotalInTheRepeatedHour() {
        let shifts = BusinessCalendar(
            name: "shifts", zone: Fixtures.chicago,
            hours: WeeklyHours(Dictionary(uniqueKeysWithValues: Weekday.allCases.map { day in
                (day, [OpenInterval(start: TimeOfDay(hour: 0), end: TimeOfDay(hour: 1, minute: 30)),
                       OpenInterval(start: TimeOfDay(hour: 1, minute: 30), end: TimeOfDay(hour: 3)),
                       OpenInterval(start: TimeOfDay(hour: 22), end: TimeOfDay(hour: 25, minute: 30))])
            })))
        for (from, to) in [("2026-10-31 12:00", "2026-11-02 12:00"), ("2026-11-01 00:00", "2026-11-01 04:00"), ("2026-10-31 23:00", "2026-11-01 02:00")] {
            let breakdown = shifts.breakdown(from: Fixtures.at(from), to: Fixtures.at(to))
            let listed = breakdown.entries.reduce(Int64(0)) { sum, entry in
                if case .counted(_, let spans, let seconds, _) = entry {
                    #expect(seconds == spans.reduce(0) { $0 + $1.seconds })
                    return sum + seconds
                }
                return sum
            }
            #expect(listed == breakdown.total, "\(from) to \(to): \(breakdown.lines)")
            #expect(breakdown.total == shifts.elapsed(from: Fixtures.at(from), to: Fixtures.at(to)))
        }
        // 00:00 to 04:00 on the change is five hours of clock time, all open but 03:00–04:00.
        let day = shifts.breakdown(from: Fixtures.at("2026-11-01 00:00"), to: Fixtures.at("2026-11-01 04:00"))
        #expect(day.total == Fixtures.hours(4))
    }
}
