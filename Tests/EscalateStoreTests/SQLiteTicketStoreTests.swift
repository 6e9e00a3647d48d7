import EscalateDomain
import Foundation
import Testing
@testable import EscalateStore

/// One scenario, run against each backend: in memory and on disk.
@Suite struct SQLiteTicketStoreTests {
    static func temporaryPath(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escalate-store-\(getpid())-\(UUID().uuidString)")
        return folder.appendingPathComponent(name).path
    }

    static let backends: [String] = [":memory:", "file"]

    func makeStore(_ backend: String) throws -> SQLiteTicketStore {
        try SQLiteTicketStore(path: backend == "file" ? Self.temporaryPath("escalate.sqlite") : ":memory:")
    }

    let t0 = Instant(secondsSinceEpoch: 1_795_446_000)  // Mon 23 Nov 2026 09:00 CT
    let details = TicketDetails(customer: "Acme Corp", account: "ACC-9", organisation: "lumen", process: "lumen-installation",
                                summary: "Fibre install slipping", references: [TicketReference(kind: .order, value: "N123456")])

    func scheduleDue(_ ticket: Ticket) -> TicketSchedule {
        // A stand-in for the engine: due four hours after the last event.
        TicketSchedule(nextDue: ticket.events.last!.occurredAt + 4 * 3600, nextDueWhat: "something", nextLevelAt: nil)
    }

    @Test(arguments: backends)
    func roundTrip(backend: String) throws {
        let store = try makeStore(backend)
        let opened = try store.openTicket(details, at: t0, by: "sam", schedule: scheduleDue)
        #expect(opened.id == 1)
        let second = try store.openTicket(details, at: t0, by: "kim", schedule: scheduleDue)
        #expect(second.id == 2)
        let updated = try store.append([
            (.contactAttempted(ContactRecord(level: 1, channel: .phone)), t0 + 600),
            (.updateLogged(note: "vendor dispatched, ETA Friday"), t0 + 900),
            (.referenceAdded(TicketReference(kind: .ims, value: "482913")), t0 + 900),
        ], to: 1, at: t0 + 1000, by: "sam", schedule: scheduleDue)
        #expect(updated.level == 1)
        let loaded = try #require(try store.ticket(1))
        #expect(loaded == updated)
        #expect(loaded.events.map(\.kind.type) == ["opened", "contact_attempted", "update_logged", "reference_added"])
        #expect(loaded.events.map(\.author) == ["sam", "sam", "sam", "sam"])
        #expect(loaded.events[1].occurredAt == t0 + 600)
        #expect(loaded.events[1].recordedAt == t0 + 1000)
        #expect(try store.ticket(99) == nil)

        // The index answers lists without reading logs.
        #expect(try store.tickets(TicketQuery(.active)).map(\.id) == [1, 2])
        #expect(try store.tickets(TicketQuery(.active, openedBy: "kim")).map(\.id) == [2])
        #expect(try store.tickets(TicketQuery(.dueBy(t0 + 4 * 3600))).map(\.id) == [2])
        #expect(try store.tickets(TicketQuery(.dueBy(t0 + 5 * 3600))).map(\.id) == [2, 1])
        // A page of a long list, and the count of the whole list.
        #expect(try store.tickets(TicketQuery(.dueBy(t0 + 5 * 3600), limit: 1)).map(\.id) == [2])
        #expect(try store.count(TicketQuery(.dueBy(t0 + 5 * 3600), limit: 1)) == 2)
        #expect(try store.count(TicketQuery(.dueBy(t0 + 4 * 3600))) == 1)
        #expect(try store.tickets(withReference: TicketReference(kind: .ims, value: "482913")).map(\.id) == [1])
        #expect(try store.tickets(withReference: TicketReference(kind: .order, value: "n123456")).map(\.id) == [1, 2])
        #expect(try store.tickets(customerMatching: "acme").count == 2)

        let closed = try store.append([(.closed(code: "resolved", note: nil, agreedBy: "customer"), t0 + 2000)], to: 2, at: t0 + 2000, by: "kim") { _ in TicketSchedule() }
        #expect(closed.status == .closed)
        #expect(try store.tickets(TicketQuery(.closed)).map(\.id) == [2])
        #expect(try store.tickets(TicketQuery(.active)).map(\.id) == [1])
    }

    @Test(arguments: backends)
    func undoIsANewEventAndNothingIsDeleted(backend: String) throws {
        let store = try makeStore(backend)
        _ = try store.openTicket(details, at: t0, by: "sam", schedule: scheduleDue)
        let escalated = try store.append([(.escalated(toLevel: 2, reason: "no reply", condition: nil), t0 + 60)], to: 1, at: t0 + 60, by: "sam", schedule: scheduleDue)
        #expect(escalated.level == 2)
        let target = try #require(escalated.lastUndoable)
        let undone = try store.append([(.undone(eventID: target.id), t0 + 120)], to: 1, at: t0 + 120, by: "sam", schedule: scheduleDue)
        #expect(undone.level == nil)
        #expect(undone.events.count == 3)
        #expect(undone.status == .open)
        #expect(undone.lastUndoable == nil)
    }

    @Test(arguments: backends)
    func contactsAreReplacedPerRole(backend: String) throws {
        let store = try makeStore(backend)
        try store.saveContact(SavedContact(role: "ccm", name: "Dana Reyes", phone: "555-0142", email: "dana.reyes@example.com", savedBy: "sam", savedAt: t0))
        try store.saveContact(SavedContact(role: "ccm", name: "Lee Park", savedBy: "sam", savedAt: t0 + 1))
        try store.saveContact(SavedContact(role: nil, name: "Ola", phone: "555-0100", savedBy: "sam", savedAt: t0 + 2))
        #expect(try store.contacts().map(\.name) == ["Lee Park", "Ola"])
    }

    @Test(arguments: backends)
    func exportAndImportKeepEveryEvent(backend: String) throws {
        let source = try makeStore(backend)
        _ = try source.openTicket(details, at: t0, by: "sam", schedule: scheduleDue)
        let ticket = try source.append([(.updateLogged(note: "first"), t0 + 60), (.updateLogged(note: "second"), t0 + 70)], to: 1, at: t0 + 70, by: "sam", schedule: scheduleDue)
        _ = try source.append([(.undone(eventID: ticket.events[2].id), t0 + 80)], to: 1, at: t0 + 80, by: "sam", schedule: scheduleDue)
        let exported = try source.allEvents()
        let json = try JSONEncoder().encode(exported)
        let decoded = try JSONDecoder().decode([TicketEvent].self, from: json)
        let target = try makeStore(backend)
        _ = try target.openTicket(details, at: t0, by: "kim", schedule: scheduleDue)  // ticket #1 is taken here…
        #expect(throws: StoreError.self) { try target.importEvents(decoded, schedule: scheduleDue) }
        let fresh = try makeStore(backend)
        #expect(try fresh.importEvents(decoded, schedule: scheduleDue) == 1)
        let imported = try #require(try fresh.ticket(1))
        #expect(imported.effectiveEvents.map(\.kind) == [.opened(details), .updateLogged(note: "first")])
        #expect(imported.events.count == 4)
    }

    @Test func eventsAreAppendOnlyInTheDatabase() throws {
        let store = try makeStore("file")
        _ = try store.openTicket(details, at: t0, by: "sam", schedule: scheduleDue)
        #expect(throws: (any Error).self) { try store.writer.write { db in try db.execute(sql: "UPDATE event SET author = 'mallory'") } }
        #expect(throws: (any Error).self) { try store.writer.write { db in try db.execute(sql: "DELETE FROM event") } }
    }

    @Test func aNewFileIsPrivateToItsOwner() throws {
        let path = Self.temporaryPath("private.sqlite")
        _ = try SQLiteTicketStore(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = (path as NSString).deletingLastPathComponent
        #expect((try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int) == 0o700)
    }

    @Test func aCorruptFileIsNamedNotCrashedOn() throws {
        let path = Self.temporaryPath("corrupt.sqlite")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteTicketStore(path: path)
            Issue.record("opened a corrupt file")
        } catch let error as StoreError {
            #expect(error.message.contains(path))
            #expect(error.message.contains("damaged or is not an escalate database"))
        }
    }

    @Test func aMissingFolderThatCannotBeCreatedIsNamed() throws {
        do {
            _ = try SQLiteTicketStore(path: "/proc/escalate/escalate.sqlite")
            Issue.record("opened a database under /proc")
        } catch let error as StoreError {
            #expect(error.message.contains("/proc/escalate"))
        }
    }

    /// Two writers on one file at once (the in-process half; the two-process
    /// case runs the executable in EscalateTests).
    @Test func twoConnectionsWritingAtOnceLoseNothing() async throws {
        let path = Self.temporaryPath("shared.sqlite")
        let first = try SQLiteTicketStore(path: path)
        let second = try SQLiteTicketStore(path: path)
        _ = try first.openTicket(details, at: t0, by: "sam", schedule: scheduleDue)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in [first, second].enumerated() {
                group.addTask {
                    let at = Instant(secondsSinceEpoch: 1_795_446_000)
                    for n in 0..<200 {
                        _ = try store.append([(.updateLogged(note: "writer \(index) note \(n)"), at)], to: 1, at: at, by: "w\(index)") { _ in TicketSchedule() }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try first.ticket(1)?.events.count == 401)
    }
}
