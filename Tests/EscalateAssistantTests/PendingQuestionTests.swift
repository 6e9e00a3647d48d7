import EscalateAssistant
import EscalateDomain
import EscalateUnderstanding
import Testing

/// The pending-question state machine, without a store or a clock.
@Suite struct PendingQuestionTests {
    let now = Instant(secondsSinceEpoch: 1_795_446_000)

    func question(_ kind: PendingQuestion.Kind, _ request: Request = Request(.close, slots: Slots([.ticket: .ticket(.number(1))]))) -> PendingQuestion {
        PendingQuestion(kind, request: request, prompt: "Close #1? (yes/no)", about: "closing #1", options: ["a", "b"], askedAt: now)
    }

    @Test func yesRunsTheRequestConfirmed() {
        guard case .proceed(let request) = question(.confirm).receive(.init(answer: .yes)) else { Issue.record("no proceed"); return }
        #expect(request.confirmed)
        #expect(request.intent == .close)
        guard case .proceed(let okay) = question(.confirm).receive(.init(answer: .okay)) else { Issue.record("ok is not yes"); return }
        #expect(okay.confirmed)
    }

    @Test func noDeclinesAndCancelCancels() {
        #expect(question(.confirm).receive(.init(answer: .no)) == .declined)
        #expect(question(.confirm).receive(.init(answer: .cancel)) == .cancelled)
        #expect(question(.whichTicket([1, 2])).receive(.init(answer: .cancel)) == .cancelled)
    }

    @Test func aNewRequestDropsTheQuestionAndAnythingElseAsksAgain() {
        #expect(question(.confirm).receive(.init(isNewRequest: true)) == .dropped)
        #expect(question(.confirm).receive(.init()) == .reask(hint: "Please answer yes or no."))
        #expect(question(.whichTicket([4, 7])).receive(.init()) == .reask(hint: "Please choose 1 or 2, or give a ticket number such as #4."))
        #expect(question(.missingSlot(.note)).receive(.init(isNewRequest: true)) == .dropped)
    }

    @Test func aCorrectionRunsTheCorrectedRequestUnconfirmed() {
        let nine = SlotValue.text("09:30")
        let asked = question(.accept(Acceptance(rawValue: "before-opening")),
                             Request(.logContact, slots: Slots([.ticket: .ticket(.number(1)), .time: .text("09:40")])))
        guard case .proceed(let request) = asked.receive(.init(revisions: [.init(.time, nine)])) else { Issue.record("no proceed"); return }
        #expect(request.slots[.time] == nine)
        #expect(request.accepted.isEmpty)
        // "I meant #2" on a confirmation: the request on #2, asked again by its handler.
        guard case .proceed(let other) = question(.confirm).receive(.init(revisions: [.init(.ticket, .ticket(.number(2)))])) else {
            Issue.record("no proceed"); return
        }
        #expect(other.slots.ticketRef == .number(2))
        #expect(!other.confirmed)
        // A slot the request does not have is no correction of it.
        #expect(question(.confirm).receive(.init(revisions: [.init(.time, nine)])) == .reask(hint: "Please answer yes or no."))
    }

    @Test func aChoicePicksTheCandidate() {
        let asked = question(.whichTicket([4, 7]), Request(.status))
        guard case .proceed(let request) = asked.receive(.init(choice: 2)) else { Issue.record("no proceed"); return }
        #expect(request.slots.ticketRef == .number(7))
        #expect(!request.confirmed)
        guard case .proceed(let process) = question(.whichProcess(["cms-billing", "lumen-billing"]), Request(.ladder)).receive(.init(choice: 1)) else {
            Issue.record("no proceed"); return
        }
        #expect(process.slots.process == "cms-billing")
        #expect(question(.whichTicket([4, 7])).receive(.init(choice: 3)) != .proceed(Request(.status)))
    }

    @Test func aMissingSlotIsFilled() {
        guard case .proceed(let request) = question(.missingSlot(.note), Request(.logUpdate)).receive(.init(value: .text("vendor on site"))) else {
            Issue.record("no proceed"); return
        }
        #expect(request.slots.text(.note) == "vendor on site")
    }

    @Test func aChecklistIsWalkedItemByItem() {
        let asked = question(.checklist(ids: ["plan", "rca"], questions: ["Is the plan acceptable?", "Is the RCA on track?"]), Request(.deescalate))
        guard case .ask(let second) = asked.receive(.init(answer: .yes)) else { Issue.record("no second item"); return }
        #expect(second.prompt == "2/2 Is the RCA on track? — done? (yes/no)")
        guard case .proceed(let request) = second.receive(.init(answer: .yes)) else { Issue.record("no proceed"); return }
        #expect(request.confirmed)
        #expect(request.answers.map(\.item) == ["plan", "rca"])
        #expect(second.receive(.init(answer: .no)) == .checklistFailed(question: "Is the RCA on track?"))
    }

    @Test func theQuestionTravelsInTheDialogueState() throws {
        var state = DialogueState()
        state.pending = question(.whichTicket([1, 2]))
        state.focus(on: 3)
        state.subject = .level(process: "lumen-installation", number: 2)
        state.lastQuestion = Request(.hoursInfo, slots: Slots([.org: .entity("cms"), .time: .time(.date(LocalDate(year: 2026, month: 11, day: 30), .utc))]))
        let data = try JSONEncoder().encode(state)
        #expect(try JSONDecoder().decode(DialogueState.self, from: data) == state)
    }
}

import Foundation
