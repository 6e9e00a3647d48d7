import Testing
@testable import EscalateDomain

@Suite struct BusinessCalendarTests {
    let central = Fixtures.central
    let at = { (text: String) in Fixtures.at(text) }

    @Test func elapsedWithinOneDay() {
        #expect(central.elapsed(from: at("2026-11-23 09:00"), to: at("2026-11-23 13:00")) == Fixtures.hours(4))
    }

    @Test func nightsAndWeekendsDoNotCount() {
        // Friday 15:00 to Monday 10:00: two hours on Friday, two on Monday.
        #expect(central.elapsed(from: at("2026-11-20 15:00"), to: at("2026-11-23 10:00")) == Fixtures.hours(4))
        #expect(central.elapsed(from: at("2026-11-21 10:00"), to: at("2026-11-22 16:00")) == 0)
    }

    @Test func holidaysDoNotCount() {
        // Wednesday 16:00 to Friday 09:00 skips Thanksgiving: 1h + 1h.
        #expect(central.elapsed(from: at("2026-11-25 16:00"), to: at("2026-11-27 09:00")) == Fixtures.hours(2))
    }

    @Test func aStartOutsideHoursCountsFromTheNextOpening() {
        #expect(central.elapsed(from: at("2026-11-23 06:30"), to: at("2026-11-23 09:00")) == Fixtures.hours(1))
        #expect(central.add(seconds: Fixtures.hours(4), to: at("2026-11-23 18:00")) == at("2026-11-24 12:00"))
        #expect(central.add(seconds: Fixtures.hours(4), to: at("2026-11-21 11:00")) == at("2026-11-23 12:00"))
    }

    @Test func addSkipsTheWeekend() {
        #expect(central.add(seconds: Fixtures.hours(4), to: at("2026-11-20 15:00")) == at("2026-11-23 10:00"))
    }

    @Test func addLandsOnTheCloseRatherThanTheNextOpening() {
        #expect(central.add(seconds: Fixtures.hours(2), to: at("2026-11-20 15:00")) == at("2026-11-20 17:00"))
    }

    @Test func subtractGoesBack() {
        #expect(central.subtract(seconds: Fixtures.hours(4), from: at("2026-11-23 10:00")) == at("2026-11-20 15:00"))
        // The latest start: Monday's opening, not Friday's close.
        #expect(central.subtract(seconds: Fixtures.hours(1), from: at("2026-11-23 09:00")) == at("2026-11-23 08:00"))
    }

    @Test func businessDaysKeepThePositionInTheDay() {
        #expect(central.add(.businessDays(1), to: at("2026-11-23 15:00")) == at("2026-11-24 15:00"))
        #expect(central.add(.businessDays(1), to: at("2026-11-20 15:00")) == at("2026-11-23 15:00"))
        // Three business days from Tuesday skip Thanksgiving and the weekend.
        #expect(central.add(.businessDays(3), to: at("2026-11-24 10:00")) == at("2026-11-30 10:00"))
        // Before opening counts from the opening.
        #expect(central.add(.businessDays(1), to: at("2026-11-23 07:00")) == at("2026-11-24 08:00"))
    }

    @Test func oneBusinessDayIsNotTwentyFourBusinessHours() {
        let start = at("2026-11-23 10:00")
        let oneDay = central.add(.businessDays(1), to: start)
        let twentyFourHours = central.add(seconds: Fixtures.hours(24), to: start)
        #expect(oneDay == at("2026-11-24 10:00"))
        // Monday 7h, Tuesday 9h, Wednesday 8h: "1 day" as 24 business hours is three working days.
        #expect(twentyFourHours == at("2026-11-25 16:00"))
        #expect(oneDay != twentyFourHours)
    }

    @Test func workingDaysEndAtTheClose() {
        #expect(central.add(.workingDays(2), to: at("2026-11-16 10:00")) == at("2026-11-18 17:00"))
        // Friday evening: the day of the start is Monday.
        #expect(central.add(.workingDays(2), to: at("2026-11-20 18:00")) == at("2026-11-25 17:00"))
        // Across Thanksgiving.
        #expect(central.add(.workingDays(2), to: at("2026-11-25 10:00")) == at("2026-11-30 17:00"))
        #expect(central.add(.workingDays(0), to: at("2026-11-25 10:00")) == at("2026-11-25 17:00"))
    }

    @Test func lunchBreaks() {
        let lunch = Fixtures.lunch
        let at = { Fixtures.at($0, "America/New_York") }
        #expect(lunch.elapsed(from: at("2026-11-23 11:00"), to: at("2026-11-23 14:00")) == Fixtures.hours(2))
        #expect(lunch.add(seconds: Fixtures.hours(1), to: at("2026-11-23 11:30")) == at("2026-11-23 13:30"))
        #expect(!lunch.isOpen(at: at("2026-11-23 12:30")))
        #expect(lunch.nextOpening(atOrAfter: at("2026-11-23 12:30")) == at("2026-11-23 13:00"))
        // A business day from just after lunch lands just after lunch.
        #expect(lunch.add(.businessDays(1), to: at("2026-11-23 13:00")) == at("2026-11-24 13:00"))
    }

    @Test func intervalsThatCrossMidnight() {
        let nights = Fixtures.nights
        let at = { Fixtures.at($0, "America/Los_Angeles") }
        // Friday 22:00 to Saturday 06:00 belongs to Friday.
        #expect(nights.elapsed(from: at("2026-11-20 23:00"), to: at("2026-11-21 07:00")) == Fixtures.hours(7))
        #expect(nights.isOpen(at: at("2026-11-21 05:00")))
        #expect(!nights.isOpen(at: at("2026-11-22 05:00")))  // Saturday night is closed
        #expect(nights.nextClosing(atOrAfter: at("2026-11-20 23:00")) == at("2026-11-21 06:00"))
        #expect(nights.add(.workingDays(1), to: at("2026-11-20 23:00")) == at("2026-11-24 06:00"))
    }

    @Test func openingsAndClosings() {
        #expect(central.isOpen(at: at("2026-11-23 08:00")))
        #expect(!central.isOpen(at: at("2026-11-23 17:00")))
        #expect(central.nextOpening(atOrAfter: at("2026-11-25 17:30")) == at("2026-11-27 08:00"))
        #expect(central.nextClosing(atOrAfter: at("2026-11-23 10:00")) == at("2026-11-23 17:00"))
        #expect(central.nextClosing(atOrAfter: at("2026-11-21 10:00")) == at("2026-11-23 17:00"))
        #expect(Fixtures.repair.nextClosing(atOrAfter: at("2026-11-23 10:00")) == nil)
        #expect(Fixtures.repair.isOpen(at: at("2026-11-26 02:00")))
    }

    @Test func pausedTimeIsTakenOff() {
        let start = at("2026-11-23 09:00")
        let pause = InstantRange(start: at("2026-11-23 10:00"), end: at("2026-11-23 12:00"))
        #expect(central.elapsed(from: start, to: at("2026-11-23 13:00"), excluding: [pause]) == Fixtures.hours(2))
        // Overlapping pauses are not taken off twice.
        let overlapping = InstantRange(start: at("2026-11-23 11:00"), end: at("2026-11-23 12:30"))
        #expect(central.elapsed(from: start, to: at("2026-11-23 13:00"), excluding: [pause, overlapping]) == Fixtures.hours(1.5))
        // The deadline moves by the paused business time.
        #expect(central.deadline(adding: .hours(4), to: start, paused: [pause]) == at("2026-11-23 15:00"))
        // While a pause is still running there is no deadline yet.
        #expect(central.deadline(adding: .hours(4), to: start, paused: [], pausedSince: at("2026-11-23 10:00")) == nil)
        #expect(central.deadline(adding: .hours(1), to: start, paused: [], pausedSince: at("2026-11-23 11:00")) == at("2026-11-23 10:00"))
    }

    @Test func dayAfterAnotherHolidayAndPartDayClosures() {
        let extras = Fixtures.centralExtras
        let days = extras.holidays(in: 2026).map { "\($0.observed.isoString) \($0.name)" }
        #expect(days.contains("2026-11-27 Day after Thanksgiving"))
        #expect(extras.elapsed(from: at("2026-11-25 16:00"), to: at("2026-11-30 09:00")) == Fixtures.hours(2))
        // Christmas Eve 2026 is a Thursday: open 08:00–12:00 only.
        #expect(extras.openSeconds(on: LocalDate(year: 2026, month: 12, day: 24)) == Fixtures.hours(4))
        #expect(extras.nextClosing(atOrAfter: at("2026-12-24 09:00")) == at("2026-12-24 12:00"))
        // A one-off closure.
        #expect(extras.openSeconds(on: LocalDate(year: 2026, month: 12, day: 2)) == 0)
        #expect(extras.openSeconds(on: LocalDate(year: 2027, month: 12, day: 2)) == Fixtures.hours(9))
    }

    @Test func observedDatesMoveOffWeekends() {
        // Christmas 2027 is a Saturday: observed Friday 24 December.
        let c2027 = central.holidays(in: 2027).first { $0.name == "Christmas Day" }
        #expect(c2027?.actual == LocalDate(year: 2027, month: 12, day: 25))
        #expect(c2027?.observed == LocalDate(year: 2027, month: 12, day: 24))
        // New Year's Day 2028 is a Saturday: observed Friday 31 December 2027, in 2027's list.
        #expect(central.holidays(in: 2027).contains { $0.name == "New Year's Day" && $0.observed == LocalDate(year: 2027, month: 12, day: 31) })
        #expect(!central.holidays(in: 2028).contains { $0.name == "New Year's Day" })
        // Independence Day 2027 is a Sunday: observed Monday 5 July.
        #expect(central.holidays(in: 2027).contains { $0.name == "Independence Day" && $0.observed == LocalDate(year: 2027, month: 7, day: 5) })
    }

    @Test func yearEndsAndLeapDays() {
        // Across the new year: Thu 31 Dec 2026 16:00 → Mon 4 Jan 2027 09:00
        // skips the 1st (holiday) and the weekend.
        #expect(central.elapsed(from: at("2026-12-31 16:00"), to: at("2027-01-04 09:00")) == Fixtures.hours(2))
        #expect(central.add(seconds: Fixtures.hours(2), to: at("2026-12-31 16:00")) == at("2027-01-04 09:00"))
        // 29 February 2028 is a Tuesday and a working day.
        #expect(central.openSeconds(on: LocalDate(year: 2028, month: 2, day: 29)) == Fixtures.hours(9))
        #expect(central.add(.businessDays(1), to: at("2028-02-28 10:00")) == at("2028-02-29 10:00"))
        // Ten years, end to end, is the sum of the years.
        let tenYears = central.elapsed(from: at("2026-01-01 00:00"), to: at("2036-01-01 00:00"))
        var sum: Int64 = 0
        for year in 2026..<2036 {
            sum += central.elapsed(from: at("\(year)-01-01 00:00"), to: at("\(year + 1)-01-01 00:00"))
        }
        #expect(tenYears == sum)
    }

    @Test func negativeElapsedWhenTheEndIsEarlier() {
        #expect(central.elapsed(from: at("2026-11-23 13:00"), to: at("2026-11-23 09:00")) == -Fixtures.hours(4))
    }

    /// A deadline past the supported years is no deadline, by every path:
    /// hours, business days, working days, and with pauses.
    @Test func deadlinesPastTheSupportedYearsAreNone() {
        let late = Fixtures.at("2399-12-29 16:00")
        #expect(Fixtures.central.add(.hours(1), to: late) != nil)
        for span: BusinessSpan in [.hours(40), .businessDays(5), .workingDays(5)] {
            #expect(Fixtures.central.add(span, to: late) == nil, "\(span)")
            #expect(Fixtures.central.deadline(adding: span, to: late) == nil, "\(span)")
        }
        let pause = InstantRange(start: Fixtures.at("2399-12-29 17:00"), end: Fixtures.at("2399-12-30 17:00"))
        #expect(Fixtures.central.deadline(adding: .hours(3), to: late, paused: [pause]) == nil)
        #expect(BusinessCalendar.supports(Fixtures.at("2399-12-31 23:59"), in: Fixtures.chicago))
        #expect(!BusinessCalendar.supports(Fixtures.at("2399-12-31 23:59"), in: Zone(identifier: "Asia/Tokyo")!))
        #expect(UnsupportedTimeError("2400-01-01").description == "2400-01-01 is outside the years 1900–2399 that escalate counts in")
        #expect(throws: UnsupportedTimeError("2400-01-01T00:00Z")) { try ZonedTime(parsing: "2400-01-01T00:00Z") }
    }
}
