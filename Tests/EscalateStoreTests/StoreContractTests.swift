import EscalateDomain
import Foundation
import Testing
@testable import EscalateStore

/// The contract every store meets, one scenario run against each backend in
/// the style of GRDB's tests: append-only logs, versions and conflicts,
/// all-or-nothing commits, the schedule index, references, contacts, the
/// change feed, export and import, and concurrent writers.
@Suite struct StoreContractTests {
    static let t0 = Instant(secondsSinceEpoch: 1_795_446_000)  // Mon 23 Nov 2026 09:00 CT
    static let details = TicketDetails(customer: "Acme Corp", account: "ACC-9", organisation: "lumen", process: "lumen-installation",
                                       summary: "Fibre install slipping", references: [TicketReference(kind: .order, value: "N123456")])

    /// A stand-in for the engine: due four hours after the last event.
    static let scheduleDue: @Sendable (Ticket) -> TicketSchedule = { ticket in
        TicketSchedule(nextDue: ticket.events.last!.occurredAt + 4 * 3600, nextDueWhat: "something", nextLevelAt: nil)
    }

    func open(_ store: any TicketStore, by author: String = "sam", at time: Instant = t0, extra: [PendingEvent] = []) async throws -> Int {
        let receipt = try await store.commit(ChangeSet(author: author, recordedAt: time, newTickets: [NewTicket(placeholder: 0, details: Self.details, openedAt: time, events: extra)]),
                                             schedule: Self.scheduleDue)
        return try #require(receipt.assignedIDs[0])
    }

    func append(_ store: any TicketStore, _ ticketID: Int, _ events: [PendingEvent], by author: String = "sam", at time: Instant = t0,
                version: Int? = nil) async throws -> Ticket {
        let receipt = try await store.commit(ChangeSet(author: author, recordedAt: time, appends: [TicketAppend(ticketID: ticketID, expectedVersion: version, events: events)]),
                                             schedule: Self.scheduleDue)
        return try #require(receipt.tickets[ticketID])
    }

    @Test(arguments: StoreBackend.all)
    func logsAreAppendedAndProjected(backend: StoreBackend) async throws {
        let store = try await backend.make(nil)
        #expect(try await open(store) == 1)
        #expect(try await open(store, by: "kim") == 2)
        let t0 = Self.t0
        let updated = try await append(store, 1, [
            PendingEvent(.contactAttempted(ContactRecord(level: 1, channel: .phone)), at: t0 + 600),
            PendingEvent(.updateLogged(note: "vendor dispatched, ETA Friday"), at: t0 + 900),
            PendingEvent(.referenceAdded(TicketReference(kind: "ims", value: "482913")), at: t0 + 900),
        ], at: t0 + 1000)
        #expect(updated.level == 1)
        #expect(updated.version == 4)
        let loaded = try #require(try await store.ticket(1))
        #expect(loaded == updated)
        #expect(loaded.events.map(\.kind.type) == ["opened", "contact_attempted", "update_logged", "reference_added"])
        #expect(loaded.events[1].occurredAt == t0 + 600)
        #expect(loaded.events[1].recordedAt == t0 + 1000)
        #expect(Set(loaded.events.map(\.id)).count == 4)
        #expect(try await store.ticket(99) == nil)
        #expect(try await store.tickets(TicketQuery(.all)).map(\.version) == [4, 1])
    }

    @Test(arguments: StoreBackend.all)
    func theScheduleIndexAnswersLists(backend: StoreBackend) async throws {
        let store = try await backend.make(nil)
        let t0 = Self.t0
        _ = try await open(store)
        _ = try await open(store, by: "kim")
        _ = try await append(store, 1, [PendingEvent(.updateLogged(note: "later"), at: t0 + 900)])
        #expect(try await store.tickets(TicketQuery(.active)).map(\.id) == [1, 2])
        #expect(try await store.tickets(TicketQuery(.active, openedBy: "kim")).map(\.id) == [2])
        #expect(try await store.tickets(TicketQuery(.dueBy(t0 + 4 * 3600))).map(\.id) == [2])
        #expect(try await store.tickets(TicketQuery(.dueBy(t0 + 5 * 3600))).map(\.id) == [2, 1])
        #expect(try await store.tickets(TicketQuery(.dueBy(t0 + 5 * 3600), limit: 1)).map(\.id) == [2])
        #expect(try await store.count(TicketQuery(.dueBy(t0 + 5 * 3600), limit: 1)) == 2)
        #expect(try await store.tickets(TicketQuery(.dueCrossedBetween(after: t0 + 4 * 3600, upTo: t0 + 5 * 3600))).map(\.id) == [1])
        _ = try await store.commit(ChangeSet(author: "kim", recordedAt: t0 + 2000, appends: [
            TicketAppend(ticketID: 2, expectedVersion: 1, events: [PendingEvent(.closed(code: "resolved", note: nil, agreedBy: "customer"), at: t0 + 2000)]),
        ])) { _ in TicketSchedule() }
        #expect(try await store.tickets(TicketQuery(.closed)).map(\.id) == [2])
        #expect(try await store.tickets(TicketQuery(.active)).map(\.id) == [1])
        #expect(try await store.tickets(TicketQuery(.dueBy(t0 + 5 * 3600))).map(\.id) == [1])
    }

    @Test(arguments: StoreBackend.all)
    func referencesAndCustomersFindTickets(backend: StoreBackend) async throws {
        let store = try await backend.make(nil)
        _ = try await open(store)
        _ = try await open(store)
        _ = try await append(store, 1, [PendingEvent(.referenceAdded(TicketReference(kind: "ims", value: "482913")), at: Self.t0)])
        #expect(try await store.tickets(withReference: TicketReference(kind: "ims", value: "482913")).map(\.id) == [1])
        #expect(try await store.tickets(withReference: TicketReference(kind: .order, value: "n123456")).map(\.id) == [1, 2])
        #expect(try await store.tickets(withReference: TicketReference(kind: "gcr", value: "482913")).isEmpty)
        #expect(try await store.tickets(customerMatching: "acme").count == 2)
        #expect(try await store.tickets(customerMatching: "a%").isEmpty)
    }

    @Test(arguments: StoreBackend.all)
    func aStaleChangeIsRefusedWithWhatChanged(backend: StoreBackend) async throws {
        let store = try await backend.make(nil)
        _ = try await open(store)
        let seen = try #require(try await store.ticket(1))
        _ = try await append(store, 1, [PendingEvent(.closed(code: "resolved", note: nil, agreedBy: "customer"), at: Self.t0 + 60)], by: "kim",
                             version: seen.version)
        do {
            _ = try await append(store, 1, [PendingEvent(.closed(code: "downgraded", note: nil, agreedBy: "customer"), at: Self.t0 + 90)],
                                 version: seen.version)
            Issue.record("a change from a stale view was saved")
        } catch let error as StoreError {
            #expect(error.code == .conflict)
            #expect(error.conflicts.map(\.ticketID) == [1])
            #expect(error.conflicts.first?.newEvents.map(\.author) == ["kim"])
            #expect(error.conflicts.first?.actualVersion == 2)
        }
        let now = try #require(try await store.ticket(1))
        #expect(now.version == 2)
        #expect(now.closure?.code == "resolved")
    }

    @Test(arguments: StoreBackend.all)
    func changesOnSeveralTicketsCommitTogetherOrNotAtAll(backend: StoreBackend) async throws {
        let store = try await backend.make(nil)
        _ = try await open(store)
        _ = try await open(store)
        _ = try await append(store, 2, [PendingEvent(.updateLogged(note: "moved on"), at: Self.t0)], by: "kim")
        let both = ChangeSet(author: "sam", recordedAt: Self.t0 + 60, appends: [
            TicketAppend(ticketID: 1, expectedVersion: 1, events: [PendingEvent(.escalated(toLevel: 2, reason: nil, condition: nil), at: Self.t0 + 60)]),
            TicketAppend(ticketID: 2, expectedVersion: 1, events: [PendingEvent(.escalated(toLevel: 2, reason: nil, condition: nil), at: Self.t0 + 60)]),
        ], contacts: [SavedContact(role: "ccm", name: "Dana Reyes", savedBy: "sam", savedAt: Self.t0)])
        await #expect(throws: StoreError.self) { try await store.commit(both, schedule: Self.scheduleDue) }
        #expect(try await store.ticket(1)?.version == 1)
        #expect(try await store.contacts().isEmpty)
        var fresh = both
        fresh.appends[1].expectedVersion = 2
        let receipt = try await store.commit(fresh, schedule: Self.scheduleDue)
        #expect(receipt.tickets.keys.sorted() == [1, 2])
        #expect(receipt.eventIDs.count == 2)
        #expect(try await store.ticket(1)?.level == 2)
        #expect(try await store.ticket(2)?.level == 2)
        #expect(try await store.contacts().map(\.name) == ["Dana Reyes"])
    }

    @Test(arguments: StoreBackend.all)
    func badChangesAreRefusedByName(backend: StoreBackend) async throws {
        let store = try await backend.make(nil)
        _ = try await open(store)
        for (author, ticket) in [("", 1), ("sam", 0), ("sam", -1), ("sam", 7)] {
            do {
                _ = try await append(store, ticket, [PendingEvent(.updateLogged(note: "x"), at: Self.t0)], by: author)
                Issue.record("saved a change by '\(author)' on #\(ticket)")
            } catch let error as StoreError {
                #expect(error.code == (ticket == 7 ? .notFound : .invalid))
            }
        }
        let huge = String(repeating: "x", count: TicketRules.maxTextLength + 1)
        await #expect(throws: StoreError.self) { try await append(store, 1, [PendingEvent(.updateLogged(note: huge), at: Self.t0)]) }
        #expect(try await store.ticket(1)?.version == 1)
    }

    @Test(arguments: StoreBackend.all)
    func undoIsANewEventAndNothingIsDeleted(backend: StoreBackend) async throws {
        let store = try await backend.make(nil)
        _ = try await open(store)
        let escalated = try await append(store, 1, [PendingEvent(.escalated(toLevel: 2, reason: "no reply", condition: nil), at: Self.t0 + 60)])
        #expect(escalated.level == 2)
        let target = try #require(escalated.lastUndoable)
        let undone = try await append(store, 1, [PendingEvent(.undone(eventID: target.id), at: Self.t0 + 120)])
        #expect(undone.level == nil)
        #expect(undone.events.count == 3)
        #expect(undone.lastUndoable == nil)
    }

    @Test(arguments: StoreBackend.all)
    func contactsAreReplacedPerRoleOrName(backend: StoreBackend) async throws {
        let store = try await backend.make(nil)
        let contacts = [
            SavedContact(role: "ccm", name: "Dana Reyes", phone: "555-0142", email: "dana.reyes@example.com", savedBy: "sam", savedAt: Self.t0),
            SavedContact(role: "ccm", name: "Lee Park", savedBy: "sam", savedAt: Self.t0 + 1),
            SavedContact(role: nil, name: "Ola", phone: "555-0100", savedBy: "sam", savedAt: Self.t0 + 2),
            SavedContact(role: nil, name: "ola", phone: "555-0101", savedBy: "sam", savedAt: Self.t0 + 3),
        ]
        for contact in contacts {
            _ = try await store.commit(ChangeSet(author: "sam", recordedAt: Self.t0, contacts: [contact]), schedule: Self.scheduleDue)
        }
        #expect(try await store.contacts().map(\.name) == ["Lee Park", "ola"])
        #expect(try await store.contacts().last?.phone == "555-0101")
    }

    @Test(arguments: StoreBackend.all)
    func theChangeFeedListsEventsInOrder(backend: StoreBackend) async throws {
        let store = try await backend.make(nil)
        #expect(try await store.latestEventID() == 0)
        _ = try await open(store)
        let mark = try await store.latestEventID()
        _ = try await append(store, 1, [PendingEvent(.updateLogged(note: "one"), at: Self.t0), PendingEvent(.updateLogged(note: "two"), at: Self.t0)], by: "kim")
        let seen = try await store.events(after: mark, limit: 10)
        #expect(seen.map(\.kind) == [.updateLogged(note: "one"), .updateLogged(note: "two")])
        #expect(seen.allSatisfy { $0.author == "kim" && $0.id > mark })
        #expect(try await store.events(after: mark, limit: 1).count == 1)
        #expect(try await store.latestEventID() == seen.last?.id)
    }

    @Test(arguments: StoreBackend.all)
    func exportAndImportKeepEveryEvent(backend: StoreBackend) async throws {
        let source = try await backend.make(nil)
        _ = try await open(source)
        let ticket = try await append(source, 1, [PendingEvent(.updateLogged(note: "first"), at: Self.t0 + 60), PendingEvent(.updateLogged(note: "second"), at: Self.t0 + 70)])
        _ = try await append(source, 1, [PendingEvent(.undone(eventID: ticket.events[2].id), at: Self.t0 + 80)])
        let exported = try await source.allEvents()
        let decoded = try JSONDecoder().decode([TicketEvent].self, from: try JSONEncoder().encode(exported))
        let taken = try await backend.make(nil)
        _ = try await open(taken, by: "kim")
        await #expect(throws: StoreError.self) { try await taken.importEvents(decoded, schedule: Self.scheduleDue) }
        #expect(try await taken.ticket(1)?.openedBy == "kim")
        let fresh = try await backend.make(nil)
        #expect(try await fresh.importEvents(decoded, schedule: Self.scheduleDue) == 1)
        let imported = try #require(try await fresh.ticket(1))
        #expect(imported.effectiveEvents.map(\.kind) == [.opened(Self.details), .updateLogged(note: "first")])
        #expect(imported.events.count == 4)
        // The next ticket takes the next free number.
        #expect(try await open(fresh) == 2)
    }

    @Test(arguments: StoreBackend.all)
    func anImportIsCheckedWholeAndRefusedByItsFirstBadRecord(backend: StoreBackend) async throws {
        let t0 = Self.t0
        func opened(_ id: Int, event: Int64, author: String = "sam", customer: String = "Acme") -> TicketEvent {
            var details = Self.details
            details.customer = customer
            return TicketEvent(id: event, ticketID: id, occurredAt: t0, recordedAt: t0, author: author, kind: .opened(details))
        }
        let bad: [(String, [TicketEvent])] = [
            ("#0", [opened(0, event: 1)]),
            ("#-5", [opened(-5, event: 1)]),
            ("opened twice", [opened(1, event: 1), opened(1, event: 2)]),
            ("empty author", [opened(1, event: 1, author: "")]),
            ("huge author", [opened(1, event: 1, author: String(repeating: "a", count: 1_000_000))]),
            ("huge summary", [opened(1, event: 1, customer: String(repeating: "b", count: 60_000))]),
            ("no opening", [TicketEvent(id: 1, ticketID: 1, occurredAt: t0, recordedAt: t0, author: "sam", kind: .updateLogged(note: "x"))]),
        ]
        for (what, events) in bad {
            let store = try await backend.make(nil)
            do {
                _ = try await store.importEvents([opened(9, event: 50)] + events, schedule: Self.scheduleDue)
                Issue.record("imported a file with \(what)")
            } catch let error as StoreError {
                #expect(error.message.contains("nothing was imported"), "\(what): \(error.message)")
            }
            #expect(try await store.tickets(TicketQuery(.all)).isEmpty, "\(what): part of the file was imported")
        }
    }

    @Test(arguments: StoreBackend.all)
    func concurrentWritersLoseNothing(backend: StoreBackend) async throws {
        let path = StoreBackend.temporaryPath("shared.sqlite")
        let first = try await backend.make(path)
        _ = try await open(first)
        let writers = 4
        let each = 50
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    let store = writer == 0 ? first : try await backend.make(path)
                    for n in 0..<each {
                        _ = try await store.commit(ChangeSet(author: "w\(writer)", recordedAt: Self.t0, appends: [
                            TicketAppend(ticketID: 1, expectedVersion: nil, events: [PendingEvent(.updateLogged(note: "writer \(writer) note \(n)"), at: Self.t0)]),
                        ]), schedule: Self.scheduleDue)
                    }
                }
            }
            try await group.waitForAll()
        }
        let ticket = try #require(try await first.ticket(1))
        #expect(ticket.events.count == 1 + writers * each)
        #expect(ticket.version == 1 + writers * each)
        #expect(try await first.tickets(TicketQuery(.all)).first?.version == 1 + writers * each)
    }
}
