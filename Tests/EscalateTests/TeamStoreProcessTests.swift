import Foundation
import Testing

/// The team store as the command line meets it: a server that is down at
/// start is one line naming it and status 2, whether named by `--db` or by
/// `ESCALATE_DATABASE_URL`; the password never appears in what is printed.
@Suite struct TeamStoreProcessTests {
    static let downServer = "postgres://kim:hunter2@127.0.0.1:1/team"

    @Test(arguments: [["ask", "--db", downServer, "anything due today?"], ["repl", "--db", downServer], ["export", "--db", downServer]])
    func aServerDownAtStartIsOneLineAndStatusTwo(arguments: [String]) throws {
        let outcome = try EscalateProcess.run(arguments, input: "")
        #expect(outcome.status == 2)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("escalate: "), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("127.0.0.1:1"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("hunter2") && !outcome.stdout.contains("hunter2"))
    }

    @Test func theEnvironmentNamesTheServerWhenThereIsNoDbOption() throws {
        let outcome = try EscalateProcess.run(["ask", "anything due today?"], environment: ["ESCALATE_DATABASE_URL": "postgresql://kim@127.0.0.1:1/team"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("PostgreSQL server at 127.0.0.1:1"), "\(outcome.stderr)")
    }
}
