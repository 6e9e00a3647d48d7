import Testing
@testable import EscalateDomain

@Suite struct BusinessSpanTests {
    @Test(arguments: [
        ("4h", BusinessSpan.hours(4)),
        ("90m", .minutes(90)),
        ("3h30m", .minutes(210)),
        ("4 business hours", .hours(4)),
        ("48 business hours", .hours(48)),
        ("1.5 hours", .minutes(90)),
        ("half an hour", .minutes(30)),
        ("3 business days", .businessDays(3)),
        ("1 business day", .businessDays(1)),
        ("2 working days", .workingDays(2)),
        ("2 weeks", .businessDays(10)),
        ("5 days", .businessDays(5)),
    ])
    func parses(text: String, expected: BusinessSpan) throws {
        #expect(try BusinessSpan(parsing: text) == expected)
    }

    @Test(arguments: ["", "-4h", "four-ish", "3 parsecs", "1.5 business days", "h4"])
    func refuses(text: String) {
        #expect(throws: DurationParseError.self) { try BusinessSpan(parsing: text) }
    }

    @Test func negativeIsNamed() {
        do {
            _ = try BusinessSpan(parsing: "-4h")
            Issue.record("accepted a negative duration")
        } catch {
            #expect("\(error)".contains("negative"))
        }
    }

    @Test func formatting() {
        #expect(BusinessDuration(seconds: 25 * 3600 + 1800).description == "25h30m")
        #expect(BusinessDuration(seconds: 0).description == "0m")
        #expect(BusinessDuration(seconds: 45 * 60).description == "45m")
        #expect(BusinessDuration(seconds: 3 * 3600).description == "3h")
        #expect(BusinessSpan.hours(4).description == "4 business hours")
        #expect(BusinessSpan.workingDays(2).description == "2 working days")
    }
}
