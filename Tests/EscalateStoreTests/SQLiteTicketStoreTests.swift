import EscalateDomain
import Foundation
import GRDB
import Testing
@testable import EscalateStore

/// What only the file store does: open files safely, never change a file
/// it refuses, and enforce append-only logs in the database itself.
@Suite struct SQLiteTicketStoreTests {
    let t0 = Instant(secondsSinceEpoch: 1_795_446_000)

    func openTicket(_ store: SQLiteTicketStore) async throws {
        let details = TicketDetails(customer: "Acme", organisation: "lumen", process: "lumen-installation", summary: "slipping")
        _ = try await store.commit(ChangeSet(author: "sam", recordedAt: t0, newTickets: [NewTicket(placeholder: 0, details: details, openedAt: t0)])) { _ in TicketSchedule() }
    }

    func folder(for path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func eventsAreAppendOnlyInTheDatabase() async throws {
        let store = try SQLiteTicketStore(path: StoreBackend.temporaryPath("append.sqlite"))
        try await openTicket(store)
        #expect(throws: (any Error).self) { try store.writer.write { db in try db.execute(sql: "UPDATE event SET author = 'mallory'") } }
        #expect(throws: (any Error).self) { try store.writer.write { db in try db.execute(sql: "DELETE FROM event") } }
    }

    @Test func aNewFileIsPrivateToItsOwner() throws {
        let path = StoreBackend.temporaryPath("private.sqlite")
        _ = try SQLiteTicketStore(path: path)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        let folder = (path as NSString).deletingLastPathComponent
        #expect((try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int) == 0o700)
        // Nothing half-made is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".new-") }.isEmpty)
    }

    @Test func aMissingFileIsNotCreatedForReading() throws {
        let path = StoreBackend.temporaryPath("typo/escalate.sqlite")
        for mode in [SQLiteTicketStore.OpenMode.existing, .readOnly] {
            do {
                _ = try SQLiteTicketStore(path: path, mode: mode)
                Issue.record("opened a missing file")
            } catch let error as StoreError {
                #expect(error.code == .notFound)
                #expect(error.message.contains(path))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent))
    }

    @Test func aCorruptFileIsNamedAndLeftAlone() throws {
        let path = StoreBackend.temporaryPath("corrupt.sqlite")
        try folder(for: path)
        let junk = Data(repeating: 0x42, count: 8192)
        try junk.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try SQLiteTicketStore(path: path) }
        #expect(try bytes(path) == junk)
    }

    @Test func anEmptyFileIsRefusedNotTakenForANewDatabase() throws {
        let path = StoreBackend.temporaryPath("empty.sqlite")
        try folder(for: path)
        FileManager.default.createFile(atPath: path, contents: Data())
        do {
            _ = try SQLiteTicketStore(path: path)
            Issue.record("took an empty file for a database")
        } catch let error as StoreError {
            #expect(error.message.contains("empty file"))
        }
        #expect(try bytes(path).isEmpty)
    }

    @Test func anotherProgramsDatabaseIsRefusedUnchanged() throws {
        let path = StoreBackend.temporaryPath("other.sqlite")
        try folder(for: path)
        let other = try DatabaseQueue(path: path)
        try other.write { db in try db.execute(sql: "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('soup')") }
        try other.close()
        let before = try bytes(path)
        do {
            _ = try SQLiteTicketStore(path: path)
            Issue.record("opened another program's database")
        } catch let error as StoreError {
            #expect(error.message.contains("not an escalate database"))
        }
        #expect(try bytes(path) == before)
    }

    @Test func aDatabaseFromANewerVersionIsRefusedUnchanged() async throws {
        let path = StoreBackend.temporaryPath("newer.sqlite")
        do {
            let store = try SQLiteTicketStore(path: path)
            try await openTicket(store)
        }
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
        try queue.close()
        let before = try bytes(path)
        do {
            _ = try SQLiteTicketStore(path: path)
            Issue.record("opened a newer database")
        } catch let error as StoreError {
            #expect(error.message.contains("newer escalate"))
        }
        #expect(try bytes(path) == before)
    }

    @Test func aReadOnlyFileCanBeReadButNotChanged() async throws {
        let path = StoreBackend.temporaryPath("readonly.sqlite")
        do {
            let store = try SQLiteTicketStore(path: path)
            try await openTicket(store)
        }
        let store = try SQLiteTicketStore(path: path, mode: .readOnly)
        #expect(store.isReadOnly)
        #expect(try await store.ticket(1)?.details.customer == "Acme")
        #expect(try await store.allEvents().count == 1)
        do {
            try await openTicket(store)
            Issue.record("wrote through a read-only store")
        } catch let error as StoreError {
            #expect(error.code == .permission)
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
}
