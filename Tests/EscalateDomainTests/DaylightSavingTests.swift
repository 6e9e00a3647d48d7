import Testing
@testable import EscalateDomain

/// The clocks change at 02:00 local in North America, at 01:00 UTC in
/// Europe, and at 02:00/03:00 local in Sydney, whose summer is in January.
@Suite struct DaylightSavingTests {
    @Test(arguments: [
        // zone, spring-forward date, fall-back date
        ("America/Chicago", "2026-03-08", "2026-11-01"),
        ("America/New_York", "2026-03-08", "2026-11-01"),
        ("America/Los_Angeles", "2026-03-08", "2026-11-01"),
        ("Europe/London", "2026-03-29", "2026-10-25"),
        ("Australia/Sydney", "2026-10-04", "2026-04-05"),
    ])
    func anIntervalSpanningTheSwitchChangesLength(zone: String, forward: String, back: String) {
        let calendar = Fixtures.smallHours(zone)
        let shortDay = LocalDate(iso: Substring(forward))!
        let longDay = LocalDate(iso: Substring(back))!
        // 01:00–05:00 is four hours on an ordinary day, three when the clocks
        // go forward and five when they go back.
        #expect(calendar.openSeconds(on: shortDay.adding(days: -7)) == Fixtures.hours(4))
        #expect(calendar.openSeconds(on: shortDay) == Fixtures.hours(3))
        #expect(calendar.openSeconds(on: longDay) == Fixtures.hours(5))
        // The 24/7 day is 23 or 25 hours long.
        let always = BusinessCalendar(name: "always", zone: Zone(identifier: zone)!, hours: .alwaysOpen)
        let z = Zone(identifier: zone)!
        let midnight = { (d: LocalDate) in z.instant(for: LocalDateTime(date: d, time: TimeOfDay(seconds: 0))) }
        #expect(always.elapsed(from: midnight(shortDay), to: midnight(shortDay.adding(days: 1))) == Fixtures.hours(23))
        #expect(always.elapsed(from: midnight(longDay), to: midnight(longDay.adding(days: 1))) == Fixtures.hours(25))
    }

    @Test(arguments: ["America/Chicago", "America/New_York", "America/Los_Angeles", "Europe/London", "Australia/Sydney"])
    func officeHoursStayOnTheWallClockAcrossTheSwitch(zone: String) {
        let calendar = BusinessCalendar(name: "office", zone: Zone(identifier: zone)!, hours: .weekdays(.from(9, to: 17)))
        let z = Zone(identifier: zone)!
        for date in ["2026-03-06", "2026-03-27", "2026-10-02", "2026-10-23", "2026-10-30", "2026-04-03"] {
            // Friday 16:00 to Monday 10:00 is two business hours whichever way the clocks went.
            let friday = LocalDate(iso: Substring(date))!
            #expect(friday.weekday == .friday)
            let start = z.instant(for: LocalDateTime(date: friday, time: TimeOfDay(hour: 16)))
            let end = z.instant(for: LocalDateTime(date: friday.adding(days: 3), time: TimeOfDay(hour: 10)))
            #expect(calendar.elapsed(from: start, to: end) == Fixtures.hours(2), "\(zone) weekend after \(date)")
            // And the Monday opening is at 09:00 on the local wall clock.
            let opening = calendar.nextOpening(atOrAfter: z.instant(for: LocalDateTime(date: friday, time: TimeOfDay(hour: 18))))!
            #expect(z.local(opening).time == TimeOfDay(hour: 9))
        }
    }

    @Test func aWallTimeInTheSkippedHourResolvesToTheJump() {
        let chicago = Fixtures.chicago
        let skipped = chicago.instant(for: LocalDateTime(date: LocalDate(year: 2026, month: 3, day: 8), time: TimeOfDay(hour: 2, minute: 30)))
        #expect(skipped.description == "2026-03-08T08:00:00Z")
        let repeated = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 1), time: TimeOfDay(hour: 1, minute: 30))
        #expect(chicago.instant(for: repeated, repeated: .earlier).description == "2026-11-01T06:30:00Z")
        #expect(chicago.instant(for: repeated, repeated: .later).description == "2026-11-01T07:30:00Z")
    }

    @Test func abbreviationsFollowTheReader() {
        let winter = Fixtures.at("2026-01-15 12:00", "Europe/London")
        let summer = Fixtures.at("2026-07-15 12:00", "Europe/London")
        #expect(Zone(identifier: "Europe/London")!.abbreviation(at: winter) == "GMT")
        #expect(Zone(identifier: "Europe/London")!.abbreviation(at: summer) == "BST")
        #expect(Zone(identifier: "America/Chicago")!.abbreviation(at: summer) == "CT")
        #expect(Zone(identifier: "America/New_York")!.abbreviation(at: winter) == "ET")
        #expect(Zone(identifier: "America/Los_Angeles")!.abbreviation(at: winter) == "PT")
        #expect(Zone(identifier: "Australia/Sydney")!.abbreviation(at: winter) == "AEDT")
        #expect(Zone(identifier: "Australia/Sydney")!.abbreviation(at: summer) == "AEST")
        #expect(Zone(identifier: "America/Sao_Paulo")!.abbreviation(at: summer) == "UTC-03:00")
        #expect(Zone(identifier: "CST") == nil)
    }

    /// 01:30 on the night the clocks go back happens twice in Chicago: the
    /// first is CDT, the second CST; the hours either side stay CT.
    @Test func theRepeatedHourSaysWhichSeason() {
        let chicago = Fixtures.chicago
        let repeated = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 1), time: TimeOfDay(hour: 1, minute: 30))
        #expect(chicago.abbreviation(at: chicago.instant(for: repeated, repeated: .earlier)) == "CDT")
        #expect(chicago.abbreviation(at: chicago.instant(for: repeated, repeated: .later)) == "CST")
        let before = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 1), time: TimeOfDay(hour: 0, minute: 30))
        let after = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 1), time: TimeOfDay(hour: 2, minute: 30))
        #expect(chicago.abbreviation(at: chicago.instant(for: before)) == "CT")
        #expect(chicago.abbreviation(at: chicago.instant(for: after)) == "CT")
        let newYork = Zone(identifier: "America/New_York")!
        #expect(newYork.abbreviation(at: newYork.instant(for: repeated, repeated: .later)) == "EST")
    }
}
