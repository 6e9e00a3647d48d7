import Testing

/// `escalate calendar …`, end to end.
@Suite struct CalendarCommandTests {
    @Test func list() throws {
        let outcome = try EscalateProcess.run(["calendar", "list"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("lumen-billing-enterprise  America/Chicago   Mon–Fri 07:00–19:00"))
        #expect(outcome.stdout.contains("repair                    America/Chicago   24/7"))
        #expect(outcome.stdout.contains("support-desk              America/Chicago"))
    }

    @Test func showPrintsHoursAndObservedHolidays() throws {
        let outcome = try EscalateProcess.run(["calendar", "show", "lumen-management", "--year", "2027"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Zone: America/Chicago (CT)"))
        #expect(outcome.stdout.contains("  Mon–Fri 08:00–17:00"))
        #expect(outcome.stdout.contains("  Fri 24 Dec 2027  Christmas Day (falls on Sat 25 Dec 2027, observed here)"))
        #expect(outcome.stdout.contains("  Fri 31 Dec 2027  New Year's Day (falls on Sat 1 Jan 2028, observed here)"))
        #expect(outcome.stdout.contains("  Thu 25 Nov 2027  Thanksgiving Day"))
    }

    @Test func elapsed() throws {
        let args = ["calendar", "elapsed", "lumen-management", "2026-11-25T16:00-06:00", "2026-11-30T09:30 America/Chicago"]
        #expect(try EscalateProcess.run(args).stdout == "11h30m\n")
        #expect(try EscalateProcess.run(args + ["--seconds"]).stdout == "41400\n")
        let explained = try EscalateProcess.run(args + ["--explain"]).stdout
        #expect(explained.contains("  Thu 26 Nov  skipped: Thanksgiving Day (holiday)"))
        #expect(explained.contains("  Sat 28 Nov–Sun 29 Nov  skipped: weekend"))
        #expect(explained.hasSuffix("Total: 11h30m\n"))
        let paused = try EscalateProcess.run(args + ["--pause", "2026-11-27T08:00-06:00/2026-11-27T10:00-06:00"])
        #expect(paused.stdout == "9h30m\n")
    }

    @Test func add() throws {
        #expect(try EscalateProcess.run(["calendar", "add", "lumen-management", "2026-11-20T15:00 America/Chicago", "4h"]).stdout == "2026-11-23T10:00:00-06:00\n")
        #expect(try EscalateProcess.run(["calendar", "add", "cms", "2026-11-24T10:00 America/New_York", "3 business days"]).stdout == "2026-11-30T10:00:00-05:00\n")
        #expect(try EscalateProcess.run(["calendar", "add", "support-desk", "2026-11-25T10:00-06:00", "2 working days"]).stdout == "2026-11-27T17:00:00-06:00\n")
        let explained = try EscalateProcess.run(["calendar", "add", "cms", "2026-11-24T10:00 America/New_York", "1 business day", "--explain"]).stdout
        #expect(explained.hasPrefix("1 business day from Tue 24 Nov 2026 10:00 ET: the same point in the business day, 1 business day later."))
        #expect(explained.contains("Deadline: 2026-11-25T10:00:00-05:00 (Wed 25 Nov 2026 10:00 ET)"))
    }

    @Test(arguments: [
        (["calendar", "show", "nope"], "unknown calendar 'nope'"),
        (["calendar", "elapsed", "cms", "yesterday", "2026-11-23T09:00Z"], "FROM: cannot read time 'yesterday'"),
        (["calendar", "elapsed", "cms", "2026-11-23T09:00", "2026-11-24T09:00Z"], "add a UTC offset"),
        (["calendar", "elapsed", "cms", "2026-11-24T09:00Z", "2026-11-23T09:00Z"], "is before FROM"),
        (["calendar", "add", "cms", "2026-11-24T09:00Z", "-4h"], "a duration cannot be negative"),
        (["calendar", "add", "cms", "2026-11-24T09:00Z", "4 fortnights"], "unknown unit 'fortnights'"),
        (["calendar", "add", "cms"], "Missing expected argument"),
        (["calendar", "list", "--zone", "Mars/Base"], "unknown time zone 'Mars/Base'"),
        // Outside the supported years, whichever way: typed, computed or asked for.
        (["calendar", "add", "lumen-management", "2399-12-31T16:00-06:00", "4h"],
         "the deadline 4h after 2399-12-31T16:00-06:00 is outside the years 1900–2399 that escalate counts in"),
        (["calendar", "add", "cms", "2399-12-30T16:00-05:00", "3 business days"],
         "the deadline 3 business days after 2399-12-30T16:00-05:00 is outside the years 1900–2399 that escalate counts in"),
        (["calendar", "elapsed", "cms", "2400-01-01T00:00Z", "2400-01-02T00:00Z"], "FROM: 2400-01-01T00:00Z is outside the years 1900–2399 that escalate counts in"),
        (["calendar", "show", "cms", "--year", "2400"], "--year 2400 is outside the years 1900–2399 that escalate counts in"),
        (["ask", "--now", "1899-12-31T12:00Z", "who is my ccm"], "--now: 1899-12-31T12:00Z is outside the years 1900–2399 that escalate counts in"),
    ])
    func badInputIsOneLineAndExitStatusTwo(arguments: [String], message: String) throws {
        let outcome = try EscalateProcess.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("escalate: "))
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func aMalformedCalendarFileNamesFileAndLine() throws {
        let file = EscalateProcess.sandbox.appendingPathComponent("bad-calendar.yaml")
        try "calendars:\n  - name: mine\n    zone: America/Chicago\n    hours:\n      mon-fri: 9-5pm\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try EscalateProcess.run(["calendar", "list", "--calendar", file.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "escalate: \(file.path):5: cannot read opening hours '9-5pm' (write them as 08:00-17:00; an end past 24:00 crosses midnight)\n")
    }

    @Test func aUserCalendarFileIsUsed() throws {
        let file = EscalateProcess.sandbox.appendingPathComponent("desk.yaml")
        try "calendars:\n  - name: desk\n    zone: Europe/London\n    hours:\n      mon-fri: [09:00-12:30, 13:30-17:30]\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try EscalateProcess.run(["calendar", "elapsed", "desk", "2026-11-23T09:00Z", "2026-11-23T15:00Z", "--calendar", file.path])
        #expect(outcome.stdout == "5h\n")
    }
}
