import EscalateAssistant
import EscalateDomain
import EscalateStore
import Foundation
import Testing

/// The conversation's own rules, each shown on a short exchange.
@Suite struct ConversationTests {
    @Test func aQuestionNeverRecordsAnything() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(role: .ccm, store: store)
        await TestWorld.say("open a CenturyLink installation ticket for Initech: turn-up slipping", to: session)
        let before = try await store.allEvents().count
        for line in ["would updates every 2 hours be reasonable on #1?", "can I escalate #1?", "should I close #1?", "can I pause #1?",
                     "how do I de-escalate #1?", "when will the CCM manager acknowledge #1?", "can I call the escalations desk directly?"] {
            let reply = await session.respond(to: line)
            #expect(reply.kind != .problem || !reply.text.contains("Nothing was changed"), "\(line): \(reply.text)")
        }
        #expect(try await store.allEvents().count == before)
    }

    @Test func askingForTicketsWithNoneOpenListsNoneRatherThanQuotingTheDocuments() async {
        let session = TestWorld.session()
        for line in ["tickets", "my tickets"] {
            let reply = await TestWorld.say(line, to: session)
            #expect(reply.contains("tickets: none"), "\(line): \(reply)")
        }
    }

    @Test func aWholeNewReportIsNoAnswerToWhenWasIt() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(role: .ccm, store: store)
        await TestWorld.say("open a CenturyLink installation ticket for Initech: turn-up", ":advance 5h", "escalate #1", "yes", to: session)
        let asked = await TestWorld.say("I called the CCM manager about #1 at 4:10pm, no answer", to: session)
        #expect(asked.contains("When was it?"), "\(asked)")
        let next = await TestWorld.say("I left a voicemail for the CCM manager on #1", to: session)
        #expect(next.contains("(Leaving aside the time of the contact.)"), "\(next)")
        #expect(next.contains("Logged on #1"), "\(next)")
        let again = await TestWorld.say("I called the CCM manager about #1 at 4:10pm", to: session)
        #expect(again.contains("When was it?"), "\(again)")
        let other = await TestWorld.say("the CCM acknowledged #1 at 1:50pm", to: session)
        #expect(other.contains("(Leaving aside the time of the contact.)"), "\(other)")
    }

    @Test func withNoTicketWhoIsAboveAnswersTheNextLevelOfTheLadderTalkedAbout() async {
        let session = TestWorld.session()
        await TestWorld.say("who is my CenturyLink CCM?", to: session)
        let above = await TestWorld.say("my CCM is not answering, who is above them?", to: session)
        #expect(above.contains("CenturyLink installation"), "\(above)")
        #expect(above.contains("is Level 2, CCM manager / director / VP"), "\(above)")
        let complaint = await TestWorld.say("the rep I spoke to could not fix my complaint, who now?", to: TestWorld.session())
        #expect(complaint.contains("Level 2, Customer Service Manager (CSM)"), "\(complaint)")
        let support = await TestWorld.say("my support ticket is going nowhere, can I escalate it?", to: TestWorld.session())
        #expect(support.contains("Duty Manager / Regional Escalation Manager"), "\(support)")
        #expect(support.contains("at any time"), "\(support)")
    }

    @Test func sourceAfterALadderAnswerNamesItsDocument() async {
        let session = TestWorld.session()
        await TestWorld.say("who is above the CenturyLink CCM?", to: session)
        let source = await TestWorld.say("source?", to: session)
        #expect(source.contains("CenturyLink: Engage management during installation and turn up"), "\(source)")
        #expect(source.contains("CenturyLink installation ladder"), "\(source)")
        await TestWorld.say("when is CMS billing open?", to: session)
        let cms = await TestWorld.say("source?", to: session)
        #expect(cms.contains("CMS Customer Care"), "\(cms)")
        #expect(!cms.contains("CenturyLink"), "\(cms)")
        await TestWorld.say("what time is it?", to: session)
        let clock = await TestWorld.say("source?", to: session)
        #expect(clock.contains("nothing to explain"), "\(clock)")
    }

    @Test func iMeantAfterARefusalAsksTheRefusedChangeAgainAndLeavesTheLastOneAlone() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(role: .ccm, store: store)
        await TestWorld.say("open a Lumen billing ticket for Acme", "open a Lumen repair ticket for Globex", ":advance 1h", to: session)
        await TestWorld.say("I e-mailed billing@lumen.com on #1 at 9:35", to: session)
        let refused = await TestWorld.say("I called the technician on #1 at 9:38, no answer", to: session)
        #expect(refused.contains("not on the Lumen billing requests ladder"), "\(refused)")
        let corrected = await TestWorld.say("no wait, I meant #2", to: session)
        #expect(corrected.contains("Logged on #2"), "\(corrected)")
        let first = try #require(try await store.ticket(1))
        #expect(first.events.contains { if case .contactAttempted = $0.kind { return true } else { return false } })
        #expect(first.undone.isEmpty)
    }

    @Test func aTicketIsFoundByItsCustomersNameAsGiven() async {
        let session = TestWorld.session(role: .ccm)
        await TestWorld.say("open a Lumen repair ticket for AT&T", "open a Lumen repair ticket for Ben & Jerry's", to: session)
        let att = await TestWorld.say("status of the AT&T ticket", to: session)
        #expect(att.hasPrefix("#1 AT&T"), "\(att)")
        let ben = await TestWorld.say("where are we with Ben & Jerry's?", to: session)
        #expect(ben.contains("#2 Ben & Jerry's"), "\(ben)")
    }

    @Test func aDailyPlanAtATimeOfDayFallsDueThen() async {
        let session = TestWorld.session(role: .ccm)
        await TestWorld.say("open a Lumen installation ticket for Acme", ":advance 90m", to: session)
        let set = await TestWorld.say("updates by phone every business day at 4pm on #1", to: session)
        #expect(set.contains("every business day at 16:00 by phone"), "\(set)")
        #expect(set.contains("Next update due by 16:00 CT today"), "\(set)")
        await TestWorld.say(":advance 7h", to: session)
        let sent = await TestWorld.say("sent the customer their update on #1", to: session)
        #expect(sent.contains("the next is due by Tue 24 Nov 16:00 CT"), "\(sent)")
    }

    @Test func aCCMsEscalationDraftGivesNoOwnOverdueUpdateAsTheReason() async {
        let session = TestWorld.session(role: .ccm)
        await TestWorld.say("open a Lumen installation ticket for Acme: turn-up late", "updates every 2 business hours by e-mail on #1", ":advance 5h", to: session)
        let draft = await TestWorld.say("draft the escalation e-mail for #1", to: session)
        #expect(!draft.contains("Why now: the update agreed"), "\(draft)")
        #expect(draft.contains("I have worked this issue as the customer care manager (CCM)"), "\(draft)")
    }

    @Test func theirNumberAfterADeskARoleOrTheTopMeansThatOne() async {
        let desk = TestWorld.session()
        await TestWorld.say("who do I call about my Lumen invoice? I am an enterprise customer", to: desk)
        let email = await TestWorld.say("and their email?", to: desk)
        #expect(email.contains("billing@lumen.com") && !email.contains("877-453-8353"), "\(email)")
        let ccm = TestWorld.session()
        await TestWorld.say("who is my ccm", to: ccm)
        let number = await TestWorld.say("and their number?", to: ccm)
        #expect(number.contains("order acknowledgement letter"), "\(number)")
        let top = TestWorld.session()
        let answer = await TestWorld.say("who is the top of the CMS billing ladder?", to: top)
        #expect(answer.hasPrefix("CMS billing: the top is Level 4"), "\(answer)")
        let phone = await TestWorld.say("and their number?", to: top)
        #expect(phone.contains("678-656-5000"), "\(phone)")
    }

    @Test func aFactFromAnotherOrganisationsDocumentSaysWhose() async {
        let session = TestWorld.session()
        await TestWorld.say("open a CenturyLink installation ticket for Acme: turn-up", to: session)
        let cc = await TestWorld.say("who should I cc?", to: session)
        #expect(cc.hasPrefix("From CMS Customer Care and Account Maintenance Guidelines (CMS):"), "\(cc)")
    }

    @Test func aGreetingInFrontOfARequestDoesNotHideIt() async {
        let session = TestWorld.session()
        let reply = await TestWorld.say("hi, my Lumen order is late, who do I talk to?", to: session)
        #expect(reply.contains("Customer care manager"), "\(reply)")
        #expect(!reply.hasPrefix("Hello"))
        let thanks = await TestWorld.say("thanks! when is CMS billing open?", to: session)
        #expect(thanks.contains("08:00–17:00 ET"), "\(thanks)")
    }

    @Test func followUpsResolveFromWhatWasJustSaid() async {
        let session = TestWorld.session()
        let first = await TestWorld.say("who is level 2 for CMS billing?", to: session)
        #expect(first.contains("Manager, Customer Care") || first.contains("Level 2"), "\(first)")
        let phone = await TestWorld.say("and their number?", to: session)
        #expect(phone.contains("555-01"), "\(phone)")
        let next = await TestWorld.say("and after that?", to: session)
        #expect(next.contains("Level 3"), "\(next)")
        let hours = await TestWorld.say("when is CMS billing open?", to: session)
        #expect(hours.contains("ET"))
        let lumen = await TestWorld.say("what about Lumen?", to: session)
        #expect(lumen.contains("Lumen"), "\(lumen)")
        #expect(!lumen.contains("CMS"), "\(lumen)")
    }

    @Test func aNewRequestDropsAPendingQuestionAndSaysSo() async {
        let session = TestWorld.session()
        await TestWorld.say("open a Lumen installation ticket for Acme", "open a CMS billing ticket for Globex", to: session)
        let asked = await session.respond(to: "close it")
        #expect(asked.kind == .question)
        let moved = await TestWorld.say("when is CMS billing open?", to: session)
        #expect(moved.hasPrefix("(Leaving aside"), "\(moved)")
        #expect(session.dialogueState.pending == nil)
    }

    @Test func escalatingTwoTicketsIsAllOrNothingAndUndoTakesBackBoth() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(store: store)
        await TestWorld.say("open a support request ticket for Acme: prod down", "open a support request ticket for Globex: slow", to: session)
        await TestWorld.say("I spoke to the technician on #1", "I spoke to the technician on #2", to: session)
        let escalated = await TestWorld.say("escalate #1 and #2", to: session)
        #expect(escalated.contains("Escalated #1") && escalated.contains("Escalated #2"), "\(escalated)")
        let undone = await TestWorld.say("undo", to: session)
        #expect(undone.contains("#1") && undone.contains("#2"), "\(undone)")
        #expect(try await store.ticket(1)?.level == 1)
        #expect(try await store.ticket(2)?.level == 1)
    }

    @Test func deleteIsNotUndo() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(store: store)
        await TestWorld.say("open a Lumen installation ticket for Acme", "update #1: vendor booked", to: session)
        let reply = await TestWorld.say("delete #1", to: session)
        #expect(reply.contains("never deleted"))
        #expect(try await store.ticket(1)?.effectiveEvents.count == 2)
    }

    @Test func aCorrectionMovesTheLastChange() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(store: store)
        await TestWorld.say("open a Lumen installation ticket for Acme", "open a Lumen installation ticket for Globex", to: session)
        await TestWorld.say("update #1: the crew is booked for Thursday", to: session)
        let corrected = await TestWorld.say("no wait, I meant #2", to: session)
        #expect(corrected.contains("#2"), "\(corrected)")
        #expect(try await store.ticket(1)?.effectiveEvents.count == 1)
        #expect(try await store.ticket(2)?.effectiveEvents.count == 2)
    }

    @Test func theStateSaysWhatTheConversationIsAbout() async {
        let session = TestWorld.session()
        await TestWorld.say("who do I escalate to for CMS billing?", to: session)
        #expect(session.dialogueState.topic.organisation == "cms")
        #expect(session.dialogueState.lastQuestion?.intent == .whoNext)
    }
}
