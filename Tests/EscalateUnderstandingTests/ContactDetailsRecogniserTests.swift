import Testing
@testable import EscalateUnderstanding

@Suite struct ContactDetailsRecogniserTests {
    private func spans(_ text: String) -> [EntitySpan] {
        ContactDetailsRecogniser.recognise(Tokenizer.tokens(text), text: text)
    }

    private func phone(_ value: String, _ start: Int, _ end: Int) -> EntitySpan {
        EntitySpan(type: "phone", value: .text(value), start: start, end: end)
    }

    private func email(_ value: String, _ start: Int, _ end: Int) -> EntitySpan {
        EntitySpan(type: "email", value: .text(value), start: start, end: end)
    }

    @Test func sevenDigitPhones() {
        #expect(spans("555-0142") == [phone("555-0142", 0, 1)])
        #expect(spans("call Dana on 555-0142 today") == [phone("555-0142", 3, 4)])
    }

    @Test func tenDigitPhones() {
        #expect(spans("877-453-8353") == [phone("877-453-8353", 0, 1)])
        #expect(spans("877.877.8748") == [phone("877.877.8748", 0, 1)])
        #expect(spans("1-877-453-8353") == [phone("1-877-453-8353", 0, 1)])
        #expect(spans("8774538353") == [phone("8774538353", 0, 1)])
    }

    @Test func anAreaCodeInParenthesesJoinsTheNumber() {
        // The value loses its parentheses and the space becomes a hyphen.
        #expect(spans("(404) 555-0160") == [phone("404-555-0160", 0, 2)])
        #expect(spans("ring 404 555-0160") == [phone("404-555-0160", 1, 3)])
    }

    @Test func otherNumbersAreNotPhones() {
        #expect(spans("ticket 12345").isEmpty)
        #expect(spans("#5550142").isEmpty)
        #expect(spans("at 9:30").isEmpty)
        #expect(spans("55-0142").isEmpty)
        #expect(spans("877453835").isEmpty)
    }

    @Test func emailAddresses() {
        #expect(spans("dana@example.com") == [email("dana@example.com", 0, 3)])
        // The address spans the tokens the tokenizer split it into.
        #expect(spans("email dana.reyes@example.com please") == [email("dana.reyes@example.com", 1, 5)])
    }

    @Test func aSentencesFullStopIsNotPartOfTheAddress() {
        #expect(spans("Her address is ops@acme.io.") == [email("ops@acme.io", 3, 6)])
    }

    @Test func notEmailAddresses() {
        // No dot in the domain, nothing before the "@", or a domain starting with a dot.
        #expect(spans("me@localhost").isEmpty)
        #expect(spans("@example.com").isEmpty)
        #expect(spans("dana@.com").isEmpty)
        #expect(spans("meet @ 3").isEmpty)
    }

    @Test func phonesComeBeforeEmails() {
        let found = spans("ops@acme.io or 555-0142")
        #expect(found.map(\.type) == ["phone", "email"])
        #expect(found.map(\.value.description) == ["555-0142", "ops@acme.io"])
    }
}
