import EscalateDomain
import Testing
@testable import EscalateUnderstanding

@Suite struct DurationRecogniserTests {
    private func spans(_ text: String) -> [EntitySpan] {
        DurationRecogniser.recognise(Tokenizer.tokens(text))
    }

    /// The one duration in `text`, when it covers the whole text.
    private func duration(_ text: String) -> BusinessSpan? {
        let found = spans(text)
        guard found.count == 1, found[0].start == 0, found[0].end == Tokenizer.tokens(text).count,
              case .duration(let span) = found[0].value else { return nil }
        return span
    }

    @Test func hoursAndMinutes() {
        #expect(duration("4 hours") == BusinessSpan.hours(4))
        #expect(duration("1 hr") == BusinessSpan.hours(1))
        #expect(duration("90 minutes") == BusinessSpan.minutes(90))
        #expect(duration("30 mins") == BusinessSpan.hours(seconds: 1800))
    }

    @Test func fractionsOfAnHour() {
        #expect(duration("half an hour") == BusinessSpan.minutes(30))
        #expect(duration("1.5 hours") == BusinessSpan.minutes(90))
        #expect(duration("an hour and a half") == BusinessSpan.minutes(90))
    }

    @Test func timesADayShareOutAnEightHourBusinessDay() {
        #expect(duration("twice a day") == BusinessSpan.hours(4))
        #expect(duration("twice daily") == BusinessSpan.hours(4))
        #expect(duration("three times a day") == BusinessSpan.hours(seconds: 9600))
        #expect(duration("4 times per day") == BusinessSpan.hours(2))
        #expect(duration("twice an hour") == BusinessSpan.minutes(30))
        // A count with no unit of time is no duration.
        #expect(duration("called twice") == nil)
    }

    @Test func compactForms() {
        #expect(duration("4h") == BusinessSpan.hours(4))
        #expect(duration("30m") == BusinessSpan.minutes(30))
        #expect(duration("1h30m") == BusinessSpan.minutes(90))
        #expect(duration("48hrs") == BusinessSpan.hours(48))
        #expect(duration("10mins") == BusinessSpan.minutes(10))
    }

    @Test func plainDaysAreBusinessDays() {
        #expect(duration("3 days") == BusinessSpan.businessDays(3))
        #expect(duration("3 business days") == BusinessSpan.businessDays(3))
        #expect(duration("two calendar days") == BusinessSpan.businessDays(2))
    }

    @Test func workingDaysAreTheirOwnSense() {
        #expect(duration("2 working days") == BusinessSpan.workingDays(2))
        #expect(duration("2 work days") == BusinessSpan.workingDays(2))
    }

    @Test func aWeekIsFiveBusinessDays() {
        #expect(duration("a week") == BusinessSpan.businessDays(5))
        #expect(duration("2 weeks") == BusinessSpan.businessDays(10))
    }

    @Test func fractionalDaysAreEightHourDays() {
        // A fractional day is counted as eight-hour days.
        #expect(duration("1.5 days") == BusinessSpan.hours(12))
    }

    @Test func frequencies() {
        #expect(duration("hourly") == BusinessSpan.hours(1))
        #expect(duration("daily") == BusinessSpan.businessDays(1))
        #expect(duration("every 4 hours") == BusinessSpan.hours(4))
        #expect(duration("every hour") == BusinessSpan.hours(1))
        #expect(duration("every day") == BusinessSpan.businessDays(1))
        #expect(duration("every other day") == BusinessSpan.businessDays(2))
        #expect(duration("once a day") == BusinessSpan.businessDays(1))
    }

    @Test func agoIsAPointInTimeNotADuration() {
        #expect(spans("2 hours ago").isEmpty)
        #expect(spans("4h ago").isEmpty)
    }

    @Test func numbersWithoutAUnitAreNotDurations() {
        #expect(spans("9 people").isEmpty)
        #expect(spans("ticket 12").isEmpty)
        #expect(spans("4x").isEmpty)
    }

    @Test func theSpanCoversOnlyTheDurationWords() throws {
        let found = spans("update them every 4 hours please")
        try #require(found.count == 1)
        #expect(found[0].type == "duration")
        #expect(found[0].start == 2)
        #expect(found[0].end == 5)
        #expect(found[0].value.description == "4h")
    }

    @Test func slotDescriptionsAreTheStoredForm() {
        #expect(SlotValue.duration(.hours(4)).description == "4h")
        #expect(SlotValue.duration(.minutes(90)).description == "1h30m")
        #expect(SlotValue.duration(.businessDays(3)).description == "3 business days")
        #expect(SlotValue.duration(.workingDays(1)).description == "1 working day")
    }
}
