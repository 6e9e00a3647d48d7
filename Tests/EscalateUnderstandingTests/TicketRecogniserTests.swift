import EscalateDomain
import Testing
@testable import EscalateUnderstanding

@Suite struct TicketRecogniserTests {
    /// Kinds of outside number as an organisation's data defines them.
    static let kinds = [
        ReferenceKind(id: "ims", label: "IMS", words: ["ims"], digitsOnly: true, length: 6...6),
        ReferenceKind(id: "gcr", label: "GCR", words: ["gcr"]),
        ReferenceKind(id: "issue", label: "issue", words: ["issue", "incident"]),
    ]
    static let context = RecognitionContext(
        now: Instant(secondsSinceEpoch: 1_795_000_000), zone: Zone(identifier: "America/Chicago")!, customers: ["Acme"], referenceKinds: kinds)

    private func spans(_ text: String) -> [EntitySpan] {
        TicketRecogniser.recognise(Tokenizer.tokens(text), context: Self.context)
    }

    private func ticket(_ ref: TicketRef, _ start: Int, _ end: Int) -> EntitySpan {
        EntitySpan(type: "ticket", value: .ticket(ref), start: start, end: end)
    }

    @Test func hashNumbers() {
        #expect(spans("#12") == [ticket(.number(12), 0, 1)])
        #expect(spans("update #12: vendor dispatched") == [ticket(.number(12), 1, 2)])
        #expect(spans("close #1 and #2") == [ticket(.number(1), 1, 2), ticket(.number(2), 3, 4)])
        // Kept as said, so that the assistant refuses them by name rather
        // than acting on the ticket in focus.
        #expect(spans("#0") == [ticket(.number(0), 0, 1)])
        #expect(spans("close #-1") == [ticket(.number(-1), 1, 2)])
    }

    @Test func ticketNounsFollowedByANumber() {
        #expect(spans("ticket 4") == [ticket(.number(4), 0, 2)])
        #expect(spans("status of ticket 4") == [ticket(.number(4), 2, 4)])
        #expect(spans("case #7") == [ticket(.number(7), 0, 2)])
        #expect(spans("ticket number 15") == [ticket(.number(15), 0, 3)])
        // More than seven digits is not one of ours.
        #expect(spans("ticket 12345678").isEmpty)
    }

    @Test func aBareNumberAfterATicketVerb() {
        #expect(spans("close 9") == [ticket(.number(9), 1, 2)])
        #expect(spans("status 14") == [ticket(.number(14), 1, 2)])
        // Unless a unit says it is an amount.
        #expect(spans("update 2 hours").isEmpty)
        #expect(spans("call 9").isEmpty)
    }

    @Test func imsReferencesAreSixDigits() {
        #expect(spans("IMS 604418") == [ticket(.external(kind: "ims", value: "604418"), 0, 2)])
        #expect(spans("status of IMS 604418") == [ticket(.external(kind: "ims", value: "604418"), 2, 4)])
        #expect(spans("IMS number 604418") == [ticket(.external(kind: "ims", value: "604418"), 0, 3)])
        #expect(spans("IMS 60441").isEmpty)
        #expect(spans("IMS 6044181").isEmpty)
    }

    @Test func otherOutsideReferences() {
        #expect(spans("order N123456") == [ticket(.external(kind: "order", value: "N123456"), 0, 2)])
        #expect(spans("GCR 12345678") == [ticket(.external(kind: "gcr", value: "12345678"), 0, 2)])
        #expect(spans("repair ticket 98765") == [ticket(.external(kind: "repair", value: "98765"), 0, 3)])
        #expect(spans("issue number ab12c") == [ticket(.external(kind: "issue", value: "AB12C"), 0, 3)])
        // A reference needs a digit.
        #expect(spans("order pizza").isEmpty)
    }

    @Test func itAndThatOneAreTheTicketInFocus() {
        #expect(spans("escalate it") == [ticket(.context, 1, 2)])
        #expect(spans("close that one") == [ticket(.context, 1, 3)])
        #expect(spans("pause this ticket") == [ticket(.context, 1, 3)])
        #expect(spans("that is fine").isEmpty)
    }

    @Test func itIsNotATicketWhenItIsTheSubject() {
        #expect(spans("is it time").isEmpty)
        #expect(spans("it was late").isEmpty)
        #expect(spans("when is it due").isEmpty)
    }

    @Test func aCustomerNamedWithATicketNoun() {
        // The name as the context gave it, not its words.
        #expect(spans("the Acme order") == [ticket(.customer("Acme"), 0, 3)])
        #expect(spans("acme ticket") == [ticket(.customer("Acme"), 0, 2)])
        // A customer the context does not know is not a reference.
        #expect(spans("the Initech order").isEmpty)
    }

    @Test func descriptionsAreCanonical() {
        #expect(TicketRef.number(12).description == "#12")
        #expect(TicketRef.external(kind: "ims", value: "604418").description == "ims:604418")
        #expect(TicketRef.customer("Acme").description == "customer:acme")
        #expect(TicketRef.context.description == "it")
        #expect(SlotValue.ticket(.number(4)).description == "#4")
    }
}
