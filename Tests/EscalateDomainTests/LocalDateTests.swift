import Testing
@testable import EscalateDomain

@Suite struct LocalDateTests {
    @Test func dayNumbersRoundTrip() {
        for n in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            #expect(LocalDate(dayNumber: n).dayNumber == n)
        }
        #expect(LocalDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(LocalDate(year: 2000, month: 3, day: 1).dayNumber == 11_017)
    }

    @Test func weekdays() {
        #expect(LocalDate(year: 2026, month: 11, day: 26).weekday == .thursday)
        #expect(LocalDate(year: 2024, month: 2, day: 29).weekday == .thursday)
        #expect(LocalDate(year: 1970, month: 1, day: 1).weekday == .thursday)
        #expect(LocalDate(year: 2027, month: 1, day: 3).weekday == .sunday)
    }

    @Test func leapYears() {
        #expect(LocalDate(validYear: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(validYear: 2100, month: 2, day: 29) == nil)
        #expect(LocalDate(validYear: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2024, month: 2, day: 28).adding(days: 1) == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate(year: 2023, month: 2, day: 28).adding(days: 1) == LocalDate(year: 2023, month: 3, day: 1))
    }

    @Test func isoParsing() {
        #expect(LocalDate(iso: "2026-11-26") == LocalDate(year: 2026, month: 11, day: 26))
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "26-11-01") == nil)
    }
}
