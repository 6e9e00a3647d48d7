import EscalateDomain
import Testing
@testable import EscalateCatalog

@Suite struct CalendarCatalogTests {
    let catalog = try! Catalog.builtIn(localZone: Zone(identifier: "Europe/London")!)

    /// OPM's published federal holidays, as observed, 2020–2035.
    static let published: [Int: String] = [
        2020: "01-01 01-20 02-17 05-25 07-03 09-07 10-12 11-11 11-26 12-25",
        2021: "01-01 01-18 02-15 05-31 06-18 07-05 09-06 10-11 11-11 11-25 12-24 12-31",
        2022: "01-17 02-21 05-30 06-20 07-04 09-05 10-10 11-11 11-24 12-26",
        2023: "01-02 01-16 02-20 05-29 06-19 07-04 09-04 10-09 11-10 11-23 12-25",
        2024: "01-01 01-15 02-19 05-27 06-19 07-04 09-02 10-14 11-11 11-28 12-25",
        2025: "01-01 01-20 02-17 05-26 06-19 07-04 09-01 10-13 11-11 11-27 12-25",
        2026: "01-01 01-19 02-16 05-25 06-19 07-03 09-07 10-12 11-11 11-26 12-25",
        2027: "01-01 01-18 02-15 05-31 06-18 07-05 09-06 10-11 11-11 11-25 12-24 12-31",
        2028: "01-17 02-21 05-29 06-19 07-04 09-04 10-09 11-10 11-23 12-25",
        2029: "01-01 01-15 02-19 05-28 06-19 07-04 09-03 10-08 11-12 11-22 12-25",
        2030: "01-01 01-21 02-18 05-27 06-19 07-04 09-02 10-14 11-11 11-28 12-25",
        2031: "01-01 01-20 02-17 05-26 06-19 07-04 09-01 10-13 11-11 11-27 12-25",
        2032: "01-01 01-19 02-16 05-31 06-18 07-05 09-06 10-11 11-11 11-25 12-24 12-31",
        2033: "01-17 02-21 05-30 06-20 07-04 09-05 10-10 11-11 11-24 12-26",
        2034: "01-02 01-16 02-20 05-29 06-19 07-04 09-04 10-09 11-10 11-23 12-25",
        2035: "01-01 01-15 02-19 05-28 06-19 07-04 09-03 10-08 11-12 11-22 12-25",
    ]

    @Test(arguments: 2020...2035)
    func federalHolidaysMatchThePublishedList(year: Int) throws {
        let calendar = try #require(catalog.calendar(named: "lumen-management"))
        let observed = calendar.holidays(in: year).map { "\(pad2($0.observed.month))-\(pad2($0.observed.day))" }
        #expect(observed.joined(separator: " ") == Self.published[year])
    }

    @Test func juneteenthStartsIn2021() throws {
        let calendar = try #require(catalog.calendar(named: "cms"))
        #expect(!calendar.holidays(in: 2020).contains { $0.name.hasPrefix("Juneteenth") })
        #expect(calendar.holidays(in: 2021).contains { $0.name.hasPrefix("Juneteenth") })
    }

    @Test func builtInCalendarsAreThere() throws {
        #expect(catalog.calendarNames == [
            "cms", "lumen-billing-enterprise", "lumen-billing-wholesale", "lumen-management", "repair", "support-desk",
        ])
        let enterprise = try #require(catalog.calendar(named: "lumen-billing-enterprise"))
        #expect(enterprise.hours.summary == ["Mon–Fri 07:00–19:00", "Sat–Sun closed"])
        #expect(enterprise.zone.identifier == "America/Chicago")
        let wholesale = try #require(catalog.calendar(named: "lumen-billing-wholesale"))
        #expect(wholesale.hours.summary == ["Mon–Fri 08:00–17:00", "Sat–Sun closed"])
        #expect(try #require(catalog.calendar(named: "cms")).zone.identifier == "America/New_York")
        #expect(try #require(catalog.calendar(named: "repair")).isAlwaysOpen)
        // The generic desk is in the user's own zone.
        #expect(try #require(catalog.calendar(named: "support-desk")).zone.identifier == "Europe/London")
    }

    @Test func enterpriseBillingAcknowledgesFortyEightBusinessHoursLater() throws {
        let enterprise = try #require(catalog.calendar(named: "lumen-billing-enterprise"))
        // Monday 09:00 CT plus 48 business hours at 12 a day, skipping Thanksgiving:
        // Mon 10h, Tue 12h, Wed 12h, Fri 12h = 46h, then 2h on Monday 30th.
        let start = Fixture.chicago("2026-11-23 09:00")
        #expect(enterprise.add(seconds: 48 * 3600, to: start) == Fixture.chicago("2026-11-30 09:00"))
    }

    @Test func aUserFileAddsCalendars() throws {
        var catalog = self.catalog
        try catalog.loadCalendarFile("""
            calendars:
              - name: night-desk
                zone: Australia/Sydney
                hours:
                  mon-fri: [09:00-12:00, 13:00-17:00]
                  sat: 22:00-02:00
                holidays:
                  - us-federal
                  - { name: Boxing Day, on: December 26, observed: next monday }
                  - { name: Day after Thanksgiving, on: day after Thanksgiving Day }
                  - { name: Christmas Eve, on: December 24, closed: 12:00-24:00 }
            """, file: "mine.yaml")
        let desk = try #require(catalog.calendar(named: "night-desk"))
        #expect(desk.hours.intervals(on: .saturday).first?.end == TimeOfDay(hour: 26))
        #expect(desk.holidays(in: 2026).contains { $0.name == "Day after Thanksgiving" && $0.observed == LocalDate(year: 2026, month: 11, day: 27) })
        #expect(desk.holidays(in: 2027).contains { $0.name == "Boxing Day" && $0.observed == LocalDate(year: 2027, month: 12, day: 27) })
    }

    @Test(arguments: [
        ("calendars:\n  - name: x\n    zone: Mars/Olympus\n    hours: 24/7\n", 3, "unknown time zone 'Mars/Olympus'"),
        ("calendars:\n  - name: x\n    zone: UTC\n    hours:\n      mnday: 08:00-17:00\n", 5, "unknown days 'mnday'"),
        ("calendars:\n  - name: x\n    zone: UTC\n    hours:\n      mon: 8am-5pm\n", 5, "cannot read opening hours '8am-5pm'"),
        ("calendars:\n  - name: x\n    zone: UTC\n    hours: 24/7\n    holidays: [nope]\n", 5, "unknown holiday set 'nope'"),
        ("calendars:\n  - name: x\n    zone: UTC\n    hours: 24/7\n    holidays:\n      - name: Y\n        on: the 40th of Never\n", 7, "cannot read holiday date"),
        ("calendars:\n  - name: x\n    zone: UTC\n    hours: 24/7\n    holidays:\n      - name: Y\n        on: day after Z\n", 6, "no holiday has that name"),
        ("calendars:\n  - name: x\n    zone: UTC\n    hours: 24/7\n    colour: blue\n", 5, "unknown key 'colour'"),
        ("calendars:\n  - name: x\n    hours: 24/7\n", 2, "needs 'zone'"),
        ("calendars:\n  - name: x\n    zone: [UTC\n", 4, "YAML syntax"),
        ("calendars:\n  - name: x\n    zone: UTC\n    hours:\n      mon: [08:00-12:00, 11:00-17:00]\n", 5, "overlap"),
    ])
    func malformedFilesNameTheLine(text: String, line: Int, message: String) {
        var catalog = self.catalog
        do {
            try catalog.loadCalendarFile(text, file: "bad.yaml")
            Issue.record("accepted a malformed file")
        } catch let error as DataFileError {
            #expect(error.file == "bad.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("bad.yaml:\(line): "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

enum Fixture {
    static func chicago(_ text: String) -> Instant {
        let parts = text.split(separator: " ")
        return Zone(identifier: "America/Chicago")!.instant(for: LocalDateTime(date: LocalDate(iso: parts[0])!, time: TimeOfDay(parsing: parts[1])!))
    }
}
