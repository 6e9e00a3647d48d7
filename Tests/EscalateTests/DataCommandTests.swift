import Foundation
import Testing

/// `matrix`, `export`, `import`, `parse` and `ask`, end to end.
@Suite struct DataCommandTests {
    let now = "2026-11-23T09:00 America/Chicago"

    func database(_ name: String) -> String {
        let folder = EscalateProcess.sandbox.appendingPathComponent("db-\(name)-\(UUID().uuidString)")
        return folder.appendingPathComponent("escalate.sqlite").path
    }

    @Test func matrixListAndShow() throws {
        let list = try EscalateProcess.run(["matrix", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("lumen-installation        Lumen                 1–2     4 business hours"))
        #expect(list.stdout.contains("cms-billing               CMS                   0–4     1 business day"))
        let show = try EscalateProcess.run(["matrix", "show", "lumen-installation"])
        #expect(show.stdout.contains("Level 1: Customer care manager (CCM)\n  wait: 4 business hours before the next level (business hours: Mon–Fri"))
        #expect(show.stdout.contains("  promise: Acknowledges you within four business hours"))
        let cms = try EscalateProcess.run(["matrix", "show", "cms"])
        #expect(cms.stdout.contains("CMS disconnects"))
        #expect(cms.stdout.contains("Level 4: Director, 4th level escalation"))
        let unknown = try EscalateProcess.run(["matrix", "show", "acme"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("escalate: unknown process or organisation 'acme'"))
    }

    @Test func matrixCheckNamesFileAndLine() throws {
        let good = EscalateProcess.sandbox.appendingPathComponent("good-matrix.yaml")
        try """
            organisations:
              - id: acme
                name: Acme Telecom
                processes:
                  - id: acme-orders
                    title: Acme orders
                    ladder:
                      - { level: 1, title: Order desk, calendar: support-desk, wait: 2 business days }
                      - { level: 2, title: Order manager, calendar: support-desk }
            """.write(to: good, atomically: true, encoding: .utf8)
        let ok = try EscalateProcess.run(["matrix", "check", good.path])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("OK (1 new organisations, 1 new processes"))
        let bad = EscalateProcess.sandbox.appendingPathComponent("bad-matrix.yaml")
        try "organisations:\n  - id: acme\n    name: Acme\n    processes:\n      - id: p\n        title: P\n        ladder:\n          - level: 1\n            title: Desk\n            calendar: mars-time\n".write(to: bad, atomically: true, encoding: .utf8)
        let failed = try EscalateProcess.run(["matrix", "check", bad.path])
        #expect(failed.status == 2)
        #expect(failed.stderr.hasPrefix("escalate: \(bad.path):10: unknown calendar 'mars-time'"))
        // The same file given to the REPL is refused the same way.
        let repl = try EscalateProcess.run(["--matrix", bad.path, "--db", ":memory:"], input: ":quit\n")
        #expect(repl.status == 2)
        #expect(repl.stderr.contains(":10: unknown calendar 'mars-time'"))
    }

    @Test func askAnswersOneQuestionAndRemembersInTheDatabase() throws {
        let db = database("ask")
        let opened = try EscalateProcess.run(["ask", "--db", db, "--now", now, "--user", "sam", "open a lumen installation ticket for Acme"])
        #expect(opened.status == 0, "\(opened.stdout)\(opened.stderr)")
        #expect(opened.stdout.hasPrefix("Opened #1 for Acme: Lumen installation."))
        let logged = try EscalateProcess.run(["ask", "--db", db, "--now", now, "I called my CCM about #1 at 9am"])
        #expect(logged.stdout.contains("Level 2 opens after 4 business hours, at 13:00 CT today."))
        let later = try EscalateProcess.run(["ask", "--db", db, "--now", "2026-11-23T14:00 America/Chicago", "--json", "who do I escalate to now on #1?"])
        #expect(later.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any])
        #expect((json["reply"] as? [String])?.first == "#1 Acme (Lumen installation): Level 2 is open to you now: Regional manager, Service Delivery.")
        #expect((json["understood"] as? [String: Any])?["intent"] as? String == "who_next")
        let nonsense = try EscalateProcess.run(["ask", "--db", db, "what's the weather in Paris"])
        #expect(nonsense.status == 2)
    }

    @Test func parsePrintsJSONPerLine() throws {
        let one = try EscalateProcess.run(["parse", "--now", "2026-11-24T14:00 America/Chicago", "update #12: vendor dispatched, ETA Friday"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(object["intent"] as? String == "log_update")
        #expect((object["slots"] as? [String: String]) == ["ticket": "#12", "note": "vendor dispatched, ETA Friday"])
        #expect(object["runner_up"] is [String: Any])
        let many = try EscalateProcess.run(["parse", "--now", "2026-11-24T14:00 America/Chicago"], input: "I called my CCM at 9am\nasdf qwerty\n")
        let lines = many.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["intent"] as? String == "log_contact")
        #expect((first["slots"] as? [String: String])?["time"] == "2026-11-24T09:00")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["intent"] is NSNull)
    }

    @Test func exportAndImportRoundTrip() throws {
        let source = database("export-source")
        for (time, line) in [("09:00", "open a complaint ticket for Globex about a rude engineer"), ("11:00", "I spoke to the CSR about #1 at 10am"),
                             ("11:00", "my CCM is Dana Reyes, 555-0142")] {
            let outcome = try EscalateProcess.run(["ask", "--db", source, "--now", "2026-11-23T\(time) America/Chicago", line])
            #expect(outcome.status == 0, "\(line): \(outcome.stdout)")
        }
        let file = EscalateProcess.sandbox.appendingPathComponent("export-\(UUID().uuidString).json")
        let exported = try EscalateProcess.run(["export", "--db", source, "--output", file.path])
        #expect(exported.status == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"type\" : \"contact_made\""))
        let target = database("export-target")
        let imported = try EscalateProcess.run(["import", file.path, "--db", target])
        #expect(imported.stdout == "Imported 1 tickets (2 events) and 1 contacts.\n")
        let again = try EscalateProcess.run(["import", file.path, "--db", target])
        #expect(again.status == 2)
        #expect(again.stderr.contains("ticket #1 already exists; nothing was imported"))
        let status = try EscalateProcess.run(["ask", "--db", target, "--now", "2026-11-23T12:00 America/Chicago", "status of #1"])
        #expect(status.stdout.contains("#1 Globex — Complaint (open)"))
        let broken = EscalateProcess.sandbox.appendingPathComponent("not-an-export.json")
        try "{\"format\": \"escalate-export\", \"version\": 1, \"events\": [{\"id\": 1}]}".write(to: broken, atomically: true, encoding: .utf8)
        let refused = try EscalateProcess.run(["import", broken.path, "--db", target])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("escalate: \(broken.path): not an escalate export"))
    }

    /// Exported to a terminal, stored text is shown, not obeyed; to a pipe or
    /// a file, the JSON is exact.
    @Test func exportToATerminalIsNeutralised() throws {
        let db = database("export-terminal")
        let hostile = "fibre \u{202E}delayed\u{7F} \u{9B}31m"
        let opened = try EscalateProcess.run(["ask", "--db", db, "--now", now, "open a lumen installation ticket for Acme: \(hostile)"])
        #expect(opened.status == 0)
        let piped = try EscalateProcess.run(["export", "--db", db])
        #expect(piped.stdout.contains("\u{202E}delayed\u{7F}"), "\(piped.stdout)")
        let file = EscalateProcess.sandbox.appendingPathComponent("export-\(UUID().uuidString).json")
        #expect(try EscalateProcess.run(["export", "--db", db, "--output", file.path]).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("\u{202E}delayed\u{7F}"))
        // Under a pseudo-terminal (util-linux `script`).
        let command = "\(EscalateProcess.executable.path) export --db \(db)"
        let terminal = try EscalateProcess.run(executable: "/usr/bin/script", ["-qec", command, "/dev/null"], bytes: nil)
        #expect(terminal.status == 0)
        #expect(terminal.stdout.contains("<U+202E>delayed^? <U+009B>31m"), "\(terminal.stdout)")
        #expect(!terminal.stdout.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x7F || $0.value == 0x9B })
    }
}
