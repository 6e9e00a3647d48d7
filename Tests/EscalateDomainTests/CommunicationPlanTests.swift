import EscalateDomain
import Foundation
import Testing

/// A communication plan as stored: a daily plan keeps its time of day and
/// zone, and a plan stored before times of day existed still reads.
@Suite struct CommunicationPlanTests {
    @Test func aDailyPlanKeepsItsTimeOfDayAndZoneThroughStorage() throws {
        let plan = CommunicationPlan(every: .businessDays(1), channel: .phone, at: TimeOfDay(seconds: 16 * 3600), zone: Zone(identifier: "America/Chicago"))
        let decoded = try JSONDecoder().decode(CommunicationPlan.self, from: JSONEncoder().encode(plan))
        #expect(decoded == plan)
        #expect(decoded.dailyAt?.days == 1)
        #expect(decoded.description == "every business day at 16:00 by phone")
    }

    @Test func aPlanStoredBeforeTimesOfDayStillReads() throws {
        // As stored then: no "at", no "zone", no "clockTime".
        var stored = try JSONSerialization.jsonObject(with: JSONEncoder().encode(CommunicationPlan(every: .businessDays(1)))) as! [String: Any]
        for key in ["at", "zone", "clockTime"] { stored[key] = nil }
        let decoded = try JSONDecoder().decode(CommunicationPlan.self, from: JSONSerialization.data(withJSONObject: stored))
        #expect(decoded.at == nil && decoded.zone == nil && decoded.dailyAt == nil && !decoded.clockTime)
        #expect(decoded.every == .businessDays(1))
    }

    @Test func anHourlyPlanHasNoTimeOfDay() {
        #expect(CommunicationPlan(every: .hours(4), at: TimeOfDay(seconds: 3600)).dailyAt == nil)
    }
}
