import PropertyBased
import Testing
@testable import EscalateDomain

/// Laws that hold for every calendar and every pair of instants.
@Suite struct BusinessCalendarPropertyTests {
    /// 2000-01-01 to 2040-01-01.
    static let instants = Gen.int64(in: 946_684_800...2_208_988_800)
    static let calendars = Gen.int(in: 0...(Fixtures.all.count - 1))
    static let durations = Gen.int64(in: 0...(4_000 * 3600))

    @Test func elapsedIsAdditive() async {
        await propertyCheck(count: 300, input: Self.calendars, Self.instants, Self.instants, Self.instants) { c, x, y, z in
            let calendar = Fixtures.all[c]
            let (a, b, cc) = (Instant(secondsSinceEpoch: x), Instant(secondsSinceEpoch: y), Instant(secondsSinceEpoch: z))
            #expect(calendar.elapsed(from: a, to: b) + calendar.elapsed(from: b, to: cc) == calendar.elapsed(from: a, to: cc))
        }
    }

    @Test func addIsTheInverseOfElapsed() async {
        await propertyCheck(count: 300, input: Self.calendars, Self.instants, Self.durations) { c, x, d in
            let calendar = Fixtures.all[c]
            let a = Instant(secondsSinceEpoch: x)
            let deadline = calendar.add(seconds: d, to: a)
            #expect(calendar.elapsed(from: a, to: deadline) == d)
            // And it is the earliest such instant.
            if d > 0 { #expect(calendar.elapsed(from: a, to: deadline - 1) == d - 1) }
            let start = calendar.subtract(seconds: d, from: a)
            #expect(calendar.elapsed(from: start, to: a) == d)
        }
    }

    @Test func elapsedIsMonotonic() async {
        await propertyCheck(count: 300, input: Self.calendars, Self.instants, Self.instants, Gen.int64(in: 0...(90 * 86_400))) { c, x, y, step in
            let calendar = Fixtures.all[c]
            let a = Instant(secondsSinceEpoch: x)
            let b = Instant(secondsSinceEpoch: y)
            let e1 = calendar.elapsed(from: a, to: b)
            let e2 = calendar.elapsed(from: a, to: b + step)
            #expect(e2 >= e1)
            #expect(e2 - e1 <= step)
        }
    }

    @Test func elapsedIsZeroAcrossAClosedSpan() async {
        await propertyCheck(count: 300, input: Self.calendars, Self.instants) { c, x in
            let calendar = Fixtures.all[c]
            let t = Instant(secondsSinceEpoch: x)
            guard !calendar.isAlwaysOpen, let closing = calendar.nextClosing(atOrAfter: t),
                  let opening = calendar.nextOpening(atOrAfter: closing)
            else { return }
            #expect(opening > closing)
            #expect(calendar.elapsed(from: closing, to: opening) == 0)
            #expect(!calendar.isOpen(at: closing))
            #expect(calendar.isOpen(at: opening))
        }
    }

    @Test func businessDaysAreAtLeastAsLateAsTheOpenTimeOfTheDaysBetween() async {
        await propertyCheck(count: 200, input: Self.calendars, Self.instants, Gen.int(in: 1...15)) { c, x, n in
            let calendar = Fixtures.all[c]
            let a = Instant(secondsSinceEpoch: x)
            guard let end = calendar.add(.businessDays(n), to: a), let close = calendar.add(.workingDays(n), to: a) else { return }
            #expect(end > a)
            #expect(close >= end)
            // Whole days of business time passed, give or take the length of the days.
            let (startDay, _) = calendar.businessDayPosition(of: a)!
            let (endDay, _) = calendar.businessDayPosition(of: end)!
            #expect(endDay == calendar.businessDay(n, after: startDay) || calendar.openSeconds(on: endDay) == 0 || end == close)
        }
    }
}
