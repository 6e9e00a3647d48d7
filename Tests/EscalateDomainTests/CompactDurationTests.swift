import EscalateDomain
import Testing

@Suite struct CompactDurationTests {
    @Test(arguments: [
        ("3h30m", Int64(12_600)), ("90m", 5_400), ("1h15m30s", 4_530), ("45s", 45),
    ])
    func readsClockUnits(text: String, seconds: Int64) {
        #expect(CompactDuration.seconds(text, units: CompactDuration.clockUnits, limit: 100_000_000) == seconds)
    }

    @Test func wallUnitsAddDaysAndWeeks() {
        let nineDays = CompactDuration.seconds("1w2d", units: CompactDuration.wallUnits, limit: 10_000_000)
        #expect(nineDays == Int64(9 * 86_400))
        // Days are not a clock unit: a span of business time never says "2d".
        #expect(CompactDuration.seconds("2d", units: CompactDuration.clockUnits, limit: 10_000_000) == nil)
    }

    @Test(arguments: ["", "h", "3", "3h30", "3x", "h3", "3 h", "99999999h"])
    func refusesWhatIsNotThatForm(text: String) {
        #expect(CompactDuration.seconds(text, units: CompactDuration.wallUnits, limit: 10_000_000) == nil)
    }
}
