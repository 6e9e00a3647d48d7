import EscalateDomain
import Testing
@testable import EscalateUnderstanding

/// Times resolved against Monday 23 November 2026, 09:00 Central.
@Suite struct TimeRecogniserTests {
    static let chicago = Zone(identifier: "America/Chicago")!
    static let london = Zone(identifier: "Europe/London")!
    static let now = try! ZonedTime(parsing: "2026-11-23T09:00 America/Chicago").instant
    /// A reader in Chicago, and one in London, at the same moment.
    static let chicagoReader = RecognitionContext(now: now, zone: chicago)
    static let londonReader = RecognitionContext(now: now, zone: london)

    /// The instant of a wall-clock time in Chicago.
    static func central(_ local: String) -> Instant {
        try! ZonedTime(parsing: local + " America/Chicago").instant
    }

    private func spans(_ text: String, _ context: RecognitionContext = TimeRecogniserTests.chicagoReader) -> [EntitySpan] {
        TimeRecogniser.recognise(Tokenizer.tokens(text), context: context)
    }

    /// The one time in `text`, when it covers the whole text.
    private func resolve(_ text: String, _ context: RecognitionContext = TimeRecogniserTests.chicagoReader) -> ResolvedTime? {
        let found = spans(text, context)
        guard found.count == 1, found[0].start == 0, found[0].end == Tokenizer.tokens(text).count,
              case .time(let time) = found[0].value else { return nil }
        return time
    }

    @Test func theFixedNowIsAMondayMorning() {
        let local = Self.chicago.local(Self.now)
        #expect(local.date == LocalDate(year: 2026, month: 11, day: 23))
        #expect(local.date.weekday == .monday)
        #expect(local.time == TimeOfDay(hour: 9))
    }

    @Test func clockTimeWithMeridiemIsToday() throws {
        let time = try #require(resolve("9am"))
        #expect(time == ResolvedTime.instant(Self.central("2026-11-23T09:00"), Self.chicago))
        #expect(time.description == "2026-11-23T09:00")
        #expect(resolve("9:30pm")?.instant == Self.central("2026-11-23T21:30"))
    }

    @Test func clockTimeAfterAt() throws {
        let time = try #require(resolve("at 8:45"))
        #expect(time == ResolvedTime.instant(Self.central("2026-11-23T08:45"), Self.chicago))
    }

    @Test func aDottedOrFourDigitTimeAfterAPrepositionIsAClockTime() throws {
        #expect(resolve("at 8.45") == resolve("at 8:45"))
        #expect(resolve("at 0845")?.instant == Self.central("2026-11-23T08:45"))
        #expect(resolve("at 1430")?.instant == Self.central("2026-11-23T14:30"))
        // Without a preposition a dotted number is an amount, not a time.
        #expect(spans("8.45").isEmpty)
        #expect(resolve("at 2575") == nil)
    }

    @Test func sinceSetsOffABareHourAsAtDoes() throws {
        let since = try #require(resolve("since 8"))
        #expect(since == resolve("at 8"))
        #expect(resolve("since 8:30") == resolve("at 8:30"))
        // "since Friday" stays a day.
        #expect(resolve("since Friday") == resolve("on Friday"))
    }

    @Test func aBareHourNeedsAPrepositionAndReadsAsBusinessHours() throws {
        #expect(resolve("at 9")?.instant == Self.central("2026-11-23T09:00"))
        // 1 to 6 without am/pm is the afternoon.
        #expect(resolve("at 3")?.instant == Self.central("2026-11-23T15:00"))
        #expect(spans("9 people").isEmpty)
    }

    @Test func clockTimeThenDay() throws {
        let yesterday = try #require(resolve("3pm yesterday"))
        #expect(yesterday == ResolvedTime.instant(Self.central("2026-11-22T15:00"), Self.chicago))
        // A bare weekday is the most recent one: Wednesday 18 November.
        let wednesday = try #require(resolve("4pm on Wednesday"))
        #expect(wednesday == ResolvedTime.instant(Self.central("2026-11-18T16:00"), Self.chicago))
        #expect(wednesday.description == "2026-11-18T16:00")
    }

    @Test func dayThenClockTime() throws {
        let time = try #require(resolve("tomorrow at 10am"))
        #expect(time.instant == Self.central("2026-11-24T10:00"))
        let morning = try #require(resolve("Monday morning"))
        #expect(morning.instant == Self.central("2026-11-23T09:00"))
    }

    @Test func aNamedZoneReadsTheClockInThatZone() throws {
        // A reader in London: 10:00 in Chicago is 16:00 in London.
        let chicagoTime = try #require(resolve("10am Chicago time", Self.londonReader))
        #expect(chicagoTime == ResolvedTime.instant(Self.central("2026-11-23T10:00"), Self.london))
        #expect(chicagoTime.description == "2026-11-23T16:00")
        let ct = try #require(resolve("3pm CT", Self.londonReader))
        #expect(ct.instant == Self.central("2026-11-23T15:00"))
        #expect(ct.description == "2026-11-23T21:00")
        #expect(resolve("3pm CT") == ResolvedTime.instant(Self.central("2026-11-23T15:00"), Self.chicago))
        // Without a zone, the clock is the reader's own.
        let local = try #require(resolve("at 9am", Self.londonReader))
        #expect(local.instant == Self.central("2026-11-23T03:00"))
    }

    @Test func noonAndMidnightAndEndOfDay() throws {
        #expect(resolve("noon") == ResolvedTime.instant(Self.central("2026-11-23T12:00"), Self.chicago))
        #expect(resolve("midnight")?.instant == Self.central("2026-11-23T00:00"))
        #expect(resolve("end of day")?.instant == Self.central("2026-11-23T17:00"))
    }

    @Test func aDayAloneIsADate() throws {
        let tomorrow = try #require(resolve("tomorrow"))
        #expect(tomorrow == ResolvedTime.date(LocalDate(year: 2026, month: 11, day: 24), Self.chicago))
        #expect(tomorrow.description == "2026-11-24")
        // A date means the start of its day.
        #expect(tomorrow.instant == Self.central("2026-11-24T00:00"))
        #expect(resolve("yesterday") == ResolvedTime.date(LocalDate(year: 2026, month: 11, day: 22), Self.chicago))
    }

    @Test func markedWeekdaysAreDates() throws {
        #expect(resolve("on Friday") == ResolvedTime.date(LocalDate(year: 2026, month: 11, day: 20), Self.chicago))
        #expect(resolve("last Monday") == ResolvedTime.date(LocalDate(year: 2026, month: 11, day: 16), Self.chicago))
        #expect(resolve("next Friday") == ResolvedTime.date(LocalDate(year: 2026, month: 11, day: 27), Self.chicago))
    }

    @Test func aBareWeekdayIsNotATime() {
        #expect(spans("Friday").isEmpty)
        #expect(spans("vendor dispatched, ETA Friday").isEmpty)
        #expect(spans("the new Wednesday date").isEmpty)
    }

    @Test func relativeTimes() throws {
        #expect(resolve("2 hours ago")?.instant == Self.central("2026-11-23T07:00"))
        #expect(resolve("just now")?.instant == Self.now)
    }

    @Test func theSpanCoversOnlyTheTimeWords() throws {
        let found = spans("I called them 3pm yesterday about it")
        try #require(found.count == 1)
        #expect(found[0].type == "time")
        #expect(found[0].start == 3)
        #expect(found[0].end == 5)
    }

    @Test func holidaysHandedOverAreDatesByName() throws {
        let days = ["Thanksgiving Day": LocalDate(year: 2026, month: 11, day: 26), "Labor Day": LocalDate(year: 2027, month: 9, day: 6)]
        let reader = RecognitionContext(now: Self.now, zone: Self.chicago, namedDays: days)
        #expect(resolve("thanksgiving", reader) == .date(LocalDate(year: 2026, month: 11, day: 26), Self.chicago))
        #expect(resolve("on thanksgiving day", reader) == .date(LocalDate(year: 2026, month: 11, day: 26), Self.chicago))
        #expect(resolve("on labor day", reader) == .date(LocalDate(year: 2027, month: 9, day: 6), Self.chicago))
        let atTen = try #require(resolve("thanksgiving at 10am", reader))
        #expect(atTen == .instant(Self.central("2026-11-26T10:00"), Self.chicago))
        // An ordinary word that begins a holiday's name is not a date on its own.
        #expect(spans("labor costs went up", reader).isEmpty)
        // Without the calendars' holidays, the name means nothing.
        #expect(spans("on thanksgiving").isEmpty)
    }
}
