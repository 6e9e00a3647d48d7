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
}
