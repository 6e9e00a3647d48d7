import EscalateDomain
import Testing
@testable import EscalateCatalog

/// Every built-in ladder, walked from its first level to its top, across
/// weekends and Thanksgiving (Thursday 26 November 2026).
@Suite struct EscalationEngineTests {
    let catalog = try! Catalog.builtIn(localZone: Zone(identifier: "America/Chicago")!)
    var engine: EscalationEngine { catalog.engine }

    func advice(_ script: TicketScript, at time: String) -> EscalationAdvice {
        engine.whoNow(script.ticket, at: script.instant(time))!
    }

    func expectWaiting(_ advice: EscalationAdvice, next: Int, opensAt: String, zone: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .waiting(_, let nextLevel, _, let opens) = advice.situation else {
            Issue.record("expected to be waiting, got \(advice.situation)", sourceLocation: sourceLocation)
            return
        }
        #expect(nextLevel.number == next, sourceLocation: sourceLocation)
        #expect(opens == TicketScript.instant(opensAt, zone), sourceLocation: sourceLocation)
    }

    func expectOpen(_ advice: EscalationAdvice, next: Int, sourceLocation: SourceLocation = #_sourceLocation) -> EscalationAdvice.OpenReason? {
        guard case .nextOpen(_, let nextLevel, let reason) = advice.situation else {
            Issue.record("expected the next level to be open, got \(advice.situation)", sourceLocation: sourceLocation)
            return nil
        }
        #expect(nextLevel.number == next, sourceLocation: sourceLocation)
        return reason
    }

    func expectTop(_ advice: EscalationAdvice, level: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .top(let top) = advice.situation else {
            Issue.record("expected the top, got \(advice.situation)", sourceLocation: sourceLocation)
            return
        }
        #expect(top.number == level, sourceLocation: sourceLocation)
    }

    @Test func lumenInstallationWaitsFourBusinessHoursAcrossThanksgiving() {
        var script = TicketScript(process: "lumen-installation", organisation: "lumen", at: "2026-11-25 14:00")
        guard case .start(let first) = advice(script, at: "2026-11-25 14:30").situation else { Issue.record("expected start"); return }
        #expect(first.title == "Customer care manager (CCM)")
        script.engage(1, at: "2026-11-25 15:00")
        // Wed 15:00–17:00 is two hours; Thanksgiving is closed; Friday 08:00–10:00 makes four.
        expectWaiting(advice(script, at: "2026-11-25 16:30"), next: 2, opensAt: "2026-11-27 10:00", zone: "America/Chicago")
        expectWaiting(advice(script, at: "2026-11-26 12:00"), next: 2, opensAt: "2026-11-27 10:00", zone: "America/Chicago")
        if case .waitPassed(let wait, let openedAt) = expectOpen(advice(script, at: "2026-11-27 10:00"), next: 2) {
            #expect(wait == .hours(4))
            #expect(openedAt == script.instant("2026-11-27 10:00"))
        } else { Issue.record("expected the wait to have passed") }
        script.append(.escalated(toLevel: 2, reason: nil, condition: nil), at: "2026-11-27 16:00")
        #expect(script.ticket.status == .escalated)
        expectTop(advice(script, at: "2026-11-30 09:00"), level: 2)
        // Level 2 acknowledges within 4 business hours: Friday 16:00 + 1h, then Monday 08:00–11:00.
        let clock = engine.clocks(script.ticket, at: script.instant("2026-11-30 10:00")).first!
        #expect(clock.due == script.instant("2026-11-30 11:00"))
        #expect(clock.state == .running(remaining: 3600))
        let late = engine.clocks(script.ticket, at: script.instant("2026-11-30 11:30")).first!
        #expect(late.state == .breached(since: script.instant("2026-11-30 11:00")))
        script.append(.acknowledged(ContactRecord(level: 2)), at: "2026-11-30 10:45")
        #expect(engine.clocks(script.ticket, at: script.instant("2026-11-30 11:30")).first!.state == .met(at: script.instant("2026-11-30 10:45")))
    }

    @Test func waitingOnTheCustomerStopsTheClock() {
        var script = TicketScript(process: "lumen-installation", organisation: "lumen", at: "2026-11-23 08:00")
        script.engage(1, at: "2026-11-23 09:00")
        script.append(.paused(reason: "waiting for site access"), at: "2026-11-23 10:00")
        guard case .paused(_, let since, let remaining) = advice(script, at: "2026-11-23 15:00").situation else {
            Issue.record("expected paused"); return
        }
        #expect(since == script.instant("2026-11-23 10:00"))
        #expect(remaining == Int64(3 * 3600), "\(String(describing: remaining))")
        script.append(.resumed(note: nil), at: "2026-11-24 09:00")
        // One hour counted before the pause; three more from Tuesday 09:00.
        expectWaiting(advice(script, at: "2026-11-24 10:00"), next: 2, opensAt: "2026-11-24 12:00", zone: "America/Chicago")
    }

    @Test func centuryLinkOpensManagementWhenAConditionHolds() {
        var script = TicketScript(process: "centurylink-installation", organisation: "centurylink", at: "2026-11-20 09:00")
        script.engage(1, at: "2026-11-20 09:30")
        if case .noWait = expectOpen(advice(script, at: "2026-11-20 10:00"), next: 2) {} else { Issue.record("expected no wait") }
        script.append(.conditionRaised(condition: "sla_missed", note: nil), at: "2026-11-20 10:00")
        if case .condition(let condition) = expectOpen(advice(script, at: "2026-11-20 10:05"), next: 2) {
            #expect(condition.id == "sla_missed")
        } else { Issue.record("expected the condition") }
        script.engage(2, at: "2026-11-20 16:00")
        expectTop(advice(script, at: "2026-11-23 09:00"), level: 2)
        // Acknowledgement within four business hours runs over the weekend: Fri 1h, Mon 3h.
        #expect(engine.clocks(script.ticket, at: script.instant("2026-11-23 09:00")).first?.due == script.instant("2026-11-23 11:00"))
    }

    @Test func lumenBillingAcknowledgesWithinFortyEightBusinessHoursOfTheSegmentsHours() {
        // Billing has one level: the promise is the acknowledgement, counted
        // on the live hours of the customer's segment.
        var enterprise = TicketScript(process: "lumen-billing", organisation: "lumen", at: "2026-11-25 09:00")
        enterprise.engage(1, at: "2026-11-25 10:00", channel: .email)
        expectTop(advice(enterprise, at: "2026-11-30 09:00"), level: 1)
        // 7:00–19:00 CT: Wed 9h, Thanksgiving closed, Fri 12h, Mon 12h, Tue 12h, Wed 3h.
        #expect(engine.clocks(enterprise.ticket, at: enterprise.instant("2026-11-30 09:00")).first?.due == enterprise.instant("2026-12-02 10:00"))

        var wholesale = TicketScript(process: "lumen-billing", organisation: "lumen", segment: "wholesale", at: "2026-11-25 09:00")
        wholesale.engage(1, at: "2026-11-25 10:00", channel: .email)
        // 8:00–17:00 CT: Wed 7h, Thanksgiving closed, Fri 9h, Mon 9h, Tue 9h, Wed 9h, Thu 5h.
        let clock = engine.clocks(wholesale.ticket, at: wholesale.instant("2026-11-30 09:00")).first
        #expect(clock?.due == wholesale.instant("2026-12-03 13:00"))
        let late = engine.clocks(wholesale.ticket, at: wholesale.instant("2026-12-03 13:01")).first
        #expect(late?.state == .breached(since: wholesale.instant("2026-12-03 13:00")))
    }

    @Test func theEarliestAcknowledgementCountsWhateverOrderItIsLoggedIn() {
        var script = TicketScript(process: "lumen-installation", organisation: "lumen", at: "2026-11-23 09:00")
        script.engage(1, at: "2026-11-23 09:00")
        script.append(.acknowledged(ContactRecord(level: 1)), at: "2026-11-23 11:00")
        // Logged afterwards, but it happened first: it is the acknowledgement.
        script.append(.acknowledged(ContactRecord(level: 1)), at: "2026-11-23 10:00")
        script.append(.acknowledged(ContactRecord(level: 1)), at: "2026-11-23 12:00")
        #expect(script.ticket.acknowledgements[1] == script.instant("2026-11-23 10:00"))
    }

    @Test func repairAndMaintenanceHaveOneLevel() {
        var repair = TicketScript(process: "lumen-repair", organisation: "lumen", at: "2026-11-26 02:00")
        repair.engage(1, at: "2026-11-26 02:05")
        expectTop(advice(repair, at: "2026-11-26 02:10"), level: 1)
        #expect(engine.calendar(for: catalog.process("lumen-repair")!.firstLevel).isOpen(at: repair.instant("2026-11-26 02:10")))
        var maintenance = TicketScript(process: "lumen-maintenance", organisation: "lumen", at: "2026-11-24 09:00")
        maintenance.engage(1, at: "2026-11-24 09:00")
        expectTop(advice(maintenance, at: "2026-11-24 10:00"), level: 1)
    }

    @Test(arguments: ["cms-billing", "cms-maintenance"])
    func cmsBillingAndMaintenanceGoFromTheMailboxToTheDirector(process: String) {
        let zone = "America/New_York"
        var script = TicketScript(process: process, organisation: "cms", zone: zone, at: "2026-11-25 15:00")
        script.engage(0, at: "2026-11-25 16:00", channel: .email)
        // A response within 1 business day: Thanksgiving is skipped, so Friday 16:00 ET.
        expectWaiting(advice(script, at: "2026-11-27 09:00"), next: 1, opensAt: "2026-11-27 16:00", zone: zone)
        _ = expectOpen(advice(script, at: "2026-11-27 16:00"), next: 1)
        // Once acknowledged, follow-up is expected within 2–4 weeks: ten business days.
        script.append(.acknowledged(ContactRecord(level: 0)), at: "2026-11-27 09:30")
        expectWaiting(advice(script, at: "2026-11-27 16:00"), next: 1, opensAt: "2026-12-10 16:00", zone: zone)
        _ = expectOpen(advice(script, at: "2026-12-10 16:00"), next: 1)
        for level in 1...3 {
            script.append(.escalated(toLevel: level, reason: nil, condition: nil), at: "2026-12-1\(level) 09:00")
            _ = expectOpen(advice(script, at: "2026-12-1\(level) 10:00"), next: level + 1)
        }
        script.append(.escalated(toLevel: 4, reason: nil, condition: nil), at: "2026-12-14 09:00")
        expectTop(advice(script, at: "2026-12-14 10:00"), level: 4)
    }

    @Test(arguments: [("cms-implementation", "Manager – Partner Care Center, 2nd level escalation"),
                      ("cms-disconnect", "Manager – Wireline Implementation, 2nd level disconnect escalation")])
    func cmsImplementationAndDisconnects(process: String, secondLevel: String) {
        var script = TicketScript(process: process, organisation: "cms", zone: "America/New_York", at: "2026-11-24 09:00")
        script.engage(0, at: "2026-11-24 09:00")
        _ = expectOpen(advice(script, at: "2026-11-24 10:00"), next: 1)
        script.append(.escalated(toLevel: 1, reason: nil, condition: nil), at: "2026-11-25 09:00")
        guard case .nextOpen(_, let second, _) = advice(script, at: "2026-11-27 09:00").situation else { Issue.record("expected open"); return }
        #expect(second.title == secondLevel)
        script.append(.escalated(toLevel: 3, reason: nil, condition: nil), at: "2026-11-30 09:00")
        expectTop(advice(script, at: "2026-11-30 10:00"), level: 3)
    }

    @Test func complaintsReachTheSolutionsTeamWithinTwoWorkingDays() {
        var script = TicketScript(process: "support-complaints", organisation: "support", at: "2026-11-27 09:00")
        script.engage(1, at: "2026-11-27 09:00")
        _ = expectOpen(advice(script, at: "2026-11-27 10:00"), next: 2)
        script.escalated(to: 2, at: "2026-11-27 11:00")
        script.escalated(to: 3, at: "2026-11-27 15:00")
        let solutions = advice(script, at: "2026-11-30 09:00")
        expectTop(solutions, level: 3)
        #expect(solutions.process.beyondTop?.contains("avenues outside the complaint escalation process") == true)
        // Friday afternoon: the working days are Monday and Tuesday, so by Tuesday's close.
        let clock = engine.clocks(script.ticket, at: script.instant("2026-11-30 09:00")).first!
        #expect(clock.due == script.instant("2026-12-01 17:00"))
    }

    @Test func supportRequestsMayEscalateAtAnyTime() {
        var script = TicketScript(process: "support-requests", organisation: "support", at: "2026-11-25 09:00")
        script.engage(1, at: "2026-11-25 09:00")
        script.append(.conditionRaised(condition: "production_down", note: "upgrade failed"), at: "2026-11-25 09:05")
        if case .condition(let condition) = expectOpen(advice(script, at: "2026-11-25 09:10"), next: 2) {
            #expect(condition.text.contains("production system goes down"))
        } else { Issue.record("expected production down to open the next level") }
        script.escalated(to: 4, at: "2026-11-25 10:00")
        expectTop(advice(script, at: "2026-11-26 10:00"), level: 4)
        script.append(.deescalated(answers: [ChecklistAnswer(item: "action_plan", yes: true)]), at: "2026-11-27 10:00")
        guard case .deescalated = advice(script, at: "2026-11-27 11:00").situation else { Issue.record("expected de-escalated"); return }
        script.append(.closed(code: "resolved", note: nil, agreedBy: "customer"), at: "2026-11-27 12:00")
        guard case .closed(let code, _, _) = advice(script, at: "2026-11-27 13:00").situation else { Issue.record("expected closed"); return }
        #expect(code == "resolved")
    }

    @Test func theScheduleIndexesTheNextDeadlineAndOpening() {
        var script = TicketScript(process: "lumen-installation", organisation: "lumen", at: "2026-11-25 14:00")
        script.engage(1, at: "2026-11-25 15:00")
        #expect(engine.schedule(script.ticket).nextLevelAt == script.instant("2026-11-27 10:00"))
        script.escalated(to: 2, at: "2026-11-27 16:00")
        let schedule = engine.schedule(script.ticket)
        #expect(schedule.nextDue == script.instant("2026-11-30 11:00"))
        #expect(schedule.nextDueWhat == "acknowledgement from Level 2 (Regional manager, Service Delivery)")
        #expect(schedule.nextLevelAt == nil)
    }
}

extension TicketScript {
    mutating func escalated(to level: Int, at time: String) {
        append(.escalated(toLevel: level, reason: nil, condition: nil), at: time)
    }
}
