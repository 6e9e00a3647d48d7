import Foundation
import Testing

/// The store as separate processes see it: two writers at once, a kill
/// right after a reply, and files that are corrupt or unwritable.
@Suite struct StoreProcessTests {
    func database(_ name: String) -> String {
        EscalateProcess.sandbox.appendingPathComponent("store-\(name)-\(UUID().uuidString)").appendingPathComponent("escalate.sqlite").path
    }

    @Test func twoProcessesWritingAThousandEventsEachLoseNothing() throws {
        let db = database("concurrent")
        let opened = try EscalateProcess.run(["ask", "--db", db, "--now", "2026-11-23T09:00 America/Chicago", "open a lumen installation ticket for Acme"])
        #expect(opened.status == 0)
        // Two CCMs logging updates in their own REPLs at the same moment.
        func start(_ who: String) throws -> (Process, Pipe) {
            let process = Process()
            process.executableURL = EscalateProcess.executable
            process.arguments = ["--db", db, "--now", "2026-11-23T10:00 America/Chicago", "--user", who]
            process.environment = EscalateProcess.environment
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let lines = (1...1000).map { "update #1: \(who) note \($0)" }.joined(separator: "\n") + "\n"
            DispatchQueue.global().async {
                input.fileHandleForWriting.write(Data(lines.utf8))
                try? input.fileHandleForWriting.close()
            }
            return (process, output)
        }
        let (first, firstOutput) = try start("kim")
        let (second, secondOutput) = try start("lee")
        let firstText = String(decoding: firstOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let secondText = String(decoding: secondOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)
        for text in [firstText, secondText] {
            #expect(!text.lowercased().contains("locked"))
            #expect(!text.contains("could not be saved"))
            #expect(text.components(separatedBy: "Noted on #1").count - 1 == 1000)
        }
        let exported = try EscalateProcess.run(["export", "--db", db])
        #expect(exported.stdout.components(separatedBy: "\"type\" : \"update_logged\"").count - 1 == 2000)
    }

    @Test func aProcessKilledRightAfterItsReplyHasLostNothing() throws {
        let db = database("killed")
        let process = Process()
        process.executableURL = EscalateProcess.executable
        process.arguments = ["--db", db, "--now", "2026-11-23T09:00 America/Chicago"]
        process.environment = EscalateProcess.environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("open a lumen installation ticket for Acme\n".utf8))
        // Wait for the reply, then kill at once, with no chance to clean up.
        // The reader runs on its own queue so that a missing reply fails the
        // test after the deadline instead of hanging it.
        let received = ReceivedText()
        output.fileHandleForReading.readabilityHandler = { handle in received.append(handle.availableData) }
        let deadline = Date().addingTimeInterval(30)
        while !received.text.contains("Opened #1"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        #expect(received.text.contains("Opened #1 for Acme"))
        let reopened = try EscalateProcess.run(["ask", "--db", db, "--now", "2026-11-23T09:05 America/Chicago", "status of #1"])
        #expect(reopened.status == 0)
        #expect(reopened.stdout.hasPrefix("#1 Acme — Lumen installation (open)"))
    }

    @Test func aCorruptDatabaseIsAClearMessageAndANonZeroExit() throws {
        let db = database("corrupt")
        try FileManager.default.createDirectory(atPath: (db as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: db))
        let outcome = try EscalateProcess.run(["--db", db], input: "list\n")
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("escalate: the database \(db) is damaged or is not an escalate database"))
        let export = try EscalateProcess.run(["export", "--db", db])
        #expect(export.status == 2)
    }

    @Test func anUnwritableDatabaseIsAClearMessage() throws {
        let outcome = try EscalateProcess.run(["--db", "/proc/escalate/escalate.sqlite"], input: "list\n")
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("escalate: cannot create the folder for the database /proc/escalate/escalate.sqlite"))
    }

    @Test func theDefaultDatabaseIsCreatedPrivateUnderXDGDataHome() throws {
        let home = EscalateProcess.sandbox.appendingPathComponent("xdg-\(UUID().uuidString)")
        let outcome = try EscalateProcess.run([], input: "my CCM is Dana Reyes\n", environment: ["XDG_DATA_HOME": home.path])
        #expect(outcome.status == 0)
        let path = home.appendingPathComponent("escalate/escalate.sqlite").path
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}

/// Output gathered from another queue.
final class ReceivedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) {
        lock.lock()
        data.append(more)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
