import EscalateAssistant
import EscalateDomain
import EscalateStore
import Foundation
import Testing

/// What a customer says about themselves before any ticket (who they are,
/// their account, what is wrong) is kept by the conversation, fills the
/// drafts and the documents' templates, and starts the next ticket; it is
/// never recorded on a guess.
@Suite struct ConversationDetailsTests {
    @Test func detailsSaidBeforeAnyTicketFillTheTemplatesAndRecordNothing() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(store: store)
        let noted = await TestWorld.say("my company is Acme Widgets, account number 449812", to: session)
        #expect(noted.contains("the customer is “Acme Widgets” and the account number is “449812”"), "\(noted)")
        #expect(try await store.allEvents().isEmpty)
        let subject = await TestWorld.say("what should the subject line say?", to: session)
        #expect(subject.contains("Billing subject line: Acme Widgets: {billing issue description} – 449812"), "\(subject)")
        await TestWorld.say("the problem is that we are billed twice for long distance", to: session)
        let draft = await TestWorld.say("draft a CMS billing e-mail", to: session)
        #expect(draft.contains("Subject: Acme Widgets: we are billed twice for long distance – 449812"), "\(draft)")
        #expect(draft.contains("Filled in from what you told me"), "\(draft)")
        #expect(draft.contains("<your e-mail address>"), "\(draft)")
        #expect(try await store.allEvents().isEmpty)
    }

    @Test func theNextTicketStartsWithThem() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(store: store)
        await TestWorld.say("I work for Bank of America", "our account number is 7781-22", "the issue is a double charge on the November bill", to: session)
        let opened = await TestWorld.say("open a CMS billing ticket", to: session)
        #expect(opened.contains("Opened #1 for Bank of America"), "\(opened)")
        let ticket = try #require(try await store.ticket(1))
        #expect(ticket.details.customer == "Bank of America")
        #expect(ticket.details.account == "7781-22")
        #expect(ticket.details.summary == "a double charge on the November bill")
    }

    @Test func anotherCustomersTicketDoesNotTakeThem() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(role: .ccm, store: store)
        await TestWorld.say("my company is Acme Widgets, account number 449812", to: session)
        await TestWorld.say("open a CMS billing ticket for Globex: duplicate charges", to: session)
        let ticket = try #require(try await store.ticket(1))
        #expect(ticket.details.customer == "Globex")
        #expect(ticket.details.account == nil)
        #expect(ticket.details.summary == "duplicate charges")
    }

    @Test func theIssueOfTheTicketInHandIsNewsOnIt() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(role: .ccm, store: store)
        await TestWorld.say("open a CMS billing ticket for Globex: duplicate charges", to: session)
        let reply = await TestWorld.say("the problem is still not fixed", to: session)
        #expect(reply.contains("Noted on #1"), "\(reply)")
        let notes = try await store.allEvents().compactMap { event -> String? in
            if case .updateLogged(let note) = event.kind { return note } else { return nil }
        }
        #expect(notes == ["the problem is still not fixed"])
    }

    @Test func aTicketFieldWithNoTicketAnywhereIsKeptNotRefused() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(store: store)
        let reply = await TestWorld.say("the account number is 449812", to: session)
        #expect(reply.hasPrefix("Noted: the account number is “449812”"), "\(reply)")
        #expect(try await store.allEvents().isEmpty)
    }

    @Test func undoTakesBackDetailsSaidLast() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(store: store)
        await TestWorld.say("my e-mail is pat@example.com", to: session)
        let undone = await TestWorld.say("undo", to: session)
        #expect(undone.contains("Taken back: your e-mail address “pat@example.com”"), "\(undone)")
        await TestWorld.say("open a CMS billing ticket for Globex: duplicate charges", to: session)
        let ticket = try #require(try await store.ticket(1))
        #expect(ticket.details.senderEmail == nil)
    }

    @Test func aStatementEndsWithItsSentenceAndIsNotAQuestion() async throws {
        let session = TestWorld.session()
        let noted = await TestWorld.say("my company is Globex; who handles CMS billing?", to: session)
        #expect(noted.contains("the customer is “Globex”."), "\(noted)")
        let issue = await TestWorld.say("the problem is we were billed twice", to: session)
        #expect(issue.hasPrefix("Noted: the issue is “we were billed twice”"), "\(issue)")
    }

    @Test func aRequestInASecondSentenceIsTheRequest() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(role: .ccm, store: store)
        await TestWorld.say("open a Lumen installation ticket for Globex", ":advance 6h", to: session)
        let reply = await TestWorld.say("the problem is the install date slipped twice. draft the escalation email", to: session)
        #expect(reply.contains("Draft:"), "\(reply)")
    }

    @Test func aQuestionAboutWhatWasDoneRecordsNothing() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(role: .ccm, store: store)
        await TestWorld.say("open a CenturyLink installation ticket for Acme", ":advance 2h", to: session)
        let before = try await store.allEvents().count
        await TestWorld.say("did I call the customer at 10:40?", to: session)
        #expect(try await store.allEvents().count == before)
    }
}
